// The real driver against the emulator over the in-process emulated link.
#include "drivers/emu/receipt_printer/receipt_printer_emulator.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <future>

#include "drivers/emu/common/png_writer.hpp"
#include "drivers/emu/receipt_printer/receipt_renderer.hpp"
#include "drivers/receipt_printer/receipt_printer.hpp"
#include "drivers/receipt_printer/test_receipt.hpp"

using namespace kiosk;
namespace emu = kiosk::drivers::emu;
using namespace std::chrono_literals;
namespace rp = kiosk::drivers::receipt_printer;

namespace {

std::filesystem::path fresh_dir() {
  static std::atomic<int> n{0};
  auto dir = std::filesystem::temp_directory_path() /
             ("kiosk-receipt-emu-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  std::filesystem::remove_all(dir);
  return dir;
}

struct Bench {
  std::filesystem::path dir = fresh_dir();
  emu::ReceiptPrinterEmulator emulator;
  std::unique_ptr<drivers::EscPosReceiptPrinter> printer;
  std::mutex m;
  std::vector<hal::DeviceEvent> events;

  Bench() {
    emulator.set_output_dir(dir);
    emulator.start();
    drivers::EscPosReceiptPrinterOptions o;
    o.status_timeout = 300ms;  // only the no-answer case waits this long
    printer = std::make_unique<drivers::EscPosReceiptPrinter>(
        std::make_unique<drivers::EmulatedTransport>(emulator.link(), "receipt_printer"), o);
    printer->set_event_handler([this](const hal::DeviceEvent& e) {
      std::lock_guard lock(m);
      events.push_back(e);
    });
    REQUIRE(printer->open().ok());
  }
  ~Bench() {
    printer.reset();
    emulator.stop();
    std::filesystem::remove_all(dir);
  }

  hal::Status print(hal::Receipt r = drivers::make_sample_licence_receipt()) {
    std::promise<hal::Status> p;
    printer->print(std::move(r),
                   [&p](hal::RequestId, hal::Status s) { p.set_value(std::move(s)); });
    return p.get_future().get();
  }
  int count(hal::EventKind kind) {
    std::lock_guard lock(m);
    return static_cast<int>(std::count_if(events.begin(), events.end(),
                                          [kind](const auto& e) { return e.kind == kind; }));
  }
  std::size_t pngs() const {
    std::size_t n = 0;
    if (!std::filesystem::exists(dir)) return 0;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      n += e.path().extension() == ".png" ? 1 : 0;
    return n;
  }
};

int dark_pixels(const hal::RgbImage& img) {
  int n = 0;
  for (std::size_t i = 0; i < img.pixels.size(); i += 3) n += img.pixels[i] < 100 ? 1 : 0;
  return n;
}

void require_error(const hal::Status& s, hal::CompletionCode code, const std::string& reason) {
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == code);
  CHECK(s.error().reason == reason);
}

}  // namespace

TEST_CASE("a printed receipt is written as an 80 mm (640-dot) PNG with ink on it",
          "[receipt][emulator]") {
  Bench b;
  REQUIRE(b.print().ok());
  const auto path = b.emulator.last_receipt_path();
  CHECK(path.filename() == "receipt-1.png");
  REQUIRE(std::filesystem::exists(path));
  auto img = emu::read_png(path.string());
  REQUIRE(img.ok());
  CHECK(img.value().width == emu::kPaperWidthDots);
  CHECK(img.value().height > 600);
  CHECK(dark_pixels(img.value()) > 5000);
  CHECK(b.emulator.receipts_cut() == 1);
  CHECK(b.emulator.last_error().empty());

  REQUIRE(b.print(drivers::make_test_receipt()).ok());
  CHECK(b.emulator.last_receipt_path().filename() == "receipt-2.png");
  CHECK(b.pngs() == 2);
  CHECK(b.printer->statistics()["ReceiptsPrintedCount"] == 2);
}

TEST_CASE("the emulated printer renders what the offline renderer renders", "[receipt][emulator]") {
  Bench b;
  REQUIRE(b.print().ok());
  auto printed = emu::read_png(b.emulator.last_receipt_path().string());
  auto offline = emu::render_escpos(
      rp::encode_receipt(drivers::make_sample_licence_receipt()).value().flatten());
  REQUIRE(printed.ok());
  REQUIRE(offline.ok());
  CHECK(printed.value().height == offline.value().height);
  CHECK(printed.value().pixels == offline.value().pixels);
}

TEST_CASE("an emulated printer without paper refuses the receipt", "[receipt][emulator]") {
  Bench b;
  b.emulator.faults().inject(emu::Fault::paperOut);
  require_error(b.print(), hal::CompletionCode::userError, "paper_out");
  CHECK(b.pngs() == 0);
  CHECK(b.printer->status().detail.at("paper") == "out");
  b.emulator.faults().clear(emu::Fault::paperOut);
  CHECK(b.print().ok());
  CHECK(b.pngs() == 1);
}

TEST_CASE("an emulated printer with the cover open refuses the receipt", "[receipt][emulator]") {
  Bench b;
  b.emulator.faults().inject(emu::Fault::coverOpen);
  require_error(b.print(), hal::CompletionCode::userError, "cover_open");
  CHECK(b.pngs() == 0);
  CHECK(b.printer->status().state == hal::DeviceState::userError);
}

TEST_CASE("a jammed cutter fails the print and refuses the next until cleared",
          "[receipt][emulator]") {
  Bench b;
  b.emulator.faults().inject(emu::Fault::jam);
  require_error(b.print(), hal::CompletionCode::hardwareError, "cutter");
  CHECK(b.pngs() == 0);
  CHECK(b.printer->status().detail.at("cutter") == "error");
  require_error(b.print(), hal::CompletionCode::hardwareError, "cutter");
  b.emulator.faults().clear(emu::Fault::jam);
  CHECK(b.print().ok());
  CHECK(b.pngs() == 1);
  CHECK(b.printer->status().detail.at("cutter") == "ok");
}

TEST_CASE("paper near end still prints and warns once", "[receipt][emulator]") {
  Bench b;
  b.emulator.faults().inject(emu::Fault::paperNearEnd);
  REQUIRE(b.print().ok());
  CHECK(b.pngs() == 1);
  CHECK(b.count(hal::EventKind::mediaLow) == 1);
  CHECK(b.printer->status().detail.at("paper") == "near_end");
}

TEST_CASE("link faults on the emulated printer give typed errors", "[receipt][emulator]") {
  Bench b;
  SECTION("no answer is a timeout") {
    b.emulator.faults().inject(emu::Fault::noAnswer);
    require_error(b.print(), hal::CompletionCode::timeout, "timeout");
    CHECK(b.pngs() == 0);
    CHECK(b.print().ok());  // one-shot: the printer answers again
  }
  SECTION("one garbage reply is retried") {
    // The garbage generator can produce a valid-looking byte; either way nothing crashes.
    b.emulator.faults().inject(emu::Fault::garbage);
    auto s = b.print();
    if (!s.ok()) CHECK(s.error().reason == "bad_status");
  }
  SECTION("an oversized reply is read as its first byte and the rest discarded") {
    b.emulator.faults().inject(emu::Fault::oversizedFrame);
    CHECK(b.print().ok());
  }
  SECTION("unplugging fails as disconnected") {
    b.emulator.faults().inject(emu::Fault::unplugMidCommand);
    require_error(b.print(), hal::CompletionCode::deviceNotReady, "disconnected");
    CHECK(b.printer->status().state == hal::DeviceState::noDevice);
    CHECK(b.count(hal::EventKind::deviceRemoved) == 1);
    b.emulator.replug();
    CHECK(b.print().ok());
    CHECK(b.count(hal::EventKind::deviceArrived) == 1);
    CHECK(b.pngs() == 1);
  }
}

TEST_CASE("the emulator answers status requests as a printer would", "[receipt][emulator]") {
  emu::ReceiptPrinterEmulator e;
  auto link = e.link();
  auto ask = [&](rp::StatusQuery q) {
    e.on_host_bytes(rp::cmd_status_request(q));
    auto got = link->device_to_host.pop(8, 100ms);
    REQUIRE(got.ok());
    REQUIRE(got.value().size() == 1);
    return got.value()[0];
  };
  CHECK(ask(rp::StatusQuery::printer) == 0x12);
  CHECK(ask(rp::StatusQuery::paper) == 0x12);
  e.faults().inject(emu::Fault::paperOut);
  CHECK(ask(rp::StatusQuery::printer) == 0x1A);
  CHECK(ask(rp::StatusQuery::offlineCause) == 0x32);
  CHECK(ask(rp::StatusQuery::paper) == 0x7E);
  e.faults().clear_all();
  e.faults().inject(emu::Fault::coverOpen);
  CHECK(ask(rp::StatusQuery::offlineCause) == 0x16);
  e.faults().clear_all();
  e.faults().inject(emu::Fault::paperNearEnd);
  CHECK(ask(rp::StatusQuery::paper) == 0x1E);
}

TEST_CASE("garbage from the host is counted and the emulator keeps answering",
          "[receipt][emulator]") {
  emu::ReceiptPrinterEmulator e;
  auto link = e.link();
  const rp::Bytes junk{0x1B, 0x7A, 0x00, 0x07};
  e.on_host_bytes(junk);
  CHECK(e.parse_errors() == 1);
  e.on_host_bytes(rp::cmd_status_request(rp::StatusQuery::printer));
  auto got = link->device_to_host.pop(8, 100ms);
  REQUIRE(got.ok());
  CHECK(got.value() == rp::Bytes{0x12});
}

TEST_CASE("receipts are counted but not written without an output directory",
          "[receipt][emulator]") {
  emu::ReceiptPrinterEmulator e;
  auto enc = rp::encode_receipt(drivers::make_test_receipt());
  REQUIRE(enc.ok());
  e.on_host_bytes(enc.value().flatten());
  REQUIRE(e.wait_idle());
  CHECK(e.receipts_cut() == 1);
  CHECK(e.last_receipt_path().empty());
}

TEST_CASE("DLE EOT is answered at once, before the commands queued ahead of it are printed",
          "[receipt][emulator]") {
  emu::ReceiptPrinterEmulator e;
  auto link = e.link();
  // A long feed (5100 lines, about 2 s of paper at this time scale), then the in-order GS r 1.
  rp::Bytes job = rp::cmd_initialise();
  for (int i = 0; i < 20; ++i) {
    const auto feed = rp::cmd_feed_lines(255);
    job.insert(job.end(), feed.begin(), feed.end());
  }
  const auto cut = rp::cmd_feed_and_cut(rp::kCutFeedDots);
  job.insert(job.end(), cut.begin(), cut.end());
  const auto gs_r = rp::cmd_transmit_paper_status();
  job.insert(job.end(), gs_r.begin(), gs_r.end());
  e.on_host_bytes(job);
  e.on_host_bytes(rp::cmd_status_request(rp::StatusQuery::printer));
  auto first = link->device_to_host.pop(1, 0ms);  // already there: answered in real time
  REQUIRE(first.ok());
  CHECK(first.value() == rp::Bytes{0x12});
  CHECK(e.receipts_cut() == 0);                     // the job is still printing
  auto confirm = link->device_to_host.pop(1, 30s);  // GS r 1: after the cut
  REQUIRE(confirm.ok());
  CHECK(confirm.value() == rp::Bytes{0x00});
  CHECK(e.receipts_cut() == 1);
}

TEST_CASE("the emulator names its model and keeps the ticket in the presenter",
          "[receipt][emulator]") {
  emu::ReceiptPrinterEmulator e;
  auto link = e.link();
  auto ask = [&](const rp::Bytes& cmd) {
    e.on_host_bytes(cmd);
    REQUIRE(e.wait_idle());
    auto got = link->device_to_host.pop(64, 1s);
    REQUIRE(got.ok());
    return got.value();
  };
  CHECK(ask(rp::cmd_printer_id(rp::kIdModelName)) == rp::make_printer_id_reply("EMU-TM80"));
  CHECK(ask(rp::cmd_printer_id(rp::kIdFirmware)) == rp::make_printer_id_reply("EMU-1.0"));
  const auto status = rp::cmd_presenter(rp::PresenterAction::status);
  CHECK_FALSE(rp::parse_presenter_byte(ask(status).at(0)).ticket_in_mouth);
  auto enc = rp::encode_receipt(drivers::make_test_receipt());
  REQUIRE(enc.ok());
  e.on_host_bytes(enc.value().flatten());
  CHECK(rp::parse_presenter_byte(ask(status).at(0)).ticket_in_mouth);
  CHECK(e.ticket_in_mouth());
  e.on_host_bytes(rp::cmd_presenter(rp::PresenterAction::retract));
  CHECK_FALSE(rp::parse_presenter_byte(ask(status).at(0)).ticket_in_mouth);
  CHECK(e.tickets_retracted() == 1);
}

TEST_CASE("the driver reads the model, confirms with GS r and retracts an untaken ticket",
          "[receipt][emulator]") {
  std::filesystem::path dir = fresh_dir();
  emu::ReceiptPrinterEmulator emulator;
  emulator.set_output_dir(dir);
  emulator.start();
  drivers::EscPosReceiptPrinterOptions o;
  o.presenter = true;
  drivers::EscPosReceiptPrinter printer(
      std::make_unique<drivers::EmulatedTransport>(emulator.link(), "receipt_printer"), o);
  REQUIRE(printer.open().ok());
  CHECK(printer.info().model == "EMU-TM80");
  CHECK(printer.info().firmware == "EMU-1.0");
  CHECK(printer.status().detail.at("presenter") == "empty");
  std::promise<hal::Status> p;
  printer.print(drivers::make_sample_licence_receipt(),
                [&p](hal::RequestId, hal::Status s) { p.set_value(std::move(s)); });
  REQUIRE(p.get_future().get().ok());
  CHECK(emulator.receipts_cut() == 1);  // GS r answered after the cut
  CHECK(printer.status().detail.at("presenter") == "ticket");
  std::promise<hal::Status> r;
  printer.retract_ticket([&r](hal::RequestId, hal::Status s) { r.set_value(std::move(s)); });
  REQUIRE(r.get_future().get().ok());
  CHECK(printer.status().detail.at("presenter") == "empty");
  CHECK(emulator.tickets_retracted() == 1);
  printer.close();
  emulator.stop();
  std::filesystem::remove_all(dir);
}
