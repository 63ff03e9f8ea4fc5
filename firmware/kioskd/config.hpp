#pragma once
// kioskd's configuration file: INI-style sections of `key = value` lines, `#` comments.
// kioskd.conf.example documents every key; parse_config rejects unknown keys and bad values
// with the line number (never silently ignores a typo in a security setting).
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "hal/camera.hpp"

namespace kiosk::kioskd {

struct SimulationConfig {
  bool enabled = false;     // emulated devices behind the real drivers
  double time_scale = 1.0;  // emulator timings: 1 realistic, 0 instant
  std::filesystem::path artifact_dir = "/var/lib/kioskd/artifacts";  // card/receipt PNGs
};

// What identifies one device of a kiosk in service (real-device mode), from its
// [device.<id>] section. Exactly one way to reach it is set; which ones a device accepts is
// checked by parse_config (USB for the readers and printers, V4L2 for the camera, serial or
// evdev for the payment scanner).
struct UsbId {
  std::uint16_t vid = 0;
  std::uint16_t pid = 0;
};

struct DeviceConfig {
  std::optional<UsbId> usb;  // `usb = 0400:c35a`
  // `usb_port = 1-1.2`: only the device in that socket (bus 1, hub port 1, port 2), for a
  // kiosk with two devices of one model; empty: any port.
  std::optional<std::uint8_t> usb_bus;
  std::vector<std::uint8_t> usb_port;
  std::filesystem::path serial;  // `serial = /dev/serial/by-id/...`
  int baud = 9600;
  bool rts_cts = false;         // `flow_control = rtscts | none`
  std::filesystem::path evdev;  // `evdev = /dev/input/by-id/...-event-kbd` (keyboard scanner)
  std::filesystem::path v4l2;   // `v4l2 = /dev/v4l/by-id/...-video-index0`
  // ID reader only: `wlt_library = /usr/lib/.../libwlt.so`, the licensed decoder of the chip's
  // photo (drivers/id_reader/wlt_library.hpp); empty: cards are read without their photo.
  std::filesystem::path wlt_library;
  // Camera only: `format = yuyv|mjpeg`, `power_line_hz = 50|60|0`, `frame_rate = 0..60`,
  // `lock_exposure = true|false` (drivers::V4l2CameraSettings; the defaults are the driver's).
  std::optional<hal::PixelFormat> format;
  std::optional<int> power_line_hz, frame_rate;
  std::optional<bool> lock_exposure;
  // The device node of a serial or evdev device (empty for USB).
  const std::filesystem::path& configured_node() const { return serial.empty() ? evdev : serial; }
  bool configured() const {
    return usb.has_value() || !serial.empty() || !evdev.empty() || !v4l2.empty();
  }
};

struct DevicesConfig {
  DeviceConfig id_reader, card_printer, receipt_printer, camera, payment_scanner;
  // How often a missing serial, evdev or V4L2 device is looked for (USB devices are
  // reported by hotplug as well).
  std::chrono::milliseconds rescan_interval{1000};
};

struct CentralConfig {
  std::string url;  // "https://central.example:8443"; empty = offline kiosk (tests)
  std::filesystem::path ca_file, cert_file, key_file;
  std::filesystem::path office_cert_file;  // verifies central's signed config; optional
  std::string pinned_public_key;           // "sha256//<base64>" of central's TLS key; optional
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
  DevicesConfig devices;                     // real-device mode (simulation.enabled = false)
  std::chrono::hours retention{24 * 30};     // personal data kept after acknowledgement
  std::chrono::seconds purge_interval{600};  // how often expired personal data is purged
  // How often transactions left unfinished (central away) are settled again, and how long a
  // refund may stay owed before the kiosk goes out of service ("unsettled_payment").
  std::chrono::seconds settle_interval{10};
  std::chrono::minutes unsettled_payment_limit{15};
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
