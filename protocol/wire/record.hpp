#pragma once
// The journal record of the sync protocol (docs/sync-protocol.md, "The journal record"):
// canonical bytes, hash, signature, and strict JSON (de)serialisation of records and batches.
// The kiosk builds and signs records (firmware/journal); the office parses and verifies them
// (central/server). Errors: protocol::Error (malformed_json, invalid_record, invalid_batch,
// too_large, crypto).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocol/crypto/keys.hpp"
#include "protocol/error.hpp"

namespace kiosk::protocol::wire {

// prev_hash of the record with seq 1.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct Limits {
  std::size_t max_records_per_batch = 1000;
  std::size_t max_record_bytes = 64 * 1024;  // canonical bytes of one record
  std::size_t max_body_bytes = 1024 * 1024;  // one batch body
  std::size_t max_depth = 32;                // JSON nesting, the record object being depth 1
};

struct Record {
  std::string kiosk_id;
  std::uint64_t seq = 0;
  std::string type;
  std::string occurred_at;  // RFC 3339 UTC, "...Z"
  nlohmann::json payload = nlohmann::json::object();
  std::string prev_hash{kGenesisHash};  // lowercase hex SHA-256
  std::string signature;                // base64 DER ECDSA P-256

  bool operator==(const Record&) const = default;
};

// Field checks shared by the parser and the signer.
bool valid_kiosk_id(std::string_view id);
bool valid_event_type(std::string_view type);
bool valid_timestamp(std::string_view rfc3339_utc);
bool valid_hash(std::string_view hex);

// Checks every field of `r` except the signature's validity (its presence and base64 form are
// checked when `require_signature`), the payload's depth, and that it holds no float.
Status validate(const Record& r, const Limits& limits = {}, bool require_signature = true);

// The record without `signature`, as JSON with sorted keys and no whitespace (exact rules in
// the protocol document). Fails on invalid fields, floats, invalid UTF-8 or oversize.
Result<std::string> canonical_bytes(const Record& r, const Limits& limits = {});

// lowercase hex SHA-256 of the canonical bytes: the next record's prev_hash.
Result<std::string> record_hash(const Record& r, const Limits& limits = {});

// Sets r.signature from `key` over the canonical bytes.
Status sign_record(Record& r, const PrivateKey& key, const Limits& limits = {});

// True only if the record is valid and its signature verifies with `key`.
bool verify_record(const Record& r, const PublicKey& key, const Limits& limits = {});
// Same, with the canonical bytes already computed (the server computes them once).
bool verify_signature(std::string_view canonical, std::string_view signature_b64,
                      const PublicKey& key);

// Builds, chains and signs the next record: the kiosk side's one call.
Result<Record> make_signed_record(std::string kiosk_id, std::uint64_t seq, std::string type,
                                  std::string occurred_at, nlohmann::json payload,
                                  std::string prev_hash, const PrivateKey& key,
                                  const Limits& limits = {});

nlohmann::json to_json(const Record& r);
// Strict: exactly the seven fields, right types, valid values; no float anywhere.
Result<Record> record_from_json(const nlohmann::json& j, const Limits& limits = {});

// Batch body {"records": [...]}.
std::string batch_to_body(const std::vector<Record>& records);
// Parses untrusted bytes: size, nesting depth and every record checked (signatures are not
// verified here). Errors: too_large, malformed_json, invalid_batch, invalid_record.
Result<std::vector<Record>> batch_from_body(std::string_view body, const Limits& limits = {});

// Parses untrusted JSON text with a size and nesting bound and without throwing.
Result<nlohmann::json> parse_json(std::string_view text, const Limits& limits = {});

}  // namespace kiosk::protocol::wire
