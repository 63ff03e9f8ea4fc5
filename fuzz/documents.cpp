// The office's documents as JSON (protocol/documents/): licence card data, issuance
// authorisations and their signed envelope, configuration documents, dates and ID numbers. The
// kiosk parses them from central's answers (after the signature check where there is one).
//
// Input: JSON text (read with the wire parser's size and depth bound, as every caller does).
// Checks: each parser fails only with its documented codes; what parses serialises (to_json)
// to JSON that parses to the same value; a date that parses formats back to the same text;
// ID number validity agrees with the check character.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz/fuzz_check.hpp"
#include "protocol/documents/card_data.hpp"
#include "protocol/documents/config.hpp"
#include "protocol/documents/date.hpp"
#include "protocol/documents/id_number.hpp"
#include "protocol/documents/issuance.hpp"
#include "protocol/wire/record.hpp"

namespace {

using kiosk::fuzz::require;
using nlohmann::json;
namespace protocol = kiosk::protocol;
using protocol::Errc;

void require_code(Errc code, std::initializer_list<Errc> promised, const char* where) {
  for (Errc p : promised) {
    if (code == p) return;
  }
  require(false, where);
}

constexpr std::initializer_list<Errc> kDocumentErrors = {Errc::invalid_document, Errc::bad_date,
                                                         Errc::bad_id_number, Errc::bad_file_number,
                                                         Errc::unknown_value};

void card(const json& j) {
  auto parsed = protocol::card_from_json(j);
  if (!parsed) {
    require_code(parsed.error().code, kDocumentErrors, "card_from_json error code");
    return;
  }
  const json out = protocol::to_json(parsed.value());
  auto again = protocol::card_from_json(out);
  require(again && protocol::to_json(again.value()) == out, "card data round trip");
}

void authorisation(const json& j) {
  auto parsed = protocol::authorisation_from_json(j);
  if (!parsed) {
    require_code(parsed.error().code, kDocumentErrors, "authorisation_from_json error code");
  } else {
    const json out = protocol::to_json(parsed.value());
    auto again = protocol::authorisation_from_json(out);
    require(again && protocol::to_json(again.value()) == out, "authorisation round trip");
  }
  auto envelope = protocol::signed_authorisation_from_json(j);
  if (!envelope) {
    require_code(envelope.error().code, {Errc::invalid_document}, "signed envelope error code");
  } else {
    auto again = protocol::signed_authorisation_from_json(protocol::to_json(envelope.value()));
    require(again && again.value().payload == envelope.value().payload &&
                again.value().signature_b64 == envelope.value().signature_b64,
            "signed envelope round trip");
  }
}

void config(const json& j) {
  auto parsed = protocol::config_from_json(j);
  if (!parsed) {
    require_code(parsed.error().code, kDocumentErrors, "config_from_json error code");
    return;
  }
  auto again = protocol::config_from_json(protocol::to_json(parsed.value()));
  require(again && again.value() == parsed.value(), "config round trip");
  auto canonical = json::parse(protocol::canonical_json(parsed.value()), nullptr, false);
  require(!canonical.is_discarded() && canonical == protocol::to_json(parsed.value()),
          "canonical config text");
}

void text(std::string_view s) {
  auto date = protocol::parse_date(s);
  if (date) {
    require(protocol::format_date(date.value()) == s, "date round trip");
  } else {
    require_code(date.error().code, {Errc::bad_date}, "parse_date error code");
  }
  if (protocol::is_valid_id_number(s)) {
    require(protocol::complete_id_number(s.substr(0, 17)) == s, "ID number check character");
  }
  (void)protocol::is_valid_file_number(s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  text(body);
  auto j = protocol::wire::parse_json(body);
  if (!j) return 0;
  card(j.value());
  authorisation(j.value());
  config(j.value());
  if (j.value().is_object()) {
    // The parts the registry and the office reuse on their own.
    if (auto it = j.value().find("holder"); it != j.value().end()) {
      (void)protocol::holder_from_json(*it);
    }
    if (auto it = j.value().find("validity"); it != j.value().end()) {
      (void)protocol::validity_from_json(*it);
    }
  }
  return 0;
}
