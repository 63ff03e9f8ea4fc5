// The office's sync API request bodies (central/server/api.hpp: Api::handle, as the HTTPS glue
// calls it after TLS has named the kiosk), with the reference domain services behind it
// (central/server/domain_services.hpp) over an in-memory SQLite store seeded with the synthetic
// registry. No network: the request is built here.
//
// Input: one byte choosing the route, then for the payment routes the order id up to the first
// '\n', then the body. Checks: handle() never throws; it answers a known HTTP status with a
// JSON body (or 304 with none) and never a 500 for anything a client sent, since a 500 means
// the office failed on input it should have refused.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "central/pki/authority.hpp"
#include "central/server/admin.hpp"
#include "central/server/api.hpp"
#include "central/server/domain_services.hpp"
#include "central/store/store.hpp"
#include "fuzz/fuzz_check.hpp"
#include "protocol/crypto/keys.hpp"

namespace {

using kiosk::fuzz::require;
namespace server = kiosk::central::server;
namespace protocol = kiosk::protocol;

constexpr const char* kKioskId = "KIOSK-FUZZ-01";
constexpr const char* kToday = "2026-03-02";
constexpr std::int64_t kNow = 1772438400;  // 2026-03-02T08:00:00Z
// A fresh store now and then keeps memory flat (every accepted request leaves a row).
constexpr int kRunsPerStore = 2000;

struct Office {
  std::unique_ptr<kiosk::central::store::Store> store;
  std::unique_ptr<server::Api> api;
  server::Identity kiosk;
  int runs = 0;
};

std::shared_ptr<server::DomainServices> services() {
  static const auto made = [] {
    auto ca = kiosk::central::pki::create_ca().value();
    auto office = kiosk::central::pki::create_office_certificate(ca).value();
    return std::make_shared<server::DomainServices>(
        server::DomainOptions{std::move(ca), std::move(office), nullptr});
  }();
  return made;
}

Office& office() {
  static Office o = [] {
    Office made;
    auto key = protocol::PrivateKey::generate_p256().value();
    made.kiosk = server::Identity{server::Identity::Kind::kiosk, kKioskId, "1F",
                                  protocol::PublicKey::from_pem(key.public_key_pem()).value()};
    return made;
  }();
  if (!o.store || o.runs++ % kRunsPerStore == 0) {
    o.api.reset();
    o.store = kiosk::central::store::open_sqlite_store(":memory:");
    std::ostringstream ignored;
    require(kiosk::central::admin::seed(*o.store, {kToday, std::nullopt}, ignored) == 0,
            "seeding the registry failed");
    server::ApiOptions options;
    options.now = [] { return kNow; };
    o.api = std::make_unique<server::Api>(*o.store, services(), options);
  }
  return o;
}

struct Route {
  const char* method;
  const char* path;  // a payment route takes the order id after it
  const char* action;
};
constexpr Route kRoutes[] = {
    {"POST", "/v1/events", nullptr},
    {"POST", "/v1/heartbeat", nullptr},
    {"POST", "/v1/decisions/eligibility", nullptr},
    {"POST", "/v1/decisions/face-match", nullptr},
    {"POST", "/v1/issuances", nullptr},
    {"POST", "/v1/elicence/reissue", nullptr},
    {"POST", "/v1/payments", nullptr},
    {"POST", "/v1/payments/", "/charge"},
    {"POST", "/v1/payments/", "/refund"},
    {"GET", "/v1/payments/", ""},
    {"POST", "/v1/enrol", nullptr},
    {"GET", "/v1/config", nullptr},
    {"GET", "/v1/events/ack", nullptr},
};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);  // an operator's log per request; not what is tested
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const Route& route = kRoutes[data[0] % std::size(kRoutes)];
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);

  Office& o = office();
  server::Request request;
  request.method = route.method;
  request.path = route.path;
  request.identity = o.kiosk;
  request.headers["idempotency-key"] = "fuzz-" + std::to_string(o.runs);
  if (route.action != nullptr) {
    const auto newline = rest.find('\n');
    request.path += std::string(rest.substr(0, newline)) + route.action;
    rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
  }
  if (std::string_view(route.path) == "/v1/config") {
    request.query["have"] = std::string(rest);
  } else {
    request.body = std::string(rest);
  }

  const server::Response response = o.api->handle(request);
  require(response.status >= 200 && response.status < 500, "a request made the office fail (5xx)");
  if (response.status != 304) {
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    require(body.is_object(), "an answer is not a JSON object");
  }
  return 0;
}
