#include "firmware/kioskd/kioskd.hpp"

#include <atomic>
#include <fstream>
#include <sstream>

#include "firmware/crypto/key_file.hpp"
#include "firmware/journal/journal.hpp"
#include "firmware/kioskd/journal_outbox.hpp"
#include "firmware/kioskd/local_api.hpp"
#include "firmware/kioskd/maintenance.hpp"
#include "firmware/kioskd/simulated_devices.hpp"
#include "firmware/rpc/server.hpp"
#include "firmware/sync/central_client.hpp"
#include "firmware/sync/sync_engine.hpp"

namespace kiosk::kioskd {
namespace {
std::optional<std::string> read_file(const std::filesystem::path& p) {
  std::ifstream f(p);
  if (!f) return std::nullopt;
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}
}  // namespace

struct Kioskd::Impl {
  KioskdConfig config;
  std::unique_ptr<SimulatedDevices> simulated;
  DeviceSet* devices = nullptr;
  std::unique_ptr<journal::Journal> journal;
  std::unique_ptr<JournalOutbox> outbox;
  std::unique_ptr<sync::CentralClient> central;
  std::unique_ptr<sync::SyncEngine> sync;
  std::unique_ptr<MaintenanceSessions> maintenance;
  std::unique_ptr<rpc::Server> server;
  std::atomic<bool> out_of_service{false};
  LocalApiContext api;
  std::atomic<bool> running{false};
};

Kioskd::Kioskd(const KioskdConfig& config) : impl_(std::make_unique<Impl>()) {
  impl_->config = config;
}

Kioskd::~Kioskd() { stop(); }

std::unique_ptr<Kioskd> Kioskd::create(const KioskdConfig& config, std::string* error) {
  auto fail = [error](std::string m) -> std::unique_ptr<Kioskd> {
    if (error) *error = std::move(m);
    return nullptr;
  };
  if (!config.simulation.enabled)
    return fail("real-device mode is not built yet: set simulation.enabled = true");
  std::unique_ptr<Kioskd> k(new Kioskd(config));
  Impl& d = *k->impl_;

  auto key = crypto::load_or_create_key(config.data_key_file);
  if (!key) return fail("data key: " + key.error().message);
  const auto pem = read_file(config.signing_key_file);
  if (!pem) return fail("cannot read the signing key file");
  journal::JournalOptions jo;
  jo.path = config.journal_path;
  jo.data_key = key.value();
  jo.kiosk_id = config.kiosk_id;
  jo.signing_key_pem = *pem;
  auto j = journal::Journal::open(std::move(jo));
  if (!j) return fail(std::string("journal: ") + journal::to_string(j.error().code) + ": " +
                      j.error().message);
  d.journal = std::move(j).value();
  d.outbox = std::make_unique<JournalOutbox>(*d.journal);

  if (!config.central.url.empty()) {
    sync::CentralEndpoint ep;
    ep.base_url = config.central.url;
    ep.ca_file = config.central.ca_file.string();
    ep.cert_file = config.central.cert_file.string();
    ep.key_file = config.central.key_file.string();
    ep.connect_timeout = config.central.connect_timeout;
    ep.request_timeout = config.central.request_timeout;
    d.central = std::make_unique<sync::CentralClient>(ep);
    sync::SyncOptions so;
    so.upload_interval = std::chrono::duration_cast<std::chrono::milliseconds>(config.sync_interval);
    so.heartbeat_interval =
        std::chrono::duration_cast<std::chrono::milliseconds>(config.heartbeat_interval);
    Impl* impl = &d;
    so.heartbeat_provider = [impl]() {
      nlohmann::json hb{{"devices", devices_json(*impl->devices)},
                        {"outbox_depth", impl->journal->outbox_state().depth},
                        {"out_of_service", impl->out_of_service.load()}};
      if (auto s = impl->journal->stock_counts(); s.ok()) hb["stock"] = stock_json(s.value());
      return hb;
    };
    d.sync = std::make_unique<sync::SyncEngine>(*d.central, *d.outbox, so);
  }

  SimulationOptions sim;
  sim.artifact_dir = config.simulation.artifact_dir;
  sim.time_scale = config.simulation.time_scale;
  d.simulated = std::make_unique<SimulatedDevices>(sim);
  d.devices = d.simulated.get();

  d.maintenance = std::make_unique<MaintenanceSessions>(*d.journal, config.maintenance_idle);
  rpc::ServerOptions ro;
  ro.path = config.socket_path;
  ro.simulation = config.simulation.enabled;
  MaintenanceSessions* m = d.maintenance.get();
  ro.validate_token = [m](const std::string& token) { return m->validate(token); };
  d.server = std::make_unique<rpc::Server>(ro);

  d.api.kiosk_id = config.kiosk_id;
  d.api.journal = d.journal.get();
  d.api.devices = d.devices;
  d.api.emulator = d.simulated.get();
  d.api.sync = d.sync.get();
  d.api.maintenance = d.maintenance.get();
  d.api.out_of_service = &d.out_of_service;
  rpc::Server* server = d.server.get();
  d.api.kiosk_changed = [server]() { server->notify("kiosk.changed", nlohmann::json::object()); };
  bind_local_api(*d.server, d.api);
  return k;
}

bool Kioskd::start(std::string* error) {
  if (impl_->running.exchange(true)) return true;
  for (hal::Device* d : impl_->devices->all()) (void)d->open();  // failures show in status
  if (impl_->sync) impl_->sync->start();
  auto r = impl_->server->start();
  if (!r) {
    if (error) *error = "local API: " + r.error().message;
    impl_->running = false;
    if (impl_->sync) impl_->sync->stop();
    for (hal::Device* d : impl_->devices->all()) d->close();
    return false;
  }
  return true;
}

void Kioskd::stop() {
  if (!impl_->running.exchange(false)) return;
  impl_->server->stop();  // no new calls; running handlers return first
  if (impl_->sync) impl_->sync->stop();
  for (hal::Device* d : impl_->devices->all()) d->close();
}

bool Kioskd::healthy() const { return impl_->running.load(); }

DeviceSet& Kioskd::devices() { return *impl_->devices; }
EmulatorControl* Kioskd::emulator() { return impl_->simulated.get(); }
const KioskdConfig& Kioskd::config() const { return impl_->config; }
journal::Journal& Kioskd::journal() { return *impl_->journal; }
sync::SyncEngine* Kioskd::sync_engine() { return impl_->sync.get(); }
MaintenanceSessions& Kioskd::maintenance() { return *impl_->maintenance; }
rpc::Server& Kioskd::server() { return *impl_->server; }

}  // namespace kiosk::kioskd
