#include "firmware/kioskd/local_api.hpp"

#include <algorithm>
#include <utility>

#include "drivers/receipt_printer/test_receipt.hpp"
#include "firmware/card_layout/specimen.hpp"
#include "firmware/engine/service_devices.hpp"
#include "firmware/kioskd/preview_image.hpp"
#include "hal/await.hpp"
#include "hal/device.hpp"

namespace kiosk::kioskd {
namespace {

using nlohmann::json;
using rpc::HandlerResult;

rpc::RpcError journal_error(const journal::Error& e) {
  return rpc::application_error(journal::to_string(e.code), e.message);
}

std::string str(const json& p, const char* key) {
  auto it = p.find(key);
  return (it != p.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

rpc::RpcError engine_error(const engine::Error& e) {
  const std::string reason = e.reason.empty() ? std::string(engine::to_string(e.code)) : e.reason;
  if (e.code == engine::Errc::unauthorised || e.code == engine::Errc::locked_out)
    return rpc::application_error(reason, e.message, rpc::codes::maintenance_required);
  // Bad input keeps -32602; the engine's reason says what was wrong with it
  // ("address_too_long", "unknown_language", ...).
  if (e.code == engine::Errc::invalid_argument)
    return rpc::make_error(rpc::codes::invalid_params, reason,
                           e.message.empty() ? reason : e.message);
  const std::string message = e.message.empty() ? reason : e.message;
  // Refusals in the kiosk's current state and device failures have their own codes.
  if (e.code == engine::Errc::invalid_state || e.code == engine::Errc::busy ||
      e.code == engine::Errc::out_of_service || e.code == engine::Errc::central_unavailable)
    return rpc::application_error(reason, message, rpc::codes::refused);
  if (e.code == engine::Errc::device)
    return rpc::application_error(reason, message, rpc::codes::device_failed);
  return rpc::application_error(reason, message);
}

// camera.preview / session.photo answer: {"jpeg", "width", "height"}. Personal data: the
// frame is wiped here and the answer is never logged or journalled.
HandlerResult image_answer(engine::Result<hal::RgbImage> image) {
  if (!image) return engine_error(image.error());
  auto encoded = encode_preview(image.value(), 640, 80);
  wipe_image(image.value());
  if (!encoded)
    return rpc::make_error(rpc::codes::internal_error, "internal_error", "image encoding failed");
  return json{{"jpeg", std::move(encoded->jpeg_base64)},
              {"width", encoded->width},
              {"height", encoded->height}};
}

json summary_json(const journal::TransactionSummary& s) {
  json j{{"id", s.id},
         {"service", s.service},
         {"started_at", s.started_at},
         {"step_count", s.step_count},
         {"personal_data_purged", s.personal_data_purged}};
  j["finished_at"] = s.finished_at ? json(*s.finished_at) : json(nullptr);
  j["outcome"] = s.outcome ? json(*s.outcome) : json(nullptr);
  j["last_step"] = s.last_step ? json(*s.last_step) : json(nullptr);
  j["step"] = j["last_step"];  // the documented name
  j["last_phase"] = s.last_phase ? json(journal::to_string(*s.last_phase)) : json(nullptr);
  return j;
}

json sync_json(sync::SyncEngine* engine) {
  if (engine == nullptr) return json{{"enabled", false}};
  const auto s = engine->status();
  json j{{"enabled", true},
         {"running", s.running},
         {"last_acknowledged", s.last_acknowledged},
         {"last_sequence", s.last_sequence},
         {"last_seq", s.last_sequence},
         {"depth", s.depth},
         {"central_reachable", s.central_reachable},
         {"circuit", std::string(sync::to_string(s.circuit))},
         {"consecutive_failures", s.consecutive_failures},
         {"records_uploaded", s.records_uploaded},
         {"config_version", s.config_version}};
  j["last_error"] = s.last_error ? json{{"code", std::string(sync::to_string(s.last_error->code))},
                                        {"message", s.last_error->message}}
                                 : json(nullptr);
  return j;
}

}  // namespace

json devices_json(DeviceSet& devices, DeviceErrors* errors) {
  json out = json::array();
  for (hal::Device* d : devices.all()) {
    const auto info = d->info();
    const auto st = devices.status_of(*d);
    const json stats = d->statistics();
    if (errors != nullptr) errors->observe(info.id, st, std::chrono::system_clock::now());
    out.push_back(
        json{{"id", info.id},
             {"device", info.id},
             {"model", info.model},
             {"transport", info.transport},
             {"state", std::string(hal::to_string(st.state))},
             {"detail", st.detail},
             {"message", st.message},
             {"statistics", stats},
             {"counters", stats},
             {"last_error", errors != nullptr ? errors->last_error(info.id) : json(nullptr)}});
  }
  return out;
}

json kiosk_status_json(LocalApiContext& ctx) {
  const auto outbox = ctx.journal->outbox_state();
  const auto st = ctx.engine->state();
  const auto screen = ctx.engine->screen();
  const auto tech = ctx.engine->maintenance().active_user();
  json j{{"kiosk_id", ctx.kiosk_id},
         {"state", st.out_of_service   ? "out_of_service"
                   : st.session_active ? "in_session"
                                       : "ready"},
         {"out_of_service", st.out_of_service},
         {"out_of_service_reason", st.out_of_service ? json(st.reason) : json(nullptr)},
         {"session_active", st.session_active},
         {"simulation", ctx.emulator != nullptr},
         {"maintenance",
          json{{"active", tech.has_value()}, {"user", tech ? json(*tech) : json(nullptr)}}},
         {"outbox_depth", outbox.depth},
         {"outbox", json{{"last_seq", outbox.last_seq},
                         {"last_acknowledged", outbox.last_acknowledged},
                         {"depth", outbox.depth}}},
         {"sync", sync_json(ctx.sync)}};
  j["session"] = st.session_active && !screen.session_id.empty()
                     ? json{{"session_id", screen.session_id},
                            {"service", screen.service},
                            {"step", screen.step ? std::string(engine::to_string(*screen.step))
                                                 : std::string()},
                            {"screen", screen.screen}}
                     : json(nullptr);
  if (ctx.sync != nullptr) {
    const auto s = ctx.sync->status();
    j["central"] = json{{"reachable", s.central_reachable},
                        {"circuit", std::string(sync::to_string(s.circuit))}};
  } else {
    j["central"] = json{{"reachable", false}, {"circuit", "open"}};
  }
  if (auto stock = ctx.journal->stock_counts(); stock.ok())
    j["stock"] = stock_json(stock.value());
  else
    j["stock"] = nullptr;
  j["services"] = services_json(*ctx.devices);
  return j;
}

json services_json(DeviceSet& set) {
  const engine::Devices devices{&set.id_reader(), &set.card_printer(), &set.receipt_printer(),
                                &set.camera(), &set.payment_scanner()};
  json out = json::object();
  for (auto service : protocol::kAllServices) {
    const auto missing = engine::missing_device(service, devices);
    out[std::string(engine::to_string(service))] =
        json{{"available", !missing.has_value()},
             {"missing_device", missing ? json(*missing) : json(nullptr)}};
  }
  return out;
}

json kiosk_status_fingerprint(LocalApiContext& ctx) {
  json j = kiosk_status_json(ctx);
  json devices = json::array();
  for (hal::Device* d : ctx.devices->all()) {
    const auto st = ctx.devices->status_of(*d);
    if (ctx.device_errors != nullptr)
      ctx.device_errors->observe(d->info().id, st, std::chrono::system_clock::now());
    // Operational details that change with every session (a card placed or taken, the camera
    // streaming, the scanner scanning) are not worth a notification; supplies and faults are.
    auto detail = st.detail;
    for (const char* busy : {"card", "stream", "scanner"}) detail.erase(busy);
    devices.push_back(json{{"state", std::string(hal::to_string(st.state))}, {"detail", detail}});
  }
  return json{{"state", j["state"]},
              {"out_of_service", j["out_of_service"]},
              {"out_of_service_reason", j["out_of_service_reason"]},
              {"session_active", j["session_active"]},
              {"maintenance", j["maintenance"]},
              {"stock", j["stock"]},
              {"services", j["services"]},
              {"devices", devices}};
}

json stock_json(const journal::StockCounts& c) {
  return json{{"loaded", c.loaded},     {"issued", c.issued},     {"spoiled", c.spoiled},
              {"retained", c.retained}, {"reserved", c.reserved}, {"remaining", c.remaining}};
}

void bind_local_api(rpc::Server& server, LocalApiContext& ctx) {
  server.add_method("session.get", [&ctx](const json&, const rpc::CallContext&) -> HandlerResult {
    return ctx.engine->screen_json();
  });
  server.add_method("session.start",
                    [&ctx](const json& p, const rpc::CallContext&) -> HandlerResult {
                      std::string language = str(p, "language");
                      if (language.empty()) language = "zh";
                      auto r = ctx.engine->start_session(str(p, "service"), language);
                      if (!r) return engine_error(r.error());
                      return engine::to_json(r.value());
                    });
  server.add_method("session.action",
                    [&ctx](const json& p, const rpc::CallContext&) -> HandlerResult {
                      const std::string action = str(p, "action");
                      if (action.empty()) return rpc::invalid_params("action");
                      auto r = ctx.engine->act(action, str(p, "value"));
                      if (!r) return engine_error(r.error());
                      return ctx.engine->screen_json();
                    });
  server.add_method("session.keep_alive",
                    [&ctx](const json&, const rpc::CallContext&) -> HandlerResult {
                      auto r = ctx.engine->keep_alive();
                      if (!r) return engine_error(r.error());
                      return json::object();
                    });
  server.add_method("session.cancel",
                    [&ctx](const json&, const rpc::CallContext&) -> HandlerResult {
                      auto r = ctx.engine->cancel();
                      if (!r) return engine_error(r.error());
                      return ctx.engine->screen_json();
                    });

  rpc::MethodOptions maint;
  maint.maintenance = true;

  server.add_method("session.photo", [&ctx](const json&, const rpc::CallContext&) -> HandlerResult {
    return image_answer(ctx.engine->photo_under_review());
  });
  server.add_method("camera.preview",
                    [&ctx](const json&, const rpc::CallContext&) -> HandlerResult {
                      return image_answer(ctx.engine->camera_preview());
                    });

  server.add_method("kiosk.status", [&ctx](const json&, const rpc::CallContext&) -> HandlerResult {
    return kiosk_status_json(ctx);
  });

  server.add_method("devices.list", [&ctx](const json&, const rpc::CallContext&) -> HandlerResult {
    return json{{"devices", devices_json(*ctx.devices, ctx.device_errors)}};
  });

  server.add_method(
      "devices.test_print",
      [&ctx](const json& p, const rpc::CallContext& call) -> HandlerResult {
        const std::string device = str(p, "device");
        if (device != "card_printer" && device != "receipt_printer")
          return rpc::invalid_params("device: card_printer or receipt_printer");
        if (ctx.engine->state().session_active)
          return rpc::application_error("session_active", "a citizen session is running",
                                        rpc::codes::refused);
        json result{{"printed", true}, {"device", device}};
        hal::DeviceError failure;
        bool ok = false;
        if (device == "card_printer") {
          // The specimen licence (synthetic data, marked as a specimen on the card).
          hal::CardPrinter& printer = ctx.devices->card_printer();
          auto specimen = card_layout::specimen_licence_job();
          if (!specimen.ok()) {
            failure = hal::make_error(hal::CompletionCode::invalidData, "layout",
                                      specimen.error().message);
          } else {
            auto printed = hal::await_completion<hal::PrintedCard>(
                printer,
                [&](hal::Completion<hal::PrintedCard> done) {
                  return printer.print_card(std::move(specimen).value(), std::move(done));
                },
                ctx.device_timeout);
            ok = printed.ok();
            if (ok)
              result["card_counter"] = printed.value().card_counter;
            else
              failure = printed.error();
          }
        } else {
          hal::ReceiptPrinter& printer = ctx.devices->receipt_printer();
          auto printed = hal::await_completion<hal::Done>(
              printer,
              [&](hal::Completion<hal::Done> done) {
                return printer.print(drivers::make_test_receipt(), std::move(done));
              },
              ctx.device_timeout);
          ok = printed.ok();
          if (!ok) failure = printed.error();
        }
        json details{{"device", device}, {"printed", ok}};
        if (!ok) details["reason"] = failure.reason;
        if (result.contains("card_counter")) details["card_counter"] = result["card_counter"];
        (void)ctx.journal->audit(call.actor, "devices.test_print", details);
        if (ctx.kiosk_changed) ctx.kiosk_changed();
        if (!ok) {
          if (ctx.device_errors != nullptr)
            ctx.device_errors->note(device, std::string(hal::to_string(failure.code)),
                                    failure.reason, std::chrono::system_clock::now());
          const bool offline = failure.code == hal::CompletionCode::deviceNotReady;
          return rpc::application_error(
              offline ? "device_offline" : "device_error", "test print failed: " + failure.reason,
              rpc::codes::device_failed, json{{"device_reason", failure.reason}});
        }
        return result;
      },
      maint);

  server.add_method(
      "devices.selftest",
      [&ctx](const json& p, const rpc::CallContext& call) -> HandlerResult {
        const std::string only = str(p, "device");
        json out = json::array();
        json results = json::array();
        bool found = only.empty();
        for (hal::Device* d : ctx.devices->all()) {
          const std::string id = d->info().id;
          if (!only.empty() && id != only) continue;
          found = true;
          auto r = d->health_check();
          json e{{"id", id}, {"ok", r.ok()}};
          json result{{"device", id}, {"passed", false}};
          if (r.ok()) {
            const auto state = std::string(hal::to_string(r.value().state));
            e["state"] = state;
            result["state"] = state;
            result["message"] = r.value().message;
            result["passed"] = r.value().state == hal::DeviceState::online ||
                               r.value().state == hal::DeviceState::busy;
          } else {
            e["reason"] = r.error().reason;
            result["state"] = std::string(hal::to_string(ctx.devices->status_of(*d).state));
            result["message"] = r.error().reason;
            if (ctx.device_errors != nullptr)
              ctx.device_errors->note(id, std::string(hal::to_string(r.error().code)),
                                      r.error().reason, std::chrono::system_clock::now());
          }
          out.push_back(e);
          results.push_back(result);
        }
        if (!found) return rpc::application_error("unknown_device", "no such device");
        (void)ctx.journal->audit(call.actor, "devices.selftest",
                                 only.empty() ? json::object() : json{{"device", only}});
        if (ctx.kiosk_changed) ctx.kiosk_changed();
        return json{{"devices", out}, {"results", results}};
      },
      maint);

  server.add_method(
      "txn.list",
      [&ctx](const json& p, const rpc::CallContext&) -> HandlerResult {
        int limit = 20;
        if (p.contains("limit")) {
          if (!p["limit"].is_number_integer() || p["limit"].get<int>() < 1 ||
              p["limit"].get<int>() > 1000)
            return rpc::invalid_params("limit: 1..1000");
          limit = p["limit"].get<int>();
        }
        auto r = ctx.journal->recent_transactions(limit);
        if (!r) return journal_error(r.error());
        json out = json::array();
        for (const auto& s : r.value()) out.push_back(summary_json(s));
        return json{{"transactions", out}};
      },
      maint);

  server.add_method(
      "txn.show",
      [&ctx](const json& p, const rpc::CallContext& call) -> HandlerResult {
        const std::string id = str(p, "id");
        if (id.empty()) return rpc::invalid_params("id");
        auto r = ctx.journal->transaction(id);
        if (!r) return journal_error(r.error());
        json steps = json::array();
        // Personal data stays in the journal: a technician sees steps, not the citizen.
        for (const auto& s : r.value().steps)
          steps.push_back(json{{"step", s.step},
                               {"phase", journal::to_string(s.phase)},
                               {"data", s.data},
                               {"idempotency_key", s.idempotency_key},
                               {"recorded_at", s.recorded_at},
                               {"outbox_seq", s.outbox_seq},
                               {"has_personal_data", !s.personal.is_null()}});
        (void)ctx.journal->audit(call.actor, "txn.show", json{{"txn", id}});
        return json{{"transaction", summary_json(r.value().summary)}, {"steps", steps}};
      },
      maint);

  server.add_method("sync.status", [&ctx](const json&, const rpc::CallContext&) -> HandlerResult {
    return sync_json(ctx.sync);
  });
  server.add_method(
      "sync.now",
      [&ctx](const json&, const rpc::CallContext& call) -> HandlerResult {
        if (ctx.sync == nullptr)
          return rpc::application_error("no_central", "no central configured");
        ctx.sync->sync_now();
        (void)ctx.journal->audit(call.actor, "sync.now", json::object());
        return json{{"started", true}};
      },
      maint);

  server.add_method("stock.status", [&ctx](const json&, const rpc::CallContext&) -> HandlerResult {
    auto r = ctx.journal->stock_counts();
    if (!r) return journal_error(r.error());
    return stock_json(r.value());
  });
  server.add_method(
      "stock.load",
      [&ctx](const json& p, const rpc::CallContext& call) -> HandlerResult {
        if (!p.contains("count") || !p["count"].is_number_unsigned() ||
            p["count"].get<std::uint64_t>() == 0)
          return rpc::invalid_params("count: a positive integer");
        const std::string first = str(p, "first_serial");
        const std::string last = str(p, "last_serial");
        if (first.empty() || last.empty()) return rpc::invalid_params("first_serial, last_serial");
        auto r = ctx.journal->load_stock(p["count"].get<std::uint64_t>(), first, last, call.actor);
        if (!r) return journal_error(r.error());
        (void)ctx.journal->audit(
            call.actor, "stock.load",
            json{{"count", p["count"]}, {"first_serial", first}, {"last_serial", last}});
        auto counts = ctx.journal->stock_counts();
        if (!counts) return journal_error(counts.error());
        if (ctx.kiosk_changed) ctx.kiosk_changed();
        return stock_json(counts.value());
      },
      maint);
  server.add_method(
      "stock.reconcile",
      [&ctx](const json&, const rpc::CallContext& call) -> HandlerResult {
        const auto stats = ctx.devices->card_printer().statistics();
        auto it = stats.find("CardsPrintedCount");
        auto rej = stats.find("CardsRejectedCount");
        const std::uint64_t counter =
            (it != stats.end() ? it->second : 0) + (rej != stats.end() ? rej->second : 0);
        auto r = ctx.journal->reconcile(counter);
        if (!r) return journal_error(r.error());
        const auto& rec = r.value();
        (void)ctx.journal->audit(call.actor, "stock.reconcile",
                                 json{{"difference", rec.difference}, {"mismatch", rec.mismatch}});
        return json{{"printer_counter", rec.printer_counter},
                    {"printer_counter_base", rec.printer_counter_base},
                    {"consumed", rec.consumed},
                    {"difference", rec.difference},
                    {"mismatch", rec.mismatch},
                    {"ok", !rec.mismatch},
                    {"expected", rec.consumed},
                    {"counts", stock_json(rec.counts)}};
      },
      maint);

  server.add_method("maintenance.login",
                    [&ctx](const json& p, const rpc::CallContext&) -> HandlerResult {
                      const std::string user = str(p, "user");
                      if (user.empty() || user.size() > 64) return rpc::invalid_params("user");
                      auto r = ctx.engine->maintenance().login(user, str(p, "password"));
                      if (!r) return engine_error(r.error());
                      if (ctx.kiosk_changed) ctx.kiosk_changed();
                      return json{{"token", r.value().token},
                                  {"expires_in", r.value().expires_in.count()},
                                  {"role", r.value().role}};
                    });
  server.add_method(
      "maintenance.logout",
      [&ctx](const json&, const rpc::CallContext& call) -> HandlerResult {
        (void)ctx.engine->maintenance().logout(call.token);
        if (ctx.kiosk_changed) ctx.kiosk_changed();
        return json{{"ok", true}, {"logged_out", true}};
      },
      maint);
  server.add_method(
      "maintenance.set_out_of_service",
      [&ctx](const json& p, const rpc::CallContext& call) -> HandlerResult {
        if (!p.contains("enabled") || !p["enabled"].is_boolean())
          return rpc::invalid_params("enabled: boolean");
        const bool enabled = p["enabled"].get<bool>();
        std::string reason = str(p, "reason");
        if (reason.empty()) reason = "technician";
        auto r = ctx.engine->set_out_of_service(enabled, reason, call.actor);
        if (!r) return engine_error(r.error());
        if (ctx.kiosk_changed) ctx.kiosk_changed();
        return json{{"out_of_service", enabled},
                    {"reason", enabled ? json(reason) : json(nullptr)}};
      },
      maint);
  server.add_method(
      "audit.list",
      [&ctx](const json& p, const rpc::CallContext&) -> HandlerResult {
        int limit = 50;
        if (p.contains("limit") && p["limit"].is_number_integer()) limit = p["limit"].get<int>();
        auto r = ctx.journal->audit_entries(std::clamp(limit, 1, 1000));
        if (!r) return journal_error(r.error());
        json out = json::array();
        for (const auto& e : r.value())
          out.push_back(json{{"id", e.id},
                             {"at", e.at},
                             {"actor", e.actor},
                             {"action", e.action},
                             {"details", e.details},
                             {"hash", e.hash}});
        auto chain = ctx.journal->verify_audit_chain();
        return json{{"entries", out}, {"chain_ok", chain.ok() && chain.value()}};
      },
      maint);

  if (ctx.bind_emulator && ctx.emulator != nullptr) ctx.bind_emulator(server, *ctx.emulator);
}

}  // namespace kiosk::kioskd
