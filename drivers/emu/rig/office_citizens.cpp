#include "drivers/emu/rig/office_citizens.hpp"

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>

#include "protocol/synthetic/face.hpp"

namespace kiosk::drivers::emu {

namespace {

// The frames of one citizen's face: a pure function of (width, height, variation), and
// rendering one costs far more than copying it (it was half of kioskd's CPU per renewal at
// time scale 0). Three variations per frame size, so the cache stays small.
struct FaceFrames {
  std::string id_number;
  std::mutex m;
  std::map<std::tuple<int, int, int>, hal::RgbImage> frames;
};

// The last citizen's frames are kept for their next visit (the same card placed again).
std::shared_ptr<FaceFrames> frames_of(const std::string& id_number) {
  static std::mutex m;
  static std::shared_ptr<FaceFrames> last;
  std::lock_guard lock(m);
  if (!last || last->id_number != id_number) {
    last = std::make_shared<FaceFrames>();
    last->id_number = id_number;
  }
  return last;
}

}  // namespace

CameraEmulator::SceneRenderer face_of(const std::string& id_number) {
  const auto traits = protocol::synthetic::traits_from_seed(id_number);
  auto cache = frames_of(id_number);
  return [traits, cache](int width, int height, std::uint32_t frame) {
    const int variation = 1 + static_cast<int>(frame / 15 % 3);
    std::lock_guard lock(cache->m);
    auto [it, fresh] = cache->frames.try_emplace({width, height, variation});
    if (fresh) {
      auto img = protocol::synthetic::render_synthetic_face(traits, width, height, variation);
      it->second.width = img.width;
      it->second.height = img.height;
      it->second.pixels = std::move(img.pixels);
    }
    return it->second;
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
