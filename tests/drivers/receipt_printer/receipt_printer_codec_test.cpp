#include "drivers/receipt_printer/receipt_printer_codec.hpp"

#include <catch2/catch.hpp>

#include <random>

#include "drivers/receipt_printer/test_receipt.hpp"

using namespace kiosk;
namespace rp = kiosk::drivers::receipt_printer;
using rp::Bytes;

namespace {

template <typename T>
const T& as(const rp::Operation& o) {
  REQUIRE(std::holds_alternative<T>(o));
  return std::get<T>(o);
}

std::vector<rp::Operation> parse_ok(const Bytes& b) {
  auto ops = rp::parse_stream(b);
  REQUIRE(ops.ok());
  return ops.value();
}

std::string parse_error(const Bytes& b) {
  auto ops = rp::parse_stream(b);
  REQUIRE_FALSE(ops.ok());
  CHECK(ops.error().code == hal::CompletionCode::invalidData);
  return ops.error().reason;
}

}  // namespace

// ---- encoding ---------------------------------------------------------------------------------

TEST_CASE("each command has its exact ESC/POS bytes", "[receipt][codec]") {
  CHECK(rp::cmd_initialise() == Bytes{0x1B, 0x40});
  CHECK(rp::cmd_bold(true) == Bytes{0x1B, 0x45, 0x01});
  CHECK(rp::cmd_bold(false) == Bytes{0x1B, 0x45, 0x00});
  CHECK(rp::cmd_underline(true) == Bytes{0x1B, 0x2D, 0x01});
  CHECK(rp::cmd_align(hal::Align::left) == Bytes{0x1B, 0x61, 0x00});
  CHECK(rp::cmd_align(hal::Align::center) == Bytes{0x1B, 0x61, 0x01});
  CHECK(rp::cmd_align(hal::Align::right) == Bytes{0x1B, 0x61, 0x02});
  CHECK(rp::cmd_size(1, 1) == Bytes{0x1D, 0x21, 0x00});
  CHECK(rp::cmd_size(2, 3) == Bytes{0x1D, 0x21, 0x12});
  CHECK(rp::cmd_size(8, 8) == Bytes{0x1D, 0x21, 0x77});
  CHECK(rp::cmd_size(0, 99) == Bytes{0x1D, 0x21, 0x07});  // clamped
  CHECK(rp::cmd_chinese_on() == Bytes{0x1C, 0x26});
  CHECK(rp::cmd_chinese_off() == Bytes{0x1C, 0x2E});
  CHECK(rp::cmd_feed_lines(3) == Bytes{0x1B, 0x64, 0x03});
  CHECK(rp::cmd_feed_and_cut(24) == Bytes{0x1D, 0x56, 0x42, 0x18});
  CHECK(rp::cmd_qr_model() == Bytes{0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00});
  CHECK(rp::cmd_qr_module_size(6) == Bytes{0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x06});
  CHECK(rp::cmd_qr_module_size(40) == Bytes{0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x10});
  CHECK(rp::cmd_qr_error_level('M') == Bytes{0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31});
  CHECK(rp::cmd_qr_error_level('H') == Bytes{0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x33});
  CHECK(rp::cmd_qr_print() == Bytes{0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30});
  CHECK(rp::cmd_status_request(rp::StatusQuery::paper) == Bytes{0x10, 0x04, 0x04});
}

TEST_CASE("the QR store length counts the data plus three", "[receipt][codec]") {
  auto s = rp::cmd_qr_store("AB");
  REQUIRE(s.ok());
  CHECK(s.value() == Bytes{0x1D, 0x28, 0x6B, 0x05, 0x00, 0x31, 0x50, 0x30, 'A', 'B'});
  auto big = rp::cmd_qr_store(std::string(300, 'x'));
  REQUIRE(big.ok());
  CHECK(big.value()[3] == (303 & 0xFF));
  CHECK(big.value()[4] == (303 >> 8));
}

TEST_CASE("QR data that is too long or empty is refused", "[receipt][codec]") {
  auto too_long = rp::cmd_qr_store(std::string(rp::kMaxQrDataBytes + 1, 'x'));
  REQUIRE_FALSE(too_long.ok());
  CHECK(too_long.error().code == hal::CompletionCode::invalidData);
  CHECK(too_long.error().reason == "qr_too_long");
  CHECK(rp::cmd_qr_store(std::string(rp::kMaxQrDataBytes, 'x')).ok());
  auto empty = rp::cmd_qr_store("");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().reason == "qr_empty");

  hal::ReceiptQr qr;
  qr.data = std::string(800, 'x');
  auto r = rp::encode_receipt(hal::Receipt{{qr}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason == "qr_too_long");
}

TEST_CASE("Chinese is converted to GB18030", "[receipt][codec]") {
  auto zhong = rp::utf8_to_gb18030("中");
  REQUIRE(zhong.ok());
  CHECK(zhong.value() == Bytes{0xD6, 0xD0});
  auto wen = rp::utf8_to_gb18030("中文");
  REQUIRE(wen.ok());
  CHECK(wen.value() == Bytes{0xD6, 0xD0, 0xCE, 0xC4});
  auto yuan = rp::utf8_to_gb18030("元");
  REQUIRE(yuan.ok());
  CHECK(yuan.value() == Bytes{0xD4, 0xAA});
  // Outside GBK: a four-byte GB18030 sequence.
  auto euro = rp::utf8_to_gb18030("\xC2\xA5");  // U+00A5 YEN SIGN
  REQUIRE(euro.ok());
  CHECK(euro.value() == Bytes{0x81, 0x30, 0x84, 0x36});
  auto back = rp::gb18030_to_utf8(Bytes{0xD6, 0xD0, 0xCE, 0xC4});
  REQUIRE(back.ok());
  CHECK(back.value() == "中文");
}

TEST_CASE("invalid UTF-8 and control characters are unencodable", "[receipt][codec]") {
  auto bad = rp::utf8_to_gb18030("\xFF\xFE");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().reason == "unencodable_text");
  for (const std::string& text :
       {std::string("abc\xC3"), std::string("a\x1B@b"), std::string("tab\there")}) {
    hal::ReceiptText t;
    t.text = text;
    auto r = rp::encode_receipt(hal::Receipt{{t}});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == hal::CompletionCode::invalidData);
    CHECK(r.error().reason == "unencodable_text");
  }
  auto truncated_gb = rp::gb18030_to_utf8(Bytes{0xD6});
  REQUIRE_FALSE(truncated_gb.ok());
  CHECK(truncated_gb.error().reason == "bad_text");
}

TEST_CASE("a receipt encodes as initialise, one segment per element, then feed and cut",
          "[receipt][codec]") {
  hal::ReceiptText t;
  t.text = "Hi 中";
  t.bold = true;
  t.align = hal::Align::center;
  t.width_scale = 2;
  hal::ReceiptQr qr;
  qr.data = "Q";
  qr.module_size = 5;
  auto r = rp::encode_receipt(hal::Receipt{{t, hal::ReceiptFeed{2}, qr}});
  REQUIRE(r.ok());
  const auto& e = r.value();
  REQUIRE(e.segments.size() == 4);
  CHECK(e.segments[0] == Bytes{0x1B, 0x40});
  CHECK(e.segments[1] == Bytes{0x1B, 0x61, 0x01, 0x1B, 0x45, 0x01, 0x1B, 0x2D, 0x00, 0x1D, 0x21,
                               0x10, 0x1C, 0x26, 'H',  'i',  ' ',  0xD6, 0xD0, 0x1C, 0x2E, 0x0A});
  CHECK(e.segments[2] == Bytes{0x1B, 0x64, 0x02});
  CHECK(e.segments[3] == Bytes{0x1B, 0x61, 0x01,                                      // align
                               0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,  // model 2
                               0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x05,        // module
                               0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31,        // level M
                               0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x50, 0x30, 'Q',   // store
                               0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30});      // print
  CHECK(e.cut == Bytes{0x1D, 0x56, 0x42, rp::kCutFeedDots});
  CHECK(e.lines == 3);
  CHECK(e.flatten().size() == e.size());
}

TEST_CASE("ASCII-only text is sent without Chinese mode and newlines split lines",
          "[receipt][codec]") {
  hal::ReceiptText t;
  t.text = "a\nb";
  auto r = rp::encode_receipt(hal::Receipt{{t}});
  REQUIRE(r.ok());
  CHECK(r.value().segments[1] == Bytes{0x1B, 0x61, 0x00, 0x1B, 0x45, 0x00, 0x1B, 0x2D, 0x00, 0x1D,
                                       0x21, 0x00, 'a', 0x0A, 'b', 0x0A});
  CHECK(r.value().lines == 2);
}

// ---- real-time status -------------------------------------------------------------------------

TEST_CASE("each status bit is read from its reply byte", "[receipt][codec][status]") {
  using Q = rp::StatusQuery;
  struct Case {
    Q q;
    std::uint8_t byte;
    rp::RealtimeStatus expect;
  };
  auto with = [](auto set) {
    rp::RealtimeStatus s;
    set(s);
    return s;
  };
  const std::vector<Case> cases = {
      {Q::printer, 0x12, {}},
      {Q::printer, 0x1A, with([](auto& s) { s.offline = true; })},
      {Q::offlineCause, 0x12, {}},
      {Q::offlineCause, 0x16, with([](auto& s) { s.cover_open = true; })},
      {Q::offlineCause, 0x32, with([](auto& s) { s.paper_end_stop = true; })},
      {Q::offlineCause, 0x52, with([](auto& s) { s.error = true; })},
      {Q::errorCause, 0x1A, with([](auto& s) { s.cutter_error = true; })},
      {Q::errorCause, 0x32, with([](auto& s) { s.unrecoverable = true; })},
      {Q::errorCause, 0x52, with([](auto& s) { s.auto_recoverable = true; })},
      {Q::paper, 0x12, {}},
      {Q::paper, 0x1E, with([](auto& s) { s.paper_near_end = true; })},
      {Q::paper, 0x16, with([](auto& s) { s.paper_near_end = true; })},  // one sensor bit
      {Q::paper, 0x72, with([](auto& s) { s.paper_out = true; })},
      {Q::paper, 0x32, with([](auto& s) { s.paper_out = true; })},
      {Q::paper, 0x7E, with([](auto& s) {
         s.paper_near_end = true;
         s.paper_out = true;
       })},
  };
  for (const auto& c : cases) {
    rp::RealtimeStatus s;
    INFO("query " << static_cast<int>(c.q) << " byte " << static_cast<int>(c.byte));
    REQUIRE(rp::apply_status_byte(c.q, c.byte, s).ok());
    CHECK(s == c.expect);
  }
}

TEST_CASE("a byte without the fixed status bits is not a status reply",
          "[receipt][codec][status]") {
  for (std::uint8_t b : {0x00, 0xFF, 0x13, 0x92, 0x02, 0x10, 0xEE}) {
    rp::RealtimeStatus s;
    auto r = rp::apply_status_byte(rp::StatusQuery::printer, b, s);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().reason == "bad_status");
  }
}

TEST_CASE("status bytes made for a state read back as that state", "[receipt][codec][status]") {
  for (int bits = 0; bits < 512; ++bits) {
    rp::RealtimeStatus in;
    in.offline = bits & 1;
    in.cover_open = bits & 2;
    in.paper_end_stop = bits & 4;
    in.error = bits & 8;
    in.cutter_error = bits & 16;
    in.unrecoverable = bits & 32;
    in.auto_recoverable = bits & 64;
    in.paper_near_end = bits & 128;
    in.paper_out = bits & 256;
    rp::RealtimeStatus out;
    for (auto q : rp::kAllStatusQueries) {
      REQUIRE(rp::apply_status_byte(q, rp::make_status_byte(q, in), out).ok());
    }
    CHECK(out == in);
  }
}

// ---- parsing ----------------------------------------------------------------------------------

TEST_CASE("an encoded receipt parses back into the same text, QR, feed and cut",
          "[receipt][codec][parser]") {
  hal::ReceiptText t;
  t.text = "驾驶证 Licence";
  t.bold = true;
  t.underline = true;
  t.align = hal::Align::right;
  t.width_scale = 2;
  t.height_scale = 3;
  hal::ReceiptQr qr;
  qr.data = "https://verify.example.invalid/x";
  qr.module_size = 7;
  auto enc = rp::encode_receipt(hal::Receipt{{t, hal::ReceiptFeed{4}, qr}});
  REQUIRE(enc.ok());
  const auto ops = parse_ok(enc.value().flatten());
  std::vector<rp::Operation> meaningful;
  for (const auto& o : ops) {
    if (!std::holds_alternative<rp::op::QrModuleSize>(o) &&
        !std::holds_alternative<rp::op::QrErrorLevel>(o)) {
      meaningful.push_back(o);
    }
  }
  REQUIRE(meaningful.size() == 7);
  as<rp::op::Initialise>(meaningful[0]);
  const auto& text = as<rp::op::Text>(meaningful[1]);
  CHECK(text.utf8 == "驾驶证 Licence");
  CHECK(text.bold);
  CHECK(text.underline);
  CHECK(text.align == hal::Align::right);
  CHECK(text.width_scale == 2);
  CHECK(text.height_scale == 3);
  CHECK(text.chinese);
  as<rp::op::LineFeed>(meaningful[2]);
  CHECK(as<rp::op::Feed>(meaningful[3]).lines == 4);
  CHECK(as<rp::op::QrStore>(meaningful[4]).data == qr.data);
  const auto& print = as<rp::op::QrPrint>(meaningful[5]);
  CHECK(print.module_size == 7);
  CHECK(print.level == 'M');
  CHECK(print.align == hal::Align::center);
  const auto& cut = as<rp::op::Cut>(meaningful[6]);
  CHECK(cut.partial);
  CHECK(cut.feed_dots == rp::kCutFeedDots);
}

TEST_CASE("the sample receipts survive an encode-parse round trip split at every byte",
          "[receipt][codec][parser]") {
  for (const auto& receipt :
       {drivers::make_sample_licence_receipt(), drivers::make_test_receipt()}) {
    auto enc = rp::encode_receipt(receipt);
    REQUIRE(enc.ok());
    const Bytes bytes = enc.value().flatten();
    const auto whole = parse_ok(bytes);
    // Fed one byte at a time, as a slow link would deliver it.
    rp::StreamParser parser;
    std::vector<rp::Operation> pieces;
    for (std::uint8_t b : bytes) {
      auto ops = parser.feed(std::span<const std::uint8_t>(&b, 1));
      REQUIRE(ops.ok());
      for (auto& o : ops.value()) pieces.push_back(std::move(o));
    }
    auto tail = parser.finish();
    REQUIRE(tail.ok());
    REQUIRE(pieces.size() == whole.size());
    std::string all_text;
    int qrs = 0;
    for (std::size_t i = 0; i < whole.size(); ++i) {
      CHECK(pieces[i].index() == whole[i].index());
      if (const auto* t = std::get_if<rp::op::Text>(&whole[i])) all_text += t->utf8 + "\n";
      if (std::holds_alternative<rp::op::QrPrint>(whole[i])) ++qrs;
    }
    CHECK(qrs == 1);
    for (const auto& e : receipt.elements) {
      if (const auto* t = std::get_if<hal::ReceiptText>(&e))
        CHECK(all_text.find(t->text) != std::string::npos);
    }
  }
}

TEST_CASE("status requests, plain cuts and ESC @ are parsed", "[receipt][codec][parser]") {
  const auto ops = parse_ok(Bytes{0x10, 0x04, 0x03, 0x1D, 0x56, 0x00, 0x1D, 0x56, 0x31, 0x1B, 0x45,
                                  0x01, 0x1B, 0x40, 'x', 0x0D, 0x0A});
  REQUIRE(ops.size() == 6);
  CHECK(as<rp::op::StatusRequest>(ops[0]).query == rp::StatusQuery::errorCause);
  CHECK_FALSE(as<rp::op::Cut>(ops[1]).partial);
  CHECK(as<rp::op::Cut>(ops[2]).partial);
  as<rp::op::Initialise>(ops[3]);
  CHECK_FALSE(as<rp::op::Text>(ops[4]).bold);  // ESC @ reset the emphasis
  as<rp::op::LineFeed>(ops[5]);
}

TEST_CASE("malformed sequences give typed errors", "[receipt][codec][parser]") {
  CHECK(parse_error({0x1B, 0x7A}) == "unknown_command");
  CHECK(parse_error({0x1C, 0x41}) == "unknown_command");
  CHECK(parse_error({0x1D, 0x99}) == "unknown_command");
  CHECK(parse_error({0x10, 0x05, 0x01}) == "unknown_command");
  CHECK(parse_error({0x07}) == "unknown_command");
  CHECK(parse_error({0x1B, 0x61, 0x07}) == "bad_parameter");
  CHECK(parse_error({0x1B, 0x2D, 0x05}) == "bad_parameter");
  CHECK(parse_error({0x1D, 0x21, 0x88}) == "bad_parameter");
  CHECK(parse_error({0x1D, 0x56, 0x07}) == "bad_parameter");
  CHECK(parse_error({0x10, 0x04, 0x09}) == "bad_parameter");
  CHECK(parse_error({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x00}) == "bad_parameter");
  CHECK(parse_error({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x50, 0x30}) == "bad_parameter");
  CHECK(parse_error({0x1D, 0x28, 0x6B, 0x01, 0x00, 0x31}) == "bad_parameter");
  CHECK(parse_error({0x1D, 0x28, 0x6B, 0xFF, 0xFF, 0x31}) == "qr_too_long");
  CHECK(parse_error({0x1C, 0x26, 0xD6, 0x0A}) == "bad_text");
}

TEST_CASE("truncated sequences give a truncated error at the end of the stream",
          "[receipt][codec][parser]") {
  auto enc = rp::encode_receipt(drivers::make_sample_licence_receipt());
  REQUIRE(enc.ok());
  const Bytes bytes = enc.value().flatten();
  int truncated = 0;
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    auto ops = rp::parse_stream(std::span<const std::uint8_t>(bytes.data(), n));
    if (!ops.ok()) {
      CHECK(ops.error().code == hal::CompletionCode::invalidData);
      CHECK((ops.error().reason == "truncated" || ops.error().reason == "bad_text"));
      if (ops.error().reason == "truncated") ++truncated;
    }
  }
  CHECK(truncated > 100);
  CHECK(parse_error({0x1B}) == "truncated");
  CHECK(parse_error({0x1D, 0x28, 0x6B, 0x10, 0x00, 0x31, 0x50, 0x30, 'a'}) == "truncated");
}

TEST_CASE("random and mutated input never crashes the parser", "[receipt][codec][parser][fuzz]") {
  std::mt19937 rng(20261128);
  auto enc = rp::encode_receipt(drivers::make_sample_licence_receipt());
  REQUIRE(enc.ok());
  const Bytes sample = enc.value().flatten();
  int errors = 0;
  for (int i = 0; i < 3000; ++i) {
    Bytes b;
    if (i % 2 == 0) {
      b.resize(rng() % 200);
      for (auto& x : b) x = static_cast<std::uint8_t>(rng());
    } else {
      b = sample;
      for (int m = 0; m < 4; ++m) b[rng() % b.size()] = static_cast<std::uint8_t>(rng());
      b.resize(rng() % (b.size() + 1));
    }
    rp::StreamParser parser;
    bool failed = false;
    for (std::size_t at = 0; at < b.size() && !failed;) {
      const std::size_t n = std::min<std::size_t>(1 + rng() % 17, b.size() - at);
      auto ops = parser.feed(std::span<const std::uint8_t>(b.data() + at, n));
      if (!ops.ok()) {
        CHECK(ops.error().code == hal::CompletionCode::invalidData);
        failed = true;
      }
      at += n;
    }
    if (!failed && !parser.finish().ok()) failed = true;
    if (failed) ++errors;
  }
  CHECK(errors > 0);
}

TEST_CASE("QR codes shrink their modules to fit the paper width", "[receipt][codec]") {
  CHECK(rp::qr_version_for(1) == 1);
  CHECK(rp::qr_version_for(14) == 1);
  CHECK(rp::qr_version_for(15) == 2);
  CHECK(rp::qr_version_for(700) == 21);
  CHECK(rp::qr_version_for(2331) == 40);
  CHECK(rp::qr_version_for(2332) == 0);
  CHECK(rp::qr_fitting_module_size(20, 6) == 6);
  CHECK(rp::qr_fitting_module_size(20, 0) == 1);
  CHECK(rp::qr_fitting_module_size(10, 40) == 16);
  CHECK(rp::qr_fitting_module_size(700, 6) == 5);  // 101 modules: 5 dots fit 576
  for (std::size_t n = 1; n <= rp::kMaxQrDataBytes; n += 7) {
    const int module = rp::qr_fitting_module_size(n, 16);
    CHECK((17 + 4 * rp::qr_version_for(n)) * module <= rp::kDotsPerLine);
  }
  hal::ReceiptQr qr;
  qr.data = std::string(700, 'x');
  qr.module_size = 8;
  auto r = rp::encode_receipt(hal::Receipt{{qr}});
  REQUIRE(r.ok());
  const auto ops = parse_ok(r.value().flatten());
  bool printed = false;
  for (const auto& o : ops) {
    if (const auto* p = std::get_if<rp::op::QrPrint>(&o)) {
      CHECK(p->module_size == 5);
      printed = true;
    }
  }
  CHECK(printed);
}

TEST_CASE("GS r 1 confirms in order and its reply is told from a DLE EOT reply",
          "[receipt][codec][status]") {
  CHECK(rp::cmd_transmit_paper_status() == Bytes{0x1D, 0x72, 0x01});
  rp::RealtimeStatus st;
  CHECK(rp::make_paper_sensor_byte(st) == 0x00);
  st.paper_near_end = true;
  CHECK(rp::make_paper_sensor_byte(st) == 0x03);
  st.paper_out = true;
  CHECK(rp::make_paper_sensor_byte(st) == 0x0F);
  rp::RealtimeStatus back;
  REQUIRE(rp::apply_paper_sensor_byte(0x0F, back).ok());
  CHECK(back.paper_out);
  CHECK(back.paper_near_end);
  // Every DLE EOT reply has bit 4 set: never mistaken for a GS r reply.
  for (auto q : rp::kAllStatusQueries) {
    CHECK_FALSE(rp::is_paper_sensor_byte(rp::make_status_byte(q, rp::RealtimeStatus{})));
  }
  CHECK_FALSE(rp::apply_paper_sensor_byte(0x12, back).ok());
  const auto ops = parse_ok(Bytes{0x1D, 0x72, 0x01});
  CHECK(as<rp::op::TransmitStatus>(ops.at(0)).n == 1);
}

TEST_CASE("GS I asks the model and GS e drives the presenter", "[receipt][codec]") {
  CHECK(rp::cmd_printer_id(rp::kIdModelName) == Bytes{0x1D, 0x49, 0x43});
  const auto reply = rp::make_printer_id_reply("TM-T88V");
  CHECK(reply.front() == 0x5F);
  CHECK(reply.back() == 0x00);
  auto model = rp::parse_printer_id_reply(reply);
  REQUIRE(model.ok());
  CHECK(model.value() == "TM-T88V");
  CHECK_FALSE(rp::parse_printer_id_reply(Bytes{0x41, 0x00}).ok());
  CHECK_FALSE(rp::parse_printer_id_reply(Bytes{0x5F, 0x01, 0x00}).ok());

  CHECK(rp::cmd_presenter(rp::PresenterAction::retract) == Bytes{0x1D, 0x65, 0x02});
  CHECK(rp::cmd_presenter(rp::PresenterAction::status) == Bytes{0x1D, 0x65, 0x06});
  rp::PresenterStatus ps;
  ps.ticket_in_mouth = true;
  CHECK(rp::make_presenter_byte(ps) == 0x0C);
  CHECK(rp::parse_presenter_byte(0x0C) == ps);
  const auto ops = parse_ok(Bytes{0x1D, 0x49, 0x43, 0x1D, 0x65, 0x06, 0x1D, 0x65, 0x03, 0x05});
  CHECK(as<rp::op::PrinterId>(ops.at(0)).n == 0x43);
  CHECK(as<rp::op::Presenter>(ops.at(1)).n == 6);
  CHECK(as<rp::op::Presenter>(ops.at(2)).m == 5);
  CHECK(parse_error(Bytes{0x1D, 0x65, 0x09}) == "bad_parameter");
  CHECK(parse_error(Bytes{0x1D, 0x49, 0x00}) == "bad_parameter");
}

TEST_CASE("a raster image is GS v 0 with its size and parses back", "[receipt][codec]") {
  const Bytes bits{0xF0, 0x0F, 0xAA, 0x55};
  auto raster = rp::cmd_raster(bits, 2, 2);
  REQUIRE(raster.ok());
  CHECK(raster.value() ==
        Bytes{0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x02, 0x00, 0xF0, 0x0F, 0xAA, 0x55});
  const auto ops = parse_ok(raster.value());
  const auto& r = as<rp::op::Raster>(ops.at(0));
  CHECK(r.width_bytes == 2);
  CHECK(r.height == 2);
  CHECK(r.bits == bits);
  CHECK_FALSE(rp::cmd_raster(bits, 2, 3).ok());
  CHECK_FALSE(rp::cmd_raster(Bytes(73), 73, 1).ok());  // wider than 576 dots
  CHECK(parse_error(Bytes{0x1D, 0x76, 0x30, 0x00, 0x00, 0x00, 0x01, 0x00}) == "bad_parameter");
}
