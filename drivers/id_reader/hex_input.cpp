#include "drivers/id_reader/hex_input.hpp"

#include <algorithm>
#include <string>

namespace kiosk::drivers::id_reader {
namespace {

bool is_text_byte(unsigned char c) {
  return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_separator(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == ',' || c == ';';
}

// Appends the bytes of one word ("0xAA", "aa", "aaaaaa96", "AAh"); false if not hex.
bool append_word(std::string_view w, std::vector<std::uint8_t>& out) {
  if (w.size() >= 2 && w[0] == '0' && (w[1] == 'x' || w[1] == 'X')) w.remove_prefix(2);
  if (!w.empty() && (w.back() == 'h' || w.back() == 'H')) w.remove_suffix(1);
  if (w.empty() || w.size() % 2 != 0) {
    // A single digit is one byte ("0x5" in a hand-written list).
    if (w.size() == 1 && hex_value(w[0]) >= 0) {
      out.push_back(static_cast<std::uint8_t>(hex_value(w[0])));
      return true;
    }
    return false;
  }
  for (std::size_t i = 0; i < w.size(); i += 2) {
    const int hi = hex_value(w[i]);
    const int lo = hex_value(w[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<std::uint8_t>(hi << 4 | lo));
  }
  return true;
}

std::vector<std::string_view> words(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_separator(line[i])) ++i;
    std::size_t j = i;
    while (j < line.size() && !is_separator(line[j])) ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

// usbmon addresses look like "Bi:1:003:1" (type, direction, bus, device, endpoint).
bool is_usbmon_address(std::string_view w) {
  return w.size() >= 3 && w[2] == ':' &&
         std::string_view("BCIZ").find(w[0]) != std::string_view::npos &&
         (w[1] == 'i' || w[1] == 'o');
}

}  // namespace

hal::Result<std::vector<std::uint8_t>> parse_hex_or_binary(std::string_view contents) {
  const bool text = std::all_of(contents.begin(), contents.end(),
                                [](char c) { return is_text_byte(static_cast<unsigned char>(c)); });
  std::vector<std::uint8_t> out;
  if (!text) {
    out.assign(contents.begin(), contents.end());
    return out;
  }
  std::size_t pos = 0;
  while (pos <= contents.size()) {
    std::size_t eol = contents.find('\n', pos);
    if (eol == std::string_view::npos) eol = contents.size();
    std::string_view line = contents.substr(pos, eol - pos);
    pos = eol + 1;
    const auto ws = words(line);
    const auto addr = std::find_if(ws.begin(), ws.end(), is_usbmon_address);
    if (addr != ws.end()) {
      if ((*addr)[1] == 'o') continue;  // host to device
      const auto eq = std::find(addr, ws.end(), std::string_view("="));
      if (eq == ws.end()) continue;  // a submission or completion without data
      for (auto it = eq + 1; it != ws.end(); ++it) {
        if (!append_word(*it, out)) {
          return hal::make_error(hal::CompletionCode::invalidData, "hex",
                                 "usbmon data word is not hex");
        }
      }
      continue;
    }
    for (auto w : ws) {
      if (!append_word(w, out)) {
        return hal::make_error(hal::CompletionCode::invalidData, "hex",
                               "input is neither binary nor hex text");
      }
    }
  }
  if (out.empty())
    return hal::make_error(hal::CompletionCode::invalidData, "empty", "no bytes in the input");
  return out;
}

}  // namespace kiosk::drivers::id_reader
