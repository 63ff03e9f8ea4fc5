#include "drivers/receipt_printer/test_receipt.hpp"

#include "drivers/receipt_printer/receipt_layout.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace kiosk::drivers {
using namespace receipt_printer;

hal::Receipt make_test_receipt() {
  hal::Receipt r;
  auto& e = r.elements;
  e.emplace_back(big("打印机自检"));
  e.emplace_back(text("PRINTER SELF-TEST", hal::Align::center, true));
  e.emplace_back(rule('='));
  e.emplace_back(text("Left aligned / 左对齐"));
  e.emplace_back(text("Centered / 居中", hal::Align::center));
  e.emplace_back(text("Right aligned / 右对齐", hal::Align::right));
  e.emplace_back(text("Bold / 粗体", hal::Align::left, true));
  hal::ReceiptText under = text("Underlined / 下划线");
  under.underline = true;
  e.emplace_back(under);
  hal::ReceiptText wide = text("Double width 倍宽");
  wide.width_scale = 2;
  e.emplace_back(wide);
  hal::ReceiptText tall = text("Double height 倍高");
  tall.height_scale = 2;
  e.emplace_back(tall);
  e.emplace_back(rule());
  e.emplace_back(text("0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghij"));
  e.emplace_back(text("中华人民共和国机动车驾驶证 自助服务终端 测试页"));
  e.emplace_back(rule());
  hal::ReceiptQr qr;
  qr.data = "KIOSK24 SELF-TEST";
  e.emplace_back(qr);
  e.emplace_back(text("QR: KIOSK24 SELF-TEST", hal::Align::center));
  e.emplace_back(hal::ReceiptFeed{2});
  return r;
}

hal::Receipt make_sample_licence_receipt() {
  hal::Receipt r;
  auto& e = r.elements;
  e.emplace_back(big("车管所自助服务"));
  e.emplace_back(text("Vehicle Administration Self-Service", hal::Align::center));
  e.emplace_back(text("业务凭条 / Transaction Receipt", hal::Align::center, true));
  e.emplace_back(rule('='));
  e.emplace_back(pair("终端编号 Kiosk", "KSK-DEMO-0001"));
  e.emplace_back(pair("流水号 Txn No.", "T20261128-000042"));
  e.emplace_back(pair("时间 Time", "2026-11-28 15:30:12"));
  e.emplace_back(rule());
  e.emplace_back(text("业务 Service", hal::Align::left, true));
  e.emplace_back(text("  驾驶证期满换证"));
  e.emplace_back(text("  Licence renewal (expiry)"));
  e.emplace_back(pair("证件号码 ID No.", "1101**********002X"));
  e.emplace_back(pair("准驾车型 Class", "C1"));
  e.emplace_back(pair("新证有效期 Valid", "10 年 / 10 years"));
  e.emplace_back(rule());
  e.emplace_back(pair("工本费 Fee", "10.00 元"));
  e.emplace_back(pair("支付方式 Payment", "微信支付 WeChat"));
  e.emplace_back(pair("支付状态 Status", "已支付 Paid"));
  hal::ReceiptText total = text("合计 Total  ¥10.00", hal::Align::right, true);
  total.height_scale = 2;
  e.emplace_back(total);
  e.emplace_back(rule());
  hal::ReceiptQr qr;
  qr.data = "https://verify.example.invalid/r/T20261128-000042?k=KSK-DEMO-0001";
  e.emplace_back(qr);
  e.emplace_back(text("扫码核验 Scan to verify", hal::Align::center));
  e.emplace_back(hal::ReceiptFeed{1});
  e.emplace_back(text("请妥善保管本凭条", hal::Align::center));
  e.emplace_back(text("Please keep this receipt.", hal::Align::center));
  e.emplace_back(text("SAMPLE - SYNTHETIC DATA", hal::Align::center));
  e.emplace_back(hal::ReceiptFeed{2});
  return r;
}

}  // namespace kiosk::drivers
