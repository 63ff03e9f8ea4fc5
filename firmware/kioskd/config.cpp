#include "firmware/kioskd/config.hpp"

#include <charconv>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

namespace kiosk::kioskd {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::optional<long long> integer(const std::string& v) {
  long long out = 0;
  const auto* end = v.data() + v.size();
  auto [p, ec] = std::from_chars(v.data(), end, out);
  if (ec != std::errc() || p != end || out < 0) return std::nullopt;
  return out;
}

std::optional<bool> boolean(const std::string& v) {
  if (v == "true" || v == "yes" || v == "on" || v == "1") return true;
  if (v == "false" || v == "no" || v == "off" || v == "0") return false;
  return std::nullopt;
}

using Setter = std::function<std::optional<std::string>(KioskdConfig&, const std::string&)>;

template <class Duration>
Setter duration(Duration KioskdConfig::*member) {
  return [member](KioskdConfig& c, const std::string& v) -> std::optional<std::string> {
    auto n = integer(v);
    if (!n) return "expects a non-negative integer";
    c.*member = Duration(*n);
    return std::nullopt;
  };
}

Setter path(std::filesystem::path KioskdConfig::*member) {
  return [member](KioskdConfig& c, const std::string& v) -> std::optional<std::string> {
    c.*member = v;
    return std::nullopt;
  };
}

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> table = {
      {"kiosk.id",
       [](KioskdConfig& c, const std::string& v) -> std::optional<std::string> {
         if (v.empty() || v.size() > 64) return "expects 1..64 characters";
         c.kiosk_id = v;
         return std::nullopt;
       }},
      {"kiosk.socket", path(&KioskdConfig::socket_path)},
      {"kiosk.journal", path(&KioskdConfig::journal_path)},
      {"kiosk.data_key_file", path(&KioskdConfig::data_key_file)},
      {"kiosk.signing_key_file", path(&KioskdConfig::signing_key_file)},
      {"kiosk.retention_hours", duration(&KioskdConfig::retention)},
      {"kiosk.purge_interval_seconds", duration(&KioskdConfig::purge_interval)},
      {"central.url",
       [](KioskdConfig& c, const std::string& v) -> std::optional<std::string> {
         if (!v.empty() && v.rfind("https://", 0) != 0) return "expects an https:// URL";
         c.central.url = v;
         return std::nullopt;
       }},
      {"central.ca_file",
       [](KioskdConfig& c, const std::string& v) -> std::optional<std::string> {
         c.central.ca_file = v;
         return std::nullopt;
       }},
      {"central.cert_file",
       [](KioskdConfig& c, const std::string& v) -> std::optional<std::string> {
         c.central.cert_file = v;
         return std::nullopt;
       }},
      {"central.key_file",
       [](KioskdConfig& c, const std::string& v) -> std::optional<std::string> {
         c.central.key_file = v;
         return std::nullopt;
       }},
      {"central.office_cert_file",
       [](KioskdConfig& c, const std::string& v) -> std::optional<std::string> {
         c.central.office_cert_file = v;
         return std::nullopt;
       }},
      {"central.connect_timeout_ms",
       [](KioskdConfig& c, const std::string& v) -> std::optional<std::string> {
         auto n = integer(v);
         if (!n || *n == 0) return "expects a positive integer";
         c.central.connect_timeout = std::chrono::milliseconds(*n);
         return std::nullopt;
       }},
      {"central.request_timeout_ms",
       [](KioskdConfig& c, const std::string& v) -> std::optional<std::string> {
         auto n = integer(v);
         if (!n || *n == 0) return "expects a positive integer";
         c.central.request_timeout = std::chrono::milliseconds(*n);
         return std::nullopt;
       }},
      {"simulation.enabled",
       [](KioskdConfig& c, const std::string& v) -> std::optional<std::string> {
         auto b = boolean(v);
         if (!b) return "expects true or false";
         c.simulation.enabled = *b;
         return std::nullopt;
       }},
      {"simulation.time_scale",
       [](KioskdConfig& c, const std::string& v) -> std::optional<std::string> {
         std::istringstream in(v);
         double d = -1;
         in >> d;
         if (!in || !in.eof() || d < 0) return "expects a number >= 0";
         c.simulation.time_scale = d;
         return std::nullopt;
       }},
      {"simulation.artifact_dir",
       [](KioskdConfig& c, const std::string& v) -> std::optional<std::string> {
         c.simulation.artifact_dir = v;
         return std::nullopt;
       }},
      {"timeouts.idle_seconds", duration(&KioskdConfig::idle_timeout)},
      {"timeouts.card_take_seconds", duration(&KioskdConfig::card_take_timeout)},
      {"timeouts.capture_countdown_seconds", duration(&KioskdConfig::capture_countdown)},
      {"timeouts.maintenance_idle_seconds", duration(&KioskdConfig::maintenance_idle)},
      {"sync.interval_seconds", duration(&KioskdConfig::sync_interval)},
      {"sync.heartbeat_seconds", duration(&KioskdConfig::heartbeat_interval)},
  };
  return table;
}

}  // namespace

ConfigResult parse_config(const std::string& text) {
  KioskdConfig config;
  std::istringstream in(text);
  std::string raw;
  std::string section;
  int line_no = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    const auto hash = raw.find('#');
    const std::string line = trim(hash == std::string::npos ? raw : raw.substr(0, hash));
    if (line.empty()) continue;
    if (line.front() == '[') {
      if (line.back() != ']' || line.size() < 3) return ConfigError{line_no, "malformed section"};
      section = trim(line.substr(1, line.size() - 2));
      continue;
    }
    const auto eq = line.find('=');
    if (eq == std::string::npos) return ConfigError{line_no, "expected key = value"};
    const std::string key = section + "." + trim(line.substr(0, eq));
    const std::string value = trim(line.substr(eq + 1));
    const auto it = setters().find(key);
    if (it == setters().end()) return ConfigError{line_no, "unknown key " + key};
    if (auto err = it->second(config, value)) return ConfigError{line_no, key + ": " + *err};
  }
  if (config.kiosk_id.empty()) return ConfigError{0, "kiosk.id is required"};
  if (!config.central.url.empty() &&
      (config.central.ca_file.empty() || config.central.cert_file.empty() ||
       config.central.key_file.empty()))
    return ConfigError{0, "central.url needs central.ca_file, cert_file and key_file"};
  if (config.signing_key_file.empty()) config.signing_key_file = config.central.key_file;
  return config;
}

ConfigResult load_config(const std::filesystem::path& path) {
  std::ifstream f(path);
  if (!f) return ConfigError{0, "cannot read " + path.string()};
  std::ostringstream text;
  text << f.rdbuf();
  return parse_config(text.str());
}

}  // namespace kiosk::kioskd
