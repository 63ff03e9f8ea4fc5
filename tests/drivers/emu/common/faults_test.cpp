#include "drivers/emu/common/faults.hpp"
#include "drivers/emu/common/png_writer.hpp"
#include "drivers/emu/common/time_scale.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace kiosk;
namespace emu = kiosk::drivers::emu;

TEST_CASE("a one-shot fault fires once, a condition stays until cleared", "[emu]") {
  emu::FaultInjector f;
  f.inject(emu::Fault::garbage);
  f.inject(emu::Fault::coverOpen);
  CHECK(f.take(emu::Fault::garbage));
  CHECK_FALSE(f.take(emu::Fault::garbage));
  CHECK(f.take(emu::Fault::coverOpen));
  CHECK(f.take(emu::Fault::coverOpen));
  f.clear(emu::Fault::coverOpen);
  CHECK_FALSE(f.active(emu::Fault::coverOpen));
}

TEST_CASE("fault names round-trip", "[emu]") {
  for (auto fault : {emu::Fault::jam, emu::Fault::ribbonOut, emu::Fault::badChecksum,
                     emu::Fault::unplugMidCommand}) {
    auto back = emu::fault_from_string(emu::to_string(fault));
    REQUIRE(back.has_value());
    CHECK(*back == fault);
  }
  CHECK_FALSE(emu::fault_from_string("melt").has_value());
}

TEST_CASE("the time scale shrinks device delays", "[emu]") {
  const double before = emu::time_scale();
  emu::set_time_scale(0.5);
  CHECK(emu::scaled(std::chrono::milliseconds(1000)).count() == 500);
  emu::set_time_scale(-1);
  CHECK(emu::time_scale() == 0.0);
  emu::set_time_scale(before);
}

TEST_CASE("a PNG written is read back pixel for pixel", "[emu][png]") {
  hal::RgbImage img(7, 3, 0);
  img.pixels[img.offset(2, 1)] = 200;
  img.pixels[img.offset(6, 2) + 2] = 99;
  const auto path = (std::filesystem::temp_directory_path() / "kiosk_png_roundtrip.png").string();
  REQUIRE(emu::write_png(img, path).ok());
  auto back = emu::read_png(path);
  REQUIRE(back.ok());
  CHECK(back.value().width == 7);
  CHECK(back.value().pixels == img.pixels);
  std::filesystem::remove(path);
}

TEST_CASE("writing to a missing folder is an io error", "[emu][png]") {
  hal::RgbImage img(2, 2);
  auto r = emu::write_png(img, "/nonexistent-dir/x.png");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason == "io");
}
