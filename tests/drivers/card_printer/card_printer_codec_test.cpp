#include <catch2/catch.hpp>

#include <random>

#include "drivers/card_printer/card_printer_codec.hpp"
#include "tests/drivers/card_printer/card_images.hpp"

namespace cp = kiosk::drivers::card_printer;
namespace hal = kiosk::hal;
using kiosk::test::fill_rect;

namespace {

std::size_t at(int x, int y) {
  return static_cast<std::size_t>(y) * cp::kWidth + x;
}

hal::CardSide test_side() {
  hal::CardSide side{hal::RgbImage(cp::kWidth, cp::kHeight), {}, {}};
  fill_rect(side.image, {0, 0, 100, 100}, 255, 0, 0);        // red
  fill_rect(side.image, {100, 0, 100, 100}, 0, 0, 0);        // black
  fill_rect(side.image, {200, 0, 100, 100}, 128, 128, 128);  // grey
  fill_rect(side.image, {300, 0, 100, 100}, 30, 60, 200);    // blue-ish
  return side;
}

std::string names(std::span<const std::uint8_t> stream) {
  std::string out;
  std::size_t pos = 0;
  while (pos < stream.size()) {
    auto r = cp::parse_command(stream.subspan(pos));
    REQUIRE(r.ok());
    REQUIRE(r.value().command);
    if (!out.empty()) out += ' ';
    out += r.value().command->name;
    for (const auto& p : r.value().command->params) out += ";" + p;
    pos += r.value().consumed;
  }
  return out;
}

}  // namespace

TEST_CASE("colour separates into CMY levels with black moved to the k panel",
          "[card_printer][codec]") {
  auto sep = cp::separate_side(test_side());
  REQUIRE(sep.ok());
  const auto& s = sep.value();
  // red: no cyan, full magenta and yellow
  CHECK(s.c.values[at(50, 50)] == 0);
  CHECK(s.m.values[at(50, 50)] == 31);
  CHECK(s.y.values[at(50, 50)] == 31);
  CHECK(s.k.values[at(50, 50)] == 0);
  // near-pure black: k only, no colour under the resin
  CHECK(s.k.values[at(150, 50)] == 1);
  CHECK(s.c.values[at(150, 50)] == 0);
  CHECK(s.m.values[at(150, 50)] == 0);
  // mid grey: half of every colour
  CHECK(s.c.values[at(250, 50)] == 15);
  CHECK(s.m.values[at(250, 50)] == 15);
  CHECK(s.y.values[at(250, 50)] == 15);
  CHECK(s.k.values[at(250, 50)] == 0);
  // white: nothing, but overlay everywhere
  CHECK(s.c.values[at(800, 500)] == 0);
  CHECK(s.k.values[at(800, 500)] == 0);
  CHECK(s.o.values[at(800, 500)] == 1);
}

TEST_CASE("black regions decide what goes to k and cutouts remove the overlay",
          "[card_printer][codec]") {
  auto side = test_side();
  fill_rect(side.image, {500, 300, 50, 50}, 0, 0, 0);
  side.black_regions = {{480, 280, 100, 100}};
  side.overlay_cutouts = {{0, 0, 100, 100}};
  auto sep = cp::separate_side(side);
  REQUIRE(sep.ok());
  const auto& s = sep.value();
  CHECK(s.k.values[at(520, 320)] == 1);  // black inside a region
  CHECK(s.c.values[at(520, 320)] == 0);
  CHECK(s.k.values[at(150, 50)] == 0);  // black outside any region stays composite colour
  CHECK(s.c.values[at(150, 50)] > 20);
  // Under-colour removal keeps the composite black within the ink limit.
  CHECK(s.c.values[at(150, 50)] + s.m.values[at(150, 50)] + s.y.values[at(150, 50)] <=
        3 * 31 * 612 / 765 + 3);
  CHECK(s.o.values[at(50, 50)] == 0);
  CHECK(s.o.values[at(150, 50)] == 1);
}

TEST_CASE("a card side of the wrong size is refused", "[card_printer][codec]") {
  hal::CardSide side{hal::RgbImage(100, 100), {}, {}};
  auto sep = cp::separate_side(side);
  REQUIRE_FALSE(sep.ok());
  CHECK(sep.error().reason == "image_size");
  hal::CardJob job{side, std::nullopt, "t"};
  auto built = cp::build_job(job);
  REQUIRE_FALSE(built.ok());
  CHECK(built.error().code == hal::CompletionCode::invalidData);
  CHECK(built.error().reason == "image_size");
}

TEST_CASE("raw panel sizes are the guide's and the exact ones", "[card_printer][codec]") {
  CHECK(cp::guide_raw_size(2) == 84624);
  CHECK(cp::guide_raw_size(32) == 423120);
  CHECK(cp::guide_raw_size(64) == 507744);
  CHECK(cp::guide_raw_size(128) == 592368);
  CHECK(cp::exact_raw_size(2) == 1016 * 648 / 8);
  CHECK(cp::exact_raw_size(32) == 1016 * 648 * 5 / 8);
  CHECK(cp::exact_raw_size(64) == 1016 * 648 * 6 / 8);
  CHECK(cp::exact_raw_size(128) == 1016 * 648 * 7 / 8);
}

TEST_CASE("panels survive packing at every level count and both sizes", "[card_printer][codec]") {
  std::mt19937 rng(7);
  for (int levels : {2, 32, 64, 128}) {
    cp::Panel p{cp::PanelKind::c, levels, std::vector<std::uint8_t>(cp::kPixels)};
    for (auto& v : p.values) v = static_cast<std::uint8_t>(rng() % static_cast<unsigned>(levels));
    for (auto size : {cp::RawSize::exact, cp::RawSize::guide}) {
      const auto raw = cp::pack_panel(p, size);
      CHECK(raw.size() ==
            (size == cp::RawSize::exact ? cp::exact_raw_size(levels) : cp::guide_raw_size(levels)));
      auto back = cp::unpack_panel(cp::PanelKind::c, levels, raw);
      REQUIRE(back.ok());
      CHECK(back.value().values == p.values);
    }
    auto wrong = cp::unpack_panel(cp::PanelKind::c, levels, std::vector<std::uint8_t>(1000));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().reason == "bad_size");
  }
}

TEST_CASE("the first pixels are packed MSB first, row by row", "[card_printer][codec]") {
  cp::Panel k{cp::PanelKind::k, 2, std::vector<std::uint8_t>(cp::kPixels, 0)};
  k.values[0] = 1;
  k.values[cp::kWidth] = 1;  // first pixel of the second row
  const auto raw = cp::pack_panel(k, cp::RawSize::exact);
  CHECK(raw[0] == 0x80);
  CHECK(raw[127] == 0x80);
  cp::Panel c{cp::PanelKind::c, 32, std::vector<std::uint8_t>(cp::kPixels, 0)};
  c.values[0] = 31;
  c.values[1] = 1;
  const auto raw5 = cp::pack_panel(c, cp::RawSize::exact);
  CHECK(raw5[0] == 0xF8);  // 11111 000..
  CHECK(raw5[1] == 0x40);  // ..01 0...
}

TEST_CASE("k and o compression round-trips and uses the white, black and count forms",
          "[card_printer][codec]") {
  std::mt19937 rng(3);
  cp::Panel k{cp::PanelKind::k, 2, std::vector<std::uint8_t>(cp::kPixels, 0)};
  for (int x = 0; x < cp::kWidth; ++x) k.values[at(x, 1)] = 1;  // row 1 all black
  for (int x = 0; x < 20; ++x) k.values[at(x, 2)] = 1;          // row 2 starts black
  for (int y = 10; y < 600; ++y) {
    for (int x = 0; x < cp::kWidth; ++x) k.values[at(x, y)] = (rng() % 5 == 0) ? 1 : 0;
  }
  const auto comp = cp::compress_panel(k);
  CHECK(comp[0] == 0x00);  // row 0 white
  CHECK(comp[1] == 0xFF);  // row 1 black
  CHECK(comp[2] == 3);     // row 2: 20 pixels = 3 bytes
  CHECK(comp[3] == 0xFF);
  CHECK(comp[5] == 0xF0);
  auto back = cp::decompress_panel(cp::PanelKind::k, comp);
  REQUIRE(back.ok());
  REQUIRE(back.value());
  CHECK(back.value()->used == comp.size());
  CHECK(back.value()->panel.values == k.values);
  // Truncated: asks for more bytes instead of failing.
  auto part = cp::decompress_panel(cp::PanelKind::k, std::span(comp).first(comp.size() / 2));
  REQUIRE(part.ok());
  CHECK_FALSE(part.value());
  // A row count beyond a row is malformed.
  std::vector<std::uint8_t> bad{200, 1, 2, 3};
  auto b = cp::decompress_panel(cp::PanelKind::k, bad);
  REQUIRE_FALSE(b.ok());
  CHECK(b.error().reason == "bad_compression");
}

TEST_CASE("text commands are framed ESC name;params CR and parsed back", "[card_printer][codec]") {
  const auto frame = cp::encode_command("Pr", {"ymcko"});
  CHECK(frame == std::vector<std::uint8_t>{0x1B, 'P', 'r', ';', 'y', 'm', 'c', 'k', 'o', 0x0D});
  auto r = cp::parse_command(frame);
  REQUIRE(r.ok());
  REQUIRE(r.value().command);
  CHECK(r.value().command->name == "Pr");
  CHECK(r.value().command->params == std::vector<std::string>{"ymcko"});
  CHECK(r.value().consumed == frame.size());
  // The ESC may be left out after a CR.
  std::vector<std::uint8_t> no_esc{'S', 's', 0x0D};
  auto r2 = cp::parse_command(no_esc);
  REQUIRE(r2.ok());
  CHECK(r2.value().command->name == "Ss");
  // Incomplete: need more.
  auto r3 = cp::parse_command(std::span(frame).first(5));
  REQUIRE(r3.ok());
  CHECK_FALSE(r3.value().command);
}

TEST_CASE("malformed commands are typed errors", "[card_printer][codec]") {
  auto check = [](std::vector<std::uint8_t> bytes, std::string reason) {
    auto r = cp::parse_command(bytes);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == hal::CompletionCode::invalidData);
    CHECK(r.error().reason == reason);
  };
  check({0x1B, ';', 'x', 0x0D}, "bad_command");
  check({0x1B, 'P', 'r', 0x01, 0x0D}, "bad_command");
  check(std::vector<std::uint8_t>(200, 'A'), "bad_command");
  check({0x1B, 'D', 'b', 0x0D}, "bad_parameter");
  check({0x1B, 'D', 'b', 'c', 0x0D}, "bad_parameter");
  const std::string bad_panel =
      "\x1b"
      "Db;z;32;";
  check({bad_panel.begin(), bad_panel.end()}, "bad_parameter");
  const std::string bad_levels =
      "\x1b"
      "Db;y;2;";
  check({bad_levels.begin(), bad_levels.end()}, "bad_parameter");
  const std::string colour_compressed =
      "\x1b"
      "Dbc;c;32;";
  check({colour_compressed.begin(), colour_compressed.end()}, "bad_parameter");
  // A raw download whose data is not followed by CR at either size.
  std::string head =
      "\x1b"
      "Db;k;2;";
  std::vector<std::uint8_t> raw(head.begin(), head.end());
  raw.resize(raw.size() + cp::guide_raw_size(2) + 10, 0x11);
  check(raw, "bad_size");
}

TEST_CASE("downloads of both raw sizes are accepted", "[card_printer][codec]") {
  cp::Panel y{cp::PanelKind::y, 32, std::vector<std::uint8_t>(cp::kPixels, 9)};
  for (auto size : {cp::RawSize::exact, cp::RawSize::guide}) {
    auto frame = cp::encode_download(y, false, size);
    const auto more = cp::encode_command("Se");
    frame.insert(frame.end(), more.begin(), more.end());
    auto r = cp::parse_command(frame);
    REQUIRE(r.ok());
    REQUIRE(r.value().command);
    CHECK(r.value().command->name == "Db");
    CHECK(r.value().command->panel->values == y.values);
    CHECK(r.value().consumed == frame.size() - more.size());
  }
}

TEST_CASE("a YMCKO duplex job has the guide's sequence", "[card_printer][codec]") {
  hal::CardJob job{test_side(), test_side(), "t1"};
  auto built = cp::build_job(job);
  REQUIRE(built.ok());
  CHECK(names(cp::flatten(built.value())) ==
        "Pr;ymcko Ss Sr Db;y;32 Db;m;32 Db;c;32 Dbc;k;2 Dbc;o;2 Sv Db;y;32 Db;m;32 Db;c;32 "
        "Dbc;k;2 Dbc;o;2 Se");
  cp::JobOptions mono;
  mono.ribbon = hal::RibbonType::k;
  mono.compress_k_and_o = false;
  hal::CardJob one{test_side(), std::nullopt, "t2"};
  auto m = cp::build_job(one, mono);
  REQUIRE(m.ok());
  CHECK(names(cp::flatten(m.value())) == "Pr;k Ss Sr Db;k;2 Se");
  cp::JobOptions simplex;
  simplex.duplex = false;
  auto refused = cp::build_job(job, simplex);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == hal::CompletionCode::unsupported);
}

TEST_CASE("the decoder rebuilds both sides from the received panels", "[card_printer][codec]") {
  auto front = test_side();
  auto back_side = test_side();
  fill_rect(back_side.image, {600, 400, 100, 100}, 0, 160, 0);
  hal::CardJob job{front, back_side, "t"};
  auto built = cp::build_job(job);
  REQUIRE(built.ok());
  auto decoded = cp::decode_card_job(cp::flatten(built.value()));
  REQUIRE(decoded.ok());
  const auto& d = decoded.value();
  CHECK(d.ended);
  CHECK(d.ribbon == hal::RibbonType::ymcko);
  REQUIRE(d.back);
  CHECK(d.front_panels.size() == 5);
  auto near = [](const hal::RgbImage& img, int x, int y, int r, int g, int b) {
    auto o = img.offset(x, y);
    return std::abs(img.pixels[o] - r) <= 12 && std::abs(img.pixels[o + 1] - g) <= 12 &&
           std::abs(img.pixels[o + 2] - b) <= 12;
  };
  CHECK(near(d.front, 50, 50, 255, 0, 0));
  CHECK(near(d.front, 150, 50, 0, 0, 0));
  CHECK(near(d.front, 250, 50, 128, 128, 128));
  CHECK(near(d.front, 350, 50, 30, 60, 200));
  CHECK(near(d.front, 900, 600, 255, 255, 255));
  CHECK(near(*d.back, 650, 450, 0, 160, 0));
}

TEST_CASE("the decoder accepts the guide's monochrome sequence with Sv", "[card_printer][codec]") {
  cp::Panel k{cp::PanelKind::k, 2, std::vector<std::uint8_t>(cp::kPixels, 0)};
  k.values[at(10, 10)] = 1;
  cp::Bytes s;
  for (const auto& f :
       {cp::encode_command("Pr", {"k"}), cp::encode_command("Ss"), cp::encode_command("Sr"),
        cp::encode_download(k, false), cp::encode_command("Sv"), cp::encode_command("Se")}) {
    s.insert(s.end(), f.begin(), f.end());
  }
  auto d = cp::decode_card_job(s);
  REQUIRE(d.ok());
  CHECK(d.value().ribbon == hal::RibbonType::k);
  CHECK(d.value().front.pixels[d.value().front.offset(10, 10)] == 0);
  CHECK(d.value().front.pixels[d.value().front.offset(11, 10)] == 255);
  REQUIRE(d.value().back);
  CHECK(d.value().back_panels.empty());
}

TEST_CASE("malformed job streams are typed decoder errors", "[card_printer][codec]") {
  hal::CardJob job{test_side(), std::nullopt, "t"};
  auto built = cp::build_job(job);
  REQUIRE(built.ok());
  const auto full = cp::flatten(built.value());
  auto reason = [](std::span<const std::uint8_t> s) {
    auto r = cp::decode_card_job(s);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == hal::CompletionCode::invalidData);
    return r.error().reason;
  };
  CHECK(reason(std::span(full).first(full.size() / 2)) == "truncated");
  CHECK(reason(std::span(full).first(full.size() - 4)) == "truncated");  // no Se
  CHECK(reason({}) == "no_card");
  cp::Bytes no_sr;
  for (const auto& f : built.value().front) no_sr.insert(no_sr.end(), f.begin(), f.end());
  CHECK(reason(no_sr) == "sequence");
  const std::string garbage = "\x1bPr;ymcko\r\x1b\x01\x02\r";
  CHECK(reason(std::span(reinterpret_cast<const std::uint8_t*>(garbage.data()), garbage.size())) ==
        "bad_command");
}

TEST_CASE("random and mutated streams never crash the parser or the decoder",
          "[card_printer][codec][fuzz]") {
  std::mt19937 rng(12345);
  // A small valid stream to mutate: monochrome, compressed.
  cp::JobOptions mono;
  mono.ribbon = hal::RibbonType::k;
  hal::CardSide side{hal::RgbImage(cp::kWidth, cp::kHeight), {}, {}};
  fill_rect(side.image, {10, 10, 300, 40}, 0, 0, 0);
  auto built = cp::build_job(hal::CardJob{side, std::nullopt, "f"}, mono);
  REQUIRE(built.ok());
  const auto valid = cp::flatten(built.value());
  REQUIRE(cp::decode_card_job(valid).ok());
  int errors = 0;
  for (int i = 0; i < 300; ++i) {
    cp::Bytes s;
    if (i % 4 == 3) {
      // Structure-aware: fragments of real commands in random order.
      static const char* kTokens[] = {
          "\x1b"
          "Db",
          "\x1b"
          "Dbc",
          "\x1b"
          "Ss",
          "\x1b"
          "Sr",
          "\x1b"
          "Sv",
          "\x1b"
          "Se",
          "\x1b"
          "Pr",
          ";",
          "k",
          "y",
          "o",
          "2",
          "32",
          "ymcko",
          "\r",
          "\xff",
          "\x00"};
      const int n = 1 + static_cast<int>(rng() % 20);
      for (int t = 0; t < n; ++t) {
        const std::string tok = kTokens[rng() % (sizeof(kTokens) / sizeof(kTokens[0]))];
        s.insert(s.end(), tok.begin(), tok.end());
        if (tok == "\x00") s.push_back(0);
      }
    } else if (i % 3 == 0) {
      s.resize(rng() % 300);
      for (auto& b : s) b = static_cast<std::uint8_t>(rng());
      if (!s.empty()) s[0] = cp::kEsc;
    } else {
      s = valid;
      const int flips = 1 + static_cast<int>(rng() % 8);
      for (int f = 0; f < flips; ++f) s[rng() % s.size()] = static_cast<std::uint8_t>(rng());
      if (i % 3 == 2) s.resize(rng() % s.size());
    }
    auto r = cp::decode_card_job(s);
    if (!r.ok()) {
      ++errors;
      CHECK(r.error().code == hal::CompletionCode::invalidData);
      CHECK_FALSE(r.error().reason.empty());
    }
    auto p = cp::parse_command(s);
    if (p.ok() && p.value().command) CHECK(p.value().consumed <= s.size());
  }
  CHECK(errors > 100);  // most mutations must be caught
}

TEST_CASE("replies and printer errors map to device errors", "[card_printer][codec]") {
  auto ok = cp::parse_reply("OK");
  REQUIRE(ok.ok());
  CHECK(ok.value().ok);
  auto err = cp::parse_reply("ERR;C");
  REQUIRE(err.ok());
  CHECK_FALSE(err.value().ok);
  CHECK(err.value().error_code == 'C');
  CHECK_FALSE(cp::parse_reply("ERR;Z").ok());
  CHECK_FALSE(cp::parse_reply("").ok());
  CHECK_FALSE(cp::parse_reply(std::string("O\x01K", 3)).ok());
  CHECK_FALSE(cp::parse_reply(std::string(300, 'A')).ok());

  struct Case {
    char code;
    bool jammed;
    hal::CompletionCode cc;
    const char* reason;
  };
  for (const auto& c : {Case{'1', false, hal::CompletionCode::unsupported, "command_rejected"},
                        Case{'2', false, hal::CompletionCode::invalidData, "parameter_rejected"},
                        Case{'T', false, hal::CompletionCode::hardwareError, "mechanical"},
                        Case{'T', true, hal::CompletionCode::hardwareError, "jam"},
                        Case{'C', false, hal::CompletionCode::userError, "cover_open"},
                        Case{'F', false, hal::CompletionCode::userError, "feeder_empty"},
                        Case{'R', false, hal::CompletionCode::hardwareError, "ribbon_out"}}) {
    const auto e = cp::error_for_code(c.code, c.jammed);
    CHECK(e.code == c.cc);
    CHECK(e.reason == c.reason);
  }
}

TEST_CASE("the status report round-trips and rejects bad values", "[card_printer][codec]") {
  cp::StatusReport r;
  r.ribbon = "low";
  r.feeder = "empty";
  r.cover = "open";
  r.card = "jammed";
  r.ribbon_panels = 12;
  r.blank_cards = 0;
  r.card_counter = 77;
  auto back = cp::parse_status(cp::format_status(r));
  REQUIRE(back.ok());
  CHECK(back.value().ribbon == "low");
  CHECK(back.value().feeder == "empty");
  CHECK(back.value().cover == "open");
  CHECK(back.value().card == "jammed");
  CHECK(back.value().ribbon_panels == 12);
  CHECK(back.value().card_counter == 77);
  CHECK_FALSE(cp::parse_status("ribbon=ok").ok());
  CHECK_FALSE(
      cp::parse_status("ribbon=maybe;feeder=ok;cover=closed;card=none;panels=1;cards=1;count=1")
          .ok());
  CHECK_FALSE(
      cp::parse_status("ribbon=ok;feeder=ok;cover=closed;card=none;panels=x;cards=1;count=1").ok());
  CHECK_FALSE(cp::parse_status("garbage").ok());
}
