#include "drivers/emu/receipt_printer/receipt_printer_emulator.hpp"

#include <chrono>
#include <string>
#include <system_error>

#include "drivers/emu/common/png_writer.hpp"
#include "drivers/emu/common/time_scale.hpp"
#include "drivers/emu/receipt_printer/receipt_renderer.hpp"

namespace kiosk::drivers::emu {
namespace {

namespace rp = drivers::receipt_printer;
namespace op = drivers::receipt_printer::op;

constexpr double kDotsPerMillisecond = 0.8;  // 100 mm/s at 8 dots/mm
constexpr int kLinePitchDots = 30;
constexpr std::chrono::milliseconds kCutTime{150};

std::chrono::milliseconds paper_time(int dots) {
  return std::chrono::milliseconds(static_cast<long long>(dots / kDotsPerMillisecond));
}

}  // namespace

ReceiptPrinterEmulator::ReceiptPrinterEmulator() : ByteEmulator("receipt_printer") {}

ReceiptPrinterEmulator::~ReceiptPrinterEmulator() {
  stop();  // also interrupts a delay of the print engine
  {
    std::lock_guard lock(qm_);
    engine_stop_ = true;
  }
  qcv_.notify_all();
  if (engine_.joinable()) engine_.join();
}

bool ReceiptPrinterEmulator::ticket_in_mouth() const {
  std::lock_guard lock(m_);
  return ticket_in_mouth_;
}

void ReceiptPrinterEmulator::take_ticket() {
  std::lock_guard lock(m_);
  ticket_in_mouth_ = false;
}

std::uint64_t ReceiptPrinterEmulator::tickets_retracted() const {
  std::lock_guard lock(m_);
  return retracted_;
}

bool ReceiptPrinterEmulator::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(qm_);
  return qcv_.wait_for(lock, timeout, [this] { return queue_.empty() && !engine_busy_; });
}

void ReceiptPrinterEmulator::engine_loop() {
  std::unique_lock lock(qm_);
  for (;;) {
    qcv_.wait(lock, [this] { return engine_stop_ || !queue_.empty(); });
    if (engine_stop_) return;
    rp::Operation o = std::move(queue_.front());
    queue_.pop_front();
    engine_busy_ = true;
    lock.unlock();
    in_order(o);
    lock.lock();
    engine_busy_ = false;
    qcv_.notify_all();
  }
}

void ReceiptPrinterEmulator::set_output_dir(std::filesystem::path dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::lock_guard lock(m_);
  out_dir_ = std::move(dir);
}

std::filesystem::path ReceiptPrinterEmulator::last_receipt_path() const {
  std::lock_guard lock(m_);
  return last_path_;
}

std::uint64_t ReceiptPrinterEmulator::receipts_cut() const {
  std::lock_guard lock(m_);
  return receipts_;
}

std::uint64_t ReceiptPrinterEmulator::parse_errors() const {
  std::lock_guard lock(m_);
  return parse_errors_;
}

std::string ReceiptPrinterEmulator::last_error() const {
  std::lock_guard lock(m_);
  return last_error_;
}

rp::RealtimeStatus ReceiptPrinterEmulator::current_status() {
  rp::RealtimeStatus s;
  s.paper_out = faults().active(Fault::paperOut);
  s.paper_end_stop = s.paper_out;
  s.paper_near_end = faults().active(Fault::paperNearEnd) || s.paper_out;
  s.cover_open = faults().active(Fault::coverOpen);
  {
    std::lock_guard lock(m_);
    // A technician clearing the jam clears the cutter error.
    if (!faults().active(Fault::jam)) {
      cutter_failed_ = false;
    }
    s.cutter_error = cutter_failed_;
  }
  s.error = s.cutter_error;
  s.offline = s.paper_out || s.cover_open || s.cutter_error;
  return s;
}

void ReceiptPrinterEmulator::on_host_bytes(std::span<const std::uint8_t> bytes) {
  auto ops = parser_.feed(bytes);
  if (!ops.ok()) {
    // A real printer prints the garbage or ignores it; this one drops it and resynchronises.
    std::lock_guard lock(m_);
    ++parse_errors_;
    return;
  }
  for (const auto& o : ops.value()) {
    handle(o);
  }
}

// Real-time requests are answered now; the rest waits its turn on the print engine.
void ReceiptPrinterEmulator::handle(const rp::Operation& o) {
  if (const auto* req = std::get_if<op::StatusRequest>(&o)) {
    reply({rp::make_status_byte(req->query, current_status())});
    return;
  }
  {
    std::lock_guard lock(qm_);
    if (!engine_.joinable()) engine_ = std::thread([this] { engine_loop(); });
    queue_.push_back(o);
  }
  qcv_.notify_all();
}

void ReceiptPrinterEmulator::in_order(const rp::Operation& o) {
  const rp::RealtimeStatus s = current_status();
  if (s.paper_out || s.cover_open || s.cutter_error) {
    // Stopped: what arrives now is not printed, and in-order requests are not answered.
    receipt_.clear();
    return;
  }
  if (std::holds_alternative<op::TransmitStatus>(o)) {
    reply({rp::make_paper_sensor_byte(s)});
    return;
  }
  if (const auto* id = std::get_if<op::PrinterId>(&o)) {
    if (id->n == rp::kIdModelName) {
      reply(rp::make_printer_id_reply("EMU-TM80"));
    } else if (id->n == rp::kIdFirmware) {
      reply(rp::make_printer_id_reply("EMU-1.0"));
    } else {
      reply({0x20});  // one-byte ids (n = 1..3): a model id
    }
    return;
  }
  if (const auto* pr = std::get_if<op::Presenter>(&o)) {
    std::lock_guard lock(m_);
    if (pr->n == static_cast<std::uint8_t>(rp::PresenterAction::status)) {
      rp::PresenterStatus ps;
      ps.near_end = s.paper_near_end;
      ps.paper_present = !s.paper_out;
      ps.ticket_in_mouth = ticket_in_mouth_;
      reply({rp::make_presenter_byte(ps)});
    } else if (pr->n == static_cast<std::uint8_t>(rp::PresenterAction::retract)) {
      if (ticket_in_mouth_) ++retracted_;
      ticket_in_mouth_ = false;
    } else if (pr->n == static_cast<std::uint8_t>(rp::PresenterAction::eject)) {
      ticket_in_mouth_ = false;  // pushed out: it falls
    }
    return;
  }
  if (const auto* cut = std::get_if<op::Cut>(&o)) {
    finish_receipt(*cut);
    return;
  }
  receipt_.push_back(o);
  delay_for(o);
}

void ReceiptPrinterEmulator::delay_for(const rp::Operation& o) {
  int dots = 0;
  if (const auto* t = std::get_if<op::Text>(&o)) {
    line_height_scale_ = std::max(line_height_scale_, t->height_scale);
  } else if (std::holds_alternative<op::LineFeed>(o)) {
    dots = kLinePitchDots * line_height_scale_;
    line_height_scale_ = 1;
  } else if (const auto* f = std::get_if<op::Feed>(&o)) {
    dots = kLinePitchDots * f->lines;
  } else if (const auto* store = std::get_if<op::QrStore>(&o)) {
    stored_qr_bytes_ = store->data.size();
  } else if (const auto* raster = std::get_if<op::Raster>(&o)) {
    dots = raster->height;
  } else if (const auto* print = std::get_if<op::QrPrint>(&o)) {
    // Roughly the symbol size: version grows about one per 20 bytes at level M.
    const int modules = 21 + 4 * static_cast<int>((stored_qr_bytes_ + 19) / 20) + 8;
    dots = modules * print->module_size;
  }
  if (dots > 0) {
    device_delay(paper_time(dots), stop_flag());
  }
}

void ReceiptPrinterEmulator::finish_receipt(const op::Cut& cut) {
  device_delay(paper_time(cut.feed_dots) + kCutTime, stop_flag());
  if (faults().active(Fault::jam)) {
    // The blade stalls: the receipt stays uncut in the mouth and the printer stops.
    std::lock_guard lock(m_);
    cutter_failed_ = true;
    receipt_.clear();
    return;
  }
  std::vector<rp::Operation> ops = std::move(receipt_);
  receipt_.clear();
  ops.emplace_back(cut);
  std::filesystem::path dir;
  std::uint64_t n = 0;
  {
    std::lock_guard lock(m_);
    n = ++receipts_;
    dir = out_dir_;
    ticket_in_mouth_ = true;  // the presenter holds the cut ticket
  }
  if (dir.empty()) {
    return;
  }
  auto image = render_operations(ops);
  std::string error;
  std::filesystem::path path = dir / ("receipt-" + std::to_string(n) + ".png");
  if (!image.ok()) {
    error = image.error().reason;
  } else if (auto written = write_png(image.value(), path.string()); !written.ok()) {
    error = written.error().reason;
  }
  std::lock_guard lock(m_);
  last_error_ = error;
  if (error.empty()) {
    last_path_ = path;
  }
}

}  // namespace kiosk::drivers::emu
