#include "central/server/api.hpp"

#include <spdlog/spdlog.h>

#include <cctype>
#include <chrono>
#include <ctime>
#include <limits>

#include "protocol/api/routes.hpp"
#include "protocol/crypto/sha256.hpp"
#include "protocol/wire/chain.hpp"

namespace kiosk::central::server {
namespace {

using nlohmann::json;
namespace routes = protocol::routes;

std::shared_ptr<spdlog::logger> logger() {
  static auto log = [] {
    auto existing = spdlog::get("central.api");
    return existing ? existing : spdlog::default_logger()->clone("central.api");
  }();
  return log;
}

Response wire_error(const protocol::Error& e) {
  switch (e.code) {
    case protocol::Errc::too_large:
      return error_response(413, "payload_too_large", e.message);
    case protocol::Errc::malformed_json:
      return error_response(400, "malformed_json", e.message);
    case protocol::Errc::invalid_batch:
      return error_response(400, "invalid_batch", e.message);
    default:
      return error_response(400, "invalid_record", e.message);
  }
}

// "application/json", with or without parameters ("; charset=utf-8"), in any letter case.
bool is_json(const Request& r) {
  auto it = r.headers.find("content-type");
  if (it == r.headers.end()) return false;
  std::string type = it->second.substr(0, it->second.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (auto& ch : type) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return type == "application/json";
}

Response not_implemented(std::string_view what) {
  return error_response(501, "not_implemented",
                        std::string("this server has no ") + std::string(what) + " backend");
}

}  // namespace

std::string rfc3339(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Response error_response(int status, std::string_view code, std::string_view message,
                        std::optional<std::uint64_t> expected_sequence) {
  json err{{"code", code}, {"message", message}};
  if (expected_sequence) err["expected_sequence"] = *expected_sequence;
  return Response{
      status, json{{"error", std::move(err)}}.dump(-1, ' ', false, json::error_handler_t::replace)};
}

Response json_response(int status, const json& body) {
  return Response{status, body.dump(-1, ' ', false, json::error_handler_t::replace)};
}

// ---- OfficeServices defaults: 501 ----
Response OfficeServices::enrol(const Context&, const json&) {
  return not_implemented("enrolment (PKI)");
}
Response OfficeServices::eligibility(const Context&, const json&) {
  return not_implemented("registry");
}
Response OfficeServices::face_match(const Context&, const json&) {
  return not_implemented("face matching");
}
Response OfficeServices::create_payment(const Context&, const json&, const std::string&) {
  return not_implemented("payment");
}
Response OfficeServices::charge_payment(const Context&, const std::string&, const json&) {
  return not_implemented("payment");
}
Response OfficeServices::get_payment(const Context&, const std::string&) {
  return not_implemented("payment");
}
Response OfficeServices::cancel_payment(const Context&, const std::string&, const json&) {
  return not_implemented("payment");
}
Response OfficeServices::refund_payment(const Context&, const std::string&, const json&) {
  return not_implemented("payment");
}
Response OfficeServices::authorise_issuance(const Context&, const json&) {
  return not_implemented("issuance");
}
Response OfficeServices::reissue_elicence(const Context&, const json&) {
  return not_implemented("electronic licence");
}
Response OfficeServices::config(const Context&, std::optional<std::int64_t>) {
  return not_implemented("configuration");
}

// ---- Api ----
Api::Api(store::Store& store, std::shared_ptr<OfficeServices> services, ApiOptions options)
    : store_(store),
      services_(services ? std::move(services) : std::make_shared<OfficeServices>()),
      options_(std::move(options)) {}

std::int64_t Api::now() const {
  if (options_.now) return options_.now();
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Response Api::handle(const Request& request) noexcept {
  const auto started = std::chrono::steady_clock::now();
  Response response;
  try {
    response = dispatch(request);
  } catch (const store::StoreError& e) {
    const bool transient = e.kind() == store::StoreError::Kind::busy ||
                           e.kind() == store::StoreError::Kind::unavailable;
    logger()->error("event=store_error route=\"{} {}\" kiosk={} error=\"{}\"", request.method,
                    request.path, request.identity.id, e.what());
    response = transient ? error_response(503, "unavailable",
                                          "storage is busy or unavailable; retry later")
                         : error_response(500, "internal", "storage failure");
  } catch (const std::exception& e) {
    logger()->error("event=internal_error route=\"{} {}\" kiosk={} error=\"{}\"", request.method,
                    request.path, request.identity.id, e.what());
    response = error_response(500, "internal", "internal server error");
  } catch (...) {
    response = error_response(500, "internal", "internal server error");
  }
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - started)
                          .count();
  logger()->info("event=request method={} path={} kiosk={} status={} bytes_in={} micros={}",
                 request.method, request.path,
                 request.identity.id.empty() ? "-" : request.identity.id, response.status,
                 request.body.size(), micros);
  return response;
}

Response Api::authorise(const Request& request, bool operator_route) {
  const Identity& who = request.identity;
  if (who.kind == Identity::Kind::none) {
    if (!who.serial_hex.empty()) {
      return error_response(403, "forbidden",
                            "the certificate's CN names neither a kiosk nor an office operator");
    }
    return error_response(401, "client_certificate_required",
                          "this route needs a client certificate");
  }
  if (store_.is_revoked(who.serial_hex)) {
    logger()->warn("event=revoked_certificate kiosk={} serial={}", who.id, who.serial_hex);
    return error_response(403, "certificate_revoked", "the client certificate is revoked");
  }
  if (operator_route != (who.kind == Identity::Kind::office_operator)) {
    return error_response(403, "forbidden",
                          operator_route ? "office operators only" : "kiosks only");
  }
  if (!operator_route) remember_kiosk(who, now());
  return Response{0, {}};
}

void Api::remember_kiosk(const Identity& identity, std::int64_t at) {
  {
    std::lock_guard lock(known_mutex_);
    auto it = known_.find(identity.id);
    if (it != known_.end() && it->second == identity.serial_hex) return;
  }
  store_.upsert_kiosk(identity.id, identity.serial_hex, at);
  std::lock_guard lock(known_mutex_);
  known_[identity.id] = identity.serial_hex;
}

Response Api::dispatch(const Request& r) {
  const std::string& p = r.path;
  const bool get = r.method == "GET", post = r.method == "POST";
  if (r.body.size() > options_.limits.max_body_bytes) {
    return error_response(413, "payload_too_large", "request body over the limit");
  }
  if (post && !is_json(r)) {
    return error_response(415, "unsupported_media_type",
                          "a request body must be sent as Content-Type: application/json");
  }
  if (p == routes::kEnrol && post) {
    auto body = wire::parse_json(r.body, options_.limits);
    if (!body) return wire_error(body.error());
    if (!body->is_object())
      return error_response(400, "invalid_request", "body must be a JSON object");
    return services_->enrol(Context{store_, r.identity, now()}, *body);
  }
  if (p.rfind(routes::kPrefix, 0) != 0) return error_response(404, "not_found", "no such route");

  if (p == routes::kFleet) {
    if (!get) return error_response(404, "not_found", "no such route");
    if (auto denied = authorise(r, true); denied.status != 0) return denied;
    return fleet(r);
  }
  if (auto denied = authorise(r, false); denied.status != 0) return denied;
  const Context ctx{store_, r.identity, now()};

  if (p == routes::kEvents && post) return upload_events(r);
  if (p == routes::kEventsAck && get) return ack(r);
  if (p == routes::kHeartbeat && post) return heartbeat(r);
  if (p == routes::kConfig && get) {
    std::optional<std::int64_t> have;
    if (auto it = r.query.find("have"); it != r.query.end()) {
      try {
        std::size_t used = 0;
        const long long v = std::stoll(it->second, &used);
        if (used != it->second.size() || v < 0) throw std::invalid_argument("have");
        have = v;
      } catch (const std::exception&) {
        return error_response(400, "invalid_request", "have must be a non-negative integer");
      }
    }
    return services_->config(ctx, have);
  }
  if (p == routes::kEligibility && post) {
    return idempotent(r, [&](const json& b) { return services_->eligibility(ctx, b); });
  }
  if (p == routes::kFaceMatch && post) {
    return idempotent(r, [&](const json& b) { return services_->face_match(ctx, b); });
  }
  if (p == routes::kIssuances && post) {
    return idempotent(r, [&](const json& b) { return services_->authorise_issuance(ctx, b); });
  }
  if (p == routes::kElicenceReissue && post) {
    return idempotent(r, [&](const json& b) { return services_->reissue_elicence(ctx, b); });
  }
  if (p == routes::kPayments && post) {
    return idempotent(r, [&](const json& b) {
      return services_->create_payment(ctx, b, r.headers.at("idempotency-key"));
    });
  }
  if (const std::string prefix = std::string(routes::kPayments) + "/"; p.rfind(prefix, 0) == 0) {
    std::string rest = p.substr(prefix.size());
    std::string action;
    if (const auto slash = rest.find('/'); slash != std::string::npos) {
      action = rest.substr(slash + 1);
      rest.resize(slash);
    }
    if (!routes::valid_object_id(rest)) return error_response(404, "not_found", "no such payment");
    if (action.empty() && get) return services_->get_payment(ctx, rest);
    if (action == routes::kCharge && post) {
      return idempotent(r, [&](const json& b) { return services_->charge_payment(ctx, rest, b); });
    }
    if (action == routes::kCancel && post) {
      return idempotent(r, [&](const json& b) { return services_->cancel_payment(ctx, rest, b); });
    }
    if (action == routes::kRefund && post) {
      return idempotent(r, [&](const json& b) { return services_->refund_payment(ctx, rest, b); });
    }
  }
  return error_response(404, "not_found", "no such route");
}

Response Api::idempotent(const Request& r, const std::function<Response(const json&)>& act) {
  auto key_it = r.headers.find("idempotency-key");
  if (key_it == r.headers.end() || !routes::valid_idempotency_key(key_it->second)) {
    return error_response(
        400, "missing_idempotency_key",
        "an Idempotency-Key header of 1-128 characters [A-Za-z0-9._:-] is required");
  }
  auto body = wire::parse_json(r.body, options_.limits);
  if (!body) return wire_error(body.error());
  if (!body->is_object())
    return error_response(400, "invalid_request", "body must be a JSON object");

  const std::string& key = key_it->second;
  const std::string scope = r.method + " " + r.path;
  const std::string& kiosk = r.identity.id;
  const auto claim = store_.claim_idempotency(kiosk, scope, key, protocol::sha256_hex(r.body),
                                              now(), options_.idempotency_stale_after_s);
  using S = store::IdempotencyClaim::Status;
  switch (claim.status) {
    case S::replay:
      return Response{claim.http_status, claim.body};
    case S::mismatch:
      return error_response(422, "idempotency_key_reuse",
                            "this Idempotency-Key was used with a different request");
    case S::in_progress:
      return error_response(409, "idempotency_in_progress",
                            "a request with this Idempotency-Key is in progress");
    case S::claimed:
      break;
  }
  Response response;
  try {
    response = act(*body);
  } catch (...) {
    store_.release_idempotency(kiosk, scope, key);
    throw;
  }
  // A server fault is not remembered: the retry acts again.
  if (response.status >= 500) {
    store_.release_idempotency(kiosk, scope, key);
  } else {
    store_.complete_idempotency(kiosk, scope, key, response.status, response.body);
  }
  return response;
}

Response Api::upload_events(const Request& r) {
  auto parsed = wire::batch_from_body(r.body, options_.limits);
  if (!parsed) return wire_error(parsed.error());
  const auto& records = *parsed;
  const std::string& kiosk = r.identity.id;
  for (const auto& rec : records) {
    if (rec.kiosk_id != kiosk) {
      return error_response(403, "kiosk_mismatch",
                            "records must carry the kiosk id of the client certificate");
    }
    if (rec.seq > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return error_response(400, "invalid_record", "seq above 2^63-1 is not supported");
    }
  }
  if (!wire::consecutive(records)) {
    return error_response(400, "invalid_batch",
                          "a batch must hold consecutive ascending sequence numbers");
  }
  if (!r.identity.key)
    return error_response(403, "forbidden", "client certificate has no usable key");
  std::vector<store::PreparedRecord> prepared;
  prepared.reserve(records.size());
  for (const auto& rec : records) {
    auto bytes = wire::canonical_bytes(rec, options_.limits);
    if (!bytes) return wire_error(bytes.error());
    if (!wire::verify_signature(*bytes, rec.signature, *r.identity.key)) {
      logger()->warn("event=bad_signature kiosk={} seq={}", kiosk, rec.seq);
      return error_response(422, "bad_signature",
                            "record " + std::to_string(rec.seq) +
                                ": signature does not verify with the kiosk certificate");
    }
    std::string hash = protocol::sha256_hex(*bytes);
    prepared.push_back(store::PreparedRecord{rec, std::move(*bytes), std::move(hash)});
  }
  const auto out = store_.append_events(kiosk, prepared, now());
  using S = store::AppendOutcome::Status;
  switch (out.status) {
    case S::stored:
      return json_response(200, json{{"acked_seq", out.acked_seq}, {"stored", out.stored}});
    case S::conflict:
      logger()->warn("event=sequence_conflict kiosk={} seq={}", kiosk, out.conflict_seq);
      return error_response(409, "conflict",
                            "record " + std::to_string(out.conflict_seq) +
                                " differs from the record already stored under that sequence");
    case S::sequence_gap:
      return error_response(409, "sequence_gap",
                            "expected sequence " + std::to_string(out.expected_sequence),
                            out.expected_sequence);
    case S::broken_chain:
      logger()->warn("event=broken_chain kiosk={} seq={}", kiosk, out.expected_sequence);
      return error_response(422, "broken_chain",
                            "record " + std::to_string(out.expected_sequence) +
                                ": prev_hash does not match the hash of the previous record",
                            out.expected_sequence);
  }
  return error_response(500, "internal", "unexpected append outcome");
}

Response Api::ack(const Request& r) {
  const auto head = store_.head(r.identity.id);
  return json_response(200, json{{"acked_seq", head.seq}, {"last_hash", head.hash}});
}

Response Api::heartbeat(const Request& r) {
  auto body = wire::parse_json(r.body, options_.limits);
  if (!body) return wire_error(body.error());
  if (!body->is_object())
    return error_response(400, "invalid_request", "heartbeat must be a JSON object");
  store_.put_heartbeat(r.identity.id, body->dump(), now());
  return json_response(200, json{{"server_time", rfc3339(now())}});
}

Response Api::fleet(const Request&) {
  json kiosks = json::array();
  for (const auto& row : store_.fleet()) {
    json k{{"kiosk_id", row.kiosk_id}, {"status", row.status}, {"acked_seq", row.acked_seq}};
    k["last_heartbeat_at"] =
        row.last_heartbeat_at ? json(rfc3339(*row.last_heartbeat_at)) : json(nullptr);
    k["heartbeat"] = row.heartbeat ? json::parse(*row.heartbeat, nullptr, false) : json(nullptr);
    kiosks.push_back(std::move(k));
  }
  return json_response(200, json{{"kiosks", std::move(kiosks)}});
}

}  // namespace kiosk::central::server
