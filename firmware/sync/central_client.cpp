#include "firmware/sync/central_client.hpp"

#include <spdlog/spdlog.h>

#include "firmware/sync/curl_transport.hpp"
#include "protocol/api/routes.hpp"
#include "protocol/crypto/enrolment.hpp"
#include "protocol/crypto/pem_file.hpp"
#include "protocol/documents/issuance.hpp"
#include "protocol/encoding/base64.hpp"

namespace kiosk::sync {
namespace {

using nlohmann::json;

std::shared_ptr<spdlog::logger> logger() {
  static auto log = [] {
    auto existing = spdlog::get("sync");
    return existing ? existing : spdlog::default_logger()->clone("sync");
  }();
  return log;
}

SyncError bad_answer(const std::string& route, const std::string& what) {
  return make_error(Errc::invalid_response, route + ": " + what);
}

const json* field(const json& j, const char* name, json::value_t type) {
  const auto it = j.find(name);
  if (it == j.end()) return nullptr;
  if (type == json::value_t::number_integer) return it->is_number_integer() ? &*it : nullptr;
  if (type == json::value_t::number_unsigned) return it->is_number_unsigned() ? &*it : nullptr;
  return it->type() == type ? &*it : nullptr;
}

Result<PaymentView> payment_view(const json& body, const std::string& route) {
  const json* order = field(body, "order", json::value_t::object);
  const json* qr = field(body, "qr", json::value_t::string);
  if (!order || !qr) return bad_answer(route, "order and qr are required");
  const json* id = field(*order, "order_id", json::value_t::string);
  const json* state = field(*order, "state", json::value_t::string);
  const json* amount = field(*order, "amount_fen", json::value_t::number_integer);
  if (!id || !state || !amount) return bad_answer(route, "order_id, state and amount_fen required");
  PaymentView v;
  v.order_id = id->get<std::string>();
  v.state = state->get<std::string>();
  v.amount_fen = amount->get<std::int64_t>();
  v.qr = qr->get<std::string>();
  if (const json* outcome = field(body, "outcome", json::value_t::string)) {
    v.outcome = outcome->get<std::string>();
  }
  v.order = *order;
  return v;
}

// The office certificate, checked against the CA the kiosk trusts.
protocol::Result<protocol::Certificate> office_certificate(const CentralEndpoint& e) {
  auto office = protocol::read_certificate(e.office_cert_file);
  if (!office) return office.error();
  if (!e.ca_file.empty()) {
    auto ca = protocol::read_certificate(e.ca_file);
    if (!ca) return ca.error();
    auto issued = protocol::verify_issued_by(*office, *ca);
    if (!issued) return issued.error();
  }
  return office;
}

}  // namespace

CentralClient::CentralClient(CentralEndpoint endpoint, std::shared_ptr<CircuitBreaker> breaker)
    : endpoint_(std::move(endpoint)),
      breaker_(breaker ? std::move(breaker) : std::make_shared<CircuitBreaker>()) {
  detail::TransportOptions t;
  t.base_url = endpoint_.base_url;
  t.ca_file = endpoint_.ca_file;
  t.cert_file = endpoint_.cert_file;
  t.key_file = endpoint_.key_file;
  t.pinned_public_key = endpoint_.pinned_public_key;
  t.connect_timeout = endpoint_.connect_timeout;
  t.request_timeout = endpoint_.request_timeout;
  t.max_response_bytes = endpoint_.max_response_bytes;
  transport_ = std::make_unique<detail::CurlTransport>(std::move(t));
}

CentralClient::~CentralClient() = default;

Result<CentralClient::Answer> CentralClient::call(const std::string& method,
                                                  const std::string& path, const std::string& body,
                                                  const std::string* idempotency_key,
                                                  std::initializer_list<int> accepted,
                                                  const std::atomic<bool>* cancel) {
  const std::string route = method + " " + path.substr(0, path.find('?'));
  if (idempotency_key && !protocol::routes::valid_idempotency_key(*idempotency_key)) {
    return make_error(Errc::invalid_argument, route + ": invalid idempotency key");
  }
  if (!breaker_->allow()) {
    return make_error(Errc::circuit_open, route + ": circuit breaker open; office not tried");
  }
  std::vector<std::pair<std::string, std::string>> headers;
  if (idempotency_key) headers.emplace_back("Idempotency-Key", *idempotency_key);
  const auto started = std::chrono::steady_clock::now();
  auto reply = transport_->perform(method, path, body, headers, cancel);
  if (!reply && reply.error().code == Errc::unreachable) {
    // Most often a kept-alive connection the office closed (it restarted): once more on a new
    // one. Safe: every call that changes state carries its idempotency key.
    reply = transport_->perform(method, path, body, headers, cancel, true);
  }
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - started)
                          .count();
  if (!reply) {
    if (reply.error().code == Errc::cancelled) {
      breaker_->abandon();  // not the office's verdict; frees a half-open trial
      return reply.error();
    }
    breaker_->record_failure();
    logger()->warn("event=call_failed route=\"{}\" error={} micros={} detail=\"{}\"", route,
                   to_string(reply.error().code), micros, reply.error().message);
    return reply.error();
  }
  logger()->debug("event=call route=\"{}\" status={} bytes={} micros={}", route, reply->status,
                  reply->body.size(), micros);
  bool expected = false;
  for (const int s : accepted) expected = expected || s == reply->status;
  if (!expected) {
    SyncError e = from_http_answer(reply->status, reply->body, route);
    if (e.code == Errc::rejected) {
      breaker_->record_success();  // the office answered: it is up
    } else {
      breaker_->record_failure();
      logger()->warn("event=call_failed route=\"{}\" status={} code={}", route, reply->status,
                     e.api_code);
    }
    return e;
  }
  Answer answer{reply->status, json()};
  if (reply->status != 304) {
    auto parsed = protocol::wire::parse_json(reply->body);  // bounded depth, never throws
    if (!parsed || !parsed->is_object()) {
      breaker_->record_failure();
      return bad_answer(route, "answer is not a JSON object");
    }
    answer.body = std::move(*parsed);
  }
  breaker_->record_success();
  return answer;
}

bool CentralClient::probe(const std::atomic<bool>* cancel) {
  auto reply =
      transport_->perform("GET", std::string(protocol::routes::kEventsAck), {}, {}, cancel, true);
  if (!reply || reply->status >= 500) return false;
  breaker_->record_success();  // the office answers again
  logger()->info("event=central_back status={}", reply->status);
  return true;
}

Result<Enrolment> CentralClient::enrol(const std::string& kiosk_id, const std::string& token,
                                       const std::string& csr_pem) {
  const json request{{"kiosk_id", kiosk_id}, {"token", token}, {"csr_pem", csr_pem}};
  auto a = call("POST", std::string(protocol::routes::kEnrol), request.dump(), nullptr, {200});
  if (!a) return a.error();
  const json* cert = field(a->body, "certificate_pem", json::value_t::string);
  const json* ca = field(a->body, "ca_pem", json::value_t::string);
  if (!cert || !ca) return bad_answer("POST /v1/enrol", "certificate_pem and ca_pem required");
  auto parsed = protocol::Certificate::from_pem(cert->get<std::string>());
  if (!parsed || parsed->subject_cn() != kiosk_id) {
    return bad_answer("POST /v1/enrol", "certificate unreadable or not for this kiosk");
  }
  return Enrolment{cert->get<std::string>(), ca->get<std::string>(), {}};
}

Result<Enrolment> CentralClient::enrol_with_new_key(const std::string& kiosk_id,
                                                    const std::string& token) {
  auto key = protocol::PrivateKey::generate_p256();
  if (!key) return make_error(Errc::internal, "key generation failed");
  auto csr = protocol::make_csr(*key, kiosk_id);
  if (!csr) return make_error(Errc::invalid_argument, "CSR refused: " + csr.error().message);
  auto enrolment = enrol(kiosk_id, token, *csr);
  if (!enrolment) return enrolment.error();
  enrolment->key_pem = key->to_pem();
  return enrolment;
}

Result<Ack> CentralClient::upload_events(const std::vector<protocol::wire::Record>& records,
                                         const std::atomic<bool>* cancel) {
  if (records.empty()) return make_error(Errc::invalid_argument, "empty batch");
  auto a = call("POST", std::string(protocol::routes::kEvents),
                protocol::wire::batch_to_body(records), nullptr, {200}, cancel);
  if (!a) return a.error();
  const json* acked = field(a->body, "acked_seq", json::value_t::number_unsigned);
  const json* stored = field(a->body, "stored", json::value_t::number_unsigned);
  if (!acked || !stored) return bad_answer("POST /v1/events", "acked_seq and stored required");
  return Ack{acked->get<std::uint64_t>(), stored->get<std::uint64_t>()};
}

Result<AckPosition> CentralClient::acknowledged_position(const std::atomic<bool>* cancel) {
  auto a = call("GET", std::string(protocol::routes::kEventsAck), {}, nullptr, {200}, cancel);
  if (!a) return a.error();
  const json* acked = field(a->body, "acked_seq", json::value_t::number_unsigned);
  const json* hash = field(a->body, "last_hash", json::value_t::string);
  if (!acked || !hash || !protocol::wire::valid_hash(hash->get<std::string>())) {
    return bad_answer("GET /v1/events/ack", "acked_seq and last_hash required");
  }
  return AckPosition{acked->get<std::uint64_t>(), hash->get<std::string>()};
}

Result<json> CentralClient::eligibility(const json& request, const std::string& key) {
  if (!request.is_object()) return make_error(Errc::invalid_argument, "request must be an object");
  auto a = call("POST", std::string(protocol::routes::kEligibility), request.dump(), &key, {200});
  if (!a) return a.error();
  const json* decision = field(a->body, "decision", json::value_t::object);
  const json* licence = field(a->body, "licence", json::value_t::object);
  if (!decision || !licence || !field(*decision, "eligible", json::value_t::boolean)) {
    return bad_answer("POST /v1/decisions/eligibility", "decision and licence required");
  }
  return std::move(a->body);
}

Result<FaceMatchResult> CentralClient::face_match(const std::string& id_number,
                                                  const std::vector<std::uint8_t>& capture_png,
                                                  const std::string& key) {
  const json request{{"id_number", id_number},
                     {"capture_png_base64", protocol::base64_encode(capture_png)}};
  auto a = call("POST", std::string(protocol::routes::kFaceMatch), request.dump(), &key, {200});
  if (!a) return a.error();
  const json* match = field(a->body, "match", json::value_t::boolean);
  const json* score = field(a->body, "score_permille", json::value_t::number_unsigned);
  if (!match || !score || score->get<std::uint64_t>() > 1000) {
    return bad_answer("POST /v1/decisions/face-match", "match and score_permille required");
  }
  return FaceMatchResult{match->get<bool>(), static_cast<int>(score->get<std::uint64_t>())};
}

Result<PaymentView> CentralClient::payment_call(const std::string& method,
                                                const std::string& order_id,
                                                const std::string& action, const std::string* key,
                                                const json& body) {
  if (!protocol::routes::valid_object_id(order_id))
    return make_error(Errc::invalid_argument, "invalid order id");
  const std::string path = protocol::routes::payment(order_id, action);
  auto a = call(method, path, method == "POST" ? body.dump() : std::string(), key, {200});
  if (!a) return a.error();
  return payment_view(a->body,
                      method + " /v1/payments/{id}" + (action.empty() ? "" : "/" + action));
}

Result<PaymentView> CentralClient::create_payment(std::int64_t amount_fen,
                                                  const std::string& description,
                                                  const std::string& key) {
  const json request{{"amount_fen", amount_fen}, {"description", description}};
  auto a = call("POST", std::string(protocol::routes::kPayments), request.dump(), &key, {201});
  if (!a) return a.error();
  return payment_view(a->body, "POST /v1/payments");
}

Result<PaymentView> CentralClient::charge_payment(const std::string& order_id,
                                                  const std::string& payment_code,
                                                  const std::string& key) {
  auto v = payment_call("POST", order_id, "charge", &key, json{{"payment_code", payment_code}});
  if (v && v->outcome.empty()) return bad_answer("POST /v1/payments/{id}/charge", "no outcome");
  return v;
}

Result<PaymentView> CentralClient::payment_status(const std::string& order_id) {
  return payment_call("GET", order_id, "", nullptr, json());
}

Result<PaymentView> CentralClient::cancel_payment(const std::string& order_id,
                                                  const std::string& key) {
  return payment_call("POST", order_id, std::string(protocol::routes::kCancel), &key,
                      json::object());
}

Result<PaymentView> CentralClient::refund(const std::string& order_id, const std::string& key) {
  return payment_call("POST", order_id, "refund", &key, json::object());
}

Result<IssuanceGrant> CentralClient::authorise_issuance(const json& request,
                                                        const std::string& key) {
  const std::string route = "POST /v1/issuances";
  if (!request.is_object()) return make_error(Errc::invalid_argument, "request must be an object");
  auto a = call("POST", std::string(protocol::routes::kIssuances), request.dump(), &key, {201});
  if (!a) return a.error();
  const json* auth = field(a->body, "authorisation", json::value_t::object);
  const json* signed_auth = field(a->body, "signed", json::value_t::object);
  if (!auth || !signed_auth) return bad_answer(route, "authorisation and signed required");
  const json* id = field(*auth, "authorisation_id", json::value_t::string);
  if (!id) return bad_answer(route, "authorisation_id required");
  if (!endpoint_.office_cert_file.empty()) {
    auto office = office_certificate(endpoint_);
    if (!office) return make_error(Errc::internal, "office certificate: " + office.error().message);
    auto parsed = protocol::signed_authorisation_from_json(*signed_auth);
    if (!parsed || !protocol::verify_authorisation(*parsed, *office)) {
      return bad_answer(route, "the authorisation's office signature does not verify");
    }
  }
  return IssuanceGrant{id->get<std::string>(), *auth, *signed_auth};
}

Result<json> CentralClient::reissue_elicence(const std::string& authorisation_id,
                                             const std::string& key) {
  const json request{{"authorisation_id", authorisation_id}};
  auto a =
      call("POST", std::string(protocol::routes::kElicenceReissue), request.dump(), &key, {201});
  if (!a) return a.error();
  return std::move(a->body);
}

Result<std::optional<ConfigUpdate>> CentralClient::fetch_config(std::int64_t have_version,
                                                                const std::atomic<bool>* cancel) {
  const std::string route = "GET /v1/config";
  if (endpoint_.office_cert_file.empty()) {
    return make_error(Errc::invalid_argument, "fetch_config needs office_cert_file");
  }
  if (have_version < 0) return make_error(Errc::invalid_argument, "have_version < 0");
  auto a =
      call("GET", std::string(protocol::routes::kConfig) + "?have=" + std::to_string(have_version),
           {}, nullptr, {200, 304}, cancel);
  if (!a) return a.error();
  if (a->status == 304) return std::optional<ConfigUpdate>();
  auto signed_config = protocol::signed_config_from_json(a->body.dump());
  if (!signed_config) return bad_answer(route, "not a signed configuration");
  auto office = office_certificate(endpoint_);
  if (!office) return make_error(Errc::internal, "office certificate: " + office.error().message);
  auto doc = protocol::verify_config(*signed_config, *office);
  if (!doc) {
    logger()->error("event=config_refused reason={}", protocol::to_string(doc.error().code));
    return bad_answer(
        route, "configuration refused: " + std::string(protocol::to_string(doc.error().code)));
  }
  if (!protocol::is_newer(*doc, have_version)) {
    return bad_answer(route, "the office sent a configuration that is not newer");
  }
  return std::optional<ConfigUpdate>(ConfigUpdate{std::move(*doc), std::move(*signed_config)});
}

Result<std::string> CentralClient::heartbeat(const json& status, const std::atomic<bool>* cancel) {
  if (!status.is_object()) return make_error(Errc::invalid_argument, "heartbeat must be an object");
  auto a = call("POST", std::string(protocol::routes::kHeartbeat), status.dump(), nullptr, {200},
                cancel);
  if (!a) return a.error();
  const json* time = field(a->body, "server_time", json::value_t::string);
  if (!time) return bad_answer("POST /v1/heartbeat", "server_time required");
  return time->get<std::string>();
}

}  // namespace kiosk::sync
