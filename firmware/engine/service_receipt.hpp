#pragma once
// The receipt a citizen takes home after a service: bilingual labels, what was done, what was
// paid, where to verify it. It carries no personal data beyond what the citizen already holds
// (no name, no ID number): a lost receipt must not identify anyone.

#include <chrono>
#include <cstdint>
#include <string>

#include "hal/receipt_printer.hpp"

namespace kiosk::engine {

struct ServiceReceiptData {
  std::string service;  // "renewal", "replace_lost", "replace_damaged", "info_query"
  std::string kiosk_id;
  std::string txn_id;
  std::chrono::system_clock::time_point at;
  std::string card_serial;
  std::string authorisation_id;
  std::string valid_to;  // the new licence's expiry ("2036-12-29" or "long-term"), if known
  std::int64_t paid_fen = 0;
  std::string order_id;
};

hal::Receipt make_service_receipt(const ServiceReceiptData& data);

// The text of the receipt's verification QR ("kiosk24:auth/<authorisation id>"); "" when the
// receipt has none (no authorisation). The end screen shows the same text (data.receipt_qr).
std::string receipt_qr(const ServiceReceiptData& data);

// "驾驶证期满换证 / Licence renewal" for the service names above; the raw name otherwise.
std::string service_title(const std::string& service);
// 1000 -> "10.00 元"
std::string format_fen(std::int64_t fen);

}  // namespace kiosk::engine
