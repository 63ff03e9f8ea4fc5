#pragma once
// Test fixtures: the real kiosk-central (dev PKI, seeded registry, SQLite) in-process on a
// loopback port, and kioskd configs pointing at it.
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>

#include "central/server/admin.hpp"
#include "central/store/store.hpp"
#include "firmware/kioskd/config.hpp"

namespace kiosk::testing {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    char tmpl[] = "/tmp/kioskd-test-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

class InProcessCentral {
 public:
  explicit InProcessCentral(std::filesystem::path dir) : dir_(std::move(dir)) {
    thread_ = std::thread([this] {
      std::ostringstream out;
      central::admin::dev(dir_, "127.0.0.1:0", &stop_, out, [this](int port) {
        std::lock_guard lock(m_);
        port_ = port;
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

}  // namespace kiosk::testing
