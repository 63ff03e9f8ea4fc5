#include <catch2/catch.hpp>

#include "central/config/config.hpp"
#include "central/pki/authority.hpp"
#include "tests/central/support/office_key.hpp"

using namespace kiosk::central;
namespace protocol = kiosk::protocol;
using kiosk::central::testing::office_key;

namespace {

protocol::ConfigDocument sample() {
  protocol::ConfigDocument d;
  d.version = 7;
  d.issued_at = "2026-11-28T08:00:00Z";
  d.services_enabled = {registry::Service::renewal, registry::Service::info_query};
  d.fees.replace_lost_fen = 2000;
  d.technicians.push_back(
      protocol::make_technician_credential("tech01", "correct horse", "technician", 1000).value());
  return d;
}

}  // namespace

TEST_CASE("the office signs the canonical document and the office certificate verifies it",
          "[config][signature]") {
  const auto doc = sample();
  auto s = config::sign_config(doc, office_key().key);
  REQUIRE(s.ok());
  CHECK(s->payload == protocol::canonical_json(doc));
  auto verified = protocol::verify_config(*s, office_key().cert);
  REQUIRE(verified.ok());
  CHECK(*verified == doc);
  const auto other_ca = pki::create_ca().value();
  const auto other = pki::create_office_certificate(other_ca).value();
  CHECK(protocol::verify_config(*s, other.cert).error().code == protocol::Errc::bad_signature);
}

TEST_CASE("the document implies the registry policy", "[config]") {
  const auto policy = config::policy(sample());
  CHECK(policy.fees.replace_lost_fen == 2000);
  CHECK(policy.disabled == std::vector<registry::Service>{registry::Service::replace_lost,
                                                          registry::Service::replace_damaged});
  CHECK(config::policy(protocol::ConfigDocument{}).disabled.empty());
}
