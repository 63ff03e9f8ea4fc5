#pragma once
// Test fixtures: the real kiosk-central (dev PKI, seeded registry, SQLite) in-process on a
// loopback port, kioskd configs pointing at it, kioskd as a child process, and the
// technician's login. No Catch2 here: bench/kioskd uses them too (running_kioskd.hpp has the
// in-process kioskd of the tests).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>

#include "central/server/admin.hpp"
#include "central/store/store.hpp"
#include "firmware/kioskd/config.hpp"
#include "firmware/rpc/client.hpp"
#include "tests/support/kioskd_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace kiosk::testing {

class InProcessCentral {
 public:
  // `port` 0: any free one; a given port brings the office back where kiosks look for it.
  explicit InProcessCentral(std::filesystem::path dir, int port = 0) : dir_(std::move(dir)) {
    thread_ = std::thread([this, port] {
      std::ostringstream out;
      const std::string listen = "127.0.0.1:" + std::to_string(port);
      central::admin::dev(dir_, listen, &stop_, out, [this](int bound) {
        std::lock_guard lock(m_);
        port_ = bound;
        cv_.notify_all();
      });
      std::lock_guard lock(m_);
      done_ = true;
      cv_.notify_all();
    });
    std::unique_lock lock(m_);
    cv_.wait(lock, [this] { return port_ != 0 || done_; });
  }
  ~InProcessCentral() {
    stop_ = true;
    thread_.join();
  }
  int port() const { return port_; }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }
  std::filesystem::path pki() const { return dir_ / "pki"; }
  std::string db_url() const { return "sqlite:" + (dir_ / "central.db").string(); }
  std::uint64_t acknowledged(const std::string& kiosk_id) const {
    return central::store::open_store(db_url())->head(kiosk_id).seq;
  }

 private:
  std::filesystem::path dir_;
  std::atomic<bool> stop_{false};
  std::mutex m_;
  std::condition_variable cv_;
  int port_ = 0;
  bool done_ = false;
  std::thread thread_;
};

inline kioskd::KioskdConfig kioskd_config(const std::filesystem::path& dir,
                                          const InProcessCentral* central) {
  kioskd::KioskdConfig c;
  c.kiosk_id = "kiosk-dev-001";
  c.socket_path = dir / "kioskd.sock";
  c.journal_path = dir / "journal.db";
  c.data_key_file = dir / "data.key";
  c.simulation.enabled = true;
  c.simulation.time_scale = 0.01;
  c.simulation.artifact_dir = dir / "artifacts";
  c.sync_interval = std::chrono::seconds(1);
  if (central != nullptr) {
    c.central.url = central->url();
    c.central.ca_file = central->pki() / "ca.pem";
    c.central.cert_file = central->pki() / "kiosks" / "kiosk-dev-001.pem";
    c.central.key_file = central->pki() / "kiosks" / "kiosk-dev-001.key";
    c.central.office_cert_file = central->pki() / "office.pem";
  }
  c.signing_key_file = central != nullptr ? c.central.key_file : std::filesystem::path();
  return c;
}

// Technician credentials arrive with central's signed config (pulled by sync at start); wait
// for it before logging in: failed logins count towards the lockout. False when it never came.
inline bool wait_for_config(rpc::Client& c) {
  for (int i = 0; i < 2000; ++i) {
    auto s = c.call("sync.status");
    if (s && s.value().value("config_version", 0) >= 1) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

// stock.load's parameters: `count` blank cards serialled C0000001 onwards.
inline nlohmann::json blank_cards(const std::string& token, int count) {
  char last[16];
  std::snprintf(last, sizeof last, "C%07d", count);
  return {{"token", token}, {"count", count}, {"first_serial", "C0000001"}, {"last_serial", last}};
}

// A maintenance token of the dev technician, or "" when the login never succeeded.
inline std::string technician_token(rpc::Client& c) {
  if (!wait_for_config(c)) return "";
  for (int i = 0; i < 3; ++i) {
    auto r =
        c.call("maintenance.login", nlohmann::json{{"user", "tech"}, {"password", "kiosk24-dev"}});
    if (r) return r.value()["token"];
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return "";
}

// Writes `c` as a kioskd configuration file, for kioskd run as a child process; `extra` (more
// sections, e.g. an EmulatedKernel's [device.*]) is appended.
inline void write_kioskd_conf(const kioskd::KioskdConfig& c, const std::filesystem::path& file,
                              std::string_view extra = {}) {
  std::ofstream f(file);
  f << "[kiosk]\nid = " << c.kiosk_id << "\nsocket = " << c.socket_path.string()
    << "\njournal = " << c.journal_path.string() << "\ndata_key_file = " << c.data_key_file.string()
    << "\n[central]\nurl = " << c.central.url << "\nca_file = " << c.central.ca_file.string()
    << "\ncert_file = " << c.central.cert_file.string()
    << "\nkey_file = " << c.central.key_file.string()
    << "\noffice_cert_file = " << c.central.office_cert_file.string()
    << "\n[sync]\ninterval_seconds = " << c.sync_interval.count()
    << "\n[timeouts]\ncapture_countdown_seconds = " << c.capture_countdown.count()
    << "\n[simulation]\nenabled = " << (c.simulation.enabled ? "true" : "false")
    << "\ntime_scale = " << c.simulation.time_scale
    << "\nartifact_dir = " << c.simulation.artifact_dir.string() << "\n"
    << extra;
}

}  // namespace kiosk::testing
