#include "firmware/kioskd/engine_adapters.hpp"

#include "protocol/image/png.hpp"

namespace kiosk::kioskd {
namespace {

using nlohmann::json;

engine::Error from_journal(const journal::Error& e) {
  engine::Errc code = engine::Errc::storage;
  switch (e.code) {
    case journal::Errc::disk_full:
      code = engine::Errc::disk_full;
      break;
    case journal::Errc::stock_empty:
      code = engine::Errc::stock_empty;
      break;
    case journal::Errc::not_found:
      code = engine::Errc::not_found;
      break;
    default:
      break;
  }
  return engine::make_error(code, journal::to_string(e.code), e.message);
}

engine::Error from_sync(const sync::SyncError& e) {
  engine::Errc code = engine::Errc::unreachable;
  switch (e.code) {
    case sync::Errc::timeout:
      code = engine::Errc::timeout;
      break;
    case sync::Errc::circuit_open:
      code = engine::Errc::circuit_open;
      break;
    case sync::Errc::rejected: {
      // "Still in progress" is no answer yet: the outcome is unknown, as after a timeout, and
      // the engine asks again under the same key.
      if (e.retryable()) {
        code = engine::Errc::timeout;
        break;
      }
      engine::Error out = engine::make_error(
          engine::Errc::rejected, e.api_code.empty() ? "rejected" : e.api_code, e.message);
      out.http_status = e.http_status;
      return out;
    }
    // A 5xx or an unreadable 2xx: the office may or may not have acted. Unknown outcome:
    // the engine retries with the same idempotency key or queries.
    case sync::Errc::server:
    case sync::Errc::invalid_response:
      code = engine::Errc::timeout;
      break;
    default:
      break;
  }
  return engine::make_error(code, std::string(sync::to_string(e.code)), e.message);
}

journal::Phase to_journal(engine::Phase p) {
  switch (p) {
    case engine::Phase::intent:
      return journal::Phase::intent;
    case engine::Phase::done:
      return journal::Phase::done;
    case engine::Phase::failed:
      return journal::Phase::failed;
    case engine::Phase::compensated:
      return journal::Phase::compensated;
  }
  return journal::Phase::intent;
}
engine::Phase to_engine(journal::Phase p) {
  switch (p) {
    case journal::Phase::intent:
      return engine::Phase::intent;
    case journal::Phase::done:
      return engine::Phase::done;
    case journal::Phase::failed:
      return engine::Phase::failed;
    case journal::Phase::compensated:
      return engine::Phase::compensated;
  }
  return engine::Phase::intent;
}

// The journal stores names; the engine decides on typed steps and outcomes. A name the engine
// does not know is a storage error: it never guesses what a record it cannot read means.
engine::Error unknown_name(const char* what, const std::string& name) {
  return engine::make_error(engine::Errc::storage, std::string("unknown_") + what,
                            std::string("journal holds an unknown ") + what + ": " + name);
}

engine::Result<engine::TransactionSummary> summary(const journal::TransactionSummary& s) {
  engine::TransactionSummary out;
  out.id = s.id;
  out.service = s.service;
  out.finished = s.finished_at.has_value();
  if (s.outcome && !s.outcome->empty()) {
    out.outcome = engine::outcome_from_string(*s.outcome);
    if (!out.outcome) return unknown_name("outcome", *s.outcome);
  }
  return out;
}

engine::PaymentOrder order(const sync::PaymentView& v) {
  engine::PaymentOrder o;
  o.order_id = v.order_id;
  o.amount_fen = v.amount_fen;
  o.state = v.state;
  o.qr = v.qr;
  if (v.order.is_object() && v.order.contains("decline_reason") &&
      v.order["decline_reason"].is_string())
    o.decline_reason = v.order["decline_reason"].get<std::string>();
  return o;
}

std::string str(const json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

std::string joined_classes(const json& classes) {
  std::string out;
  if (classes.is_array())
    for (const auto& c : classes)
      if (c.is_string()) out += c.get<std::string>();
  return out;
}

}  // namespace

// ---- journal ---------------------------------------------------------------------------

engine::Result<std::string> JournalAdapter::begin_transaction(const std::string& service) {
  auto r = j_.begin_transaction(service);
  if (!r) return from_journal(r.error());
  return r.value();
}

engine::Result<std::uint64_t> JournalAdapter::record_step(const std::string& txn,
                                                          const engine::StepRecord& step) {
  journal::StepRecord s;
  s.step = std::string(engine::to_string(step.step));
  s.phase = to_journal(step.phase);
  s.data = step.data;
  s.personal = step.personal;
  s.idempotency_key = step.idempotency_key;
  auto r = j_.record_step(txn, s);
  if (!r) return from_journal(r.error());
  return r.value();
}

engine::Result<engine::Done> JournalAdapter::finish_transaction(const std::string& txn,
                                                                engine::Outcome outcome) {
  auto r = j_.finish_transaction(txn, std::string(engine::to_string(outcome)));
  if (!r) return from_journal(r.error());
  return engine::Done{};
}

engine::Result<std::vector<engine::TransactionSummary>> JournalAdapter::unfinished_transactions() {
  auto r = j_.unfinished_transactions();
  if (!r) return from_journal(r.error());
  std::vector<engine::TransactionSummary> out;
  for (const auto& s : r.value()) {
    auto e = summary(s);
    if (!e) return e.error();
    out.push_back(std::move(e.value()));
  }
  return out;
}

engine::Result<engine::TransactionDetail> JournalAdapter::transaction(const std::string& txn) {
  auto r = j_.transaction(txn);
  if (!r) return from_journal(r.error());
  engine::TransactionDetail d;
  auto sum = summary(r.value().summary);
  if (!sum) return sum.error();
  d.summary = std::move(sum.value());
  for (const auto& s : r.value().steps) {
    engine::StepRecord e;
    const auto step = engine::step_from_string(s.step);
    if (!step) return unknown_name("step", s.step);
    e.step = *step;
    e.phase = to_engine(s.phase);
    e.data = s.data;
    e.personal = s.personal;
    e.idempotency_key = s.idempotency_key;
    d.steps.push_back(std::move(e));
  }
  return d;
}

engine::Result<std::string> JournalAdapter::reserve_card(const std::string& txn) {
  auto r = j_.reserve_card(txn);
  if (!r) return from_journal(r.error());
  return r.value();
}

engine::Result<std::optional<std::string>> JournalAdapter::reserved_card(const std::string& txn) {
  auto r = j_.reserved_card(txn);
  if (!r) return from_journal(r.error());
  return r.value();
}

engine::Result<engine::Done> JournalAdapter::record_card_outcome(const std::string& serial,
                                                                 engine::CardOutcome outcome,
                                                                 const std::string& reason) {
  journal::CardOutcome o = journal::CardOutcome::issued;
  if (outcome == engine::CardOutcome::spoiled) o = journal::CardOutcome::spoiled;
  if (outcome == engine::CardOutcome::retained) o = journal::CardOutcome::retained;
  auto r = j_.record_card_outcome(serial, o, reason);
  if (!r) return from_journal(r.error());
  return engine::Done{};
}

engine::Result<engine::StockCounts> JournalAdapter::stock_counts() {
  auto r = j_.stock_counts();
  if (!r) return from_journal(r.error());
  const auto& c = r.value();
  engine::StockCounts out;
  out.loaded = c.loaded;
  out.issued = c.issued;
  out.spoiled = c.spoiled;
  out.retained = c.retained;
  out.reserved = c.reserved;
  out.remaining = c.remaining;
  return out;
}

engine::Result<std::uint64_t> JournalAdapter::append_event(const std::string& type,
                                                           const nlohmann::json& payload) {
  auto r = j_.append_event(type, payload);
  if (!r) return from_journal(r.error());
  return r.value();
}

engine::Result<engine::Done> JournalAdapter::audit(const std::string& actor,
                                                   const std::string& action,
                                                   const nlohmann::json& details) {
  auto r = j_.audit(actor, action, details);
  if (!r) return from_journal(r.error());
  return engine::Done{};
}

engine::Result<std::optional<std::string>> JournalAdapter::get_setting(const std::string& key) {
  auto r = j_.get_setting(key);
  if (!r) return from_journal(r.error());
  return r.value();
}

engine::Result<engine::Done> JournalAdapter::set_setting(const std::string& key,
                                                         const std::string& value) {
  auto r = j_.set_setting(key, value);
  if (!r) return from_journal(r.error());
  return engine::Done{};
}

// ---- central ---------------------------------------------------------------------------

bool CentralAdapter::available() {
  return c_.breaker().state() != sync::CircuitState::open;
}

engine::Result<engine::EligibilityDecision> CentralAdapter::eligibility(
    const engine::EligibilityRequest& request, const std::string& key) {
  auto r =
      c_.eligibility(json{{"id_number", request.id_number}, {"service", request.service}}, key);
  if (!r) return from_sync(r.error());
  const json& body = r.value();
  const json& d = body.at("decision");  // the client checked both are objects
  const json& l = body.at("licence");
  engine::EligibilityDecision out;
  out.eligible = d.value("eligible", false);
  if (d.contains("reasons") && d["reasons"].is_array()) {
    for (const auto& reason : d["reasons"]) {
      if (reason.is_string()) out.reasons.push_back(reason.get<std::string>());
    }
  }
  out.fee_fen = d.value("fee_fen", std::int64_t{0});
  out.requires_card_return = d.value("requires_card_return", false);
  if (d.contains("new_validity") && d["new_validity"].is_object()) {
    out.new_valid_from = str(d["new_validity"], "valid_from");
    out.new_valid_to = str(d["new_validity"], "valid_to");
    out.new_term = str(d["new_validity"], "term");
  }
  out.licence.holder_name = l.contains("holder") ? str(l["holder"], "name") : "";
  out.licence.file_number = str(l, "file_number");
  out.licence.classes = joined_classes(l.value("classes", json::array()));
  if (l.contains("validity")) {
    out.licence.valid_from = str(l["validity"], "valid_from");
    out.licence.valid_to = str(l["validity"], "valid_to");
  }
  out.licence.state = str(l, "state");
  out.licence.points = l.value("points", 0);
  return out;
}

engine::Result<engine::FaceMatchResult> CentralAdapter::face_match(
    const engine::FaceMatchRequest& request, const std::string& key) {
  const auto& capture = request.capture;
  auto png = protocol::encode_png({capture.width, capture.height, capture.pixels});
  if (!png)
    return engine::make_error(engine::Errc::invalid_argument, "capture", "capture not encodable");
  auto r = c_.face_match(request.id_number, png.value(), key);
  if (!r) return from_sync(r.error());
  return engine::FaceMatchResult{r.value().match, r.value().score_permille};
}

engine::Result<engine::PaymentOrder> CentralAdapter::create_payment(
    const engine::CreatePaymentRequest& request, const std::string& key) {
  auto r = c_.create_payment(request.amount_fen, request.description, key);
  if (!r) return from_sync(r.error());
  return order(r.value());
}

engine::Result<engine::ChargeResult> CentralAdapter::charge_payment(const std::string& order_id,
                                                                    const std::string& payment_code,
                                                                    const std::string& key) {
  auto r = c_.charge_payment(order_id, payment_code, key);
  if (!r) return from_sync(r.error());
  engine::ChargeResult out;
  out.order = order(r.value());
  const auto& o = r.value().outcome;
  out.outcome = o == "approved"  ? engine::ChargeOutcome::approved
                : o == "timeout" ? engine::ChargeOutcome::timeout
                                 : engine::ChargeOutcome::declined;
  return out;
}

engine::Result<engine::PaymentOrder> CentralAdapter::payment_status(const std::string& order_id) {
  auto r = c_.payment_status(order_id);
  if (!r) return from_sync(r.error());
  return order(r.value());
}

engine::Result<engine::PaymentOrder> CentralAdapter::cancel_payment(const std::string& order_id,
                                                                    const std::string& key) {
  auto r = c_.cancel_payment(order_id, key);
  if (!r) return from_sync(r.error());
  return order(r.value());
}

engine::Result<engine::PaymentOrder> CentralAdapter::refund(const std::string& order_id,
                                                            const std::string& key) {
  auto r = c_.refund(order_id, key);
  if (!r) return from_sync(r.error());
  return order(r.value());
}

engine::Result<engine::IssuanceAuthorisation> CentralAdapter::authorise_issuance(
    const engine::IssuanceRequest& request, const std::string& key) {
  json body{{"id_number", request.id_number}, {"service", request.service}};
  if (!request.order_id.empty()) body["order_id"] = request.order_id;
  auto r = c_.authorise_issuance(body, key);
  if (!r) return from_sync(r.error());
  engine::IssuanceAuthorisation a;
  a.authorisation_id = r.value().authorisation_id;
  const json& auth = r.value().authorisation;
  if (auth.is_object() && auth.contains("card")) a.card = auth["card"];
  a.payload = str(r.value().signed_authorisation, "payload");
  a.signature = str(r.value().signed_authorisation, "signature");
  return a;
}

engine::Result<engine::ElicenceReissue> CentralAdapter::reissue_elicence(
    const std::string& authorisation_id, const std::string& key) {
  auto r = c_.reissue_elicence(authorisation_id, key);
  if (!r) return from_sync(r.error());
  return engine::ElicenceReissue{str(r.value(), "reissue_id")};
}

// ---- card ------------------------------------------------------------------------------

std::optional<card_layout::LicenceData> licence_data_from_card(const json& card) {
  if (!card.is_object() || !card.contains("holder") || !card["holder"].is_object() ||
      !card.contains("validity") || !card["validity"].is_object())
    return std::nullopt;
  const json& h = card["holder"];
  const json& v = card["validity"];
  card_layout::LicenceData d;
  d.holder_name = str(h, "name");
  const std::string sex = str(h, "sex");
  d.sex = sex == "male" ? "男" : sex == "female" ? "女" : sex;
  const std::string nat = str(h, "nationality");
  d.nationality = nat == "CHN" ? "中国 CHN" : nat;
  d.address = str(h, "address");
  d.birth_date = str(h, "birth_date");
  d.licence_number = str(h, "id_number");
  d.first_issue_date = str(card, "first_issue_date");
  d.vehicle_classes = joined_classes(card.value("classes", json::array()));
  d.valid_from = str(v, "valid_from");
  if (v.contains("valid_to") && v["valid_to"].is_string())
    d.valid_until = v["valid_to"].get<std::string>();
  d.issuing_authority = str(card, "issuing_authority");
  d.file_number = str(card, "file_number");
  return d;
}

engine::Result<hal::CardJob> LicenceCardRenderer::render(const engine::CardIssueData& data,
                                                         const hal::RgbImage& photo) {
  auto d = licence_data_from_card(data.authorisation.card);
  if (!d)
    return engine::make_error(engine::Errc::invalid_argument, "card_data", "card data malformed");
  if (d->address.empty()) d->address = "—";  // foreign residents: no address on the card
  d->records.push_back(d->valid_from + " 自助换证 Kiosk issue");
  auto r = card_layout::render_licence(*d, photo, data.card_serial);
  if (!r)
    return engine::make_error(engine::Errc::invalid_argument, r.error().field, r.error().message);
  return std::move(r).value().job;
}

}  // namespace kiosk::kioskd
