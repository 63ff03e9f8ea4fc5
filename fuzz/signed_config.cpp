// The office-signed configuration as kioskd takes it from GET /v1/config
// (firmware/sync/central_client.cpp: signed_config_from_json, verify_config, is_newer; the
// functions live in protocol/documents/config.hpp).
//
// Input: the answer's text. Two paths per input:
//  1. as the envelope {"payload", "signature"}: parsed and verified against a fixed office
//     certificate. Fuzzed envelopes fail with invalid_document, too_large or bad_signature;
//     seeds signed with the fuzz office key reach the accept path.
//  2. as the payload, signed here with the fuzz office key: the kiosk's parsing after a good
//     signature, where a malformed document from a compromised or buggy office still must fail
//     cleanly. An accepted document round-trips through to_json / config_from_json.
// The key pair below is synthetic and used nowhere else (generated for fuzzing with openssl).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "protocol/crypto/keys.hpp"
#include "protocol/documents/config.hpp"
#include "protocol/documents/signed_document.hpp"

namespace {

using kiosk::fuzz::require;
namespace protocol = kiosk::protocol;
using protocol::Errc;

constexpr std::string_view kOfficeKeyPem = R"(
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgAWKPdMSV9dKRVApd
cdc2aevY3xt9sswD7iioE8s619GhRANCAATYtt8e6sU0NyUJrrOuwgKU9EFlH/Ge
Bk62aZDdatNzkRYedfoSosFhd8A5qPxJsEYkizSYfNsothbs80SO2cMh
-----END PRIVATE KEY-----
)";

constexpr std::string_view kOfficeCertPem = R"(
-----BEGIN CERTIFICATE-----
MIIBrDCCAVGgAwIBAgIUJ4l86NiQbkTHJNMhWxq1p0OYz7MwCgYIKoZIzj0EAwIw
KjEoMCYGA1UEAwwfS2lvc2syNCBmdXp6IG9mZmljZSAoc3ludGhldGljKTAgFw0y
NjEyMDUxMjE4MjRaGA8yMTI2MTExMTEyMTgyNFowKjEoMCYGA1UEAwwfS2lvc2sy
NCBmdXp6IG9mZmljZSAoc3ludGhldGljKTBZMBMGByqGSM49AgEGCCqGSM49AwEH
A0IABNi23x7qxTQ3JQmus67CApT0QWUf8Z4GTrZpkN1q03ORFh51+hKiwWF3wDmo
/EmwRiSLNJh82yi2FuzzRI7ZwyGjUzBRMB0GA1UdDgQWBBTrocj3yevIDUgYR4ef
7+IS56u7MzAfBgNVHSMEGDAWgBTrocj3yevIDUgYR4ef7+IS56u7MzAPBgNVHRMB
Af8EBTADAQH/MAoGCCqGSM49BAMCA0kAMEYCIQCdaylmyNKzQeVC+84R1Zh+ZXgM
Y+sBx/3CA2yX8YGE/QIhAM/hWZy3t7iKJ9H3wTJPu1HrONsTfzy+fp7u6f7RSq/x
-----END CERTIFICATE-----
)";

struct Office {
  protocol::PrivateKey key;
  protocol::Certificate cert;
};

const Office& office() {
  static const Office o{protocol::PrivateKey::from_pem(kOfficeKeyPem).value(),
                        protocol::Certificate::from_pem(kOfficeCertPem).value()};
  return o;
}

void accepted(const protocol::ConfigDocument& doc) {
  auto again = protocol::config_from_json(protocol::to_json(doc));
  require(again && again.value() == doc, "verified config round trip");
  (void)protocol::is_newer(doc, 1);
}

void envelope(std::string_view text) {
  auto signed_config = protocol::signed_config_from_json(text);
  if (!signed_config) {
    const auto code = signed_config.error().code;
    require(code == Errc::invalid_document || code == Errc::too_large, "envelope error code");
    return;
  }
  auto doc = protocol::verify_config(signed_config.value(), office().cert);
  if (!doc) {
    const auto code = doc.error().code;
    require(
        code == Errc::bad_signature || code == Errc::too_large || code == Errc::invalid_document,
        "verify_config error code");
    return;
  }
  accepted(doc.value());
}

void payload(std::string_view text) {
  auto signed_config = protocol::sign_document(std::string(text), office().key);
  require(signed_config.ok(), "signing failed");
  auto doc = protocol::verify_config(signed_config.value(), office().cert);
  if (!doc) {
    const auto code = doc.error().code;
    require(code == Errc::invalid_document || code == Errc::too_large,
            "verify_config error code on a signed payload");
    return;
  }
  accepted(doc.value());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  envelope(text);
  payload(text);
  return 0;
}
