#include "protocol/documents/config.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "protocol/documents/json_reader.hpp"
#include "protocol/encoding/base64.hpp"
#include "protocol/encoding/canonical_json.hpp"

namespace kiosk::protocol {

namespace {

constexpr std::size_t kHashBytes = 32;
constexpr std::size_t kMaxTechnicians = 100;
constexpr std::int64_t kMaxFeeFen = 10'000'000;
constexpr std::size_t kMaxMessageBytes = 512;

Result<TechnicianCredential> credential_from_json(const nlohmann::json& j) {
  JsonReader r(j, {"user", "role", "salt", "iterations", "hash"}, "technician");
  TechnicianCredential c;
  c.user = r.string("user", 64, false);
  c.role = r.string("role", 32);
  c.salt_b64 = r.string("salt", 64);
  c.iterations =
      static_cast<int>(r.integer("iterations", kMinPbkdf2Iterations, kMaxPbkdf2Iterations));
  c.hash_b64 = r.string("hash", 64);
  if (r.ok() && !is_valid_technician_role(c.role))
    r.fail("technician role must be technician or supervisor");
  if (r.ok()) {
    auto salt = base64_decode(c.salt_b64);
    auto hash = base64_decode(c.hash_b64);
    if (!salt || salt->size() < 8 || !hash || hash->size() != kHashBytes) {
      r.fail("technician salt/hash must be base64 of >= 8 / exactly 32 bytes");
    }
  }
  if (!r.ok()) return r.error();
  return c;
}

}  // namespace

std::int64_t FeeTable::fee(Service service) const {
  switch (service) {
    case Service::renewal:
      return renewal_fen;
    case Service::replace_lost:
      return replace_lost_fen;
    case Service::replace_damaged:
      return replace_damaged_fen;
    case Service::info_query:
      return info_query_fen;
  }
  return 0;
}

nlohmann::json to_json(const ConfigDocument& d) {
  nlohmann::json services = nlohmann::json::array();
  for (auto s : d.services_enabled) services.push_back(to_string(s));
  nlohmann::json technicians = nlohmann::json::array();
  for (const auto& t : d.technicians) {
    technicians.push_back({{"user", t.user},
                           {"role", t.role},
                           {"salt", t.salt_b64},
                           {"iterations", t.iterations},
                           {"hash", t.hash_b64}});
  }
  return {{"version", d.version},
          {"issued_at", d.issued_at},
          {"services_enabled", services},
          {"fees",
           {{"renewal", d.fees.renewal_fen},
            {"replace_lost", d.fees.replace_lost_fen},
            {"replace_damaged", d.fees.replace_damaged_fen},
            {"info_query", d.fees.info_query_fen}}},
          {"opening_message", {{"zh", d.opening_message_zh}, {"en", d.opening_message_en}}},
          {"technicians", technicians},
          {"retention_days", d.retention_days},
          {"heartbeat_interval_s", d.heartbeat_interval_s}};
}

Result<ConfigDocument> config_from_json(const nlohmann::json& j) {
  JsonReader r(j,
               {"version", "issued_at", "services_enabled", "fees", "opening_message",
                "technicians", "retention_days", "heartbeat_interval_s"},
               "configuration");
  ConfigDocument d;
  d.version = r.integer("version", 1, INT64_MAX);
  d.issued_at = r.string("issued_at", 64);
  d.services_enabled.clear();
  if (const auto* services = r.field("services_enabled")) {
    if (!services->is_array() || services->size() > kAllServices.size()) {
      r.fail("services_enabled must be an array of service names");
    } else {
      for (const auto& s : *services) {
        const auto parsed =
            s.is_string() ? service_from_string(s.get_ref<const std::string&>()) : std::nullopt;
        if (!parsed) {
          r.fail("services_enabled has an unknown service");
        } else if (std::find(d.services_enabled.begin(), d.services_enabled.end(), *parsed) !=
                   d.services_enabled.end()) {
          r.fail("services_enabled lists a service twice");
        } else {
          d.services_enabled.push_back(*parsed);
        }
      }
    }
  }
  if (const auto* fees = r.field("fees")) {
    JsonReader f(*fees, {"renewal", "replace_lost", "replace_damaged", "info_query"}, "fees");
    d.fees.renewal_fen = f.integer("renewal", 0, kMaxFeeFen);
    d.fees.replace_lost_fen = f.integer("replace_lost", 0, kMaxFeeFen);
    d.fees.replace_damaged_fen = f.integer("replace_damaged", 0, kMaxFeeFen);
    d.fees.info_query_fen = f.integer("info_query", 0, kMaxFeeFen);
    if (!f.ok()) r.fail(f.error());
  }
  if (const auto* msg = r.field("opening_message")) {
    JsonReader m(*msg, {"zh", "en"}, "opening_message");
    d.opening_message_zh = m.string("zh", kMaxMessageBytes);
    d.opening_message_en = m.string("en", kMaxMessageBytes);
    if (!m.ok()) r.fail(m.error());
  }
  if (const auto* techs = r.field("technicians")) {
    if (!techs->is_array() || techs->size() > kMaxTechnicians) {
      r.fail("technicians must be an array of at most 100 credentials");
    } else {
      for (const auto& t : *techs) {
        auto c = credential_from_json(t);
        if (c)
          d.technicians.push_back(*c);
        else
          r.fail(c.error());
      }
    }
  }
  d.retention_days = static_cast<int>(r.integer("retention_days", 1, 365));
  d.heartbeat_interval_s = static_cast<int>(r.integer("heartbeat_interval_s", 5, 3600));
  if (!r.ok()) return r.error();
  return d;
}

std::string canonical_json(const ConfigDocument& doc) {
  // The document holds no floats; invalid UTF-8 in a message is replaced rather than refused
  // here (config_from_json and the server's input validation keep it out in the first place).
  auto text = canonical_json(to_json(doc));
  if (text) return std::move(text).value();
  return to_json(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<ConfigDocument> verify_config(const SignedConfig& s, const Certificate& office_cert) {
  auto json = verify_document(s, office_cert, kMaxConfigBytes);
  if (!json) return json.error();
  return config_from_json(*json);
}

Result<SignedConfig> signed_config_from_json(std::string_view text) {
  if (text.size() > kMaxConfigBytes)
    return make_error(Errc::too_large, "signed configuration too large");
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded())
    return make_error(Errc::invalid_document, "signed configuration is not JSON");
  return signed_document_from_json(json, kMaxConfigBytes);
}

}  // namespace kiosk::protocol
