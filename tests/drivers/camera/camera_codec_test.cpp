#include "drivers/camera/camera_codec.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>

#include "drivers/emu/camera/face_scene.hpp"
#include "protocol/image/jpeg.hpp"

using namespace kiosk;
namespace emu = kiosk::drivers::emu;
using drivers::choose_mode;
using drivers::mjpeg_to_rgb;
using drivers::yuyv_to_rgb;

namespace {

// The protocol's encoder over a device frame, as the camera emulator uses it.
kiosk::protocol::Result<std::vector<std::uint8_t>> encode_jpeg(const kiosk::hal::RgbImage& image,
                                                               int quality) {
  return kiosk::protocol::encode_jpeg({image.width, image.height, image.pixels}, quality);
}

std::array<int, 3> pixel(const hal::RgbImage& image, int x, int y) {
  const auto o = image.offset(x, y);
  return {image.pixels[o], image.pixels[o + 1], image.pixels[o + 2]};
}

double mean_abs_diff(const hal::RgbImage& a, const hal::RgbImage& b) {
  REQUIRE(a.pixels.size() == b.pixels.size());
  double sum = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) sum += std::abs(a.pixels[i] - b.pixels[i]);
  return sum / static_cast<double>(a.pixels.size());
}

hal::RgbImage test_image() {
  return emu::render_scene(emu::CameraScene::face, 160, 120, 0);
}

}  // namespace

TEST_CASE("known YUYV pixels decode to their BT.601 RGB values", "[camera][codec]") {
  // Two pixel pairs: black | white, then red | red (Y 81, Cb 90, Cr 240).
  const std::vector<std::uint8_t> yuyv{16, 128, 235, 128, 81, 90, 81, 240};
  auto r = yuyv_to_rgb(yuyv, 4, 1);
  REQUIRE(r.ok());
  const auto& img = r.value();
  CHECK(img.width == 4);
  CHECK(img.height == 1);
  CHECK(pixel(img, 0, 0) == std::array<int, 3>{0, 0, 0});
  CHECK(pixel(img, 1, 0) == std::array<int, 3>{255, 255, 255});
  CHECK(pixel(img, 2, 0) == std::array<int, 3>{255, 0, 0});
  CHECK(pixel(img, 3, 0) == std::array<int, 3>{255, 0, 0});
}

TEST_CASE("mid grey and a padded stride decode correctly", "[camera][codec]") {
  // Y 126 is RGB 128 (limited range); 2 pixels per row, stride 8 with 4 padding bytes.
  const std::vector<std::uint8_t> yuyv{126,  128,  126, 128, 0xEE, 0xEE,
                                       0xEE, 0xEE, 126, 128, 126,  128};
  auto r = yuyv_to_rgb(yuyv, 2, 2, 8);
  REQUIRE(r.ok());
  for (int y = 0; y < 2; ++y) {
    for (int x = 0; x < 2; ++x) CHECK(pixel(r.value(), x, y) == std::array<int, 3>{128, 128, 128});
  }
}

TEST_CASE("RGB to YUYV and back stays close to the source", "[camera][codec]") {
  const auto src = test_image();
  auto yuyv = drivers::rgb_to_yuyv(src);
  REQUIRE(yuyv.ok());
  CHECK(yuyv.value().size() == 160U * 120U * 2U);
  auto back = yuyv_to_rgb(yuyv.value(), 160, 120);
  REQUIRE(back.ok());
  CHECK(mean_abs_diff(src, back.value()) < 4.0);
}

TEST_CASE("bad YUYV sizes and truncated frames are typed errors", "[camera][codec]") {
  const std::vector<std::uint8_t> data(640 * 480 * 2, 128);
  auto truncated = yuyv_to_rgb(std::span(data).first(data.size() - 1), 640, 480);
  REQUIRE_FALSE(truncated.ok());
  CHECK(truncated.error().code == hal::CompletionCode::invalidData);
  CHECK(truncated.error().reason == "size");
  CHECK(yuyv_to_rgb(data, 641, 480).error().reason == "argument");
  CHECK(yuyv_to_rgb(data, 0, 480).error().reason == "argument");
  CHECK(yuyv_to_rgb(data, 640, -1).error().reason == "argument");
  CHECK(yuyv_to_rgb(data, 640, 480, 100).error().reason == "argument");
  CHECK(yuyv_to_rgb(data, 100000, 2).error().reason == "argument");
  CHECK(yuyv_to_rgb({}, 2, 2).error().reason == "size");
}

TEST_CASE("an MJPEG frame round trips close to its source", "[camera][codec]") {
  const auto src = test_image();
  auto jpeg = encode_jpeg(src, 90);
  REQUIRE(jpeg.ok());
  CHECK(jpeg.value().size() < src.pixels.size());
  auto back = mjpeg_to_rgb(jpeg.value());
  REQUIRE(back.ok());
  CHECK(back.value().width == 160);
  CHECK(back.value().height == 120);
  CHECK(mean_abs_diff(src, back.value()) < 6.0);
}

TEST_CASE("an MJPEG frame without Huffman tables decodes with the standard ones",
          "[camera][codec]") {
  // UVC cameras omit the DHT segment; the decoder must fall back to the JPEG defaults (which
  // libjpeg's encoder uses too, so the stripped frame decodes to the same image).
  const auto src = test_image();
  auto jpeg = encode_jpeg(src, 85).value();
  auto with = mjpeg_to_rgb(jpeg);
  REQUIRE(with.ok());
  std::vector<std::uint8_t> stripped;
  std::size_t i = 0;
  bool removed = false;
  stripped.insert(stripped.end(), jpeg.begin(), jpeg.begin() + 2);
  for (i = 2; i + 4 <= jpeg.size() && jpeg[i] == 0xFF && jpeg[i + 1] != 0xDA;) {
    const std::size_t len = static_cast<std::size_t>(jpeg[i + 2]) << 8 | jpeg[i + 3];
    if (jpeg[i + 1] == 0xC4) {
      removed = true;
    } else {
      stripped.insert(stripped.end(), jpeg.begin() + static_cast<std::ptrdiff_t>(i),
                      jpeg.begin() + static_cast<std::ptrdiff_t>(i + 2 + len));
    }
    i += 2 + len;
  }
  stripped.insert(stripped.end(), jpeg.begin() + static_cast<std::ptrdiff_t>(i), jpeg.end());
  REQUIRE(removed);
  auto without = mjpeg_to_rgb(stripped);
  REQUIRE(without.ok());
  CHECK(without.value().pixels == with.value().pixels);
}

TEST_CASE("corrupt, truncated and random MJPEG data are typed errors", "[camera][codec]") {
  const auto jpeg = encode_jpeg(test_image(), 85).value();
  auto expect_decode_error = [](std::span<const std::uint8_t> data) {
    auto r = mjpeg_to_rgb(data);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == hal::CompletionCode::invalidData);
    CHECK(r.error().reason == "decode");
  };
  expect_decode_error({});
  expect_decode_error(std::span(jpeg).first(2));
  expect_decode_error(std::span(jpeg).first(jpeg.size() / 2));  // truncated scan
  expect_decode_error(std::span(jpeg).first(100));              // truncated header

  std::mt19937 rng(99);
  std::vector<std::uint8_t> junk(5000);
  for (auto& b : junk) b = static_cast<std::uint8_t>(rng());
  expect_decode_error(junk);
  junk[0] = 0xFF;
  junk[1] = 0xD8;
  expect_decode_error(junk);
}

TEST_CASE("random damage to an MJPEG frame never crashes the decoder", "[camera][codec][fuzz]") {
  const auto jpeg = encode_jpeg(test_image(), 85).value();
  std::mt19937 rng(7);
  int errors = 0;
  for (int round = 0; round < 300; ++round) {
    auto damaged = jpeg;
    const int flips = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < flips; ++k)
      damaged[rng() % damaged.size()] ^= static_cast<std::uint8_t>(1 + rng() % 255);
    if (rng() % 2 == 0) damaged.resize(rng() % damaged.size());
    auto r = mjpeg_to_rgb(damaged);
    if (r.ok()) {
      CHECK(r.value().pixels.size() == r.value().offset(0, r.value().height));
    } else {
      ++errors;
      CHECK(r.error().code == hal::CompletionCode::invalidData);
    }
  }
  CHECK(errors > 0);
}

TEST_CASE("the nearest mode is chosen, YUYV on a tie", "[camera][codec]") {
  const std::vector<hal::CameraMode> modes{{320, 240, hal::PixelFormat::yuyv},
                                           {640, 480, hal::PixelFormat::mjpeg},
                                           {640, 480, hal::PixelFormat::yuyv},
                                           {1280, 720, hal::PixelFormat::mjpeg}};
  auto m = choose_mode(modes, 640, 480);
  REQUIRE(m.ok());
  CHECK(m.value().width == 640);
  CHECK(m.value().format == hal::PixelFormat::yuyv);
  m = choose_mode(modes, 1920, 1080);
  CHECK(m.value().width == 1280);
  CHECK(m.value().format == hal::PixelFormat::mjpeg);
  m = choose_mode(modes, 300, 200);
  CHECK(m.value().width == 320);
  m = choose_mode(modes, 1000, 600);  // |dw|+|dh|: 640x480 -> 480, 1280x720 -> 400
  CHECK(m.value().width == 1280);
  auto none = choose_mode({}, 640, 480);
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().code == hal::CompletionCode::unsupported);
  CHECK(none.error().reason == "no_mode");
}

TEST_CASE("a camera that enumerates absurd frame sizes still gets the nearest mode chosen",
          "[camera][codec]") {
  // Found by fuzz/camera_frame: V4L2 reports sizes as 32-bit unsigned values, and their
  // distances and areas overflowed an int (undefined behaviour, caught by UBSan).
  const std::vector<hal::CameraMode> huge{{65535, 65535, hal::PixelFormat::mjpeg},
                                          {65535, 65535, hal::PixelFormat::mjpeg},
                                          {65535, 65534, hal::PixelFormat::yuyv}};
  auto m = choose_mode(huge, 65535, 65535);
  REQUIRE(m.ok());
  CHECK(m.value().height == 65535);
  const std::vector<hal::CameraMode> wrapped{{-1, -2147483647 - 1, hal::PixelFormat::yuyv},
                                             {640, 480, hal::PixelFormat::yuyv}};
  m = choose_mode(wrapped, 640, 480);
  REQUIRE(m.ok());
  CHECK(m.value().width == 640);
}
