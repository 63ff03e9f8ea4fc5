#pragma once
// Binds the local-API methods that kioskd itself answers (everything except session.*, which
// the transaction engine answers) onto the rpc server:
//   session.get, session.start, session.action, session.keep_alive, session.cancel,
//   session.photo,
//   camera.preview (the engine), kiosk.status, devices.list, devices.selftest*,
//   devices.test_print*, txn.list*, txn.show*, sync.status,
//   sync.now*, stock.status, stock.load*, stock.reconcile*, maintenance.login,
//   maintenance.logout*, maintenance.set_out_of_service*, audit.list*, and in simulation mode
//   emulator.citizens, emulator.place_id_card, emulator.remove_id_card,
//   emulator.present_payment_code, emulator.take_card, emulator.inject_fault,
//   emulator.clear_faults, emulator.artifacts.
// (* = maintenance token required; the server checks it before the handler runs.)
#include <atomic>
#include <functional>
#include <string>

#include "firmware/engine/engine.hpp"
#include "firmware/journal/journal.hpp"
#include "firmware/kioskd/devices.hpp"
#include "firmware/kioskd/kiosk_status.hpp"
#include "firmware/rpc/server.hpp"
#include "firmware/sync/sync_engine.hpp"

namespace kiosk::kioskd {

struct LocalApiContext {
  std::string kiosk_id;
  journal::Journal* journal = nullptr;
  DeviceSet* devices = nullptr;
  EmulatorControl* emulator = nullptr;  // null outside simulation
  // Binds the emulator.* methods (simulation builds: bind_emulator_api); empty otherwise.
  std::function<void(rpc::Server&, EmulatorControl&)> bind_emulator;
  sync::SyncEngine* sync = nullptr;  // null without central
  engine::Engine* engine = nullptr;
  DeviceErrors* device_errors = nullptr;              // last error per device; may be null
  std::chrono::milliseconds device_timeout{120'000};  // longest wait for a test print
  std::function<void()> kiosk_changed;  // the kiosk's state may have changed: "kiosk.changed"
};

void bind_local_api(rpc::Server& server, LocalApiContext& context);

// The JSON forms the methods answer with (also used by the heartbeat).
nlohmann::json devices_json(DeviceSet& devices, DeviceErrors* errors = nullptr);
// The kiosk.status result (also the params of the kiosk.changed notification).
nlohmann::json kiosk_status_json(LocalApiContext& context);
// The part of kiosk.status whose change is announced with kiosk.changed: state, out of service,
// maintenance, session running, device states and details, stock.
nlohmann::json kiosk_status_fingerprint(LocalApiContext& context);
nlohmann::json stock_json(const journal::StockCounts& counts);
// {"renewal": {"available": bool, "missing_device": "card_printer" | null}, ...}: a service
// is available while every device it needs is there (engine/service_devices.hpp).
nlohmann::json services_json(DeviceSet& devices);

}  // namespace kiosk::kioskd
