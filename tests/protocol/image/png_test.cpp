#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "protocol/image/jpeg.hpp"
#include "protocol/image/png.hpp"
#include "protocol/synthetic/face.hpp"

using namespace kiosk::protocol;
using namespace kiosk::protocol::synthetic;
using Image = RgbImage;
namespace fs = std::filesystem;

TEST_CASE("images round-trip through PNG", "[protocol][image]") {
  const Image a = render_synthetic_face(traits_from_seed("png"), 65, 90, 2);
  auto bytes = encode_png(a.view());
  REQUIRE(bytes.ok());
  auto back = decode_png(*bytes);
  REQUIRE(back.ok());
  CHECK(back->width == a.width);
  CHECK(back->pixels == a.pixels);

  const fs::path path =
      fs::temp_directory_path() / ("kiosk_face_" + std::to_string(::getpid()) + ".png");
  REQUIRE(write_png(path, a.view()).ok());
  auto read = read_png(path);
  REQUIRE(read.ok());
  CHECK(read->pixels == a.pixels);
  fs::remove(path);
  CHECK(read_png(path).error().code == Errc::io);
}

TEST_CASE("garbage and truncated PNGs are refused with bad_image", "[protocol][image]") {
  CHECK(decode_png({}).error().code == Errc::bad_image);
  CHECK(decode_png(std::vector<std::uint8_t>{1, 2, 3}).error().code == Errc::bad_image);
  const auto bytes =
      encode_png(render_synthetic_face(traits_from_seed("t"), 32, 40, 0).view()).value();
  std::vector<std::uint8_t> truncated(bytes.begin(),
                                      bytes.begin() + static_cast<long>(bytes.size() / 2));
  CHECK(decode_png(truncated).error().code == Errc::bad_image);
  std::mt19937 rng(11);
  for (int i = 0; i < 200; ++i) {
    auto mutated = bytes;
    mutated[8 + rng() % (mutated.size() - 8)] ^= static_cast<std::uint8_t>(1 + rng() % 255);
    (void)decode_png(mutated);  // must not crash; may or may not decode
  }
  CHECK(encode_png(Image{}.view()).error().code == Errc::invalid_image);
}

TEST_CASE("a view of someone else's pixels encodes without a copy", "[protocol][image]") {
  const std::vector<std::uint8_t> pixels(4 * 3 * 3, 0x40);
  const RgbView view{4, 3, pixels};
  CHECK(view.valid());
  const auto bytes = encode_png(view).value();
  CHECK(decode_png(bytes).value().pixels == pixels);
  CHECK(encode_png(RgbView{5, 3, pixels}).error().code == Errc::invalid_image);
  CHECK(write_png("/nonexistent-dir/x.png", view).error().code == Errc::io);
}

TEST_CASE("JPEG encoding gives a baseline JFIF and refuses empty images", "[protocol][image]") {
  const Image face = render_synthetic_face(traits_from_seed("jpeg"), 64, 80, 0);
  const auto jpeg = encode_jpeg(face.view(), 85);
  REQUIRE(jpeg.ok());
  REQUIRE(jpeg->size() > 4);
  CHECK((*jpeg)[0] == 0xFF);
  CHECK((*jpeg)[1] == 0xD8);  // SOI
  CHECK((*jpeg)[jpeg->size() - 2] == 0xFF);
  CHECK((*jpeg)[jpeg->size() - 1] == 0xD9);  // EOI
  CHECK(encode_jpeg(face.view(), 30)->size() < jpeg->size());
  CHECK(encode_jpeg(Image{}.view()).error().code == Errc::invalid_image);
}
