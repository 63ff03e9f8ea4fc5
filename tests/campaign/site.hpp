#pragma once
// The two real parts the campaign runs as child processes: the office (`kiosk-central serve`
// on a fixed loopback port and SQLite database, so it can be killed and brought back where the
// kiosk looks for it) and the kiosk (kioskd in simulation mode, its data directory on a small
// tmpfs of its own when mounting is permitted, so that its disk can be filled).
#include <filesystem>
#include <memory>
#include <string>

#include "firmware/rpc/client.hpp"
#include "tests/campaign/child_process.hpp"

namespace kiosk::campaign {

struct Binaries {
  std::string kioskd;
  std::string central;
};

class Office {
 public:
  // pki init, seed (with configuration v1), then serve on a free port. Throws on failure.
  Office(std::filesystem::path dir, std::string binary);
  void start();  // serve (again) on the same port and database; waits until it accepts
  void kill() { serve_.kill(); }
  bool up() const { return serve_.running(); }
  bool died(std::string& how) { return serve_.died(how); }
  // Re-seeds the synthetic registry (their licences as new: the same citizens renew again).
  bool reseed();
  // Every request answered 503 before ("before") or after ("after") it is handled; "" clears.
  void answer_5xx(const std::string& when);
  Output reconcile_json() const;
  Output verify_chain(const std::string& kiosk_id) const;

  int port() const { return port_; }
  std::filesystem::path pki() const { return dir_ / "pki"; }
  std::string db_url() const { return "sqlite:" + (dir_ / "central.db").string(); }

 private:
  std::filesystem::path dir_;
  std::string binary_;
  int port_ = 0;
  Child serve_;
};

class Kiosk {
 public:
  static constexpr const char* kId = "kiosk-dev-001";
  Kiosk(std::filesystem::path dir, std::string binary, const Office& office, double time_scale);
  ~Kiosk();
  // Starts kioskd and waits for its local API (false: it never answered).
  bool start();
  void kill() {
    client_.reset();
    kioskd_.kill();
  }
  // A technician's power cycle: SIGTERM, then start again (in simulation the emulated devices
  // live inside kioskd, so an unplugged one is plugged in again only so).
  bool power_cycle() {
    client_.reset();
    kioskd_.stop();
    return start();
  }
  // Starts kioskd without waiting: a kill soon after lands in its start-up recovery.
  void spawn();
  bool running() const { return kioskd_.running(); }
  bool died(std::string& how) { return kioskd_.died(how); }
  // The local API (reconnects when the connection broke); nullptr when kioskd does not answer.
  rpc::Client* api();
  std::filesystem::path socket() const { return data_ / "kioskd.sock"; }
  std::string log() const;

  // Disk: only with a data directory of its own (a tmpfs could be mounted).
  bool own_filesystem() const { return mounted_; }
  void fill_disk();
  void free_disk();
  void clear_artifacts();

 private:
  std::filesystem::path dir_, data_;
  std::string binary_;
  bool mounted_ = false;
  Child kioskd_;
  std::unique_ptr<rpc::Client> client_;
};

}  // namespace kiosk::campaign
