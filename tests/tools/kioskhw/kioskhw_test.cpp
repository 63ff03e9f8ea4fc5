#include "tools/kioskhw/kioskhw.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "drivers/card_printer/card_printer_codec.hpp"
#include "drivers/emu/common/png_writer.hpp"
#include "drivers/emu/id_reader/synthetic_citizens.hpp"
#include "drivers/emu/receipt_printer/receipt_renderer.hpp"
#include "drivers/id_reader/id_reader_codec.hpp"
#include "drivers/receipt_printer/receipt_printer_codec.hpp"
#include "drivers/receipt_printer/test_receipt.hpp"
#include "firmware/card_layout/specimen.hpp"
#include "tests/drivers/card_printer/vendor_job.hpp"
#include "tests/tools/kioskhw/run_kioskhw.hpp"

using namespace kiosk;
using kiosk::testing::kioskhw;
namespace emu = kiosk::drivers::emu;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("kioskhw-test-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
  std::string file(const std::string& name, const std::vector<std::uint8_t>& bytes) const {
    const auto p = path / name;
    std::ofstream(p, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }
  std::string text(const std::string& name, const std::string& text) const {
    const auto p = path / name;
    std::ofstream(p) << text;
    return p.string();
  }
};

std::vector<std::uint8_t> read_reply_frame(const hal::IdCard& card) {
  auto data =
      drivers::id_reader::encode_read_reply_data(card, drivers::id_reader::ReadKind::textPhoto);
  REQUIRE(data.ok());
  return drivers::id_reader::build_response(0x90, data.value());
}

std::string to_hex(const std::vector<std::uint8_t>& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 0xF];
    out += (i % 16 == 15) ? '\n' : ' ';
  }
  return out;
}

const emu::SyntheticCitizen& foreign_citizen() {
  for (const auto& c : emu::synthetic_citizens()) {
    if (c.card.type == hal::IdCardType::foreignPermanent) return c;
  }
  FAIL("no foreign synthetic citizen");
  return emu::synthetic_citizens().front();
}

}  // namespace

TEST_CASE("decode-id-frame turns a binary reply frame into the card's fields", "[kioskhw]") {
  TempDir dir;
  const auto& citizen = emu::synthetic_citizens().front();
  auto r = kioskhw({"decode-id-frame", dir.file("frame.bin", read_reply_frame(citizen.card))});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["card_type"] == "resident");
  CHECK(j["name"] == citizen.card.name);
  CHECK(j["id_number"] == citizen.card.id_number);
  CHECK(j["address"] == citizen.card.address);
  CHECK(j["birth_date"] == citizen.card.birth_date);
  CHECK((j["sex"] == "male" || j["sex"] == "female"));
  CHECK(j["valid_to"] == citizen.card.valid_to);
}

TEST_CASE("decode-id-frame reads hex text as pasted from a capture", "[kioskhw]") {
  TempDir dir;
  const auto& citizen = foreign_citizen();
  auto r =
      kioskhw({"decode-id-frame", dir.text("frame.txt", to_hex(read_reply_frame(citizen.card)))});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["card_type"] == "foreign_permanent");
  CHECK(j["id_number"] == citizen.card.id_number);
}

TEST_CASE("decode-id-frame rejects a bad checksum in one line, non-zero", "[kioskhw]") {
  TempDir dir;
  auto frame = read_reply_frame(emu::synthetic_citizens().front().card);
  frame.back() ^= 0x5A;
  auto r = kioskhw({"decode-id-frame", dir.file("bad.bin", frame)});
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("checksum") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("decode-id-frame names a reader error status", "[kioskhw]") {
  TempDir dir;
  auto r = kioskhw(
      {"decode-id-frame", dir.file("status.bin", drivers::id_reader::build_response(0x41))});
  CHECK(r.code == 1);
  CHECK_FALSE(r.err.empty());
}

TEST_CASE("decode-id-frame rejects a truncated frame", "[kioskhw]") {
  TempDir dir;
  auto frame = read_reply_frame(emu::synthetic_citizens().front().card);
  frame.resize(frame.size() / 2);
  auto r = kioskhw({"decode-id-frame", dir.file("short.bin", frame)});
  CHECK(r.code == 1);
  CHECK_FALSE(r.err.empty());
}

TEST_CASE("decode-card-job rebuilds the printed image of a captured job", "[kioskhw]") {
  TempDir dir;
  auto job = card_layout::specimen_licence_job();
  REQUIRE(job.ok());
  auto commands = drivers::card_printer::build_job(job.value());
  REQUIRE(commands.ok());
  const auto png = (dir.path / "card.png").string();
  auto r = kioskhw({"decode-card-job",
                    dir.file("job.bin", drivers::card_printer::flatten(commands.value())), "--out",
                    png});
  REQUIRE(r.code == 0);
  auto image = emu::read_png(png);
  REQUIRE(image.ok());
  CHECK(image.value().width == hal::kCardWidthDots);
  CHECK(image.value().height == hal::kCardHeightDots);
  CHECK(fs::exists(dir.path / "card-back.png"));
}

TEST_CASE("decode-card-job renders a job as the vendor's Windows driver sends it", "[kioskhw]") {
  // Setup commands, Dbc with its byte count, Se;1 and NUL padding (tests/drivers/card_printer/
  // vendor_job.hpp cites the capture it follows).
  TempDir dir;
  const auto png = (dir.path / "vendor.png").string();
  auto r = kioskhw({"decode-card-job",
                    dir.file("vendor.bin", kiosk::test::vendor_windows_mono_job(true)), "--out",
                    png, "--json"});
  REQUIRE(r.code == 0);
  CHECK(nlohmann::json::parse(r.out).at("ok") == true);
  auto image = emu::read_png(png);
  REQUIRE(image.ok());
  const auto& img = image.value();
  REQUIRE(img.width == hal::kCardWidthDots);
  CHECK(img.pixels[img.offset(500, 300)] == 0);  // black card
  CHECK(img.pixels[img.offset(2, 645)] == 255);  // a dot of the dotted border
  CHECK(img.pixels[img.offset(2, 644)] == 0);
  CHECK_FALSE(fs::exists(dir.path / "vendor-back.png"));  // one side
}

TEST_CASE("decode-card-job rejects a stream that is not a card job", "[kioskhw]") {
  TempDir dir;
  auto r = kioskhw({"decode-card-job", dir.file("junk.bin", {0x1B, 'Z', 'q', ';', 0x01, 0x02}),
                    "--out", (dir.path / "x.png").string()});
  CHECK(r.code == 1);
  CHECK_FALSE(fs::exists(dir.path / "x.png"));
}

TEST_CASE("decode-receipt renders an ESC/POS stream to a receipt image", "[kioskhw]") {
  TempDir dir;
  auto encoded = drivers::receipt_printer::encode_receipt(drivers::make_test_receipt());
  REQUIRE(encoded.ok());
  const auto png = (dir.path / "receipt.png").string();
  auto r = kioskhw({"decode-receipt", dir.file("receipt.bin", encoded.value().flatten()), "--out",
                    png, "--json"});
  REQUIRE(r.code == 0);
  CHECK(nlohmann::json::parse(r.out)["width"] == emu::kPaperWidthDots);
  CHECK(emu::read_png(png).ok());
}

TEST_CASE("a decoder without a file or an unknown command is a usage error", "[kioskhw]") {
  CHECK(kioskhw({"decode-id-frame"}).code == 2);
  CHECK(kioskhw({"frobnicate"}).code == 2);
  CHECK(kioskhw({"decode-receipt", "x.bin"}).code == 2);
  CHECK(kioskhw({"status", "--bogus"}).code == 2);
}

TEST_CASE("an emulated bench reads a synthetic citizen's card", "[kioskhw][emu]") {
  TempDir dir;
  const auto& citizen = emu::synthetic_citizens()[1];
  auto r = kioskhw(
      {"read-id", "--emulate", "--citizen", citizen.card.id_number, "--out", dir.path.string()});
  REQUIRE(r.code == 0);
  CHECK(nlohmann::json::parse(r.out)["id_number"] == citizen.card.id_number);
}

TEST_CASE("an emulated bench passes its self-test with every device online", "[kioskhw][emu]") {
  TempDir dir;
  auto r = kioskhw({"selftest", "--emulate", "--json", "--out", dir.path.string()});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["ok"] == true);
  CHECK(j["devices"].size() == 5);
}

TEST_CASE("an emulated bench prints the sample licence and receipt to PNG", "[kioskhw][emu]") {
  TempDir dir;
  auto card = kioskhw(
      {"print-test-card", "--emulate", "--sample-licence", "--json", "--out", dir.path.string()});
  REQUIRE(card.code == 0);
  CHECK(fs::exists(dir.path / "card-front.png"));
  CHECK(fs::exists(dir.path / "card-back.png"));
  auto receipt = kioskhw({"print-test-receipt", "--emulate", "--json", "--out", dir.path.string()});
  REQUIRE(receipt.code == 0);
  CHECK(fs::exists(dir.path / "receipt.png"));
}
