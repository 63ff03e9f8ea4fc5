#include <catch2/catch.hpp>

#include <filesystem>
#include <future>

#include "central/face/face.hpp"
#include "firmware/kioskd/simulated_devices.hpp"
#include "protocol/synthetic/face.hpp"

using namespace kiosk;

namespace {
template <typename T, typename Start>
hal::Result<T> await(Start&& start) {
  auto promise = std::make_shared<std::promise<hal::Result<T>>>();
  auto future = promise->get_future();
  start([promise](hal::RequestId, hal::Result<T> r) { promise->set_value(std::move(r)); });
  return future.get();
}

central::face::Image to_face(const hal::RgbImage& img) {
  central::face::Image out(img.width, img.height);
  out.pixels = img.pixels;
  return out;
}
}  // namespace

TEST_CASE("the camera shows the face of the citizen whose ID card is on the reader",
          "[kioskd][simulation]") {
  const auto dir = std::filesystem::temp_directory_path() / "kioskd_sim_test";
  kioskd::SimulationOptions o;
  o.artifact_dir = dir;
  o.time_scale = 0.01;
  kioskd::SimulatedDevices devices(o);
  for (auto* d : devices.all()) REQUIRE(d->open().ok());
  const auto citizens = devices.citizens();
  REQUIRE(citizens.size() >= 2);
  const std::string a = citizens[0].id_number;
  const std::string b = citizens[1].id_number;
  REQUIRE(devices.place_id_card(a).empty());

  auto card = await<hal::IdCard>(
      [&](auto done) { return devices.id_reader().read_card(hal::ReadIdOptions{}, done); });
  REQUIRE(card.ok());
  CHECK(card.value().id_number == a);

  hal::CaptureOptions co;
  co.width = 640;
  co.height = 480;
  auto frame =
      await<hal::RgbImage>([&](auto done) { return devices.camera().capture_still(co, done); });
  REQUIRE(frame.ok());
  const central::face::ReferenceFaceMatcher matcher;
  namespace synthetic = protocol::synthetic;
  const auto registry_a =
      synthetic::render_synthetic_face(synthetic::traits_from_seed(a), 260, 358);
  const auto registry_b =
      synthetic::render_synthetic_face(synthetic::traits_from_seed(b), 260, 358);
  auto same = matcher.match(to_face(frame.value()), registry_a);
  auto other = matcher.match(to_face(frame.value()), registry_b);
  REQUIRE(same.ok());
  REQUIRE(other.ok());
  CHECK(same.value().is_match);
  CHECK_FALSE(other.value().is_match);
  for (auto* d : devices.all()) d->close();
}

TEST_CASE("emulator controls refuse unknown citizens, devices and faults", "[kioskd][simulation]") {
  kioskd::SimulationOptions o;
  o.artifact_dir = std::filesystem::temp_directory_path() / "kioskd_sim_test";
  o.time_scale = 0.01;
  kioskd::SimulatedDevices devices(o);
  CHECK(devices.place_id_card("000000000000000000") == "unknown_citizen");
  CHECK(devices.inject_fault("toaster", "jam") == "unknown_device");
  CHECK(devices.inject_fault("card_printer", "melt") == "unknown_fault");
  CHECK(devices.inject_fault("card_printer", "jam").empty());
  CHECK(devices.clear_faults("card_printer").empty());
  CHECK(devices.take_card() == "no_card_in_mouth");
  CHECK(devices.present_payment_code("").size() > 0);
}
