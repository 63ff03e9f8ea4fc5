#include "drivers/emu/receipt_printer/receipt_renderer.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include <qrencode.h>

#include "drivers/emu/common/png_writer.hpp"
#include "drivers/receipt_printer/receipt_printer_codec.hpp"
#include "drivers/receipt_printer/test_receipt.hpp"

using namespace kiosk;
namespace emu = kiosk::drivers::emu;
namespace rp = kiosk::drivers::receipt_printer;

namespace {

rp::Bytes encode(const hal::Receipt& r) {
  auto e = rp::encode_receipt(r);
  REQUIRE(e.ok());
  return e.value().flatten();
}

// Pixels darker than the paper, in a band of rows.
int ink_pixels(const hal::RgbImage& img, int row_from = 0, int row_to = -1) {
  if (row_to < 0) row_to = img.height;
  int n = 0;
  for (int y = row_from; y < row_to; ++y) {
    for (int x = 0; x < img.width; ++x) {
      if (img.pixels[img.offset(x, y)] < 100) ++n;
    }
  }
  return n;
}

// Column range that holds ink.
std::pair<int, int> ink_columns(const hal::RgbImage& img) {
  int lo = img.width;
  int hi = -1;
  for (int y = 0; y < img.height; ++y) {
    for (int x = 0; x < img.width; ++x) {
      if (img.pixels[img.offset(x, y)] < 100) {
        lo = std::min(lo, x);
        hi = std::max(hi, x);
      }
    }
  }
  return {lo, hi};
}

hal::Receipt one_line(const std::string& text, hal::Align align = hal::Align::left) {
  hal::ReceiptText t;
  t.text = text;
  t.align = align;
  return hal::Receipt{{t}};
}

}  // namespace

TEST_CASE("the sample licence receipt renders on 80 mm paper with ink only on the 576-dot line",
          "[receipt][render]") {
  auto img = emu::render_escpos(encode(drivers::make_sample_licence_receipt()));
  REQUIRE(img.ok());
  CHECK(img.value().width == emu::kPaperWidthDots);
  const auto [lo, hi] = ink_columns(img.value());
  CHECK(lo >= emu::kPaperMarginDots);
  CHECK(hi < emu::kPaperMarginDots + emu::kReceiptWidthDots);
  CHECK(img.value().height > 600);
  CHECK(ink_pixels(img.value()) > 5000);
  // Kept for people to look at (the build tree is scratch space).
  const auto dir = std::filesystem::temp_directory_path() / "kiosk-receipt-render";
  std::filesystem::create_directories(dir);
  CHECK(emu::write_png(img.value(), (dir / "sample-licence.png").string()).ok());
  auto self_test = emu::render_escpos(encode(drivers::make_test_receipt()));
  REQUIRE(self_test.ok());
  CHECK(emu::write_png(self_test.value(), (dir / "self-test.png").string()).ok());
}

TEST_CASE("alignment moves the text across the paper", "[receipt][render]") {
  auto left = emu::render_escpos(encode(one_line("ABC")));
  auto right = emu::render_escpos(encode(one_line("ABC", hal::Align::right)));
  auto center = emu::render_escpos(encode(one_line("ABC", hal::Align::center)));
  REQUIRE(left.ok());
  REQUIRE(right.ok());
  REQUIRE(center.ok());
  constexpr int line_end = emu::kPaperMarginDots + emu::kReceiptWidthDots;
  CHECK(ink_columns(left.value()).first >= emu::kPaperMarginDots);
  CHECK(ink_columns(left.value()).first < emu::kPaperMarginDots + 12);
  CHECK(ink_columns(right.value()).second > line_end - 14);
  CHECK(ink_columns(right.value()).second < line_end);
  const auto [clo, chi] = ink_columns(center.value());
  CHECK(std::abs((clo + chi) / 2 - emu::kPaperWidthDots / 2) < 12);
}

TEST_CASE("bold and double size print more ink than plain text", "[receipt][render]") {
  hal::ReceiptText plain;
  plain.text = "Licence 驾驶证";
  hal::ReceiptText bold = plain;
  bold.bold = true;
  hal::ReceiptText big = plain;
  big.width_scale = 2;
  big.height_scale = 2;
  auto p = emu::render_escpos(encode(hal::Receipt{{plain}}));
  auto b = emu::render_escpos(encode(hal::Receipt{{bold}}));
  auto g = emu::render_escpos(encode(hal::Receipt{{big}}));
  REQUIRE(p.ok());
  REQUIRE(b.ok());
  REQUIRE(g.ok());
  CHECK(ink_pixels(b.value()) > ink_pixels(p.value()));
  CHECK(ink_pixels(g.value()) > 3 * ink_pixels(p.value()));
  CHECK(g.value().height > p.value().height);
}

TEST_CASE("a QR code is drawn from the stored data at the module size", "[receipt][render]") {
  hal::ReceiptQr small;
  small.data = "https://verify.example.invalid/r/1";
  small.module_size = 3;
  hal::ReceiptQr large = small;
  large.module_size = 8;
  auto s = emu::render_escpos(encode(hal::Receipt{{small}}));
  auto l = emu::render_escpos(encode(hal::Receipt{{large}}));
  REQUIRE(s.ok());
  REQUIRE(l.ok());
  CHECK(ink_pixels(l.value()) > 4 * ink_pixels(s.value()));
  const auto [lo, hi] = ink_columns(l.value());
  CHECK(std::abs((lo + hi) / 2 - emu::kPaperWidthDots / 2) < 10);
}

TEST_CASE("the cut is marked by a grey dashed line at the end of the strip", "[receipt][render]") {
  auto img = emu::render_escpos(encode(one_line("cut below")));
  REQUIRE(img.ok());
  const auto& i = img.value();
  int grey = 0;
  for (int y = i.height - 12; y < i.height; ++y) {
    for (int x = 0; x < i.width; ++x) {
      if (i.pixels[i.offset(x, y)] == 150) ++grey;
    }
  }
  CHECK(grey > i.width / 2);
}

TEST_CASE("malformed streams and streams that print nothing are refused", "[receipt][render]") {
  const rp::Bytes truncated{0x1B, 0x40, 'A', 0x1D, 0x28, 0x6B, 0x10};
  auto t = emu::render_escpos(truncated);
  REQUIRE_FALSE(t.ok());
  CHECK(t.error().reason == "truncated");
  const rp::Bytes nothing{0x1B, 0x40, 0x10, 0x04, 0x01};
  auto n = emu::render_escpos(nothing);
  REQUIRE_FALSE(n.ok());
  CHECK(n.error().reason == "empty_receipt");
}

TEST_CASE("the QR version table agrees with libqrencode and long codes stay on the paper",
          "[receipt][render]") {
  for (std::size_t n = 1; n <= rp::kMaxQrDataBytes; n += 13) {
    const std::string data(n, 'k');
    QRcode* q = QRcode_encodeData(
        static_cast<int>(n), reinterpret_cast<const unsigned char*>(data.data()), 0, QR_ECLEVEL_M);
    REQUIRE(q != nullptr);
    INFO("bytes " << n);
    CHECK(q->version == rp::qr_version_for(n));
    QRcode_free(q);
  }
  hal::ReceiptQr qr;
  qr.data = std::string(rp::kMaxQrDataBytes, 'k');
  qr.module_size = 8;
  auto img = emu::render_escpos(encode(hal::Receipt{{qr}}));
  REQUIRE(img.ok());
  const auto [lo, hi] = ink_columns(img.value());
  CHECK(lo >= emu::kPaperMarginDots);
  CHECK(hi < emu::kPaperMarginDots + emu::kReceiptWidthDots);
  CHECK(hi - lo + 1 == (17 + 4 * 21) * 5);
}

TEST_CASE("every QR module on the paper matches libqrencode's symbol", "[receipt][render]") {
  hal::ReceiptQr qr;
  qr.data = "https://verify.example.invalid/r/T20261128-000042";
  qr.module_size = 6;
  auto img = emu::render_escpos(encode(hal::Receipt{{qr}}));
  REQUIRE(img.ok());
  const auto& i = img.value();
  QRcode* q =
      QRcode_encodeData(static_cast<int>(qr.data.size()),
                        reinterpret_cast<const unsigned char*>(qr.data.data()), 0, QR_ECLEVEL_M);
  REQUIRE(q != nullptr);
  const auto [left, right] = ink_columns(i);
  int top = -1;
  for (int y = 0; y < i.height && top < 0; ++y) {
    for (int x = 0; x < i.width; ++x) {
      if (i.pixels[i.offset(x, y)] < 100) {
        top = y;
        break;
      }
    }
  }
  REQUIRE(top >= 0);
  CHECK(right - left + 1 == q->width * 6);
  int mismatches = 0;
  for (int r = 0; r < q->width; ++r) {
    for (int c = 0; c < q->width; ++c) {
      const bool dark = (q->data[r * q->width + c] & 1) != 0;
      const bool inked = i.pixels[i.offset(left + c * 6 + 3, top + r * 6 + 3)] < 100;
      mismatches += dark != inked ? 1 : 0;
    }
  }
  QRcode_free(q);
  CHECK(mismatches == 0);
}

TEST_CASE("a raster image prints its dots", "[receipt][renderer]") {
  rp::Bytes bits(8 * 40, 0xFF);  // 64 x 40 dots of ink
  auto raster = rp::cmd_raster(bits, 8, 40);
  REQUIRE(raster.ok());
  auto image = kiosk::drivers::emu::render_escpos(raster.value());
  REQUIRE(image.ok());
  int ink = 0;
  for (std::size_t i = 0; i < image.value().pixels.size(); i += 3)
    ink += image.value().pixels[i] < 100 ? 1 : 0;
  CHECK(ink == 64 * 40);
}
