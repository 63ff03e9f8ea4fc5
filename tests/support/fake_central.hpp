#pragma once
// In-memory CentralPort for tests: a registry that answers like central's domain routes
// (eligibility decisions, face match, payment orders with approved / declined / timeout
// outcomes, issuance authorisations one per paid order, e-licence re-issue), idempotent by
// key, with switches for "central down" (per call or all) and counters for the invariants.

#include <map>
#include <mutex>
#include <optional>
#include <set>

#include "firmware/engine/ports.hpp"

namespace kiosk::testing {

// The fakes implement the engine's ports and speak its vocabulary.
using namespace engine;

class FakeCentral final : public CentralPort {
 public:
  FakeCentral();

  bool available() override;
  Result<EligibilityDecision> eligibility(const EligibilityRequest& request,
                                          const std::string& key) override;
  Result<FaceMatchResult> face_match(const FaceMatchRequest& request,
                                     const std::string& key) override;
  Result<PaymentOrder> create_payment(const CreatePaymentRequest& request,
                                      const std::string& key) override;
  Result<ChargeResult> charge_payment(const std::string& order_id, const std::string& payment_code,
                                      const std::string& key) override;
  Result<PaymentOrder> payment_status(const std::string& order_id) override;
  Result<PaymentOrder> cancel_payment(const std::string& order_id, const std::string& key) override;
  Result<PaymentOrder> refund(const std::string& order_id, const std::string& key) override;
  Result<IssuanceAuthorisation> authorise_issuance(const IssuanceRequest& request,
                                                   const std::string& key) override;
  Result<ElicenceReissue> reissue_elicence(const std::string& authorisation_id,
                                           const std::string& key) override;

  // ---- test controls ----
  // Call names: "eligibility", "face_match", "create_payment", "charge_payment",
  // "payment_status", "cancel_payment", "refund", "authorise_issuance", "reissue_elicence", or
  // "*" for all.
  void set_down(const std::string& call, std::optional<Errc> error);  // nullopt: back up
  void set_circuit_open(bool open);                                   // available() false
  // The decision for every ID (or one ID): eligible with fee by default.
  void set_decision(EligibilityDecision decision);
  void set_face_match(bool match);
  // What the next charges do; a timeout leaves the order unknown; `resolve_to` ("paid" or
  // "declined") is what payment_status finds after `queries_before_resolved` queries
  // (-1: stays unknown).
  void set_charge_outcome(ChargeOutcome outcome, std::string resolve_to = "paid",
                          int queries_before_resolved = 0);
  void set_charge_outcomes(std::vector<ChargeOutcome> outcomes);  // one per charge, then approved
  // The acquirer's late answer for an unknown order ("paid" | "declined").
  void resolve_order(const std::string& order_id, const std::string& state);
  // Charges that reach central but whose answer is lost (the kiosk sees a timeout): the
  // order stays `created` while the charge is in flight, and the charge commits (paid) on the
  // `land_on_call`-th charge call for that order (a retry under the same key replays it), or
  // when land_late_charges() is called, unless the order was cancelled first. 0: off.
  void set_charges_land_late(int land_on_call);
  void land_late_charges();

  // ---- what happened ----
  struct Order {
    PaymentOrder order;
    int charges = 0;
    int refunds = 0;
    int status_queries = 0;
    int resolve_after = 0;
    std::string resolve_to = "paid";
  };
  std::map<std::string, Order> orders() const;
  int authorisations() const;
  int reissues() const;
  int calls(const std::string& call) const;

 private:
  Result<Done> gate(const std::string& call);
  mutable std::mutex m_;
  std::map<std::string, Errc> down_;
  bool circuit_open_ = false;
  EligibilityDecision decision_;
  bool face_match_ = true;
  ChargeOutcome outcome_ = ChargeOutcome::approved;
  std::vector<ChargeOutcome> outcomes_;
  std::string resolve_to_ = "paid";
  int resolve_after_ = 0;
  int land_on_call_ = 0;
  std::map<std::string, std::string> in_flight_;  // order -> the key of its lost charge
  std::map<std::string, Order> orders_;
  std::map<std::string, std::string> order_by_key_;
  std::map<std::string, ChargeResult> charge_by_key_;
  std::map<std::string, IssuanceAuthorisation> issuance_by_key_;
  std::set<std::string> orders_used_;
  std::map<std::string, ElicenceReissue> reissue_by_key_;
  int authorisations_ = 0;
  int reissues_ = 0;
  int next_id_ = 1;
  std::map<std::string, int> calls_;
};

}  // namespace kiosk::testing
