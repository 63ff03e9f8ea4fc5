#include "tests/support/emulated_kernel_hand.hpp"

#include "drivers/emu/rig/office_citizens.hpp"

namespace kiosk::testing {
namespace emu = drivers::emu;

citizen::CitizenHand citizen_hand(EmulatedKernel& k) {
  citizen::CitizenHand h;
  h.find_citizen = [](const std::string& scenario) { return emu::registry_citizen(scenario); };
  h.place_id_card = [&k](const std::string& id) {
    auto card = emu::registry_card(id);
    if (!card) return false;
    k.camera().set_scene_renderer(emu::face_of(id));
    k.camera().set_scene(emu::CameraScene::face);
    k.id_reader().place_card(*card);
    return true;
  };
  h.remove_id_card = [&k] { k.id_reader().remove_card(); };
  h.present_payment_code = [&k](const std::string& code) {
    k.payment_scanner().present_code(code);
    return true;
  };
  h.take_card = [&k] {
    if (k.card_printer().card_position() != "in_mouth") return false;
    k.card_printer().take_card();
    k.camera().set_scene_renderer({});
    return true;
  };
  h.artifacts = [&k](std::vector<std::string>& cards, std::string& receipt) {
    for (const auto& p : k.card_printer().last_card_paths()) cards.push_back(p);
    receipt = k.receipt_printer().last_receipt_path().string();
  };
  return h;
}

}  // namespace kiosk::testing
