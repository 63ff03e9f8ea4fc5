#pragma once
// kioskd's configuration file: INI-style sections of `key = value` lines, `#` comments.
// kioskd.conf.example documents every key; parse_config rejects unknown keys and bad values
// with the line number (never silently ignores a typo in a security setting).
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>

namespace kiosk::kioskd {

struct SimulationConfig {
  bool enabled = false;     // emulated devices behind the real drivers
  double time_scale = 1.0;  // emulator timings: 1 realistic, 0 instant
  std::filesystem::path artifact_dir = "/var/lib/kioskd/artifacts";  // card/receipt PNGs
};

struct CentralConfig {
  std::string url;  // "https://central.example:8443"; empty = offline kiosk (tests)
  std::filesystem::path ca_file, cert_file, key_file;
  std::filesystem::path office_cert_file;  // verifies central's signed config; optional
  std::chrono::milliseconds connect_timeout{2000};
  std::chrono::milliseconds request_timeout{5000};
};

struct KioskdConfig {
  std::string kiosk_id;
  std::filesystem::path socket_path = "/run/kioskd/kioskd.sock";
  std::filesystem::path journal_path = "/var/lib/kioskd/journal.db";
  std::filesystem::path data_key_file = "/var/lib/kioskd/data.key";  // 32 bytes, mode 0600
  std::filesystem::path signing_key_file;  // kiosk's ECDSA P-256 key (PEM); default: central.key
  CentralConfig central;
  SimulationConfig simulation;
  std::chrono::hours retention{24 * 30};       // personal data kept after acknowledgement
  std::chrono::seconds purge_interval{600};    // how often expired personal data is purged
  std::chrono::seconds idle_timeout{60};       // citizen inactivity before the session ends
  std::chrono::seconds card_take_timeout{60};  // card left in the mouth is then retained
  // Face positioning before each capture (the UI counts down over the live preview); scaled
  // by simulation.time_scale in simulation mode, like the emulators.
  std::chrono::seconds capture_countdown{3};
  std::chrono::seconds maintenance_idle{600};  // technician session idle expiry
  std::chrono::seconds sync_interval{5};       // outbox upload period when idle
  std::chrono::seconds heartbeat_interval{60};
};

struct ConfigError {
  int line = 0;  // 0: not tied to a line (missing key, unreadable file)
  std::string message;
};

using ConfigResult = std::variant<KioskdConfig, ConfigError>;

ConfigResult parse_config(const std::string& text);
ConfigResult load_config(const std::filesystem::path& path);

}  // namespace kiosk::kioskd
