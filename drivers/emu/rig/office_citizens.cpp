#include "drivers/emu/rig/office_citizens.hpp"

#include <chrono>

#include "protocol/synthetic/face.hpp"

namespace kiosk::drivers::emu {

CameraEmulator::SceneRenderer face_of(const std::string& id_number) {
  const auto traits = protocol::synthetic::traits_from_seed(id_number);
  return [traits](int width, int height, std::uint32_t frame) {
    auto img = protocol::synthetic::render_synthetic_face(traits, width, height,
                                                          1 + static_cast<int>(frame / 15 % 3));
    hal::RgbImage out;
    out.width = img.width;
    out.height = img.height;
    out.pixels = std::move(img.pixels);
    return out;
  };
}

std::vector<protocol::synthetic::Citizen> registry_today() {
  using namespace std::chrono;
  const auto now = floor<days>(system_clock::now() + hours(8));
  return protocol::synthetic::registry_citizens(year_month_day(now));
}

std::optional<SyntheticCitizen> registry_card(const std::string& id_number) {
  for (const auto& c : registry_today()) {
    const auto& h = c.holder;
    if (h.id_number != id_number) continue;
    SyntheticCitizen out = synthetic_citizens().front();
    out.label = c.scenario;
    out.appended_address.clear();
    auto& card = out.card;
    card.id_number = h.id_number;
    card.name = h.name;
    card.sex = h.sex == protocol::Sex::male ? hal::Sex::male : hal::Sex::female;
    card.birth_date = protocol::format_date(h.birth_date);
    card.appended_address.clear();
    if (h.nationality != "CHN") {
      card.type = hal::IdCardType::foreignPermanent;
      card.nationality = h.nationality;
      card.address.clear();
    } else {
      card.address = h.address;
    }
    return out;
  }
  return std::nullopt;
}

std::string registry_citizen(const std::string& scenario) {
  for (const auto& c : registry_today())
    if (c.scenario == scenario) return c.holder.id_number;
  return {};
}

}  // namespace kiosk::drivers::emu
