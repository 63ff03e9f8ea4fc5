#pragma once
// The engine's ports implemented over kioskd's real components:
//   JournalAdapter  engine::JournalPort  over journal::Journal
//   CentralAdapter  engine::CentralPort  over sync::CentralClient (mutual TLS to central)
//   LicenceCardRenderer engine::CardRenderer over card_layout::render_licence
// All are thread-safe as their underlying components are.
#include "firmware/card_layout/licence_layout.hpp"
#include "firmware/engine/ports.hpp"
#include "firmware/journal/journal.hpp"
#include "firmware/sync/central_client.hpp"

namespace kiosk::kioskd {

class JournalAdapter final : public engine::JournalPort {
 public:
  explicit JournalAdapter(journal::Journal& j) : j_(j) {}
  engine::Result<std::string> begin_transaction(const std::string& service) override;
  engine::Result<std::uint64_t> record_step(const std::string& txn,
                                            const engine::StepRecord& step) override;
  engine::Result<engine::Done> finish_transaction(const std::string& txn,
                                                  engine::Outcome outcome) override;
  engine::Result<std::vector<engine::TransactionSummary>> unfinished_transactions() override;
  engine::Result<engine::TransactionDetail> transaction(const std::string& txn) override;
  engine::Result<std::string> reserve_card(const std::string& txn) override;
  engine::Result<std::optional<std::string>> reserved_card(const std::string& txn) override;
  engine::Result<engine::Done> record_card_outcome(const std::string& serial,
                                                   engine::CardOutcome outcome,
                                                   const std::string& reason) override;
  engine::Result<engine::StockCounts> stock_counts() override;
  engine::Result<std::uint64_t> append_event(const std::string& type,
                                             const nlohmann::json& payload) override;
  engine::Result<engine::Done> audit(const std::string& actor, const std::string& action,
                                     const nlohmann::json& details) override;
  engine::Result<std::optional<std::string>> get_setting(const std::string& key) override;
  engine::Result<engine::Done> set_setting(const std::string& key,
                                           const std::string& value) override;

 private:
  journal::Journal& j_;
};

class CentralAdapter final : public engine::CentralPort {
 public:
  explicit CentralAdapter(sync::CentralClient& c) : c_(c) {}
  bool available() override;
  engine::Result<engine::EligibilityDecision> eligibility(const engine::EligibilityRequest& request,
                                                          const std::string& key) override;
  engine::Result<engine::FaceMatchResult> face_match(const engine::FaceMatchRequest& request,
                                                     const std::string& key) override;
  engine::Result<engine::PaymentOrder> create_payment(const engine::CreatePaymentRequest& request,
                                                      const std::string& key) override;
  engine::Result<engine::ChargeResult> charge_payment(const std::string& order_id,
                                                      const std::string& payment_code,
                                                      const std::string& key) override;
  engine::Result<engine::PaymentOrder> payment_status(const std::string& order_id) override;
  engine::Result<engine::PaymentOrder> cancel_payment(const std::string& order_id,
                                                      const std::string& key) override;
  engine::Result<engine::PaymentOrder> refund(const std::string& order_id,
                                              const std::string& key) override;
  engine::Result<engine::IssuanceAuthorisation> authorise_issuance(
      const engine::IssuanceRequest& request, const std::string& key) override;
  engine::Result<engine::ElicenceReissue> reissue_elicence(const std::string& authorisation_id,
                                                           const std::string& key) override;

 private:
  sync::CentralClient& c_;
};

// Office-signed card data (registry issuance "card" JSON) -> card_layout::LicenceData.
// nullopt when a field is missing or of the wrong type.
std::optional<card_layout::LicenceData> licence_data_from_card(const nlohmann::json& card);

class LicenceCardRenderer final : public engine::CardRenderer {
 public:
  engine::Result<hal::CardJob> render(const engine::CardIssueData& data,
                                      const hal::RgbImage& photo) override;
};

}  // namespace kiosk::kioskd
