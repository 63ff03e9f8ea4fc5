#include "tests/support/fake_central.hpp"

namespace kiosk::testing {

namespace {
Error rejected(std::string code, int status) {
  Error e = make_error(Errc::rejected, std::move(code));
  e.http_status = status;
  return e;
}
}  // namespace

FakeCentral::FakeCentral() {
  decision_.eligible = true;
  decision_.fee_fen = 1000;
  decision_.new_valid_from = "2027-01-10";
  decision_.new_valid_to = "2037-01-10";
  decision_.new_term = "ten_years";
  decision_.licence =
      LicenceSummary{"测试一", "110100000001", "C1", "2021-01-10", "2027-01-10", "valid", 0};
}

Result<Done> FakeCentral::gate(const std::string& call) {
  ++calls_[call];
  auto it = down_.find(call);
  if (it == down_.end()) it = down_.find("*");
  if (it != down_.end()) return make_error(it->second, "central_down");
  return Done{};
}

bool FakeCentral::available() {
  std::lock_guard lock(m_);
  return !circuit_open_;
}

Result<EligibilityDecision> FakeCentral::eligibility(const EligibilityRequest& request,
                                                     const std::string&) {
  std::lock_guard lock(m_);
  if (auto g = gate("eligibility"); !g.ok()) return g.error();
  if (request.id_number.empty()) return rejected("not_found", 404);
  EligibilityDecision d = decision_;
  if (request.service == "info_query") {
    d.eligible = true;
    d.reasons.clear();
    d.fee_fen = 0;
  }
  d.requires_card_return = request.service == "replace_damaged";
  return d;
}

Result<FaceMatchResult> FakeCentral::face_match(const FaceMatchRequest& request,
                                                const std::string&) {
  std::lock_guard lock(m_);
  if (auto g = gate("face_match"); !g.ok()) return g.error();
  if (request.capture.empty()) return rejected("invalid_image", 422);
  return FaceMatchResult{face_match_, face_match_ ? 912 : 143};
}

Result<PaymentOrder> FakeCentral::create_payment(const CreatePaymentRequest& request,
                                                 const std::string& key) {
  std::lock_guard lock(m_);
  if (auto g = gate("create_payment"); !g.ok()) return g.error();
  if (auto it = order_by_key_.find(key); it != order_by_key_.end())
    return orders_.at(it->second).order;
  if (request.amount_fen <= 0) return rejected("invalid_amount", 400);
  Order o;
  o.order.order_id = "ord-" + std::to_string(next_id_++);
  o.order.amount_fen = request.amount_fen;
  o.order.state = "created";
  o.order.qr =
      "kiosk24pay://order/" + o.order.order_id + "?amount=" + std::to_string(request.amount_fen);
  orders_[o.order.order_id] = o;
  order_by_key_[key] = o.order.order_id;
  return o.order;
}

Result<ChargeResult> FakeCentral::charge_payment(const std::string& order_id,
                                                 const std::string& code, const std::string& key) {
  std::lock_guard lock(m_);
  if (auto g = gate("charge_payment"); !g.ok()) return g.error();
  if (auto it = charge_by_key_.find(key); it != charge_by_key_.end()) return it->second;
  auto it = orders_.find(order_id);
  if (it == orders_.end()) return rejected("not_found", 404);
  if (code.empty()) return rejected("invalid_payment_code", 422);
  Order& o = it->second;
  if (land_on_call_ > 0 && o.order.state == "created") {
    // The charge is in flight at central: its answer is lost until it lands.
    in_flight_.emplace(order_id, key);
    if (++o.charges < land_on_call_) return make_error(Errc::timeout, "charge_in_flight");
    in_flight_.erase(order_id);
    o.order.state = "paid";
    ChargeResult r{o.order, ChargeOutcome::approved};
    charge_by_key_[key] = r;
    return r;
  }
  if (o.order.state != "created") return rejected("not_chargeable", 409);
  ChargeOutcome outcome = outcome_;
  if (!outcomes_.empty()) {
    outcome = outcomes_.front();
    outcomes_.erase(outcomes_.begin());
  }
  ++o.charges;
  if (outcome == ChargeOutcome::approved) o.order.state = "paid";
  if (outcome == ChargeOutcome::declined) {
    o.order.state = "declined";
    o.order.decline_reason = "insufficient_funds";
  }
  if (outcome == ChargeOutcome::timeout) {
    o.order.state = "unknown";
    o.resolve_to = resolve_to_;
    o.resolve_after = resolve_after_;
  }
  ChargeResult r{o.order, outcome};
  charge_by_key_[key] = r;
  return r;
}

Result<PaymentOrder> FakeCentral::payment_status(const std::string& order_id) {
  std::lock_guard lock(m_);
  if (auto g = gate("payment_status"); !g.ok()) return g.error();
  auto it = orders_.find(order_id);
  if (it == orders_.end()) return rejected("not_found", 404);
  Order& o = it->second;
  if (o.order.state == "unknown") {
    if (o.resolve_after >= 0 && o.status_queries >= o.resolve_after) {
      o.order.state = o.resolve_to;
      if (o.resolve_to == "declined") o.order.decline_reason = "acquirer_timeout";
    }
    ++o.status_queries;
  }
  return o.order;
}

Result<PaymentOrder> FakeCentral::cancel_payment(const std::string& order_id, const std::string&) {
  std::lock_guard lock(m_);
  if (auto g = gate("cancel_payment"); !g.ok()) return g.error();
  auto it = orders_.find(order_id);
  if (it == orders_.end()) return rejected("not_found", 404);
  Order& o = it->second;
  if (o.order.state == "cancelled") return o.order;
  if (o.order.state != "created") return rejected("not_chargeable", 409);
  o.order.state = "cancelled";
  in_flight_.erase(order_id);  // the charge in flight can no longer commit
  return o.order;
}

void FakeCentral::set_charges_land_late(int land_on_call) {
  std::lock_guard lock(m_);
  land_on_call_ = land_on_call;
}

void FakeCentral::land_late_charges() {
  std::lock_guard lock(m_);
  for (const auto& [order_id, key] : in_flight_) {
    Order& o = orders_.at(order_id);
    if (o.order.state != "created") continue;
    o.order.state = "paid";
    charge_by_key_[key] = ChargeResult{o.order, ChargeOutcome::approved};
  }
  in_flight_.clear();
}

Result<PaymentOrder> FakeCentral::refund(const std::string& order_id, const std::string&) {
  std::lock_guard lock(m_);
  if (auto g = gate("refund"); !g.ok()) return g.error();
  auto it = orders_.find(order_id);
  if (it == orders_.end()) return rejected("not_found", 404);
  Order& o = it->second;
  if (o.order.state == "refunded") return o.order;  // idempotent
  if (o.order.state != "paid") return rejected("not_captured", 409);
  o.order.state = "refunded";
  ++o.refunds;
  return o.order;
}

Result<IssuanceAuthorisation> FakeCentral::authorise_issuance(const IssuanceRequest& request,
                                                              const std::string& key) {
  std::lock_guard lock(m_);
  if (auto g = gate("authorise_issuance"); !g.ok()) return g.error();
  if (auto it = issuance_by_key_.find(key); it != issuance_by_key_.end()) return it->second;
  if (!decision_.eligible && request.service != "info_query") return rejected("not_eligible", 409);
  if (decision_.fee_fen > 0) {
    auto it = orders_.find(request.order_id);
    if (it == orders_.end() || it->second.order.state != "paid")
      return rejected("payment_required", 402);
    if (orders_used_.count(request.order_id) != 0) return rejected("order_already_used", 409);
    orders_used_.insert(request.order_id);
  }
  IssuanceAuthorisation a;
  a.authorisation_id = "auth-" + std::to_string(next_id_++);
  a.card = {{"name", decision_.licence.holder_name},
            {"classes", decision_.licence.classes},
            {"valid_from", decision_.new_valid_from},
            {"valid_to", decision_.new_valid_to}};
  a.payload = a.card.dump();
  a.signature = "c2lnbmF0dXJl";
  ++authorisations_;
  issuance_by_key_[key] = a;
  return a;
}

Result<ElicenceReissue> FakeCentral::reissue_elicence(const std::string& authorisation_id,
                                                      const std::string& key) {
  std::lock_guard lock(m_);
  if (auto g = gate("reissue_elicence"); !g.ok()) return g.error();
  if (auto it = reissue_by_key_.find(key); it != reissue_by_key_.end()) return it->second;
  if (authorisation_id.empty()) return rejected("not_found", 404);
  ElicenceReissue r{"re-" + std::to_string(next_id_++)};
  ++reissues_;
  reissue_by_key_[key] = r;
  return r;
}

void FakeCentral::set_down(const std::string& call, std::optional<Errc> error) {
  std::lock_guard lock(m_);
  if (error)
    down_[call] = *error;
  else
    down_.erase(call);
}

void FakeCentral::set_circuit_open(bool open) {
  std::lock_guard lock(m_);
  circuit_open_ = open;
}

void FakeCentral::set_decision(EligibilityDecision decision) {
  std::lock_guard lock(m_);
  decision_ = std::move(decision);
}

void FakeCentral::set_face_match(bool match) {
  std::lock_guard lock(m_);
  face_match_ = match;
}

void FakeCentral::set_charge_outcome(ChargeOutcome outcome, std::string resolve_to,
                                     int queries_before_resolved) {
  std::lock_guard lock(m_);
  outcome_ = outcome;
  resolve_to_ = std::move(resolve_to);
  resolve_after_ = queries_before_resolved;
}

void FakeCentral::set_charge_outcomes(std::vector<ChargeOutcome> outcomes) {
  std::lock_guard lock(m_);
  outcomes_ = std::move(outcomes);
  outcome_ = ChargeOutcome::approved;
}

void FakeCentral::resolve_order(const std::string& order_id, const std::string& state) {
  std::lock_guard lock(m_);
  auto it = orders_.find(order_id);
  if (it != orders_.end() && it->second.order.state == "unknown") it->second.order.state = state;
}

std::map<std::string, FakeCentral::Order> FakeCentral::orders() const {
  std::lock_guard lock(m_);
  return orders_;
}

int FakeCentral::authorisations() const {
  std::lock_guard lock(m_);
  return authorisations_;
}

int FakeCentral::reissues() const {
  std::lock_guard lock(m_);
  return reissues_;
}

int FakeCentral::calls(const std::string& call) const {
  std::lock_guard lock(m_);
  auto it = calls_.find(call);
  return it == calls_.end() ? 0 : it->second;
}

}  // namespace kiosk::testing
