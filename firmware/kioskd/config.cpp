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

std::optional<std::uint16_t> hex16(const std::string& v) {
  if (v.empty() || v.size() > 4) return std::nullopt;
  unsigned out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out, 16);
  if (ec != std::errc() || p != v.data() + v.size()) return std::nullopt;
  return static_cast<std::uint16_t>(out);
}

// "1-1.2": bus 1, then the hub ports from the root (sysfs naming, as `lsusb -t` shows it).
bool parse_usb_port(const std::string& v, DeviceConfig& d) {
  const auto dash = v.find('-');
  if (dash == std::string::npos || dash == 0) return false;
  auto bus = integer(v.substr(0, dash));
  if (!bus || *bus == 0 || *bus > 255) return false;
  std::vector<std::uint8_t> ports;
  std::istringstream in(v.substr(dash + 1));
  std::string part;
  while (std::getline(in, part, '.')) {
    auto n = integer(part);
    if (!n || *n == 0 || *n > 255) return false;
    ports.push_back(static_cast<std::uint8_t>(*n));
  }
  if (ports.empty() || ports.size() > 7) return false;
  d.usb_bus = static_cast<std::uint8_t>(*bus);
  d.usb_port = std::move(ports);
  return true;
}

using DeviceSetter = std::function<std::optional<std::string>(DeviceConfig&, const std::string&)>;

// The keys of every [device.<id>] section.
const std::map<std::string, DeviceSetter>& device_setters() {
  static const std::map<std::string, DeviceSetter> table =
      {
          {"usb",
           [](DeviceConfig& d, const std::string& v) -> std::optional<std::string> {
             const auto colon = v.find(':');
             if (colon == std::string::npos) return "expects <vid>:<pid> in hex, e.g. 0400:c35a";
             auto vid = hex16(v.substr(0, colon));
             auto pid = hex16(v.substr(colon + 1));
             if (!vid || !pid) return "expects <vid>:<pid> in hex, e.g. 0400:c35a";
             d.usb = UsbId{*vid, *pid};
             return std::nullopt;
           }},
          {"usb_port",
           [](DeviceConfig& d, const std::string& v) -> std::optional<std::string> {
             if (!parse_usb_port(v, d)) return "expects <bus>-<port>[.<port>...], e.g. 1-1.2";
             return std::nullopt;
           }},
          {"serial",
           [](DeviceConfig& d, const std::string& v) -> std::optional<std::string> {
             if (v.empty() || v.front() != '/') return "expects an absolute path";
             d.serial = v;
             return std::nullopt;
           }},
          {"baud",
           [](DeviceConfig& d, const std::string& v) -> std::optional<std::string> {
             auto n = integer(v);
             static constexpr int kRates[] = {1200,  2400,   4800,   9600,   19200, 38400,
                                              57600, 115200, 230400, 460800, 921600};
             for (int rate : kRates)
               if (n && *n == rate) {
                 d.baud = rate;
                 return std::nullopt;
               }
             return "expects a standard rate (1200 ... 921600)";
           }},
          {"flow_control",
           [](DeviceConfig& d, const std::string& v) -> std::optional<std::string> {
             if (v != "rtscts" && v != "none") return "expects rtscts or none";
             d.rts_cts = v == "rtscts";
             return std::nullopt;
           }},
          {"evdev",
           [](DeviceConfig& d, const std::string& v) -> std::optional<std::string> {
             if (v.empty() || v.front() != '/') return "expects an absolute path";
             d.evdev = v;
             return std::nullopt;
           }},
          {"v4l2",
           [](DeviceConfig& d, const std::string& v) -> std::optional<std::string> {
             if (v.empty() || v.front() != '/') return "expects an absolute path";
             d.v4l2 = v;
             return std::nullopt;
           }},
          {"wlt_library",
           [](DeviceConfig& d, const std::string& v) -> std::optional<std::string> {
             if (v.empty() || v.front() != '/') return "expects an absolute path";
             d.wlt_library = v;
             return std::nullopt;
           }},
          {"power_line_hz",
           [](DeviceConfig& d, const std::string& v) -> std::optional<std::string> {
             auto n = integer(v);
             if (!n || (*n != 0 && *n != 50 && *n != 60))
               return "expects 50, 60 or 0 (camera's own)";
             d.power_line_hz = static_cast<int>(*n);
             return std::nullopt;
           }},
          {"frame_rate",
           [](DeviceConfig& d, const std::string& v) -> std::optional<std::string> {
             auto n = integer(v);
             if (!n || *n < 0 || *n > 60) return "expects 0..60 (0: the camera's default)";
             d.frame_rate = static_cast<int>(*n);
             return std::nullopt;
           }},
          {"format",
           [](DeviceConfig& d, const std::string& v) -> std::optional<std::string> {
             if (v != "yuyv" && v != "mjpeg") return "expects yuyv or mjpeg";
             d.format = v == "mjpeg" ? hal::PixelFormat::mjpeg : hal::PixelFormat::yuyv;
             return std::nullopt;
           }},
          {"lock_exposure",
           [](DeviceConfig& d, const std::string& v) -> std::optional<std::string> {
             if (v != "true" && v != "false") return "expects true or false";
             d.lock_exposure = v == "true";
             return std::nullopt;
           }},
      };
  return table;
}

DeviceConfig* device_section(KioskdConfig& c, const std::string& id) {
  if (id == "id_reader") return &c.devices.id_reader;
  if (id == "card_printer") return &c.devices.card_printer;
  if (id == "receipt_printer") return &c.devices.receipt_printer;
  if (id == "camera") return &c.devices.camera;
  if (id == "payment_scanner") return &c.devices.payment_scanner;
  return nullptr;
}

// "device.card_printer.usb" -> the setter of that device's key; empty for any other key.
std::optional<Setter> device_setter(const std::string& key) {
  static const std::string prefix = "device.";
  if (key.rfind(prefix, 0) != 0) return std::nullopt;
  const auto dot = key.find('.', prefix.size());
  if (dot == std::string::npos) return std::nullopt;
  const std::string id = key.substr(prefix.size(), dot - prefix.size());
  const auto it = device_setters().find(key.substr(dot + 1));
  if (it == device_setters().end()) return std::nullopt;
  KioskdConfig probe;
  if (device_section(probe, id) == nullptr) return std::nullopt;
  DeviceSetter set = it->second;
  return Setter(
      [id, set](KioskdConfig& c, const std::string& v) { return set(*device_section(c, id), v); });
}

// Real-device mode needs every device said, each reached the way its kind allows.
std::optional<std::string> check_devices(const DevicesConfig& d) {
  struct Rule {
    const char* id;
    const char* ways;
    bool ok;
  };
  const auto only_usb = [](const DeviceConfig& x) {
    return x.usb.has_value() && x.serial.empty() && x.evdev.empty() && x.v4l2.empty();
  };
  const auto& s = d.payment_scanner;
  const Rule rules[] = {
      {"id_reader", "usb", only_usb(d.id_reader)},
      {"card_printer", "usb", only_usb(d.card_printer)},
      {"receipt_printer", "usb", only_usb(d.receipt_printer)},
      {"camera", "v4l2",
       !d.camera.v4l2.empty() && !d.camera.usb && d.camera.serial.empty() &&
           d.camera.evdev.empty()},
      {"payment_scanner", "serial or evdev (one of them)",
       (s.serial.empty() != s.evdev.empty()) && !s.usb && s.v4l2.empty()},
  };
  for (const Rule& r : rules)
    if (!r.ok)
      return std::string("[device.") + r.id + "] needs " + r.ways +
             " (simulation.enabled = false: the kiosk drives its real devices)";
  // Keys of one kind of device, said of another, are a mistake worth stopping for.
  for (const DeviceConfig* x : {&d.card_printer, &d.receipt_printer, &d.camera, &d.payment_scanner})
    if (!x->wlt_library.empty()) return std::string("wlt_library belongs in [device.id_reader]");
  for (const DeviceConfig* x :
       {&d.id_reader, &d.card_printer, &d.receipt_printer, &d.payment_scanner})
    if (x->power_line_hz || x->frame_rate || x->lock_exposure || x->format)
      return std::string(
          "format, power_line_hz, frame_rate and lock_exposure belong in [device.camera]");
  return std::nullopt;
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
      {"kiosk.settle_interval_seconds", duration(&KioskdConfig::settle_interval)},
      {"kiosk.unsettled_payment_minutes", duration(&KioskdConfig::unsettled_payment_limit)},
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
      {"central.pinned_public_key",
       [](KioskdConfig& c, const std::string& v) -> std::optional<std::string> {
         if (v.rfind("sha256//", 0) != 0 || v.size() < 8 + 44)
           return "expects sha256//<base64 of the SHA-256 of central's public key>";
         c.central.pinned_public_key = v;
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
      {"devices.rescan_ms",
       [](KioskdConfig& c, const std::string& v) -> std::optional<std::string> {
         auto n = integer(v);
         if (!n || *n < 50 || *n > 60'000) return "expects 50 ... 60000";
         c.devices.rescan_interval = std::chrono::milliseconds(*n);
         return std::nullopt;
       }},
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
    std::optional<Setter> device = it == setters().end() ? device_setter(key) : std::nullopt;
    if (it == setters().end() && !device) return ConfigError{line_no, "unknown key " + key};
    const Setter& set = device ? *device : it->second;
    if (auto err = set(config, value)) return ConfigError{line_no, key + ": " + *err};
  }
  if (config.kiosk_id.empty()) return ConfigError{0, "kiosk.id is required"};
  if (!config.central.url.empty() &&
      (config.central.ca_file.empty() || config.central.cert_file.empty() ||
       config.central.key_file.empty()))
    return ConfigError{0, "central.url needs central.ca_file, cert_file and key_file"};
  if (config.signing_key_file.empty()) config.signing_key_file = config.central.key_file;
  if (!config.simulation.enabled) {
    if (auto err = check_devices(config.devices)) return ConfigError{0, *err};
  }
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
