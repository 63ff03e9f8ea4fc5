#include "central/config/config.hpp"

#include <algorithm>
#include <initializer_list>
#include <set>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <nlohmann/json.hpp>

#include "central/pki/canonical.hpp"
#include "central/pki/signing.hpp"

namespace kiosk::central::config {

namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
constexpr std::size_t kMaxDocumentBytes = 1024 * 1024;
constexpr std::size_t kMaxTechnicians = 100;
constexpr std::int64_t kMaxFeeFen = 10'000'000;
constexpr std::size_t kMaxMessageBytes = 512;

ConfigError err(Errc code, std::string message) {
  return ConfigError{code, std::move(message)};
}

const std::vector<registry::Service> kAllServices{
    registry::Service::renewal, registry::Service::replace_lost, registry::Service::replace_damaged,
    registry::Service::info_query};

std::optional<std::string> pbkdf2(std::string_view password, std::string_view salt,
                                  int iterations) {
  std::string out(kHashBytes, '\0');
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()),
                        static_cast<int>(salt.size()), iterations, EVP_sha256(),
                        static_cast<int>(out.size()),
                        reinterpret_cast<unsigned char*>(out.data())) != 1) {
    return std::nullopt;
  }
  return out;
}

bool valid_role(std::string_view role) {
  return role == "technician" || role == "supervisor";
}

// Strict reading of one JSON object: every key must be known, every known key present.
class Reader {
 public:
  Reader(const nlohmann::json& object, std::initializer_list<const char*> keys, const char* where)
      : object_(object) {
    if (!object.is_object()) {
      fail(std::string(where) + " must be an object");
      return;
    }
    std::set<std::string> allowed(keys.begin(), keys.end());
    for (const auto& item : object.items()) {
      if (allowed.count(item.key()) == 0) fail(std::string(where) + " has an unknown key");
    }
    for (const char* k : keys) {
      if (!object.contains(k)) fail(std::string(where) + " is missing " + k);
    }
  }

  const nlohmann::json* field(const char* key) {
    if (error_) return nullptr;
    auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
  }

  std::string string(const char* key, std::size_t max_len, bool allow_empty = true) {
    const auto* v = field(key);
    const auto* s = v != nullptr ? v->get_ptr<const std::string*>() : nullptr;
    if (s == nullptr || s->size() > max_len || (!allow_empty && s->empty())) {
      fail(std::string(key) + " must be a string of 0.." + std::to_string(max_len) + " bytes");
      return {};
    }
    return *s;
  }

  std::int64_t integer(const char* key, std::int64_t min, std::int64_t max) {
    const auto* v = field(key);
    if (v == nullptr) return 0;
    if (!v->is_number_integer() ||
        (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) ||
        v->get<std::int64_t>() < min || v->get<std::int64_t>() > max) {
      fail(std::string(key) + " must be an integer in " + std::to_string(min) + ".." +
           std::to_string(max));
      return 0;
    }
    return v->get<std::int64_t>();
  }

  void fail(std::string message) {
    if (!error_) error_ = err(Errc::bad_json, std::move(message));
  }
  void fail(const ConfigError& e) {
    if (!error_) error_ = e;
  }
  bool ok() const { return !error_; }
  const ConfigError& error() const { return *error_; }

 private:
  const nlohmann::json& object_;
  std::optional<ConfigError> error_;
};

Result<TechnicianCredential> credential_from_json(const nlohmann::json& j) {
  Reader r(j, {"user", "role", "salt", "iterations", "hash"}, "technician");
  TechnicianCredential c;
  c.user = r.string("user", 64, false);
  c.role = r.string("role", 32);
  c.salt_b64 = r.string("salt", 64);
  c.iterations =
      static_cast<int>(r.integer("iterations", kMinPbkdf2Iterations, kMaxPbkdf2Iterations));
  c.hash_b64 = r.string("hash", 64);
  if (r.ok() && !valid_role(c.role)) r.fail("technician role must be technician or supervisor");
  if (r.ok()) {
    auto salt = pki::base64_decode(c.salt_b64);
    auto hash = pki::base64_decode(c.hash_b64);
    if (!salt || salt->size() < 8 || !hash || hash->size() != kHashBytes) {
      r.fail("technician salt/hash must be base64 of >= 8 / exactly 32 bytes");
    }
  }
  if (!r.ok()) return r.error();
  return c;
}

}  // namespace

std::string_view to_string(Errc code) {
  switch (code) {
    case Errc::bad_json:
      return "bad_json";
    case Errc::bad_signature:
      return "bad_signature";
    case Errc::invalid_argument:
      return "invalid_argument";
    case Errc::crypto:
      return "crypto";
  }
  return "unknown";
}

Result<TechnicianCredential> make_technician_credential(std::string_view user,
                                                        std::string_view password,
                                                        std::string_view role, int iterations) {
  if (user.empty() || user.size() > 64)
    return err(Errc::invalid_argument, "user name must be 1..64 bytes");
  if (password.empty() || password.size() > 1024)
    return err(Errc::invalid_argument, "password must be 1..1024 bytes");
  if (!valid_role(role))
    return err(Errc::invalid_argument, "role must be technician or supervisor");
  if (iterations < kMinPbkdf2Iterations || iterations > kMaxPbkdf2Iterations) {
    return err(Errc::invalid_argument, "iterations out of range");
  }
  const std::string salt = pki::random_bytes(kSaltBytes);
  auto hash = pbkdf2(password, salt, iterations);
  if (!hash) return err(Errc::crypto, "PBKDF2 failed");
  return TechnicianCredential{std::string(user), std::string(role), pki::base64_encode(salt),
                              iterations, pki::base64_encode(*hash)};
}

bool verify_technician_password(const TechnicianCredential& c, std::string_view password) {
  if (c.iterations < kMinPbkdf2Iterations || c.iterations > kMaxPbkdf2Iterations) return false;
  auto salt = pki::base64_decode(c.salt_b64);
  auto expected = pki::base64_decode(c.hash_b64);
  if (!salt || !expected || expected->size() != kHashBytes) return false;
  auto actual = pbkdf2(password, *salt, c.iterations);
  return actual && CRYPTO_memcmp(actual->data(), expected->data(), kHashBytes) == 0;
}

registry::Policy ConfigDocument::policy() const {
  registry::Policy p;
  p.fees = fees;
  for (auto s : kAllServices) {
    if (std::find(services_enabled.begin(), services_enabled.end(), s) == services_enabled.end()) {
      p.disabled.push_back(s);
    }
  }
  return p;
}

nlohmann::json to_json(const ConfigDocument& d) {
  nlohmann::json services = nlohmann::json::array();
  for (auto s : d.services_enabled) services.push_back(registry::to_string(s));
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
  Reader r(j,
           {"version", "issued_at", "services_enabled", "fees", "opening_message", "technicians",
            "retention_days", "heartbeat_interval_s"},
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
        auto parsed = s.is_string() ? registry::parse_service(s.get_ref<const std::string&>())
                                    : registry::Result<registry::Service>(
                                          registry::make_error(registry::Errc::bad_json, ""));
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
    Reader f(*fees, {"renewal", "replace_lost", "replace_damaged", "info_query"}, "fees");
    d.fees.renewal_fen = f.integer("renewal", 0, kMaxFeeFen);
    d.fees.replace_lost_fen = f.integer("replace_lost", 0, kMaxFeeFen);
    d.fees.replace_damaged_fen = f.integer("replace_damaged", 0, kMaxFeeFen);
    d.fees.info_query_fen = f.integer("info_query", 0, kMaxFeeFen);
    if (!f.ok()) r.fail(f.error());
  }
  if (const auto* msg = r.field("opening_message")) {
    Reader m(*msg, {"zh", "en"}, "opening_message");
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
  auto text = pki::canonical_json(to_json(doc));
  if (text) return std::move(text).value();
  return to_json(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<SignedConfig> sign_config(const ConfigDocument& doc, const pki::PrivateKey& office_key) {
  SignedConfig s;
  s.payload = canonical_json(doc);
  auto sig = pki::sign_base64(office_key, s.payload);
  if (!sig) return err(Errc::crypto, sig.error().message);
  s.signature_b64 = std::move(sig).value();
  return s;
}

Result<ConfigDocument> verify_config(const SignedConfig& s, const pki::Certificate& office_cert) {
  if (s.payload.size() > kMaxDocumentBytes) return err(Errc::bad_json, "configuration too large");
  if (auto v = pki::verify_base64(office_cert, s.payload, s.signature_b64); !v) {
    return err(Errc::bad_signature, "configuration signature: " + v.error().message);
  }
  const auto json = nlohmann::json::parse(s.payload, nullptr, false);
  if (json.is_discarded()) return err(Errc::bad_json, "configuration payload is not JSON");
  return config_from_json(json);
}

nlohmann::json to_json(const SignedConfig& s) {
  return {{"payload", s.payload}, {"signature", s.signature_b64}};
}

Result<SignedConfig> signed_config_from_json(std::string_view text) {
  if (text.size() > kMaxDocumentBytes) return err(Errc::bad_json, "signed configuration too large");
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) return err(Errc::bad_json, "signed configuration is not JSON");
  Reader r(json, {"payload", "signature"}, "signed configuration");
  SignedConfig s;
  s.payload = r.string("payload", kMaxDocumentBytes, false);
  s.signature_b64 = r.string("signature", 512, false);
  if (!r.ok()) return r.error();
  return s;
}

}  // namespace kiosk::central::config
