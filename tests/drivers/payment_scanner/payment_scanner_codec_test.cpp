#include "drivers/payment_scanner/payment_scanner_codec.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>

using namespace kiosk;
using drivers::classify_payment_code;
using drivers::LineFramer;

namespace {

std::string digits(std::string prefix, std::size_t length) {
  while (prefix.size() < length) prefix.push_back(static_cast<char>('0' + prefix.size() % 10));
  return prefix;
}

std::string reason_of(std::string_view code) {
  auto r = classify_payment_code(code);
  if (r.ok()) return "ok";
  CHECK(r.error().code == hal::CompletionCode::invalidData);
  return r.error().reason;
}

std::vector<std::uint8_t> bytes(std::string_view s) {
  return {s.begin(), s.end()};
}

}  // namespace

TEST_CASE("a wechat code has 18 digits starting 10 to 15", "[payment][codec]") {
  for (std::string p : {"10", "11", "12", "13", "14", "15"}) {
    auto r = classify_payment_code(digits(p, 18));
    REQUIRE(r.ok());
    CHECK(r.value().wallet == hal::Wallet::wechat);
    CHECK(r.value().code == digits(p, 18));
  }
  CHECK(reason_of(digits("13", 17)) == "length");
  CHECK(reason_of(digits("13", 19)) == "length");
  CHECK(reason_of(digits("09", 18)) == "prefix");
  CHECK(reason_of(digits("16", 18)) == "prefix");
}

TEST_CASE("an alipay code has 16 to 24 digits starting 25 to 30", "[payment][codec]") {
  for (std::string p : {"25", "26", "27", "28", "29", "30"}) {
    for (std::size_t n : {16U, 18U, 24U}) {
      auto r = classify_payment_code(digits(p, n));
      REQUIRE(r.ok());
      CHECK(r.value().wallet == hal::Wallet::alipay);
    }
  }
  CHECK(reason_of(digits("28", 15)) == "length");
  CHECK(reason_of(digits("28", 25)) == "length");
  CHECK(reason_of(digits("24", 18)) == "prefix");
  CHECK(reason_of(digits("31", 18)) == "prefix");
}

TEST_CASE("a unionpay code has 19 digits starting 62", "[payment][codec]") {
  auto r = classify_payment_code(digits("62", 19));
  REQUIRE(r.ok());
  CHECK(r.value().wallet == hal::Wallet::unionpay);
  CHECK(reason_of(digits("62", 18)) == "length");
  CHECK(reason_of(digits("62", 20)) == "length");
  CHECK(reason_of(digits("61", 19)) == "prefix");
  CHECK(reason_of(digits("63", 19)) == "prefix");
}

TEST_CASE("empty, short and non-digit codes are rejected with a reason", "[payment][codec]") {
  CHECK(reason_of("") == "non_digit");
  CHECK(reason_of("1") == "length");
  CHECK(reason_of("13456789012345678a") == "non_digit");
  CHECK(reason_of("13 456789012345678") == "non_digit");
  CHECK(reason_of(std::string("134567890\0"
                              "12345678",
                              18)) == "non_digit");
}

TEST_CASE("rejection messages never contain the code", "[payment][codec]") {
  const std::string code = digits("13", 17);
  auto r = classify_payment_code(code);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find(code) == std::string::npos);
}

TEST_CASE("the trigger commands are the serial trigger pair", "[payment][codec]") {
  CHECK(drivers::scanner_enable_command() == std::vector<std::uint8_t>{0x16, 'T', 0x0D});
  CHECK(drivers::scanner_disable_command() == std::vector<std::uint8_t>{0x16, 'U', 0x0D});
}

TEST_CASE("lines end with CR, CR LF or LF and may arrive in pieces", "[payment][codec]") {
  LineFramer f;
  CHECK(f.feed(bytes("1234")).empty());
  CHECK(f.pending() == 4);
  auto a = f.feed(bytes("56\r\n789\r"));
  REQUIRE(a.size() == 2);
  CHECK(a[0].value() == "123456");
  CHECK(a[1].value() == "789");
  auto b = f.feed(bytes("\n42\n\r\r\n7"));
  REQUIRE(b.size() == 1);
  CHECK(b[0].value() == "42");
  CHECK(f.pending() == 1);
  f.reset();
  CHECK(f.pending() == 0);
  auto c = f.feed(bytes("8\r"));
  REQUIRE(c.size() == 1);
  CHECK(c[0].value() == "8");
}

TEST_CASE("an oversized line is rejected and framing resyncs at the next terminator",
          "[payment][codec]") {
  LineFramer f;
  const std::string max(drivers::kMaxScannedLine, '7');
  auto ok = f.feed(bytes(max + "\r"));
  REQUIRE(ok.size() == 1);
  CHECK(ok[0].value() == max);

  auto r = f.feed(bytes(max + "77777"));
  CHECK(r.empty());
  r = f.feed(bytes(std::string(500, '1') + "\r\n" + "1234\r"));
  REQUIRE(r.size() == 2);
  REQUIRE_FALSE(r[0].ok());
  CHECK(r[0].error().code == hal::CompletionCode::invalidData);
  CHECK(r[0].error().reason == "oversized");
  CHECK(r[1].value() == "1234");
}

TEST_CASE("a line with a non-digit byte is rejected whole", "[payment][codec]") {
  LineFramer f;
  auto r = f.feed(bytes("12x4\r5\x01\r\xff\r99\r"));
  REQUIRE(r.size() == 4);
  CHECK(r[0].error().reason == "non_digit");
  CHECK(r[1].error().reason == "non_digit");
  CHECK(r[2].error().reason == "non_digit");
  CHECK(r[3].value() == "99");
}

TEST_CASE("random bytes never crash the framer and only produce digits or typed errors",
          "[payment][codec][fuzz]") {
  std::mt19937 rng(1234);
  LineFramer f;
  std::size_t lines = 0;
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::uint8_t> chunk(rng() % 100);
    for (auto& b : chunk) {
      // Bias towards digits and terminators so that real lines appear too.
      const auto k = rng() % 10;
      b = k < 6 ? static_cast<std::uint8_t>('0' + rng() % 10)
                : (k < 7 ? std::uint8_t{0x0D} : static_cast<std::uint8_t>(rng()));
    }
    for (auto& line : f.feed(chunk)) {
      ++lines;
      if (line.ok()) {
        CHECK(line.value().size() <= drivers::kMaxScannedLine);
        CHECK(line.value().find_first_not_of("0123456789") == std::string::npos);
        auto c = classify_payment_code(line.value());
        if (!c.ok()) CHECK(c.error().code == hal::CompletionCode::invalidData);
      } else {
        CHECK(line.error().code == hal::CompletionCode::invalidData);
      }
    }
    CHECK(f.pending() <= drivers::kMaxScannedLine);
  }
  CHECK(lines > 100);
}
