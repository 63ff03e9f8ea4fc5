#include "firmware/kioskd/local_api.hpp"

#include <algorithm>

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
  if (e.code == engine::Errc::invalid_argument) return rpc::invalid_params(e.message);
  return rpc::application_error(reason, e.message.empty() ? reason : e.message);
}

HandlerResult emulator_answer(const std::string& reason) {
  if (reason.empty()) return json{{"ok", true}};
  return rpc::application_error(reason, "emulator refused: " + reason);
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

json devices_json(DeviceSet& devices) {
  json out = json::array();
  for (hal::Device* d : devices.all()) {
    const auto info = d->info();
    const auto st = d->status();
    out.push_back(json{{"id", info.id},
                       {"model", info.model},
                       {"transport", info.transport},
                       {"state", std::string(hal::to_string(st.state))},
                       {"detail", st.detail},
                       {"message", st.message},
                       {"statistics", d->statistics()}});
  }
  return out;
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
  server.add_method("session.cancel",
                    [&ctx](const json&, const rpc::CallContext&) -> HandlerResult {
                      auto r = ctx.engine->cancel();
                      if (!r) return engine_error(r.error());
                      return ctx.engine->screen_json();
                    });

  rpc::MethodOptions maint;
  maint.maintenance = true;
  rpc::MethodOptions sim;
  sim.simulation_only = true;

  server.add_method("kiosk.status", [&ctx](const json&, const rpc::CallContext&) -> HandlerResult {
    const auto outbox = ctx.journal->outbox_state();
    json j{{"kiosk_id", ctx.kiosk_id},
           {"out_of_service", ctx.engine->state().out_of_service},
           {"out_of_service_reason", ctx.engine->state().reason},
           {"session_active", ctx.engine->state().session_active},
           {"simulation", ctx.emulator != nullptr},
           {"outbox", json{{"last_seq", outbox.last_seq},
                           {"last_acknowledged", outbox.last_acknowledged},
                           {"depth", outbox.depth}}},
           {"sync", sync_json(ctx.sync)}};
    return j;
  });

  server.add_method("devices.list", [&ctx](const json&, const rpc::CallContext&) -> HandlerResult {
    return json{{"devices", devices_json(*ctx.devices)}};
  });

  server.add_method(
      "devices.selftest",
      [&ctx](const json&, const rpc::CallContext& call) -> HandlerResult {
        json out = json::array();
        for (hal::Device* d : ctx.devices->all()) {
          auto r = d->health_check();
          json e{{"id", d->info().id}, {"ok", r.ok()}};
          if (r.ok())
            e["state"] = std::string(hal::to_string(r.value().state));
          else
            e["reason"] = r.error().reason;
          out.push_back(e);
        }
        (void)ctx.journal->audit(call.actor, "devices.selftest", json::object());
        return json{{"devices", out}};
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
                    {"counts", stock_json(rec.counts)}};
      },
      maint);

  server.add_method("maintenance.login",
                    [&ctx](const json& p, const rpc::CallContext&) -> HandlerResult {
                      const std::string user = str(p, "user");
                      if (user.empty() || user.size() > 64) return rpc::invalid_params("user");
                      auto r = ctx.engine->maintenance().login(user, str(p, "password"));
                      if (!r) return engine_error(r.error());
                      return json{{"token", r.value().token},
                                  {"expires_in", r.value().expires_in.count()},
                                  {"role", r.value().role}};
                    });
  server.add_method(
      "maintenance.logout",
      [&ctx](const json&, const rpc::CallContext& call) -> HandlerResult {
        (void)ctx.engine->maintenance().logout(call.token);
        return json{{"ok", true}};
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
        return json{{"out_of_service", enabled}};
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

  if (ctx.emulator == nullptr) return;
  EmulatorControl& emu = *ctx.emulator;
  server.add_method(
      "emulator.citizens",
      [&emu](const json&, const rpc::CallContext&) -> HandlerResult {
        json out = json::array();
        for (const auto& c : emu.citizens())
          out.push_back(json{{"id_number", c.id_number}, {"label", c.label}});
        return json{{"citizens", out}};
      },
      sim);
  server.add_method(
      "emulator.place_id_card",
      [&emu](const json& p, const rpc::CallContext&) -> HandlerResult {
        return emulator_answer(emu.place_id_card(str(p, "id_number")));
      },
      sim);
  server.add_method(
      "emulator.remove_id_card",
      [&emu](const json&, const rpc::CallContext&) -> HandlerResult {
        return emulator_answer(emu.remove_id_card());
      },
      sim);
  server.add_method(
      "emulator.present_payment_code",
      [&emu](const json& p, const rpc::CallContext&) -> HandlerResult {
        std::string code = str(p, "code");
        if (code.empty()) {
          // A wallet name stands for that wallet's demo code (synthetic, central's simulator).
          const std::string wallet = str(p, "wallet");
          if (wallet == "alipay")
            code = "284012345678901234";
          else if (wallet == "wechat")
            code = "134012345678901234";
        }
        return emulator_answer(emu.present_payment_code(code));
      },
      sim);
  server.add_method(
      "emulator.take_card",
      [&emu](const json&, const rpc::CallContext&) -> HandlerResult {
        return emulator_answer(emu.take_card());
      },
      sim);
  server.add_method(
      "emulator.inject_fault",
      [&emu](const json& p, const rpc::CallContext&) -> HandlerResult {
        return emulator_answer(emu.inject_fault(str(p, "device"), str(p, "fault")));
      },
      sim);
  server.add_method(
      "emulator.clear_faults",
      [&emu](const json& p, const rpc::CallContext&) -> HandlerResult {
        return emulator_answer(emu.clear_faults(str(p, "device")));
      },
      sim);
  server.add_method(
      "emulator.artifacts",
      [&emu](const json&, const rpc::CallContext&) -> HandlerResult {
        json cards = json::array();
        for (const auto& p : emu.last_card_images()) cards.push_back(p.string());
        const auto receipt = emu.last_receipt_image();
        return json{{"card_images", cards},
                    {"receipt_image", receipt.empty() ? json(nullptr) : json(receipt.string())},
                    {"card_position", emu.card_position()}};
      },
      sim);
}

}  // namespace kiosk::kioskd
