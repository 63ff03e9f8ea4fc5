#include "firmware/engine/service_receipt.hpp"

#include <ctime>

#include "drivers/receipt_printer/receipt_layout.hpp"

namespace kiosk::engine {

using drivers::receipt_printer::big;
using drivers::receipt_printer::pair;
using drivers::receipt_printer::rule;
using drivers::receipt_printer::text;

std::string service_title(const std::string& service) {
  if (service == "renewal") return "驾驶证期满换证 / Licence renewal";
  if (service == "replace_lost") return "遗失补证 / Lost licence replaced";
  if (service == "replace_damaged") return "损毁换证 / Damaged licence replaced";
  if (service == "info_query") return "驾驶证信息查询 / Licence query";
  return service;
}

std::string format_fen(std::int64_t fen) {
  const std::int64_t abs = fen < 0 ? -fen : fen;
  std::string cents = std::to_string(abs % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  return std::string(fen < 0 ? "-" : "") + std::to_string(abs / 100) + "." + cents + " 元";
}

namespace {

// Local time, as the citizen reads the kiosk's clock.
std::string local_time(std::chrono::system_clock::time_point at) {
  const std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

}  // namespace

std::string receipt_qr(const ServiceReceiptData& d) {
  return d.authorisation_id.empty() ? std::string() : "kiosk24:auth/" + d.authorisation_id;
}

hal::Receipt make_service_receipt(const ServiceReceiptData& d) {
  hal::Receipt r;
  auto& e = r.elements;
  e.emplace_back(big("车管所自助服务"));
  e.emplace_back(text("Vehicle Administration Self-Service", hal::Align::center));
  e.emplace_back(text("业务凭条 / Transaction Receipt", hal::Align::center, true));
  e.emplace_back(rule('='));
  e.emplace_back(pair("终端 Kiosk", d.kiosk_id));
  e.emplace_back(pair("时间 Time", local_time(d.at)));
  e.emplace_back(text("流水号 Txn No."));
  e.emplace_back(text(d.txn_id, hal::Align::right));
  e.emplace_back(rule());
  e.emplace_back(text("业务 Service", hal::Align::left, true));
  e.emplace_back(text("  " + service_title(d.service)));
  if (!d.card_serial.empty()) e.emplace_back(pair("卡片编号 Card No.", d.card_serial));
  if (!d.valid_to.empty()) {
    e.emplace_back(
        pair("有效期至 Valid to", d.valid_to == "long-term" ? "长期 long-term" : d.valid_to));
  }
  e.emplace_back(rule());
  if (d.paid_fen > 0) {
    e.emplace_back(pair("工本费 Fee", format_fen(d.paid_fen)));
    e.emplace_back(pair("支付状态 Status", "已支付 Paid"));
    e.emplace_back(text("订单号 Order No."));
    e.emplace_back(text(d.order_id, hal::Align::right));
  } else {
    e.emplace_back(pair("工本费 Fee", "免费 Free"));
  }
  e.emplace_back(rule());
  if (const std::string qr = receipt_qr(d); !qr.empty()) {
    e.emplace_back(hal::ReceiptQr{qr, 6, hal::Align::center});
    e.emplace_back(text("扫码核验 Scan to verify", hal::Align::center));
  }
  e.emplace_back(hal::ReceiptFeed{1});
  e.emplace_back(text("请妥善保管本凭条", hal::Align::center));
  e.emplace_back(text("Please keep this receipt.", hal::Align::center));
  return r;
}

}  // namespace kiosk::engine
