// Api without TLS: every route rejects malformed input with a JSON 4xx and never crashes.
#include <catch2/catch.hpp>

#include <random>

#include "central/server/api.hpp"

using namespace kiosk::central;
namespace protocol = kiosk::protocol;
using nlohmann::json;

namespace {

server::Request kiosk_request(std::string method, std::string path, std::string body) {
  server::Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.body = std::move(body);
  r.headers["idempotency-key"] = "fuzz-key";
  r.headers["content-type"] = "application/json";
  r.identity.kind = server::Identity::Kind::kiosk;
  r.identity.id = "k-001";
  r.identity.serial_hex = "0A";
  r.identity.key =
      protocol::PublicKey::from_pem(protocol::PrivateKey::generate_p256()->public_key_pem())
          .value();
  return r;
}

}  // namespace

TEST_CASE("random and truncated bodies get a JSON 4xx on every route", "[server][fuzz]") {
  auto db = store::open_store("sqlite::memory:");
  server::Api api(*db, nullptr);
  const std::vector<std::pair<std::string, std::string>> routes{
      {"POST", "/v1/events"},
      {"POST", "/v1/heartbeat"},
      {"POST", "/v1/decisions/eligibility"},
      {"POST", "/v1/payments/o-1/charge"},
      {"POST", "/v1/enrol"},
      {"POST", "/v1/issuances"}};
  const std::string seed_body =
      R"({"records":[{"kiosk_id":"k-001","seq":1,"type":"a.b","occurred_at":"2026-11-28T09:00:00Z","payload":{"x":[1,{"y":"z"}]},"prev_hash":"0000000000000000000000000000000000000000000000000000000000000000","signature":"AAAA"}]})";
  std::mt19937 rng(42);
  for (const auto& [method, path] : routes) {
    for (int i = 0; i < 300; ++i) {
      std::string body = seed_body.substr(0, rng() % (seed_body.size() + 1));
      for (int k = 0; k < 3 && !body.empty(); ++k)
        body[rng() % body.size()] = static_cast<char>(rng());
      const auto out = api.handle(kiosk_request(method, path, body));
      INFO(method << ' ' << path << " body=" << body);
      CHECK(out.status >= 400);
      CHECK(out.status != 500);
      const auto j = json::parse(out.body, nullptr, false);
      REQUIRE(j.is_object());
      CHECK(j["error"]["code"].is_string());
    }
  }
  CHECK(db->event_count() == 0);
}

TEST_CASE("deeply nested JSON is refused before it is parsed", "[server][fuzz]") {
  auto db = store::open_store("sqlite::memory:");
  server::Api api(*db, nullptr);
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  auto out = api.handle(kiosk_request("POST", "/v1/heartbeat", deep));
  CHECK(out.status == 400);
  CHECK(json::parse(out.body)["error"]["code"] == "malformed_json");
}

TEST_CASE("an oversized body is refused by the API too", "[server]") {
  auto db = store::open_store("sqlite::memory:");
  server::Api api(*db, nullptr);
  auto out = api.handle(kiosk_request("POST", "/v1/events", std::string(2 * 1024 * 1024, 'x')));
  CHECK(out.status == 413);
}

TEST_CASE("a body that is not declared JSON is 415, a JSON one with a charset is read",
          "[server]") {
  auto db = store::open_store("sqlite::memory:");
  server::Api api(*db, nullptr);
  for (const char* type :
       {"", "text/plain", "application/x-www-form-urlencoded", "application/jsonp"}) {
    INFO("content type '" << type << "'");
    auto r = kiosk_request("POST", "/v1/heartbeat", R"({"state":"ready"})");
    if (*type == '\0')
      r.headers.erase("content-type");
    else
      r.headers["content-type"] = type;
    auto out = api.handle(r);
    CHECK(out.status == 415);
    CHECK(json::parse(out.body)["error"]["code"] == "unsupported_media_type");
  }
  auto r = kiosk_request("POST", "/v1/heartbeat", R"({"state":"ready"})");
  r.headers["content-type"] = "Application/JSON; charset=utf-8";
  CHECK(api.handle(r).status == 200);
}
