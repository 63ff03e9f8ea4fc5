// The emulator.* local-API methods: the hand of the citizen on the emulators (simulation
// builds only; a release build has neither these methods nor the emulators they drive).
#include "firmware/kioskd/local_api_emulator.hpp"

namespace kiosk::kioskd {
namespace {
using nlohmann::json;
using rpc::HandlerResult;

std::string str(const json& p, const char* key) {
  auto it = p.find(key);
  return (it != p.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

// `done` is the member docs/local-api.md names ("placed", "taken", ...); "ok" is kept for
// older clients.
HandlerResult emulator_answer(const std::string& reason, const char* done) {
  if (reason.empty()) return json{{"ok", true}, {done, true}};
  return rpc::application_error(reason, "emulator refused: " + reason);
}

}  // namespace

void bind_emulator_api(rpc::Server& server, EmulatorControl& emu) {
  rpc::MethodOptions sim;
  sim.simulation_only = true;
  server.add_method(
      "emulator.citizens",
      [&emu](const json&, const rpc::CallContext&) -> HandlerResult {
        json out = json::array();
        for (const auto& c : emu.citizens())
          out.push_back(
              json{{"id_number", c.id_number}, {"label", c.label}, {"scenario", c.label}});
        return json{{"citizens", out}};
      },
      sim);
  server.add_method(
      "emulator.place_id_card",
      [&emu](const json& p, const rpc::CallContext&) -> HandlerResult {
        return emulator_answer(emu.place_id_card(str(p, "id_number")), "placed");
      },
      sim);
  server.add_method(
      "emulator.remove_id_card",
      [&emu](const json&, const rpc::CallContext&) -> HandlerResult {
        return emulator_answer(emu.remove_id_card(), "removed");
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
        return emulator_answer(emu.present_payment_code(code), "presented");
      },
      sim);
  server.add_method(
      "emulator.take_card",
      [&emu](const json&, const rpc::CallContext&) -> HandlerResult {
        return emulator_answer(emu.take_card(), "taken");
      },
      sim);
  server.add_method(
      "emulator.inject_fault",
      [&emu](const json& p, const rpc::CallContext&) -> HandlerResult {
        return emulator_answer(emu.inject_fault(str(p, "device"), str(p, "fault")), "injected");
      },
      sim);
  server.add_method(
      "emulator.clear_faults",
      [&emu](const json& p, const rpc::CallContext&) -> HandlerResult {
        return emulator_answer(emu.clear_faults(str(p, "device")), "cleared");
      },
      sim);
  server.add_method(
      "emulator.refill_card_printer",
      [&emu](const json&, const rpc::CallContext&) -> HandlerResult {
        return emulator_answer(emu.refill_card_printer(), "refilled");
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
