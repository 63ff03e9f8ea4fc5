#include "firmware/kioskd/kioskd.hpp"

#include <malloc.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "firmware/crypto/key_file.hpp"
#include "firmware/engine/engine.hpp"
#include "firmware/journal/journal.hpp"
#include "firmware/kioskd/engine_adapters.hpp"
#include "firmware/kioskd/journal_outbox.hpp"
#include "firmware/kioskd/kiosk_status.hpp"
#include "firmware/kioskd/kioskd_log.hpp"
#include "firmware/kioskd/local_api.hpp"
#include "firmware/kioskd/real_devices.hpp"
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

// The CentralPort of a kiosk without central (tests): every online call is unreachable, so
// the engine refuses new sessions at the start.
class NoCentral final : public engine::CentralPort {
  static engine::Error down() {
    return engine::make_error(engine::Errc::unreachable, "no_central");
  }

 public:
  bool available() override { return false; }
  engine::Result<engine::EligibilityDecision> eligibility(const engine::EligibilityRequest&,
                                                          const std::string&) override {
    return down();
  }
  engine::Result<engine::FaceMatchResult> face_match(const engine::FaceMatchRequest&,
                                                     const std::string&) override {
    return down();
  }
  engine::Result<engine::PaymentOrder> create_payment(const engine::CreatePaymentRequest&,
                                                      const std::string&) override {
    return down();
  }
  engine::Result<engine::ChargeResult> charge_payment(const std::string&, const std::string&,
                                                      const std::string&) override {
    return down();
  }
  engine::Result<engine::PaymentOrder> payment_status(const std::string&) override {
    return down();
  }
  engine::Result<engine::PaymentOrder> cancel_payment(const std::string&,
                                                      const std::string&) override {
    return down();
  }
  engine::Result<engine::PaymentOrder> refund(const std::string&, const std::string&) override {
    return down();
  }
  engine::Result<engine::IssuanceAuthorisation> authorise_issuance(const engine::IssuanceRequest&,
                                                                   const std::string&) override {
    return down();
  }
  engine::Result<engine::ElicenceReissue> reissue_elicence(const std::string&,
                                                           const std::string&) override {
    return down();
  }
};
}  // namespace

struct Kioskd::Impl {
  KioskdConfig config;
  std::unique_ptr<SimulatedDeviceSet> simulated;  // simulation mode
  std::unique_ptr<RealDevices> real;              // a kiosk in service
  DeviceSet* devices = nullptr;
  std::unique_ptr<journal::Journal> journal;
  std::unique_ptr<JournalOutbox> outbox;
  std::unique_ptr<sync::CentralClient> central;
  std::unique_ptr<sync::SyncEngine> sync;
  std::unique_ptr<JournalAdapter> journal_port;
  std::unique_ptr<engine::CentralPort> central_port;
  LicenceCardRenderer renderer;
  engine::SystemClock clock;
  std::unique_ptr<engine::Engine> engine;
  std::unique_ptr<rpc::Server> server;
  std::vector<engine::RecoveredTransaction> recovered;
  LocalApiContext api;
  DeviceErrors device_errors;
  std::unique_ptr<StatusWatch> status_watch;  // sends kiosk.changed
  // The watch, once it exists: the device supervisor pokes it from its own thread.
  std::atomic<StatusWatch*> watch{nullptr};
  std::atomic<bool> running{false};

  // Housekeeping: personal data of finished, acknowledged transactions is purged once the
  // retention period has passed (at start, then every purge_interval); transactions left
  // unfinished while central was away are settled again every settle_interval (the engine
  // does it between sessions), so a refund owed is paid back soon after central returns,
  // not at the next restart.
  std::thread housekeeping;
  std::thread settler;
  std::mutex housekeeping_m;
  std::condition_variable housekeeping_cv;
  bool housekeeping_stop = false;

  void purge_loop() {
    auto log = kioskd_log();
    std::unique_lock lock(housekeeping_m);
    while (!housekeeping_stop) {
      lock.unlock();
      auto purged = journal->purge_personal_data(config.retention);
      if (log && purged.ok() && purged.value() > 0) {
        log->info("event=personal_data_purged transactions={}", purged.value());
      } else if (log && !purged.ok()) {
        log->warn("event=purge_failed error={}", journal::to_string(purged.error().code));
      }
      lock.lock();
      housekeeping_cv.wait_for(lock, config.purge_interval, [this] { return housekeeping_stop; });
    }
  }

  void settle_loop() {
    std::unique_lock lock(housekeeping_m);
    while (!housekeeping_cv.wait_for(lock, config.settle_interval,
                                     [this] { return housekeeping_stop; })) {
      lock.unlock();
      auto settled = engine->recover();
      if (!settled.empty()) {
        if (StatusWatch* w = watch.load()) w->poke();  // the kiosk may have changed service
      }
      lock.lock();
    }
  }
};

Kioskd::Kioskd(const KioskdConfig& config) : impl_(std::make_unique<Impl>()) {
  impl_->config = config;
}

std::unique_ptr<Kioskd> Kioskd::create(const KioskdConfig& config, std::string* error,
                                       const Simulation& simulation) {
  auto fail = [error](std::string m) -> std::unique_ptr<Kioskd> {
    if (error) *error = std::move(m);
    return nullptr;
  };
  if (config.simulation.enabled && !simulation.make_devices)
    return fail(
        "simulation.enabled = true, but this build has no simulation (KIOSK_SIMULATION "
        "is off): configure the real devices in [device.*] sections");
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
  if (!j)
    return fail(std::string("journal: ") + journal::to_string(j.error().code) + ": " +
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
    ep.office_cert_file = config.central.office_cert_file.string();
    ep.pinned_public_key = config.central.pinned_public_key;
    d.central = std::make_unique<sync::CentralClient>(ep);
    sync::SyncOptions so;
    so.upload_interval =
        std::chrono::duration_cast<std::chrono::milliseconds>(config.sync_interval);
    so.heartbeat_interval =
        std::chrono::duration_cast<std::chrono::milliseconds>(config.heartbeat_interval);
    Impl* impl = &d;
    so.heartbeat_provider = [impl]() {
      nlohmann::json hb{{"devices", devices_json(*impl->devices)},
                        {"outbox_depth", impl->journal->outbox_state().depth},
                        {"out_of_service", impl->engine->state().out_of_service}};
      if (auto s = impl->journal->stock_counts(); s.ok()) hb["stock"] = stock_json(s.value());
      return hb;
    };
    // Technician credentials come with central's signed configuration.
    so.config_handler = [impl](const sync::ConfigUpdate& update) {
      impl->engine->maintenance().set_credentials(update.document.technicians);
      return true;
    };
    d.sync = std::make_unique<sync::SyncEngine>(*d.central, *d.outbox, so);
    d.central_port = std::make_unique<CentralAdapter>(*d.central);
  } else {
    d.central_port = std::make_unique<NoCentral>();
  }
  d.journal_port = std::make_unique<JournalAdapter>(*d.journal);

  Impl* self = &d;
  if (config.simulation.enabled) {
    d.simulated = simulation.make_devices(config.simulation);
    d.devices = d.simulated.get();
    // The engine wants its devices open before it runs; a failed open shows in devices.list.
    for (hal::Device* dev : d.devices->all()) (void)dev->open();
  } else {
    std::string why;
    d.real = RealDevices::create(config.devices, &why);
    if (!d.real) return fail("devices: " + why);
    d.devices = d.real.get();
    // Opens what is plugged in now (recovery may need the card printer), then watches.
    d.real->start([self] {
      if (StatusWatch* w = self->watch.load()) w->poke();
    });
  }
  engine::EngineOptions eo;
  eo.kiosk_id = config.kiosk_id;
  eo.idle_timeout = std::chrono::duration_cast<std::chrono::milliseconds>(config.idle_timeout);
  eo.idle_warning = std::min(eo.idle_warning, eo.idle_timeout / 2);
  eo.card_take_timeout =
      std::chrono::duration_cast<std::chrono::milliseconds>(config.card_take_timeout);
  // Device-paced waits follow the emulators' time scale in simulation (tests run at 0.01).
  const double scale = config.simulation.enabled ? config.simulation.time_scale : 1.0;
  auto scaled = [scale](std::chrono::milliseconds real) {
    return std::chrono::milliseconds(std::llround(static_cast<double>(real.count()) * scale));
  };
  eo.capture_countdown =
      scaled(std::chrono::duration_cast<std::chrono::milliseconds>(config.capture_countdown));
  // A two-sided licence (YMCKO front, K back) takes about 18 s on the card printer (the
  // emulator keeps the real device's timings: load, panels, turn, eject).
  eo.print_estimate = scaled(std::chrono::milliseconds(18'000));
  // The engine polls the ID reader and the card mouth; at the emulators' pace a poll of 200 ms
  // was most of a renewal at time scale 0. 10 ms at least: never a busy loop.
  eo.poll_interval =
      std::max(std::chrono::milliseconds(10), scaled(engine::EngineOptions{}.poll_interval));
  eo.unsettled_payment_limit =
      std::chrono::duration_cast<std::chrono::milliseconds>(config.unsettled_payment_limit);
  engine::Devices devs{&d.devices->id_reader(), &d.devices->card_printer(),
                       &d.devices->receipt_printer(), &d.devices->camera(),
                       &d.devices->payment_scanner()};
  d.engine = std::make_unique<engine::Engine>(*d.journal_port, *d.central_port, devs, d.renderer,
                                              d.clock, eo);
  rpc::ServerOptions ro;
  ro.path = config.socket_path;
  ro.simulation = config.simulation.enabled;
  engine::Engine* eng = d.engine.get();
  ro.validate_token = [eng](const std::string& token) -> std::optional<std::string> {
    auto r = eng->maintenance().check(token);
    if (!r) return std::nullopt;
    return r.value().user;
  };
  d.server = std::make_unique<rpc::Server>(ro);

  d.api.kiosk_id = config.kiosk_id;
  d.api.journal = d.journal.get();
  d.api.devices = d.devices;
  d.api.emulator = d.simulated.get();
  d.api.bind_emulator = simulation.bind_methods;
  d.api.sync = d.sync.get();
  d.api.engine = d.engine.get();
  d.api.device_errors = &d.device_errors;
  d.api.device_timeout = eo.device_timeout;
  rpc::Server* server = d.server.get();
  LocalApiContext* api = &d.api;
  // kiosk.changed carries the kiosk.status result; it is sent whenever the watched part of it
  // changes, whoever changed it (a method, the engine, a device), checked every second and at
  // once after a method or a screen change pokes the watcher.
  d.status_watch = std::make_unique<StatusWatch>(
      [api]() { return kiosk_status_fingerprint(*api); },
      [server, api]() { server->notify("kiosk.changed", kiosk_status_json(*api)); },
      std::chrono::milliseconds(1000));
  StatusWatch* watch = d.status_watch.get();
  d.watch = watch;
  d.api.kiosk_changed = [watch]() { watch->poke(); };
  d.engine->on_screen_changed([server, watch](const engine::Screen& screen) {
    server->notify("session.changed", engine::to_json(screen));
    watch->poke();
    // Back on the attract screen: hand the session's freed buffers (camera frames, the card's
    // panels, the photo and its encodings) back to the system, so that a kiosk's resident
    // memory stays flat from one citizen to the next instead of keeping its peak.
    if (screen.session_id.empty()) ::malloc_trim(0);
  });
  bind_local_api(*d.server, d.api);
  return k;
}

bool Kioskd::start(std::string* error) {
  if (impl_->running.exchange(true)) return true;
  // Finish or compensate what a crash left unfinished before any new session can start.
  impl_->recovered = impl_->engine->recover();
  if (impl_->sync) impl_->sync->start();
  {
    std::lock_guard lock(impl_->housekeeping_m);
    impl_->housekeeping_stop = false;
  }
  impl_->housekeeping = std::thread([this] { impl_->purge_loop(); });
  impl_->settler = std::thread([this] { impl_->settle_loop(); });
  auto r = impl_->server->start();
  if (!r) {
    if (error) *error = "local API: " + r.error().message;
    impl_->running = false;
    if (impl_->sync) impl_->sync->stop();
    stop_housekeeping();
    return false;
  }
  impl_->status_watch->start();
  return true;
}

void Kioskd::stop() {
  if (!impl_->running.exchange(false)) return;
  impl_->status_watch->stop();
  impl_->server->stop();  // no new calls; running handlers return first
  if (impl_->sync) impl_->sync->stop();
  stop_housekeeping();
}

void Kioskd::stop_housekeeping() {
  {
    std::lock_guard lock(impl_->housekeeping_m);
    impl_->housekeeping_stop = true;
  }
  impl_->housekeeping_cv.notify_all();
  if (impl_->housekeeping.joinable()) impl_->housekeeping.join();
  if (impl_->settler.joinable()) impl_->settler.join();
}

Kioskd::~Kioskd() {
  stop();
  if (impl_->real) impl_->real->stop();  // no reopening while the engine winds down
  impl_->watch = nullptr;
  if (impl_->engine) impl_->engine.reset();  // aborts a running session, joins its thread
  if (impl_->devices)
    for (hal::Device* d : impl_->devices->all()) d->close();
}

bool Kioskd::healthy() const {
  return impl_->running.load();
}

DeviceSet& Kioskd::devices() {
  return *impl_->devices;
}
EmulatorControl* Kioskd::emulator() {
  return impl_->simulated.get();
}
const KioskdConfig& Kioskd::config() const {
  return impl_->config;
}
journal::Journal& Kioskd::journal() {
  return *impl_->journal;
}
sync::SyncEngine* Kioskd::sync_engine() {
  return impl_->sync.get();
}
engine::Engine& Kioskd::engine() {
  return *impl_->engine;
}
const std::vector<engine::RecoveredTransaction>& Kioskd::recovered() const {
  return impl_->recovered;
}
rpc::Server& Kioskd::server() {
  return *impl_->server;
}

}  // namespace kiosk::kioskd
