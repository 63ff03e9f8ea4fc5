#include <catch2/catch.hpp>

#include "protocol/api/routes.hpp"
#include "protocol/api/service.hpp"

using namespace kiosk::protocol;

TEST_CASE("service names round-trip and nothing else is a service", "[protocol][api]") {
  for (const Service s : kAllServices) CHECK(service_from_string(to_string(s)) == s);
  CHECK(to_string(Service::replace_damaged) == "replace_damaged");
  CHECK_FALSE(service_from_string("").has_value());
  CHECK_FALSE(service_from_string("Renewal").has_value());
}

TEST_CASE("payment routes carry the order id and the action", "[protocol][api]") {
  CHECK(routes::payment("o-1") == "/v1/payments/o-1");
  CHECK(routes::payment("o-1", routes::kCharge) == "/v1/payments/o-1/charge");
  CHECK(routes::payment("o-1", routes::kRefund) == "/v1/payments/o-1/refund");
  CHECK(std::string(routes::kEvents).rfind(routes::kPrefix, 0) == 0);
}

TEST_CASE("idempotency keys and object ids have one shape on both sides", "[protocol][api]") {
  CHECK(routes::valid_idempotency_key("tx-0123:payment_charged:1"));
  CHECK(routes::valid_idempotency_key(std::string(128, 'a')));
  CHECK_FALSE(routes::valid_idempotency_key(""));
  CHECK_FALSE(routes::valid_idempotency_key(std::string(129, 'a')));
  CHECK_FALSE(routes::valid_idempotency_key("a b"));
  CHECK(routes::valid_object_id("o-abc_1"));
  CHECK_FALSE(routes::valid_object_id("o.1"));
  CHECK_FALSE(routes::valid_object_id("../x"));
  CHECK_FALSE(routes::valid_object_id(std::string(65, 'a')));
}
