#include "central/server/domain_services.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdint>

#include "central/config/config.hpp"
#include "central/pki/authority.hpp"
#include "central/pki/tokens.hpp"
#include "central/registry/registry.hpp"
#include "protocol/api/service.hpp"
#include "protocol/crypto/sha256.hpp"
#include "protocol/crypto/signature.hpp"
#include "protocol/encoding/base64.hpp"
#include "protocol/encoding/hex.hpp"
#include "protocol/image/png.hpp"

namespace kiosk::central::server {
namespace {

using nlohmann::json;

Response bad_request(std::string_view message) {
  return error_response(400, "invalid_request", message);
}

std::optional<std::string> string_field(const json& j, const char* name, std::size_t max = 256) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  auto s = it->get<std::string>();
  if (s.empty() || s.size() > max) return std::nullopt;
  return s;
}

registry::Date shanghai_today(std::int64_t now) {
  const auto days = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds(std::chrono::seconds(now + 8 * 3600)));
  return registry::Date(std::chrono::sys_days(days));
}

std::string new_id(const char* prefix) {
  return std::string(prefix) + protocol::hex_encode(protocol::random_bytes(12));
}

struct LoadedLicence {
  registry::Licence licence;
  std::string json_text;
};

// 404 / 500 as a Response, or the licence.
std::variant<LoadedLicence, Response> load_licence(store::Store& store,
                                                   const std::string& id_number) {
  auto text = store.citizen(id_number);
  if (!text) return error_response(404, "not_found", "no licence on record for this ID number");
  auto parsed = json::parse(*text, nullptr, false);
  auto licence = registry::licence_from_json(parsed);
  if (!licence) return error_response(500, "internal", "registry record unreadable");
  return LoadedLicence{*licence, *text};
}

// What eligibility and an issuance authorisation are asked about: a citizen's licence and a
// service.
struct LicenceAndService {
  std::string id_number;
  protocol::Service service;
  LoadedLicence current;
};

// 400 / 404 / 500 as a Response, or the licence and the service that `request` names.
std::variant<LicenceAndService, Response> licence_and_service(store::Store& store,
                                                              const json& request) {
  const auto id_number = string_field(request, "id_number", 32);
  const auto service_text = string_field(request, "service", 32);
  if (!id_number || !service_text) return bad_request("id_number and service are required");
  auto service = protocol::service_from_string(*service_text);
  if (!service) return bad_request("unknown service");
  auto loaded = load_licence(store, *id_number);
  if (auto* r = std::get_if<Response>(&loaded)) return *r;
  return LicenceAndService{*id_number, *service, std::move(std::get<LoadedLicence>(loaded))};
}

registry::Policy current_policy(store::Store& store) {
  auto latest = store.latest_config();
  if (!latest) return {};
  auto doc = json::parse(latest->second, nullptr, false);
  if (!doc.is_object() || !doc.contains("payload") || !doc["payload"].is_string()) return {};
  auto cfg =
      protocol::config_from_json(json::parse(doc["payload"].get<std::string>(), nullptr, false));
  return cfg ? config::policy(*cfg) : registry::Policy{};
}

// The kiosk's own order, or an error response.
std::variant<payment::Order, Response> load_order(store::Store& store, const Context& ctx,
                                                  const std::string& id, std::string& document) {
  std::string owner;
  auto text = store.payment(id, &owner);
  if (!text || owner != ctx.identity.id)
    return error_response(404, "not_found", "no such payment order");
  auto order = payment::order_from_json(json::parse(*text, nullptr, false));
  if (!order) return error_response(500, "internal", "payment order unreadable");
  document = *text;
  return *order;
}

Response payment_error(const payment::PaymentError& e) {
  using payment::Errc;
  switch (e.code) {
    case Errc::invalid_amount:
    case Errc::invalid_argument:
    case Errc::bad_json:
      return bad_request(e.message);
    case Errc::invalid_code:
      return error_response(422, "invalid_payment_code", e.message);
    case Errc::idempotency_conflict:
      return error_response(422, "idempotency_key_reuse", e.message);
    default:
      // The order's state says no (not_chargeable, not_pending, not_captured,
      // already_refunded): named, so that the kiosk can tell "moved on" from a refusal.
      return error_response(409, payment::to_string(e.code), e.message);
  }
}

json order_view(const payment::Order& order) {
  return json{{"order", payment::to_json(order)}, {"qr", payment::qr_payload(order)}};
}

// The authorisation a refunded order paid for (if any) is voided: reserved -> voided. One
// already delivered stays delivered (a card was handed out; reconcile reports the pair).
void void_authorisation_of(const Context& ctx, const std::string& order_id) {
  if (auto authorisation =
          ctx.store.idempotency_answer(ctx.identity.id, "issuance.order", order_id)) {
    (void)ctx.store.set_issuance_state(*authorisation, std::string(store::issuance_state::reserved),
                                       std::string(store::issuance_state::voided));
  }
}

// One change of the kiosk's order by `change` (a central/payment transition: Order -> next
// Order or a typed error), stored compare-and-set on the document read, so that changes from
// several requests (or office instances) serialise; one that commits first is read again.
template <typename Change>
Response change_order(const Context& ctx, const std::string& order_id, Change change) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::string document;
    auto loaded = load_order(ctx.store, ctx, order_id, document);
    if (auto* r = std::get_if<Response>(&loaded)) return *r;
    payment::Result<payment::Order> next = change(std::get<payment::Order>(loaded));
    if (!next) return payment_error(next.error());
    if (ctx.store.update_payment(order_id, document, payment::to_json(*next).dump(), ctx.now))
      return json_response(200, order_view(*next));
  }
  return error_response(409, "conflict", "the order changed concurrently; retry");
}

}  // namespace

std::optional<face::Image> registry_photo(store::Store& store, const std::string& photo_ref) {
  auto png = store.photo(photo_ref);
  if (!png) return std::nullopt;
  auto img = protocol::decode_png(std::vector<std::uint8_t>(png->begin(), png->end()));
  if (!img) return std::nullopt;
  return *img;
}

DomainServices::DomainServices(DomainOptions options) : options_(std::move(options)) {
  if (!options_.matcher) options_.matcher = std::make_shared<face::ReferenceFaceMatcher>();
}

Response DomainServices::enrol(const Context& ctx, const json& request) {
  const auto kiosk_id = string_field(request, "kiosk_id", 64);
  const auto token = string_field(request, "token", 256);
  const auto csr = string_field(request, "csr_pem", 16 * 1024);
  if (!kiosk_id || !token || !csr) return bad_request("kiosk_id, token and csr_pem are required");
  if (!wire::valid_kiosk_id(*kiosk_id) || !pki::is_valid_kiosk_id(*kiosk_id)) {
    return bad_request("kiosk_id is not a valid kiosk id");
  }
  std::optional<store::EnrolmentToken> match;
  for (const auto& t : ctx.store.open_enrolment_tokens(*kiosk_id, ctx.now)) {
    if (pki::verify_token(*token, t.salt, t.hash)) match = t;
  }
  if (!match)
    return error_response(403, "invalid_enrolment_token",
                          "the enrolment token is unknown, used or expired");
  auto cert = pki::sign_kiosk_csr(options_.ca, *csr, *kiosk_id, options_.kiosk_cert_days);
  if (!cert)
    return bad_request(std::string("CSR refused: ") +
                       std::string(pki::to_string(cert.error().code)));
  if (!ctx.store.consume_enrolment_token(match->id, ctx.now)) {
    return error_response(403, "invalid_enrolment_token",
                          "the enrolment token is unknown, used or expired");
  }
  ctx.store.enrol_kiosk(*kiosk_id, cert->serial_hex(), ctx.now);
  return json_response(
      200, json{{"certificate_pem", cert->to_pem()}, {"ca_pem", options_.ca.cert.to_pem()}});
}

Response DomainServices::eligibility(const Context& ctx, const json& request) {
  auto asked = licence_and_service(ctx.store, request);
  if (auto* r = std::get_if<Response>(&asked)) return *r;
  const auto& [id_number, service, current] = std::get<LicenceAndService>(asked);
  const auto& licence = current.licence;
  const auto decision =
      registry::decide(licence, service, shanghai_today(ctx.now), current_policy(ctx.store));
  return json_response(200, json{{"decision", registry::to_json(decision)},
                                 {"licence", registry::to_json(licence)}});
}

Response DomainServices::face_match(const Context& ctx, const json& request) {
  const auto id_number = string_field(request, "id_number", 32);
  const auto capture_b64 = string_field(request, "capture_png_base64", 1024 * 1024);
  if (!id_number || !capture_b64)
    return bad_request("id_number and capture_png_base64 are required");
  auto loaded = load_licence(ctx.store, *id_number);
  if (auto* r = std::get_if<Response>(&loaded)) return *r;
  auto bytes = protocol::base64_decode(*capture_b64);
  if (!bytes) return bad_request("capture_png_base64 is not base64");
  auto capture = protocol::decode_png(std::vector<std::uint8_t>(bytes->begin(), bytes->end()));
  if (!capture) return error_response(422, "invalid_image", "the capture is not a decodable PNG");
  const auto& holder = std::get<LoadedLicence>(loaded).licence.holder;
  const auto reference = registry_photo(ctx.store, holder.photo_ref);
  if (!reference) {
    // Nothing to compare with is no match: a face rendered or guessed from the ID number alone
    // could be produced by anyone holding the card.
    spdlog::warn("event=no_reference_photo");
    return json_response(
        200, json{{"match", false}, {"score_permille", 0}, {"reason", "no_reference_photo"}});
  }
  auto result = options_.matcher->match(*capture, *reference);
  if (!result)
    return error_response(422, "invalid_image", std::string(face::to_string(result.error().code)));
  return json_response(200, json{{"match", result->is_match},
                                 {"score_permille", static_cast<int>(result->score * 1000)}});
}

Response DomainServices::create_payment(const Context& ctx, const json& request,
                                        const std::string& key) {
  auto amount = request.find("amount_fen");
  if (amount == request.end() || !amount->is_number_integer())
    return bad_request("amount_fen is required");
  payment::CreateOrder create{new_id("o-"), key, amount->get<std::int64_t>(),
                              string_field(request, "description", 64).value_or("")};
  auto order = payment::create_order(create);
  if (!order) return payment_error(order.error());
  ctx.store.insert_payment(order->order_id, ctx.identity.id, payment::to_json(*order).dump(),
                           ctx.now);
  return json_response(201, order_view(*order));
}

Response DomainServices::charge_payment(const Context& ctx, const std::string& order_id,
                                        const json& request) {
  const auto code = string_field(request, "payment_code", 32);
  if (!code) return bad_request("payment_code is required");
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::string document;
    auto loaded = load_order(ctx.store, ctx, order_id, document);
    if (auto* r = std::get_if<Response>(&loaded)) return *r;
    auto charged = payment::charge(std::get<payment::Order>(loaded), *code, options_.outcomes);
    if (!charged) return payment_error(charged.error());
    if (ctx.store.update_payment(order_id, document, payment::to_json(charged->order).dump(),
                                 ctx.now)) {
      auto view = order_view(charged->order);
      view["outcome"] = payment::to_string(charged->outcome);
      return json_response(200, view);
    }
  }
  return error_response(409, "conflict", "the order changed concurrently; retry");
}

Response DomainServices::get_payment(const Context& ctx, const std::string& order_id) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::string document;
    auto loaded = load_order(ctx.store, ctx, order_id, document);
    if (auto* r = std::get_if<Response>(&loaded)) return *r;
    auto& order = std::get<payment::Order>(loaded);
    if (order.state != payment::OrderState::unknown) return json_response(200, order_view(order));
    // A timed-out charge: ask the acquirer (the simulator resolves it) and keep the answer.
    auto resolved = payment::query(order);
    if (!resolved) return payment_error(resolved.error());
    if (ctx.store.update_payment(order_id, document, payment::to_json(*resolved).dump(), ctx.now)) {
      return json_response(200, order_view(*resolved));
    }
  }
  return error_response(409, "conflict", "the order changed concurrently; retry");
}

Response DomainServices::cancel_payment(const Context& ctx, const std::string& order_id,
                                        const json&) {
  // Conditional on the document read: a charge that commits first wins, and a charge that
  // commits after finds the order cancelled (not_chargeable). Cancelled already: answered again.
  return change_order(ctx, order_id, [](const payment::Order& order) {
    return order.state == payment::OrderState::cancelled ? payment::Result<payment::Order>(order)
                                                         : payment::cancel(order);
  });
}

Response DomainServices::refund_payment(const Context& ctx, const std::string& order_id,
                                        const json&) {
  const Response refunded = change_order(ctx, order_id, &payment::refund);
  // The card this order paid for will not be printed: its authorisation is voided, so it
  // cannot be printed, re-issued or counted as a reserved card any more. A card already
  // delivered stays delivered (reconcile reports the pair).
  if (refunded.status == 200) void_authorisation_of(ctx, order_id);
  return refunded;
}

Response DomainServices::authorise_issuance(const Context& ctx, const json& request) {
  auto asked = licence_and_service(ctx.store, request);
  if (auto* r = std::get_if<Response>(&asked)) return *r;
  const auto& [id_number, service, current] = std::get<LicenceAndService>(asked);
  const auto today = shanghai_today(ctx.now);
  const auto decision =
      registry::decide(current.licence, service, today, current_policy(ctx.store));
  if (!decision.eligible) {
    return json_response(409, json{{"error",
                                    {{"code", "not_eligible"},
                                     {"message", "the licence is not eligible for this service"}}},
                                   {"decision", registry::to_json(decision)}});
  }
  if (decision.fee_fen > 0) {
    // No card without a captured payment of the fee, by this kiosk.
    const auto order_id = string_field(request, "order_id", 64);
    std::string document;
    if (!order_id)
      return error_response(402, "payment_required", "order_id of a paid order is required");
    auto order = load_order(ctx.store, ctx, *order_id, document);
    if (std::holds_alternative<Response>(order) ||
        std::get<payment::Order>(order).state != payment::OrderState::paid ||
        std::get<payment::Order>(order).amount_fen != decision.fee_fen) {
      return error_response(402, "payment_required",
                            "the order is not paid for the fee of this service");
    }
  }
  // A paid order pays for one authorisation only: consumed atomically through the
  // idempotency table (scope "issuance.order"), released again if this authorisation fails.
  std::optional<std::string> consumed_order;
  if (decision.fee_fen > 0) {
    consumed_order = request["order_id"].get<std::string>();
    const auto claim =
        ctx.store.claim_idempotency(ctx.identity.id, "issuance.order", *consumed_order,
                                    protocol::sha256_hex(id_number), ctx.now, INT64_MAX / 4);
    if (claim.status != store::IdempotencyClaim::Status::claimed) {
      return error_response(409, "conflict", "this payment order already paid for an issuance");
    }
  }
  auto fail = [&](Response r) {
    if (consumed_order)
      ctx.store.release_idempotency(ctx.identity.id, "issuance.order", *consumed_order);
    return r;
  };
  registry::IssuanceRequest issue{new_id("a-"), ctx.identity.id, rfc3339(ctx.now), today};
  auto authorisation = registry::authorise_issuance(current.licence, decision, issue);
  if (!authorisation) {
    return fail(error_response(409, "not_eligible",
                               std::string(registry::to_string(authorisation.error().code))));
  }
  auto signed_auth = registry::sign_authorisation(*authorisation, options_.office.key);
  if (!signed_auth)
    return fail(error_response(500, "internal", "signing the authorisation failed"));
  // The registry record moves on now: a second authorisation for the same renewal is refused
  // (no card printed twice); a spoiled card is re-printed under this same authorisation.
  const auto updated =
      registry::to_json(registry::apply_issuance(current.licence, *authorisation)).dump();
  if (!ctx.store.update_citizen(id_number, current.json_text, updated)) {
    return fail(error_response(409, "conflict", "the registry record changed concurrently; retry"));
  }
  if (consumed_order) {
    ctx.store.complete_idempotency(ctx.identity.id, "issuance.order", *consumed_order, 201,
                                   authorisation->authorisation_id);
  }
  const json signed_json = protocol::to_json(*signed_auth);
  ctx.store.insert_issuance(store::IssuanceRow{
      authorisation->authorisation_id, ctx.identity.id, id_number,
      std::string(store::issuance_state::reserved), signed_json.dump(), ctx.now});
  // A refund that committed between the payment check above and this row found nothing to
  // void: read the order once more, now that the row exists.
  if (consumed_order) {
    std::string document;
    auto now = load_order(ctx.store, ctx, *consumed_order, document);
    if (const auto* o = std::get_if<payment::Order>(&now);
        o && o->state == payment::OrderState::refunded)
      void_authorisation_of(ctx, *consumed_order);
  }
  return json_response(
      201, json{{"authorisation", protocol::to_json(*authorisation)}, {"signed", signed_json}});
}

Response DomainServices::reissue_elicence(const Context& ctx, const json& request) {
  const auto authorisation_id = string_field(request, "authorisation_id", 64);
  if (!authorisation_id) return bad_request("authorisation_id is required");
  auto row = ctx.store.issuance(*authorisation_id);
  if (!row || row->kiosk_id != ctx.identity.id)
    return error_response(404, "not_found", "no such authorisation");
  if (row->state == store::issuance_state::voided)
    return error_response(409, "authorisation_voided",
                          "the authorisation is voided (its payment was refunded)");
  const json stored = json::parse(row->document, nullptr, false);
  if (stored.is_object() && stored.value("purged", false)) {
    // Past retention the authorisation's personal data is gone: nothing to reissue from.
    return error_response(store::kPurgedAnswerStatus, "answer_purged",
                          "this authorisation is past its retention and was purged");
  }
  auto signed_auth = protocol::signed_authorisation_from_json(stored);
  if (!signed_auth) return error_response(500, "internal", "stored authorisation unreadable");
  auto authorisation = protocol::verify_authorisation(*signed_auth, options_.office.cert);
  if (!authorisation)
    return error_response(500, "internal", "stored authorisation does not verify");
  const auto record =
      registry::reissue_electronic_licence(*authorisation, new_id("e-"), rfc3339(ctx.now));
  const json j = registry::to_json(record);
  ctx.store.put_elicence_reissue(record.reissue_id, record.authorisation_id, j.dump(), ctx.now);
  // The kiosk asks for the e-licence only once the card is handed out: the card is delivered.
  (void)ctx.store.set_issuance_state(*authorisation_id,
                                     std::string(store::issuance_state::reserved),
                                     std::string(store::issuance_state::delivered));
  return json_response(201, j);
}

Response DomainServices::config(const Context& ctx, std::optional<std::int64_t> have) {
  auto latest = ctx.store.latest_config();
  if (!latest) return error_response(404, "not_found", "no configuration has been published");
  if (have && *have >= latest->first) return Response{304, {}};
  return Response{200, latest->second};
}

}  // namespace kiosk::central::server
