#include <catch2/catch.hpp>

#include <random>

#include "drivers/card_printer/card_printer_codec.hpp"
#include "tests/drivers/card_printer/card_images.hpp"
#include "tests/drivers/card_printer/vendor_job.hpp"

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
    const auto& params = r.value().command->params;
    for (std::size_t i = 0; i < params.size(); ++i) {
      // The byte count of a compressed download depends on the image: shown as '*'.
      out += ";" + (r.value().command->name == "Dbc" && i == 2 ? std::string("*") : params[i]);
    }
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

TEST_CASE("a panel goes out as 1016 lines of 648 dots, the card turned clockwise",
          "[card_printer][codec]") {
  // Wire line L is card column L; dot d is card row 647 - d (pnmflip -rotate270).
  cp::Panel k{cp::PanelKind::k, 2, std::vector<std::uint8_t>(cp::kPixels, 0)};
  k.values[at(0, 647)] = 1;  // bottom-left: line 0, dot 0
  k.values[at(0, 646)] = 1;  // line 0, dot 1
  k.values[at(1, 647)] = 1;  // line 1, dot 0
  k.values[at(0, 0)] = 1;    // top-left: line 0, dot 647 (last bit of the line)
  const auto raw = cp::pack_panel(k, cp::RawSize::exact);
  REQUIRE(raw.size() == 1016 * 81);
  CHECK(raw[0] == 0xC0);
  CHECK(raw[80] == 0x01);
  CHECK(raw[81] == 0x80);
  cp::Panel c{cp::PanelKind::c, 32, std::vector<std::uint8_t>(cp::kPixels, 0)};
  c.values[at(0, 647)] = 31;
  c.values[at(0, 646)] = 1;
  const auto raw5 = cp::pack_panel(c, cp::RawSize::exact);
  CHECK(raw5[0] == 0xF8);  // 11111 000..
  CHECK(raw5[1] == 0x40);  // ..01 0...
  CHECK(raw5.size() == 1016 * 405);
}

TEST_CASE("k and o compression is count-prefixed lines of the vendor's driver",
          "[card_printer][codec]") {
  std::mt19937 rng(3);
  cp::Panel k{cp::PanelKind::k, 2, std::vector<std::uint8_t>(cp::kPixels, 0)};
  for (int y = 0; y < cp::kHeight; ++y) k.values[at(1, y)] = 1;    // line 1 all ink
  for (int y = 628; y < cp::kHeight; ++y) k.values[at(2, y)] = 1;  // line 2: dots 0..19
  for (int x = 10; x < 900; ++x) {
    for (int y = 0; y < cp::kHeight; ++y) k.values[at(x, y)] = (rng() % 5 == 0) ? 1 : 0;
  }
  const auto comp = cp::compress_panel(k);
  CHECK(comp[0] == 0);   // line 0 blank: one byte
  CHECK(comp[1] == 81);  // line 1 full: 81 and 81 bytes
  CHECK(comp[2] == 0xFF);
  CHECK(comp[82] == 0xFF);
  CHECK(comp[83] == 3);  // line 2: 20 dots = 3 bytes
  CHECK(comp[84] == 0xFF);
  CHECK(comp[86] == 0xF0);
  auto back = cp::decompress_panel(cp::PanelKind::k, comp);
  REQUIRE(back.ok());
  CHECK(back.value().values == k.values);
  // The download carries the byte count.
  const auto frame = cp::encode_download(k, true);
  const std::string head =
      "\x1b"
      "Dbc;k;2;" +
      std::to_string(comp.size()) + ";";
  CHECK(std::string(frame.begin(), frame.begin() + static_cast<std::ptrdiff_t>(head.size())) ==
        head);
  // 0xFF is read as a full line (the Perl simulator's reading).
  std::vector<std::uint8_t> ff{0xFF};
  auto full = cp::decompress_panel(cp::PanelKind::k, ff);
  REQUIRE(full.ok());
  CHECK(full.value().values[at(0, 0)] == 1);
  CHECK(full.value().values[at(1, 0)] == 0);
  // A count beyond a line, a line cut short, and more than 1016 lines are malformed.
  for (const auto& bad : {std::vector<std::uint8_t>{200, 1, 2, 3}, std::vector<std::uint8_t>{5, 1},
                          std::vector<std::uint8_t>(1017, 0)}) {
    auto b = cp::decompress_panel(cp::PanelKind::k, bad);
    REQUIRE_FALSE(b.ok());
    CHECK(b.error().reason == "bad_compression");
  }
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
  const std::string huge_count =
      "\x1b"
      "Dbc;k;2;999999;";
  check({huge_count.begin(), huge_count.end()}, "bad_size");
}

TEST_CASE("a compressed download waits for its byte count and takes an optional CR",
          "[card_printer][codec]") {
  cp::Panel k{cp::PanelKind::k, 2, std::vector<std::uint8_t>(cp::kPixels, 0)};
  k.values[at(5, 5)] = 1;
  auto frame = cp::encode_download(k, true);
  auto part = cp::parse_command(std::span(frame).first(frame.size() - 3));
  REQUIRE(part.ok());
  CHECK_FALSE(part.value().command);
  frame.pop_back();  // no CR: the next command follows at once
  const auto se = cp::encode_command("Se");
  frame.insert(frame.end(), se.begin(), se.end());
  auto r = cp::parse_command(frame);
  REQUIRE(r.ok());
  REQUIRE(r.value().command);
  CHECK(r.value().command->panel->values == k.values);
  CHECK(r.value().consumed == frame.size() - se.size());
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

TEST_CASE("a raw panel is read by its length even where its bytes look like a command end",
          "[card_printer][codec]") {
  cp::Panel k{cp::PanelKind::k, 2, std::vector<std::uint8_t>(cp::kPixels, 0)};
  k.values[at(3, 3)] = 1;
  const auto se = cp::encode_command("Se");
  // A guide-size download whose padding, at the exact size, reads "CR ESC Se CR".
  {
    auto frame = cp::encode_download(k, false, cp::RawSize::guide);
    const std::size_t data = frame.size() - 1 - cp::guide_raw_size(2);
    const std::size_t at_exact = data + cp::exact_raw_size(2);
    const std::string fake = "\r\x1bSe\r";
    std::copy(fake.begin(), fake.end(), frame.begin() + static_cast<std::ptrdiff_t>(at_exact));
    for (std::size_t i = at_exact + fake.size(); i + 1 < frame.size(); ++i) frame[i] = 0xA5;
    frame.insert(frame.end(), se.begin(), se.end());
    auto r = cp::parse_command(frame);
    REQUIRE(r.ok());
    REQUIRE(r.value().command);
    CHECK(r.value().consumed == frame.size() - se.size());
    CHECK(r.value().command->panel->values[at(3, 3)] == 1);
  }
  // An exact-size download followed by a command whose byte at the guide size is a CR.
  {
    auto frame = cp::encode_download(k, false, cp::RawSize::exact);
    const std::size_t end = frame.size();
    cp::Panel y{cp::PanelKind::y, 32, std::vector<std::uint8_t>(cp::kPixels, 0)};
    const auto next = cp::encode_download(y, false, cp::RawSize::exact);
    frame.insert(frame.end(), next.begin(), next.end());
    const std::size_t data = end - 1 - cp::exact_raw_size(2);
    frame[data + cp::guide_raw_size(2)] = '\r';
    auto r = cp::parse_command(frame);
    REQUIRE(r.ok());
    REQUIRE(r.value().command);
    CHECK(r.value().consumed == end);
  }
}

TEST_CASE("a YMCKO duplex job has the guide's sequence", "[card_printer][codec]") {
  hal::CardJob job{test_side(), test_side(), "t1"};
  auto built = cp::build_job(job);
  REQUIRE(built.ok());
  CHECK(names(cp::flatten(built.value())) ==
        "Pr;ymcko Pmi;F;s Ss Sr Db;y;32 Db;m;32 Db;c;32 Dbc;k;2;* Dbc;o;2;* Sv Db;y;32 Db;m;32 "
        "Db;c;32 Dbc;k;2;* Dbc;o;2;* Se");
  cp::JobOptions mono;
  mono.ribbon = hal::RibbonType::k;
  mono.compress_k_and_o = false;
  hal::CardJob one{test_side(), std::nullopt, "t2"};
  auto m = cp::build_job(one, mono);
  REQUIRE(m.ok());
  CHECK(names(cp::flatten(m.value())) == "Pr;k Pmi;F;s Ss Sr Db;k;2 Se");
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
  struct Text {
    const char* text;
    char code;
  };
  for (const auto& t :
       {Text{"ERR COVER OPEN", 'C'}, Text{"ERR FEEDER EMPTY", 'F'}, Text{"ERR RIB DETECTION", 'R'},
        Text{"ERR RIBBON", 'R'}, Text{"ERR CMD", '1'}, Text{"ERR PARAM", '2'},
        Text{"ERR CARD", 'T'}, Text{"ERR MECHANICAL", 'T'}, Text{"ERR SOMETHING NEW", 'T'}}) {
    auto err = cp::parse_reply(t.text);
    REQUIRE(err.ok());
    CHECK_FALSE(err.value().ok);
    CHECK(err.value().error_code == t.code);
  }
  for (char code : std::string("12TCFR")) {
    auto round = cp::parse_reply(cp::error_text(code));
    REQUIRE(round.ok());
    CHECK(round.value().error_code == code);
  }
  auto value = cp::parse_reply("5,00 Volts");
  REQUIRE(value.ok());
  CHECK(value.value().ok);
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

TEST_CASE("status is read from the card position, the sensors, the ribbon and the counter",
          "[card_printer][codec]") {
  CHECK(cp::parse_volts("5,00 Volts") == 5.0);
  CHECK(cp::parse_volts("0.17 Volts") == Approx(0.17));
  CHECK(cp::parse_volts("4,95 Volts") == Approx(4.95));
  CHECK_FALSE(cp::parse_volts("5,00"));
  CHECK_FALSE(cp::parse_volts("x Volts"));
  CHECK(cp::format_volts(4.95) == "4,95 Volts");
  CHECK(cp::format_volts(0) == "0,00 Volts");

  cp::StatusReplies idle{"OK", "0,22 Volts", "5,00 Volts", "5,00 Volts", "0,17 Volts", "180", "77"};
  auto r = cp::status_from_replies(idle);
  REQUIRE(r.ok());
  CHECK(r.value().card == "none");
  CHECK(r.value().cover == "closed");
  CHECK(r.value().feeder == "ok");
  CHECK(r.value().ribbon == "ok");
  CHECK(r.value().ribbon_panels == 180);
  CHECK(r.value().card_counter == 77);

  auto mouth = idle;
  mouth.bezel = "4,95 Volts";
  CHECK(cp::status_from_replies(mouth).value().card == "in_mouth");
  auto held = idle;
  held.position = "SMART CARD";
  CHECK(cp::status_from_replies(held).value().card == "held");
  auto jam = idle;
  jam.position = "ERR CARD";
  CHECK(cp::status_from_replies(jam).value().card == "jammed");
  auto faults = idle;
  faults.cover = "0,00 Volts";
  faults.feeder = "0,00 Volts";
  faults.ribbon = "ERR RIB DETECTION";
  auto f = cp::status_from_replies(faults);
  REQUIRE(f.ok());
  CHECK(f.value().cover == "open");
  CHECK(f.value().feeder == "empty");
  CHECK(f.value().ribbon == "out");
  auto low = idle;
  low.near_empty = "3,92 Volts";
  low.ribbon = "12";
  CHECK(cp::status_from_replies(low).value().feeder == "low");
  CHECK(cp::status_from_replies(low).value().ribbon == "low");

  for (auto bad : {&cp::StatusReplies::position, &cp::StatusReplies::cover,
                   &cp::StatusReplies::ribbon, &cp::StatusReplies::counter}) {
    auto b = idle;
    b.*bad = "garbage";
    auto e = cp::status_from_replies(b);
    REQUIRE_FALSE(e.ok());
    CHECK(e.error().reason == "bad_status");
  }
}

TEST_CASE("a job as the vendor's Windows driver sends it decodes to the printed card",
          "[card_printer][codec]") {
  for (bool cr : {true, false}) {
    const auto stream = kiosk::test::vendor_windows_mono_job(cr);
    auto d = cp::decode_card_job(stream);
    REQUIRE(d.ok());
    CHECK(d.value().ended);
    CHECK(d.value().ribbon == hal::RibbonType::k);
    CHECK(d.value().front_panels == std::vector<cp::PanelKind>{cp::PanelKind::k});
    CHECK_FALSE(d.value().back);
    const auto& img = d.value().front;
    auto black = [&](int x, int y) { return img.pixels[img.offset(x, y)] == 0; };
    CHECK(black(500, 300));  // the card is black inside its border
    // Line 2 starts 0xDF: dot 2 (card x 2, y 645) is blank, its neighbours are ink.
    CHECK_FALSE(black(2, 645));
    CHECK(black(2, 646));
    CHECK(black(2, 644));
    // Line 0 is 0x55...: dots alternate, the first blank (card x 0, y 647).
    CHECK_FALSE(black(0, 647));
    CHECK(black(0, 646));
  }
}
