#include "drivers/id_reader/id_reader_codec.hpp"

#include <catch2/catch.hpp>

#include <random>

#include "tests/drivers/id_reader/sample_cards.hpp"

using namespace kiosk;
using namespace kiosk::drivers::id_reader;
using Bytes = std::vector<std::uint8_t>;

TEST_CASE("requests carry the preamble, a big-endian length and a computed XOR checksum",
          "[id_reader][codec]") {
  // Frames as readers' documentation prints them, checksums recomputed by hand.
  CHECK(build_request(cmd::kSamStatus) ==
        Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x11, 0xFF, 0xED});
  CHECK(build_request(cmd::kReadSamId) ==
        Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x12, 0xFF, 0xEE});
  CHECK(build_request(cmd::kResetSam) ==
        Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x10, 0xFF, 0xEC});
  CHECK(build_request(cmd::kResetSamAlt) ==
        Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x01, 0xFF, 0xFD});
  CHECK(build_request(cmd::kFindCard) ==
        Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22});
  CHECK(build_request(cmd::kSelectCard) ==
        Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x02, 0x21});
  CHECK(build_request(cmd::kReadTextPhoto) ==
        Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x01, 0x32});
  CHECK(build_request(cmd::kReadWithFingerprint) ==
        Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x10, 0x23});
  CHECK(build_request(cmd::kReadAppendedAddress) ==
        Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x03, 0x30});
}

TEST_CASE("a request with data counts the data in its length and checksum", "[id_reader][codec]") {
  const Bytes data{0x01, 0x02, 0x03};
  const Bytes f = build_request(Command{0x40, 0x02}, data);
  REQUIRE(f.size() == 5 + 2 + 2 + 3 + 1);
  CHECK(f[5] == 0x00);
  CHECK(f[6] == 0x06);
  CHECK(f.back() == (0x00 ^ 0x06 ^ 0x40 ^ 0x02 ^ 0x01 ^ 0x02 ^ 0x03));
}

TEST_CASE("a found-card reply is parsed into its status words and data", "[id_reader][codec]") {
  const Bytes wire{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x08, 0x00,
                   0x00, 0x9F, 0x00, 0x00, 0x00, 0x00, 0x97};
  CHECK(build_response(0x9F, Bytes{0, 0, 0, 0}) == wire);
  FrameParser p;
  p.feed(wire);
  auto f = p.next();
  REQUIRE(f.ok());
  REQUIRE(f.value().has_value());
  auto r = to_response(*f.value());
  REQUIRE(r.ok());
  CHECK(r.value().sw1 == 0);
  CHECK(r.value().sw2 == 0);
  CHECK(r.value().sw3 == 0x9F);
  CHECK(r.value().data == Bytes{0, 0, 0, 0});
  CHECK(p.buffered() == 0);
}

TEST_CASE("the parser waits for the rest of a frame that arrives in pieces", "[id_reader][codec]") {
  const Bytes wire = build_response(0x90, Bytes(100, 0x42));
  FrameParser p;
  for (std::size_t i = 0; i + 1 < wire.size(); ++i) {
    p.feed(std::span(&wire[i], 1));
    auto f = p.next();
    REQUIRE(f.ok());
    CHECK_FALSE(f.value().has_value());
  }
  CHECK(p.frame_started());
  p.feed(std::span(&wire.back(), 1));
  auto f = p.next();
  REQUIRE(f.ok());
  REQUIRE(f.value().has_value());
  CHECK(f.value()->payload.size() == 103);
}

TEST_CASE("the parser skips noise before a preamble and resynchronises", "[id_reader][codec]") {
  Bytes wire{0x00, 0xAA, 0x13, 0xAA, 0xAA, 0x96};  // includes a false start
  const Bytes frame = build_response(0x90);
  wire.insert(wire.end(), frame.begin(), frame.end());
  FrameParser p;
  p.feed(wire);
  auto f = p.next();
  REQUIRE(f.ok());
  REQUIRE(f.value().has_value());
  CHECK(p.skipped() == 6);
}

TEST_CASE("two frames in one read come out one after the other", "[id_reader][codec]") {
  Bytes wire = build_response(0x80);
  const Bytes second = build_response(0x9F, Bytes{0, 0, 0, 0});
  wire.insert(wire.end(), second.begin(), second.end());
  FrameParser p;
  p.feed(wire);
  auto a = p.next();
  auto b = p.next();
  auto c = p.next();
  REQUIRE((a.ok() && b.ok() && c.ok()));
  REQUIRE((a.value() && b.value()));
  CHECK(a.value()->payload[2] == 0x80);
  CHECK(b.value()->payload[2] == 0x9F);
  CHECK_FALSE(c.value().has_value());
}

TEST_CASE("a wrong checksum is rejected as invalidData/checksum and the next frame still parses",
          "[id_reader][codec]") {
  Bytes bad = build_response(0x90, Bytes{1, 2, 3});
  bad.back() ^= 0x01;  // the kind of slip sample code makes by hand
  const Bytes good = build_response(0x9F);
  bad.insert(bad.end(), good.begin(), good.end());
  FrameParser p;
  p.feed(bad);
  auto f = p.next();
  REQUIRE_FALSE(f.ok());
  CHECK(f.error().code == hal::CompletionCode::invalidData);
  CHECK(f.error().reason == "checksum");
  std::optional<RawFrame> got;
  for (int i = 0; i < 20 && !got; ++i) {
    auto n = p.next();
    if (n.ok()) {
      if (!n.value()) break;
      got = *n.value();
    }
  }
  REQUIRE(got);
  CHECK(got->payload[2] == 0x9F);
}

TEST_CASE("impossible lengths are rejected as invalidData/length", "[id_reader][codec]") {
  for (std::uint16_t len :
       {std::uint16_t{0}, std::uint16_t{2}, std::uint16_t{4097}, std::uint16_t{0xFFFF}}) {
    Bytes wire{0xAA,
               0xAA,
               0xAA,
               0x96,
               0x69,
               static_cast<std::uint8_t>(len >> 8),
               static_cast<std::uint8_t>(len)};
    wire.resize(wire.size() + 16, 0x00);
    FrameParser p;
    p.feed(wire);
    auto f = p.next();
    REQUIRE_FALSE(f.ok());
    CHECK(f.error().code == hal::CompletionCode::invalidData);
    CHECK(f.error().reason == "length");
  }
}

TEST_CASE("every SW3 code of the protocol maps to a typed result", "[id_reader][codec]") {
  using C = hal::CompletionCode;
  struct Row {
    std::uint8_t sw3;
    Sw3 status;
    C code;
    std::string_view reason;
  };
  const Row rows[] = {
      {0x90, Sw3::ok, C::success, "ok"},
      {0x9F, Sw3::cardFound, C::success, "card_found"},
      {0x10, Sw3::checksumError, C::invalidData, "checksum"},
      {0x11, Sw3::lengthError, C::invalidData, "length"},
      {0x21, Sw3::commandError, C::unsupported, "command_error"},
      {0x23, Sw3::notAuthorised, C::hardwareError, "not_authorised"},
      {0x24, Sw3::unknownError, C::hardwareError, "unknown_error"},
      {0x31, Sw3::cardToSamAuthFailed, C::hardwareError, "auth_failed"},
      {0x32, Sw3::samToCardAuthFailed, C::hardwareError, "auth_failed"},
      {0x33, Sw3::infoCheckFailed, C::hardwareError, "info_check_failed"},
      {0x40, Sw3::unknownCardType, C::invalidData, "unknown_card_type"},
      {0x41, Sw3::readFailed, C::hardwareError, "read_failed"},
      {0x47, Sw3::randomFailed, C::hardwareError, "random_failed"},
      {0x60, Sw3::samSelfTestFailed, C::hardwareError, "sam_failed"},
      {0x66, Sw3::samNotAuthorised, C::hardwareError, "sam_not_authorised"},
      {0x80, Sw3::findCardFailed, C::timeout, "no_card"},
      {0x81, Sw3::selectFailed, C::userError, "select_failed"},
      {0x91, Sw3::noContent, C::success, "no_content"},
  };
  for (const auto& row : rows) {
    INFO("SW3 " << static_cast<int>(row.sw3));
    const auto m = interpret_sw3(row.sw3);
    CHECK(m.status == row.status);
    CHECK(m.code == row.code);
    CHECK(m.reason == row.reason);
    CHECK(to_string(m.status) != "unknown");
  }
  const auto unknown = interpret_sw3(0x55);
  CHECK(unknown.status == Sw3::unknown);
  CHECK(unknown.code == C::hardwareError);
  CHECK(unknown.reason == "unknown_status");
}

TEST_CASE("a 30 01 reply is 1295 bytes with the text at offset 14 and decodes to the card",
          "[id_reader][codec]") {
  const hal::IdCard card = test::resident_card();
  auto data = encode_read_reply_data(card, ReadKind::textPhoto);
  REQUIRE(data.ok());
  const Bytes frame = build_response(0x90, data.value());
  REQUIRE(frame.size() == 1295);
  CHECK(frame[5] == 0x05);
  CHECK(frame[6] == 0x08);
  CHECK(frame[10] == 0x01);  // text length 0100
  CHECK(frame[11] == 0x00);
  CHECK(frame[12] == 0x04);  // photo length 0400
  CHECK(frame[13] == 0x00);
  CHECK(frame[14] == 0x4B);  // first UCS-2 unit of the name, little-endian: 测 = U+6D4B
  CHECK(frame[15] == 0x6D);
  auto decoded = decode_id_reply_frame(frame);
  REQUIRE(decoded.ok());
  CHECK(decoded.value().name == card.name);
  CHECK(decoded.value().id_number == card.id_number);
  CHECK(decoded.value().photo_wlt == card.photo_wlt);
  CHECK(decoded.value().fingerprint.empty());
}

TEST_CASE("a 30 10 reply adds a fingerprint length and puts the text at offset 16",
          "[id_reader][codec]") {
  hal::IdCard card = test::resident_card();
  card.fingerprint.assign(1024, 0x5A);
  auto data = encode_read_reply_data(card, ReadKind::withFingerprint);
  REQUIRE(data.ok());
  const Bytes frame = build_response(0x90, data.value());
  CHECK(frame.size() == 1295 + 2 + 1024);
  CHECK(frame[16] == 0x4B);
  auto decoded = decode_id_reply_frame(frame);
  REQUIRE(decoded.ok());
  CHECK(decoded.value().fingerprint == card.fingerprint);
  CHECK(decoded.value().photo_wlt == card.photo_wlt);

  SECTION("a card without fingerprints answers a zero fingerprint length") {
    card.fingerprint.clear();
    auto d = encode_read_reply_data(card, ReadKind::withFingerprint);
    REQUIRE(d.ok());
    auto r = decode_read_reply(d.value(), ReadKind::withFingerprint);
    REQUIRE(r.ok());
    CHECK(r.value().fingerprint.empty());
    CHECK(r.value().photo_wlt.size() == 1024);
  }
}

TEST_CASE("read replies whose lengths disagree with their size are rejected",
          "[id_reader][codec]") {
  auto data = encode_read_reply_data(test::resident_card(), ReadKind::textPhoto);
  REQUIRE(data.ok());
  Bytes shorter(data.value().begin(), data.value().end() - 10);
  auto a = decode_read_reply(shorter, ReadKind::textPhoto);
  REQUIRE_FALSE(a.ok());
  CHECK(a.error().reason == "truncated");
  Bytes longer = data.value();
  longer.push_back(0);
  auto b = decode_read_reply(longer, ReadKind::textPhoto);
  REQUIRE_FALSE(b.ok());
  CHECK(b.error().reason == "length");
  auto c = decode_read_reply(longer);
  REQUIRE_FALSE(c.ok());
  CHECK(c.error().code == hal::CompletionCode::invalidData);
  Bytes small_text = data.value();
  small_text[0] = 0x00;
  small_text[1] = 0x80;  // text length 128: too short for the layout
  small_text.resize(4 + 128 + 1024);
  auto d = decode_read_reply(small_text, ReadKind::textPhoto);
  REQUIRE_FALSE(d.ok());
  CHECK(d.error().reason == "length");
}

TEST_CASE("a failed read reply frame decodes to the SAM's typed error", "[id_reader][codec]") {
  auto r = decode_id_reply_frame(build_response(0x41));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::hardwareError);
  CHECK(r.error().reason == "read_failed");
}

TEST_CASE("a truncated reply frame is invalidData/truncated", "[id_reader][codec]") {
  auto data = encode_read_reply_data(test::resident_card(), ReadKind::textPhoto);
  REQUIRE(data.ok());
  Bytes frame = build_response(0x90, data.value());
  for (std::size_t keep :
       {std::size_t{0}, std::size_t{3}, std::size_t{7}, std::size_t{200}, frame.size() - 1}) {
    const Bytes part(frame.begin(), frame.begin() + static_cast<std::ptrdiff_t>(keep));
    auto r = decode_id_reply_frame(part);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().reason == "truncated");
  }
}

TEST_CASE("a capture with requests and several replies yields the read reply",
          "[id_reader][codec]") {
  auto data = encode_read_reply_data(test::resident_card(), ReadKind::textPhoto);
  REQUIRE(data.ok());
  Bytes capture;
  for (const Bytes& f : {build_request(cmd::kFindCard), build_response(0x9F, Bytes{0, 0, 0, 0}),
                         build_request(cmd::kSelectCard), build_response(0x90, Bytes(8, 0)),
                         build_request(cmd::kReadTextPhoto), build_response(0x90, data.value())}) {
    capture.insert(capture.end(), f.begin(), f.end());
  }
  auto r = decode_id_reply_frame(capture);
  REQUIRE(r.ok());
  CHECK(r.value().id_number == test::resident_card().id_number);
}

TEST_CASE("appended addresses round-trip and an empty one means no content", "[id_reader][codec]") {
  auto enc = encode_appended_address("江苏省南京市鼓楼区测试新村9号");
  REQUIRE(enc.ok());
  CHECK(enc.value().size() == 70);
  CHECK(decode_appended_address(enc.value()) == "江苏省南京市鼓楼区测试新村9号");
  CHECK(decode_appended_address({}).empty());
}

TEST_CASE("random, truncated and oversized input never crashes the parser or the decoder",
          "[id_reader][codec][fuzz]") {
  std::mt19937 rng(20261128);
  auto data = encode_read_reply_data(test::resident_card(), ReadKind::textPhoto);
  REQUIRE(data.ok());
  const Bytes good = build_response(0x90, data.value());
  int typed_errors = 0;
  for (int i = 0; i < 3000; ++i) {
    Bytes input;
    switch (i % 4) {
      case 0: {  // pure noise, sometimes seeded with a preamble
        input.resize(rng() % 3000);
        for (auto& b : input) b = static_cast<std::uint8_t>(rng());
        if (input.size() > 10 && rng() % 2 == 0)
          std::copy(kPreamble.begin(), kPreamble.end(), input.begin() + 3);
        break;
      }
      case 1:  // a good frame cut anywhere
        input.assign(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(rng() % good.size()));
        break;
      case 2: {  // a good frame with bytes flipped
        input = good;
        for (int k = 0; k < 1 + static_cast<int>(rng() % 4); ++k)
          input[rng() % input.size()] ^= static_cast<std::uint8_t>(1 + rng() % 255);
        break;
      }
      default: {  // a frame claiming a huge length, or with extra bytes
        input = good;
        input[5] = static_cast<std::uint8_t>(rng());
        input[6] = static_cast<std::uint8_t>(rng());
        input.resize(input.size() + rng() % 5000, 0xEE);
        break;
      }
    }
    auto r = decode_id_reply_frame(input);
    if (!r.ok()) {
      ++typed_errors;
      CHECK_FALSE(r.error().reason.empty());
      CHECK(r.error().code != hal::CompletionCode::success);
    }
    // Also feed the parser in random slices.
    FrameParser p;
    std::size_t pos = 0;
    while (pos < input.size()) {
      const std::size_t n = std::min<std::size_t>(1 + rng() % 70, input.size() - pos);
      p.feed(std::span(input).subspan(pos, n));
      pos += n;
      for (int guard = 0; guard < 10000; ++guard) {
        auto f = p.next();
        if (f.ok() && !f.value()) break;
      }
      REQUIRE(p.buffered() <= kHeaderSize + kMaxLen + 64 + 70);
    }
  }
  CHECK(typed_errors > 1000);
}

TEST_CASE("a reply that cannot answer a command is recognised as a late one",
          "[id_reader][codec]") {
  const auto frame = [](std::uint8_t sw3, std::size_t n) {
    ResponseFrame f;
    f.sw3 = sw3;
    f.data.assign(n, 0);
    return f;
  };
  CHECK(plausible_reply(cmd::kFindCard, frame(0x9F, 4)));
  CHECK(plausible_reply(cmd::kFindCard, frame(0x80, 0)));
  CHECK_FALSE(plausible_reply(cmd::kSelectCard, frame(0x9F, 4)));
  CHECK_FALSE(plausible_reply(cmd::kReadTextPhoto, frame(0x80, 0)));
  CHECK_FALSE(plausible_reply(cmd::kFindCard, frame(0x81, 0)));
  CHECK(plausible_reply(cmd::kSelectCard, frame(0x90, 8)));
  CHECK_FALSE(plausible_reply(cmd::kReadTextPhoto, frame(0x90, 8)));
  CHECK(plausible_reply(cmd::kReadTextPhoto, frame(0x90, 1284)));
  CHECK_FALSE(plausible_reply(cmd::kSamStatus, frame(0x90, 1284)));
  CHECK(plausible_reply(cmd::kReadAppendedAddress, frame(0x91, 0)));
  // Error codes any command can produce are taken as they come.
  CHECK(plausible_reply(cmd::kSelectCard, frame(0x41, 0)));
}
