#include "tests/firmware/sync/office.hpp"

#include <unistd.h>

#include <sstream>
#include <stdexcept>
#include <thread>

#include "central/pki/pki.hpp"
#include "central/registry/registry.hpp"
#include "central/server/admin.hpp"
#include "central/server/domain_services.hpp"

namespace kiosk::sync::testing {

using namespace kiosk::central;

Office::Office() {
  char tmpl[] = "/tmp/kiosk-sync-XXXXXX";
  const char* made = ::mkdtemp(tmpl);
  if (!made) throw std::runtime_error("mkdtemp failed");
  dir_ = made;
  std::ostringstream log;
  if (admin::pki_init(pki_dir(), log) != 0) throw std::runtime_error("pki_init: " + log.str());
  db_ = store::open_store("sqlite:" + (dir_ / "central.db").string());
  if (admin::seed(*db_, admin::SeedOptions{"2026-11-28", pki_dir()}, log) != 0) {
    throw std::runtime_error("seed: " + log.str());
  }
  auto ca = pki::read_certified_key(pki_dir() / "ca.pem", pki_dir() / "ca.key");
  auto office = pki::read_certified_key(pki_dir() / "office.pem", pki_dir() / "office.key");
  if (!ca || !office) throw std::runtime_error("pki files unreadable");
  server::ApiOptions options;
  options.now = [] { return kNow; };
  api_ = std::make_unique<server::Api>(
      *db_,
      std::make_shared<server::DomainServices>(server::DomainOptions{
          *ca, *office, nullptr, payment::OutcomeTable::default_table(), 730}),
      options);
  https_options_.port = 0;
  https_options_.threads = 4;
  https_options_.server_cert_pem = protocol::read_text_file(pki_dir() / "server.pem").value();
  https_options_.server_key_pem = protocol::read_text_file(pki_dir() / "server.key").value();
  https_options_.client_ca_pem = ca->cert.to_pem();
  start();
}

Office::~Office() {
  stop();
  api_.reset();
  db_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

void Office::start() {
  if (https_) return;
  auto options = https_options_;
  options.port = port_;
  https_ = std::make_unique<server::HttpsServer>(*api_, options);
  port_ = https_->start();
  // cpp-httplib's stop() is a no-op until its accept loop runs (HttpsServer::stop would then
  // wait forever), so wait for a first answer: an anonymous request gets 401 once it serves.
  auto probe_endpoint = endpoint();
  probe_endpoint.cert_file.clear();
  probe_endpoint.key_file.clear();
  CentralClient probe(probe_endpoint);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    auto r = probe.acknowledged_position();
    if (r.ok() || r.error().code == Errc::rejected) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  throw std::runtime_error("the office did not start serving");
}

void Office::stop() {
  if (!https_) return;
  https_->stop();
  https_.reset();
}

std::string Office::base_url() const {
  return "https://127.0.0.1:" + std::to_string(port_);
}

std::string Office::kiosk_id(int n) const {
  return pki::dev_kiosk_id(n);
}

std::string Office::kiosk_key_pem(int n) const {
  return protocol::read_text_file(pki_dir() / "kiosks" / (kiosk_id(n) + ".key")).value();
}

CentralEndpoint Office::endpoint(int n) const {
  CentralEndpoint e;
  e.base_url = base_url();
  e.ca_file = (pki_dir() / "ca.pem").string();
  e.cert_file = (pki_dir() / "kiosks" / (kiosk_id(n) + ".pem")).string();
  e.key_file = (pki_dir() / "kiosks" / (kiosk_id(n) + ".key")).string();
  e.office_cert_file = (pki_dir() / "office.pem").string();
  e.connect_timeout = std::chrono::milliseconds(1000);
  e.request_timeout = std::chrono::milliseconds(5000);
  return e;
}

std::string Office::citizen(const std::string& scenario) {
  for (const auto& c : registry::seed_registry(registry::parse_date("2026-11-28").value())) {
    if (c.scenario == scenario) return c.licence.holder.id_number;
  }
  throw std::runtime_error("no citizen for scenario " + scenario);
}

// ---- FakeOutbox ----
FakeOutbox::FakeOutbox(std::string kiosk_id, const std::string& key_pem)
    : kiosk_id_(std::move(kiosk_id)), key_(protocol::PrivateKey::from_pem(key_pem).value()) {}

std::uint64_t FakeOutbox::append(int n) {
  std::lock_guard lock(mutex_);
  for (int i = 0; i < n; ++i) {
    const std::uint64_t seq = records_.size() + 1;
    const std::string prev = records_.empty() ? std::string(wire::kGenesisHash)
                                              : wire::record_hash(records_.back()).value();
    auto rec = wire::make_signed_record(kiosk_id_, seq, "test.event", "2026-11-28T12:00:00Z",
                                        nlohmann::json{{"n", seq}}, prev, key_);
    records_.push_back(std::move(rec.value()));
  }
  return records_.size();
}

std::vector<protocol::wire::Record> FakeOutbox::records() const {
  std::lock_guard lock(mutex_);
  return records_;
}

Result<std::vector<protocol::wire::Record>> FakeOutbox::outbox_after(std::uint64_t seq,
                                                                     std::size_t limit) {
  std::lock_guard lock(mutex_);
  std::vector<protocol::wire::Record> out;
  for (std::uint64_t s = seq + 1; s <= records_.size() && out.size() < limit; ++s) {
    out.push_back(records_[s - 1]);
  }
  return out;
}

Result<Done> FakeOutbox::mark_acknowledged(std::uint64_t seq) {
  std::lock_guard lock(mutex_);
  if (seq < acked_ || seq > records_.size()) {
    return make_error(Errc::outbox, "acknowledgement out of range");
  }
  acked_ = seq;
  marks_.push_back(seq);
  return Done{};
}

std::uint64_t FakeOutbox::last_acknowledged() {
  std::lock_guard lock(mutex_);
  return acked_;
}

std::uint64_t FakeOutbox::last_sequence() {
  std::lock_guard lock(mutex_);
  return records_.size();
}

void FakeOutbox::set_last_acknowledged(std::uint64_t seq) {
  std::lock_guard lock(mutex_);
  acked_ = seq;
}

std::vector<std::uint64_t> FakeOutbox::acknowledgements() const {
  std::lock_guard lock(mutex_);
  return marks_;
}

}  // namespace kiosk::sync::testing
