#include <catch2/catch.hpp>

#include <QJsonObject>
#include <QRandomGenerator>

#include "local_api_connection.hpp"
#include "local_api_framing.hpp"

TEST_CASE("a message split across reads is returned once its newline arrives", "[framing]") {
  NdjsonReader r;
  CHECK(r.feed("{\"a\":").isEmpty());
  CHECK(r.feed("1").isEmpty());
  const auto out = r.feed("}\n{\"b\"");
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "{\"a\":1}");
  CHECK(r.buffered() == 4);
}

TEST_CASE("several messages in one read come out in order", "[framing]") {
  NdjsonReader r;
  const auto out = r.feed("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n");
  REQUIRE(out.size() == 3);
  CHECK(out[0] == "{\"a\":1}");
  CHECK(out[2] == "{\"c\":3}");
  CHECK(r.buffered() == 0);
}

TEST_CASE("CRLF endings are stripped and empty lines are skipped", "[framing]") {
  NdjsonReader r;
  const auto out = r.feed("{\"a\":1}\r\n\r\n\n{\"b\":2}\r");
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "{\"a\":1}");
  const auto rest = r.feed("\n");
  REQUIRE(rest.size() == 1);
  CHECK(rest[0] == "{\"b\":2}");
}

TEST_CASE("a message of exactly 1 MiB is accepted", "[framing]") {
  NdjsonReader r;
  const QByteArray big(NdjsonReader::kMaxMessageBytes, 'x');
  const auto out = r.feed(big + "\r\n");
  REQUIRE(out.size() == 1);
  CHECK(out[0].size() == NdjsonReader::kMaxMessageBytes);
  CHECK_FALSE(r.overflowed());
}

TEST_CASE("a complete line over 1 MiB overflows the reader", "[framing]") {
  NdjsonReader r;
  const auto out = r.feed("{}\n" + QByteArray(NdjsonReader::kMaxMessageBytes + 1, 'x') + "\n{}\n");
  CHECK(out.size() == 1);  // the message before the oversized one still counts
  CHECK(r.overflowed());
  CHECK(r.feed("{}\n").isEmpty());
  r.reset();
  CHECK(r.feed("{}\n").size() == 1);
}

TEST_CASE("an unfinished line growing past 1 MiB overflows without waiting for its end",
          "[framing]") {
  NdjsonReader r;
  const QByteArray chunk(64 * 1024, 'y');
  for (int i = 0; i < 17 && !r.overflowed(); ++i) CHECK(r.feed(chunk).isEmpty());
  CHECK(r.overflowed());
  CHECK(r.buffered() == 0);
}

TEST_CASE("random bytes never crash the reader", "[framing]") {
  auto* rng = QRandomGenerator::global();
  for (int round = 0; round < 200; ++round) {
    NdjsonReader r;
    QByteArray bytes(static_cast<qsizetype>(rng->bounded(4096)), '\0');
    for (auto& b : bytes) b = static_cast<char>(rng->bounded(256));
    qsizetype total = 0;
    for (const auto& m : r.feed(bytes)) {
      CHECK_FALSE(m.isEmpty());
      CHECK_FALSE(m.contains('\n'));
      total += m.size();
    }
    CHECK(total <= bytes.size());
  }
}

TEST_CASE("self-tests and test prints get 120 s and other calls the default timeout", "[framing]") {
  LocalApiConnection c;
  CHECK(c.timeoutFor("devices.selftest") == 120000);
  CHECK(c.timeoutFor("devices.test_print") == 120000);
  CHECK(c.timeoutFor("kiosk.status") == 10000);
  c.setDefaultTimeout(500);
  CHECK(c.timeoutFor("session.action") == 500);
  CHECK(c.timeoutFor("devices.selftest") == 120000);
}

TEST_CASE("error objects without data.reason get the reason of their JSON-RPC code", "[framing]") {
  auto reason = [](int code) {
    return LocalApiConnection::errorFromJson(QJsonObject{{"code", code}, {"message", "m"}})
        .value("reason")
        .toString();
  };
  CHECK(reason(-32700) == "parse_error");
  CHECK(reason(-32600) == "invalid_request");
  CHECK(reason(-32602) == "invalid_params");
  CHECK(reason(-32603) == "internal_error");
  CHECK(reason(-32000) == "error");
  CHECK(LocalApiConnection::errorFromJson(QJsonValue("garbage")).value("code").toInt() == 0);
}
