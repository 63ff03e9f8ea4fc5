#pragma once
// Searching files for a synthetic citizen's personal data in every encoding it could take in a
// log or a database page: UTF-8 as is, JSON \uXXXX escapes (lower and upper case hex), base64
// and hex of the bytes.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "protocol/encoding/base64.hpp"

namespace kiosk::testing {

struct PersonalData {
  std::string name;
  std::string id_number;
  std::string address;
};

struct Encoded {
  std::string label;  // e.g. "id_number base64"
  std::string bytes;
};

inline std::string json_escaped(const std::string& utf8, bool upper) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    unsigned cp = c;
    std::size_t n = 1;
    if (c >= 0xF0) {
      cp = c & 0x07u, n = 4;
    } else if (c >= 0xE0) {
      cp = c & 0x0Fu, n = 3;
    } else if (c >= 0xC0) {
      cp = c & 0x1Fu, n = 2;
    }
    for (std::size_t k = 1; k < n && i + k < utf8.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
    i += n;
    char buf[16];
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x10000) {
      std::snprintf(buf, sizeof buf, upper ? "\\u%04X" : "\\u%04x", cp);
      out += buf;
    } else {
      cp -= 0x10000;
      std::snprintf(buf, sizeof buf, upper ? "\\u%04X\\u%04X" : "\\u%04x\\u%04x",
                    0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
      out += buf;
    }
  }
  return out;
}

inline std::string hex_of(const std::string& bytes, bool upper) {
  std::string out;
  char buf[4];
  for (unsigned char c : bytes) {
    std::snprintf(buf, sizeof buf, upper ? "%02X" : "%02x", c);
    out += buf;
  }
  return out;
}

inline std::vector<Encoded> encodings(const PersonalData& who) {
  std::vector<Encoded> out;
  for (const auto& [field, value] : {std::pair<std::string, std::string>{"name", who.name},
                                     {"id_number", who.id_number},
                                     {"address", who.address}}) {
    if (value.empty()) continue;
    out.push_back({field + " utf-8", value});
    if (field != "id_number") {
      out.push_back({field + " json \\u escapes", json_escaped(value, false)});
      out.push_back({field + " json \\U escapes", json_escaped(value, true)});
    }
    out.push_back({field + " base64", protocol::base64_encode(value)});
    out.push_back({field + " hex", hex_of(value, false)});
    out.push_back({field + " HEX", hex_of(value, true)});
  }
  return out;
}

inline std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary | std::ios::ate);
  if (!in) return {};
  std::string bytes(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

// One line per hit: "<file>: <label>" (missing files are skipped).
inline std::vector<std::string> find_personal_data(const std::vector<std::filesystem::path>& files,
                                                   const std::vector<PersonalData>& people) {
  std::vector<std::string> found;
  for (const auto& file : files) {
    const std::string bytes = file_bytes(file);
    for (const auto& who : people)
      for (const auto& e : encodings(who))
        if (bytes.find(e.bytes) != std::string::npos)
          found.push_back(file.string() + ": " + e.label);
  }
  return found;
}

}  // namespace kiosk::testing
