#pragma once
// The reference central office (kiosk-central's Api + DomainServices + HttpsServer) in this
// process on a loopback port with real mutual TLS: its dev PKI made by admin::pki_init in a
// temp dir, a SQLite store seeded with the synthetic registry and config v1. The server can
// be stopped and started again on the same port (a network cut).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "central/server/api.hpp"
#include "central/server/https_server.hpp"
#include "central/store/store.hpp"
#include "firmware/sync/central_client.hpp"
#include "firmware/sync/outbox_source.hpp"
#include "protocol/crypto/keys.hpp"
#include "protocol/wire/record.hpp"

namespace kiosk::sync::testing {

// 2026-11-28T12:00:00Z, the day the registry is seeded for.
inline constexpr std::int64_t kNow = 1795867200;

class Office {
 public:
  Office();
  ~Office();
  void start();  // on the same port as before once one was chosen
  void stop();
  int port() const { return port_; }
  std::string base_url() const;
  std::filesystem::path pki_dir() const { return dir_ / "pki"; }
  std::filesystem::path dir() const { return dir_; }
  central::store::Store& db() { return *db_; }

  // The endpoint of dev kiosk n (kiosk-dev-00n) with the office certificate for signatures.
  CentralEndpoint endpoint(int n = 1) const;
  std::string kiosk_id(int n = 1) const;
  std::string kiosk_key_pem(int n = 1) const;
  // The ID number of the seeded citizen in `scenario` (e.g. "due_for_renewal").
  static std::string citizen(const std::string& scenario);

 private:
  std::filesystem::path dir_;
  std::unique_ptr<central::store::Store> db_;
  std::unique_ptr<central::server::Api> api_;
  std::unique_ptr<central::server::HttpsServer> https_;
  central::server::HttpsOptions https_options_;
  int port_ = 0;
};

// An in-memory outbox of signed, hash-chained records of one kiosk.
class FakeOutbox : public OutboxSource {
 public:
  FakeOutbox(std::string kiosk_id, const std::string& key_pem);
  // Appends `n` records ("test.event", payload {"n": seq}); returns the last seq.
  std::uint64_t append(int n);
  std::vector<protocol::wire::Record> records() const;

  Result<std::vector<protocol::wire::Record>> outbox_after(std::uint64_t seq,
                                                           std::size_t limit) override;
  Result<Done> mark_acknowledged(std::uint64_t seq) override;
  std::uint64_t last_acknowledged() override;
  std::uint64_t last_sequence() override;
  // Test hooks.
  void set_last_acknowledged(std::uint64_t seq);
  std::vector<std::uint64_t> acknowledgements() const;  // every mark_acknowledged argument

 private:
  mutable std::mutex mutex_;
  std::string kiosk_id_;
  protocol::PrivateKey key_;
  std::vector<protocol::wire::Record> records_;
  std::uint64_t acked_ = 0;
  std::vector<std::uint64_t> marks_;
};

// The office, a client of it as dev kiosk 1 and that kiosk's outbox: where most cases start.
struct DevKiosk {
  Office office;
  CentralClient client{office.endpoint()};
  FakeOutbox outbox{office.kiosk_id(), office.kiosk_key_pem()};
};

}  // namespace kiosk::sync::testing
