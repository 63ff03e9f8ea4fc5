#pragma once
// Reconciliation of what central holds per kiosk: payment orders, issuance authorisations,
// refunds and cards (the kiosk's journal as synced), and the card stock against the kiosk's
// printer counter. Each discrepancy names what to do about it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "central/store/store.hpp"

namespace kiosk::central::reconcile {

struct Discrepancy {
  // paid_without_card_or_refund | several_cards_one_authorisation |
  // several_charges_one_authorisation | refund_not_voided | card_without_payment |
  // card_stock_negative | card_stock_counter_mismatch
  std::string kind;
  std::string subject;  // the order, authorisation or kiosk it is about
  std::string detail;   // what was found
  std::string action;   // what to do
};

// The kiosk's last "stock.reconciled" report: its printer counter against its own ledger.
struct CounterReport {
  std::int64_t printer_counter = 0;
  std::int64_t printer_counter_base = 0;
  std::int64_t consumed = 0;
  std::int64_t reserved = 0;
};

struct KioskReport {
  std::string kiosk_id;
  store::CardStockRow stock;  // from the synced card events
  std::optional<CounterReport> counter;
  std::int64_t orders = 0, paid = 0, refunded = 0, authorisations = 0, cards_issued = 0;
  std::vector<Discrepancy> discrepancies;
};

// Every kiosk central knows of (kiosks, orders, authorisations or events), sorted by id.
std::vector<KioskReport> reconcile_all(store::Store& store);

nlohmann::json to_json(const std::vector<KioskReport>& reports);

}  // namespace kiosk::central::reconcile
