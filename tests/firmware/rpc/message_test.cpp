#include "firmware/rpc/message.hpp"

#include <random>
#include <string>

#include <catch2/catch.hpp>

using kiosk::rpc::parse_incoming;
using kiosk::rpc::parse_server_message;
using nlohmann::json;
namespace codes = kiosk::rpc::codes;

namespace {

int single_error_code(const std::string& line) {
  auto m = parse_incoming(line);
  REQUIRE(m.items.size() == 1);
  REQUIRE(m.items[0].error);
  return m.items[0].error->code;
}

}  // namespace

TEST_CASE("a well-formed request parses with its method, params and id", "[rpc][codec]") {
  auto m = parse_incoming(R"({"jsonrpc":"2.0","method":"txn.show","params":{"id":"tx-1"},"id":7})");
  REQUIRE(!m.batch);
  REQUIRE(m.items.size() == 1);
  REQUIRE(m.items[0].request);
  CHECK(m.items[0].request->method == "txn.show");
  CHECK(m.items[0].request->params == json{{"id", "tx-1"}});
  CHECK(m.items[0].request->id == json(7));
}

TEST_CASE("a request without params gets an empty object and without id is a notification",
          "[rpc][codec]") {
  auto m = parse_incoming(R"({"jsonrpc":"2.0","method":"session.cancel"})");
  REQUIRE(m.items[0].request);
  CHECK(m.items[0].request->params == json::object());
  CHECK(!m.items[0].request->id.has_value());
}

TEST_CASE("requests that break JSON-RPC 2.0 are rejected with the right code", "[rpc][codec]") {
  CHECK(single_error_code("{bad") == codes::parse_error);
  // A NUL ends the parser's input: what follows it must not ride along unseen (found by fuzz).
  using namespace std::string_literals;
  CHECK(single_error_code(R"({"jsonrpc":"2.0","method":"kiosk.status","id":1})"s + '\0' + "junk") ==
        codes::parse_error);
  CHECK(single_error_code("") == codes::parse_error);
  CHECK(single_error_code("[]") == codes::invalid_request);
  CHECK(single_error_code("42") == codes::invalid_request);
  CHECK(single_error_code(R"({"method":"a","id":1})") == codes::invalid_request);
  CHECK(single_error_code(R"({"jsonrpc":"1.0","method":"a","id":1})") == codes::invalid_request);
  CHECK(single_error_code(R"({"jsonrpc":"2.0","method":5,"id":1})") == codes::invalid_request);
  CHECK(single_error_code(R"({"jsonrpc":"2.0","method":"a","params":"x","id":1})") ==
        codes::invalid_request);
  CHECK(single_error_code(R"({"jsonrpc":"2.0","method":"a","id":{"x":1}})") ==
        codes::invalid_request);
  CHECK(single_error_code(R"({"jsonrpc":"2.0","method":"a","id":1,"extra":true})") ==
        codes::invalid_request);
}

TEST_CASE("an invalid request keeps its id when the id itself is valid", "[rpc][codec]") {
  auto m = parse_incoming(R"({"jsonrpc":"2.0","method":5,"id":"abc"})");
  CHECK(m.items[0].error_id == json("abc"));
  auto n = parse_incoming(R"({"jsonrpc":"2.0","method":5,"id":[1]})");
  CHECK(n.items[0].error_id.is_null());
}

TEST_CASE("a batch parses element by element", "[rpc][codec]") {
  auto m =
      parse_incoming(R"([{"jsonrpc":"2.0","method":"a","id":1},1,{"jsonrpc":"2.0","method":"b"}])");
  REQUIRE(m.batch);
  REQUIRE(m.items.size() == 3);
  CHECK(m.items[0].request);
  CHECK(m.items[1].error);
  CHECK(m.items[2].request);
  CHECK(!m.items[2].request->id);
}

TEST_CASE("a batch over 128 requests is refused as a whole", "[rpc][codec]") {
  json batch = json::array();
  for (int i = 0; i < 129; ++i) batch.push_back({{"jsonrpc", "2.0"}, {"method", "a"}, {"id", i}});
  auto m = parse_incoming(batch.dump());
  REQUIRE(m.items.size() == 1);
  CHECK(m.items[0].error->reason() == "batch_too_large");
}

TEST_CASE("deeply nested input is a parse error, not a stack overflow", "[rpc][codec]") {
  std::string deep(200000, '[');
  CHECK(single_error_code(deep) == codes::parse_error);
  std::string deep_obj;
  for (int i = 0; i < 100000; ++i) deep_obj += "{\"a\":";
  CHECK(single_error_code(deep_obj) == codes::parse_error);
  CHECK(!parse_server_message(deep));
  // Brackets inside strings do not count.
  const std::string brackets(100, '[');
  auto in_string = parse_incoming(R"({"jsonrpc":"2.0","method":")" + brackets + R"(","id":1})");
  REQUIRE(in_string.items.size() == 1);
  CHECK_FALSE(in_string.items[0].error);
}

TEST_CASE("a line over 1 MiB is refused with reason message_too_large", "[rpc][codec]") {
  std::string big(kiosk::rpc::kMaxMessageBytes + 1, ' ');
  auto m = parse_incoming(big);
  CHECK(m.items[0].error->reason() == "message_too_large");
}

TEST_CASE("server responses and notifications parse; anything else is a typed error",
          "[rpc][codec]") {
  auto ok = parse_server_message(R"({"jsonrpc":"2.0","id":3,"result":{"a":1}})");
  REQUIRE(ok);
  REQUIRE(ok->response);
  CHECK(ok->response->result == json{{"a", 1}});
  auto err = parse_server_message(
      R"({"jsonrpc":"2.0","id":3,"error":{"code":-32001,"message":"m","data":{"reason":"maintenance_required"}}})");
  REQUIRE(err);
  CHECK(err->response->error->reason() == "maintenance_required");
  auto note = parse_server_message(R"({"jsonrpc":"2.0","method":"kiosk.changed","params":{}})");
  REQUIRE(note);
  CHECK(note->notification->method == "kiosk.changed");
  CHECK(!parse_server_message(R"({"jsonrpc":"2.0","id":3})"));
  CHECK(!parse_server_message(R"({"jsonrpc":"2.0","id":3,"result":1,"error":{}})"));
  CHECK(!parse_server_message(R"({"jsonrpc":"2.0","id":3,"error":{"code":"x","message":""}})"));
  CHECK(!parse_server_message(R"({"jsonrpc":"2.0","method":"m","id":1})"));
  CHECK(!parse_server_message("[1,2]"));
  CHECK(!parse_server_message("nul"));
}

TEST_CASE("encoding replaces invalid UTF-8 instead of throwing", "[rpc][codec]") {
  json j = {{"s", std::string("\xff\xfe", 2)}};
  std::string line = kiosk::rpc::encode_line(j);
  CHECK(line.back() == '\n');
  CHECK(json::parse(line).contains("s"));
}

TEST_CASE("random, truncated and mutated lines never crash either parser", "[rpc][codec][fuzz]") {
  std::mt19937 rng(20261128);
  const std::string valid =
      R"([{"jsonrpc":"2.0","method":"stock.load","params":{"count":5,"first_serial":"A1","token":"t"},"id":1},)"
      R"({"jsonrpc":"2.0","id":"x","error":{"code":-32000,"message":"m","data":{"reason":"r"}}}])";
  for (std::size_t n = 0; n <= valid.size(); ++n) {
    (void)parse_incoming(valid.substr(0, n));
    (void)parse_server_message(valid.substr(0, n));
  }
  std::uniform_int_distribution<int> byte(0, 255);
  const std::string alphabet = "{}[]\":,0123456789.eE+-tfnrulasx\\ \t";
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  for (int round = 0; round < 3000; ++round) {
    std::string s = valid;
    int edits = 1 + round % 8;
    for (int e = 0; e < edits; ++e) {
      std::size_t pos = std::uniform_int_distribution<std::size_t>(0, s.size() - 1)(rng);
      s[pos] = (round % 2) ? alphabet[pick(rng)] : static_cast<char>(byte(rng));
    }
    auto m = parse_incoming(s);
    CHECK(!m.items.empty());
    (void)parse_server_message(s);
    std::string noise(static_cast<std::size_t>(round % 300), '\0');
    for (auto& c : noise) c = alphabet[pick(rng)];
    CHECK(!parse_incoming(noise).items.empty());
    (void)parse_server_message(noise);
  }
}
