#include "protocol/wire/record.hpp"

#include <algorithm>

#include "protocol/crypto/sha256.hpp"
#include "protocol/encoding/base64.hpp"
#include "protocol/encoding/json_depth.hpp"

namespace kiosk::protocol::wire {
namespace {

using json = nlohmann::json;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_alnum(char c) {
  return is_digit(c) || is_lower(c) || (c >= 'A' && c <= 'Z');
}

// Depth counts containers; a scalar adds nothing. Refuses floats.
bool check_value(const json& v, std::size_t depth, std::size_t max_depth, std::string& why) {
  switch (v.type()) {
    case json::value_t::number_float:
      why = "floating-point numbers are not allowed";
      return false;
    case json::value_t::object:
    case json::value_t::array:
      if (depth + 1 > max_depth) {
        why = "nesting too deep";
        return false;
      }
      for (const auto& child : v) {
        if (!check_value(child, depth + 1, max_depth, why)) return false;
      }
      return true;
    case json::value_t::binary:
    case json::value_t::discarded:
      why = "unsupported JSON value";
      return false;
    default:
      return true;
  }
}

Error invalid(std::string what) {
  return make_error(Errc::invalid_record, std::move(what));
}

}  // namespace

bool valid_kiosk_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || !is_alnum(id[0])) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return is_alnum(c) || c == '_' || c == '-'; });
}

bool valid_event_type(std::string_view type) {
  if (type.empty() || type.size() > 64 || !is_lower(type[0])) return false;
  char prev = '\0';
  for (const char c : type) {
    if (c == '.') {
      if (prev == '.') return false;
    } else if (!(is_lower(c) || is_digit(c) || c == '_')) {
      return false;
    }
    prev = c;
  }
  return prev != '.';
}

bool valid_timestamp(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SS(.f{1,9})?Z
  if (t.size() < 20) return false;
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd";
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    if (kShape[i] == 'd' ? !is_digit(t[i]) : t[i] != kShape[i]) return false;
  }
  auto num = [&](std::size_t pos, std::size_t len) {
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) v = v * 10 + (t[i] - '0');
    return v;
  };
  const int month = num(5, 2), day = num(8, 2), hour = num(11, 2), minute = num(14, 2),
            second = num(17, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return false;
  }
  std::string_view rest = t.substr(19);
  if (rest[0] == '.') {
    std::size_t n = 1;
    while (n < rest.size() && is_digit(rest[n])) ++n;
    if (n == 1 || n > 10) return false;
    rest = rest.substr(n);
  }
  return rest == "Z";
}

bool valid_hash(std::string_view hex) {
  return hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](char c) {
           return is_digit(c) || (c >= 'a' && c <= 'f');
         });
}

Status validate(const Record& r, const Limits& limits, bool require_signature) {
  if (!valid_kiosk_id(r.kiosk_id)) return invalid("kiosk_id is not a valid kiosk id");
  if (r.seq == 0) return invalid("seq must be at least 1");
  if (!valid_event_type(r.type)) return invalid("type is not a valid event type");
  if (!valid_timestamp(r.occurred_at)) return invalid("occurred_at is not RFC 3339 UTC");
  if (!r.payload.is_object()) return invalid("payload must be an object");
  std::string why;
  // The record is depth 1, its payload depth 2.
  if (!check_value(r.payload, 1, limits.max_depth, why)) return invalid("payload: " + why);
  if (!valid_hash(r.prev_hash)) return invalid("prev_hash is not 64 lowercase hex digits");
  if (r.seq == 1 && r.prev_hash != kGenesisHash) return invalid("prev_hash of seq 1 must be zeros");
  if (require_signature) {
    if (r.signature.empty() || r.signature.size() > 200)
      return invalid("signature missing or too long");
    if (!base64_decode(r.signature)) return invalid("signature is not base64");
  }
  return Done{};
}

Result<std::string> canonical_bytes(const Record& r, const Limits& limits) {
  if (auto v = validate(r, limits, false); !v) return v.error();
  // nlohmann::json's default object is a std::map: keys come out sorted bytewise at every level.
  json j = json::object();
  j["kiosk_id"] = r.kiosk_id;
  j["occurred_at"] = r.occurred_at;
  j["payload"] = r.payload;
  j["prev_hash"] = r.prev_hash;
  j["seq"] = r.seq;
  j["type"] = r.type;
  std::string out;
  try {
    out = j.dump(-1, ' ', false, json::error_handler_t::strict);
  } catch (const json::exception&) {
    return invalid("record holds invalid UTF-8");
  }
  if (out.size() > limits.max_record_bytes) {
    return make_error(Errc::too_large,
                      "record over " + std::to_string(limits.max_record_bytes) + " bytes");
  }
  return out;
}

Result<std::string> record_hash(const Record& r, const Limits& limits) {
  auto bytes = canonical_bytes(r, limits);
  if (!bytes) return bytes.error();
  return sha256_hex(*bytes);
}

Status sign_record(Record& r, const PrivateKey& key, const Limits& limits) {
  auto bytes = canonical_bytes(r, limits);
  if (!bytes) return bytes.error();
  auto sig = key.sign(*bytes);
  if (!sig) return sig.error();
  r.signature = base64_encode(*sig);
  return Done{};
}

bool verify_signature(std::string_view canonical, std::string_view signature_b64,
                      const PublicKey& key) {
  auto der = base64_decode(signature_b64);
  return der && key.verify(canonical, *der);
}

bool verify_record(const Record& r, const PublicKey& key, const Limits& limits) {
  auto bytes = canonical_bytes(r, limits);
  return bytes && verify_signature(*bytes, r.signature, key);
}

Result<Record> make_signed_record(std::string kiosk_id, std::uint64_t seq, std::string type,
                                  std::string occurred_at, nlohmann::json payload,
                                  std::string prev_hash, const PrivateKey& key,
                                  const Limits& limits) {
  Record r{std::move(kiosk_id),  seq, std::move(type), std::move(occurred_at), std::move(payload),
           std::move(prev_hash), {}};
  if (auto s = sign_record(r, key, limits); !s) return s.error();
  return r;
}

json to_json(const Record& r) {
  return json{{"kiosk_id", r.kiosk_id},       {"seq", r.seq},         {"type", r.type},
              {"occurred_at", r.occurred_at}, {"payload", r.payload}, {"prev_hash", r.prev_hash},
              {"signature", r.signature}};
}

Result<Record> record_from_json(const json& j, const Limits& limits) {
  if (!j.is_object()) return invalid("record must be an object");
  if (j.size() != 7) return invalid("record must have exactly the seven protocol fields");
  Record r;
  auto str = [&](const char* name, std::string& out) -> bool {
    auto it = j.find(name);
    if (it == j.end() || !it->is_string()) return false;
    out = it->get<std::string>();
    return true;
  };
  if (!str("kiosk_id", r.kiosk_id)) return invalid("kiosk_id missing or not a string");
  if (!str("type", r.type)) return invalid("type missing or not a string");
  if (!str("occurred_at", r.occurred_at)) return invalid("occurred_at missing or not a string");
  if (!str("prev_hash", r.prev_hash)) return invalid("prev_hash missing or not a string");
  if (!str("signature", r.signature)) return invalid("signature missing or not a string");
  auto seq = j.find("seq");
  if (seq == j.end()) return invalid("seq missing");
  if (seq->is_number_unsigned()) {
    r.seq = seq->get<std::uint64_t>();
  } else if (seq->is_number_integer() && seq->get<std::int64_t>() > 0) {
    r.seq = static_cast<std::uint64_t>(seq->get<std::int64_t>());
  } else {
    return invalid("seq must be a positive integer");
  }
  auto payload = j.find("payload");
  if (payload == j.end() || !payload->is_object())
    return invalid("payload missing or not an object");
  r.payload = *payload;
  if (auto v = validate(r, limits, true); !v) return v.error();
  return r;
}

std::string batch_to_body(const std::vector<Record>& records) {
  json arr = json::array();
  for (const auto& r : records) arr.push_back(to_json(r));
  return json{{"records", std::move(arr)}}.dump();
}

Result<json> parse_json(std::string_view text, const Limits& limits) {
  if (text.size() > limits.max_body_bytes) return make_error(Errc::too_large, "body too large");
  // Bound the nesting before the parser sees it, so deep input costs no stack or memory.
  if (json_nesting_depth(text) > limits.max_depth + 2) {
    return make_error(Errc::malformed_json, "JSON nested too deep");
  }
  // nlohmann's parser ends its input at a NUL byte, so "{...}\0anything" would parse. JSON text
  // never holds a raw NUL (not even inside a string), so one means malformed text.
  if (text.find('\0') != std::string_view::npos) {
    return make_error(Errc::malformed_json, "body holds a NUL byte");
  }
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) return make_error(Errc::malformed_json, "body is not valid JSON");
  return j;
}

Result<std::vector<Record>> batch_from_body(std::string_view body, const Limits& limits) {
  auto parsed = parse_json(body, limits);
  if (!parsed) return parsed.error();
  const json& j = *parsed;
  if (!j.is_object() || j.size() != 1 || !j.contains("records") || !j["records"].is_array()) {
    return make_error(Errc::invalid_batch, "batch must be {\"records\": [...]}");
  }
  const json& arr = j["records"];
  if (arr.empty()) return make_error(Errc::invalid_batch, "batch is empty");
  if (arr.size() > limits.max_records_per_batch) {
    return make_error(
        Errc::invalid_batch,
        "batch has more than " + std::to_string(limits.max_records_per_batch) + " records");
  }
  std::vector<Record> out;
  out.reserve(arr.size());
  for (std::size_t i = 0; i < arr.size(); ++i) {
    auto r = record_from_json(arr[i], limits);
    if (!r)
      return make_error(r.error().code, "record " + std::to_string(i) + ": " + r.error().message);
    out.push_back(std::move(r).value());
  }
  return out;
}

}  // namespace kiosk::protocol::wire
