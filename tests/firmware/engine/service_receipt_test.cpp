#include "firmware/engine/service_receipt.hpp"

#include <catch2/catch.hpp>

#include "drivers/receipt_printer/receipt_printer_codec.hpp"

using namespace kiosk;

namespace {

std::string all_text(const hal::Receipt& r) {
  std::string out;
  for (const auto& e : r.elements) {
    if (const auto* t = std::get_if<hal::ReceiptText>(&e)) out += t->text + "\n";
    if (const auto* q = std::get_if<hal::ReceiptQr>(&e)) out += q->data + "\n";
  }
  return out;
}

engine::ServiceReceiptData renewal() {
  engine::ServiceReceiptData d;
  d.service = "renewal";
  d.kiosk_id = "kiosk-dev-001";
  d.txn_id = "tx-0123456789abcdef0123456789abcdef";
  d.at = std::chrono::system_clock::now();
  d.card_serial = "C00000001";
  d.authorisation_id = "a-42";
  d.valid_to = "2036-12-29";
  d.paid_fen = 1000;
  d.order_id = "o-7";
  return d;
}

}  // namespace

TEST_CASE(
    "a renewal receipt names the service, the card, the fee and the validity in both languages",
    "[engine][receipt]") {
  const auto text = all_text(engine::make_service_receipt(renewal()));
  CHECK(text.find("驾驶证期满换证 / Licence renewal") != std::string::npos);
  CHECK(text.find("C00000001") != std::string::npos);
  CHECK(text.find("10.00 元") != std::string::npos);
  CHECK(text.find("2036-12-29") != std::string::npos);
  CHECK(text.find("o-7") != std::string::npos);
  CHECK(text.find("a-42") != std::string::npos);
}

TEST_CASE("a free service says so and shows no order", "[engine][receipt]") {
  auto d = renewal();
  d.paid_fen = 0;
  d.order_id.clear();
  const auto text = all_text(engine::make_service_receipt(d));
  CHECK(text.find("免费 Free") != std::string::npos);
  CHECK(text.find("Order") == std::string::npos);
}

TEST_CASE("every service receipt encodes to ESC/POS", "[engine][receipt]") {
  for (const char* service : {"renewal", "replace_lost", "replace_damaged", "info_query"}) {
    auto d = renewal();
    d.service = service;
    auto encoded = drivers::receipt_printer::encode_receipt(engine::make_service_receipt(d));
    CHECK(encoded.ok());
  }
}

TEST_CASE("fees are printed in yuan with two decimals", "[engine][receipt]") {
  CHECK(engine::format_fen(1000) == "10.00 元");
  CHECK(engine::format_fen(5) == "0.05 元");
  CHECK(engine::format_fen(12345) == "123.45 元");
}
