#include "drivers/payment_scanner/payment_scanner.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

namespace kiosk::drivers {
namespace {

using std::chrono::steady_clock;
constexpr milliseconds kWriteTimeout{500};
constexpr std::size_t kReadChunk = 256;

void wipe(std::string& s) {
  std::fill(s.begin(), s.end(), '\0');
  s.clear();
}

}  // namespace

SerialPaymentScanner::SerialPaymentScanner(std::unique_ptr<Transport> transport,
                                           std::string device_id)
    : DriverBase(std::move(device_id),
                 {hal::stat::kSuccessfulCommandCount, hal::stat::kFailedCommandCount,
                  hal::stat::kCommunicationErrorCount, "CodesReadCount", "InvalidCodesCount"}),
      transport_(std::move(transport)) {
  auto lock = lock_state();
  locked_status(lock) = scanner_status(state_, {});
}

SerialPaymentScanner::~SerialPaymentScanner() {
  close();
  stop_worker();
}

hal::DeviceInfo SerialPaymentScanner::info() const {
  return hal::DeviceInfo{device_id(), "serial payment-code scanner (serial trigger)",
                         transport_->describe(), "", ""};
}

hal::Status SerialPaymentScanner::open() {
  return run_blocking<hal::Done>([this](hal::CancelToken&) -> hal::Status {
    transport_->clear_cancel();
    if (auto s = transport_->open(); !s) {
      set_link_state(LinkState::closed, "cannot open transport");
      return s;
    }
    // A known state: not scanning until a read asks for it.
    if (auto s = send(scanner_disable_command()); !s) {
      transport_->close();
      set_link_state(LinkState::closed, "scanner does not accept commands");
      return s;
    }
    transport_->flush_input();
    set_link_state(LinkState::ready);
    return hal::Done{};
  });
}

void SerialPaymentScanner::close() {
  cancel_all();
  (void)run_blocking<hal::Done>([this](hal::CancelToken&) -> hal::Status {
    if (link_state() == LinkState::closed) return hal::Done{};
    transport_->clear_cancel();
    if (link_state() != LinkState::disconnected) (void)send(scanner_disable_command());
    transport_->close();
    framer_.reset();
    set_link_state(LinkState::closed);
    return hal::Done{};
  });
}

hal::Result<hal::DeviceStatus> SerialPaymentScanner::health_check() {
  // A generic serial scanner answers nothing: the check is that the link takes a command.
  auto r = run_blocking<hal::Done>([this](hal::CancelToken&) -> hal::Status {
    if (link_state() == LinkState::closed) {
      return hal::make_error(hal::CompletionCode::deviceNotReady, "not_open", "scanner not opened");
    }
    transport_->clear_cancel();
    if (auto s = reconnect_if_needed(); !s) return s;
    return send(scanner_disable_command());
  });
  if (!r) return r.error();
  return status();
}

hal::RequestId SerialPaymentScanner::read_code(int timeout_ms,
                                               hal::Completion<hal::PaymentCode> done) {
  return submit<hal::PaymentCode>(
      [this, timeout_ms](hal::CancelToken& token) { return run_read(timeout_ms, token); },
      [this, done = std::move(done)](hal::RequestId id, hal::Result<hal::PaymentCode> r) {
        count(r.ok() ? hal::stat::kSuccessfulCommandCount : hal::stat::kFailedCommandCount);
        if (r.ok()) {
          count("CodesReadCount");
          emit(hal::EventKind::paymentCodeRead, std::string(hal::to_string(r.value().wallet)));
        }
        done(id, std::move(r));
      });
}

hal::Result<hal::PaymentCode> SerialPaymentScanner::run_read(int timeout_ms,
                                                             hal::CancelToken& token) {
  if (link_state() == LinkState::closed) {
    return hal::make_error(hal::CompletionCode::deviceNotReady, "not_open", "scanner not opened");
  }
  transport_->clear_cancel();
  token.on_cancel([this] { transport_->cancel(); });
  if (auto s = reconnect_if_needed(); !s) return s.error();

  // Codes scanned before this command are not ours.
  transport_->flush_input();
  framer_.reset();
  const auto deadline = steady_clock::now() + milliseconds(std::max(timeout_ms, 0));

  auto result = [&]() -> hal::Result<hal::PaymentCode> {
    if (auto s = send(scanner_enable_command()); !s) return s.error();
    set_link_state(LinkState::scanning);
    for (;;) {
      const auto left = std::chrono::ceil<milliseconds>(deadline - steady_clock::now());
      if (left.count() <= 0) {
        return hal::make_error(hal::CompletionCode::timeout, "no_code", "no payment code scanned");
      }
      auto got = transport_->read(kReadChunk, left);
      if (!got) {
        if (got.error().code == hal::CompletionCode::timeout) {
          return hal::make_error(hal::CompletionCode::timeout, "no_code",
                                 "no payment code scanned");
        }
        note_link_error(got.error());
        return got.error();
      }
      for (auto& line : framer_.feed(got.value())) {
        if (line.ok()) {
          auto code = classify_payment_code(line.value());
          wipe(line.value());
          if (code.ok()) return code;
        }
        // The scanner read a barcode that is no payment code: it has stopped (one read per
        // trigger), so ask again and keep waiting.
        count("InvalidCodesCount");
        if (auto s = send(scanner_enable_command()); !s) return s.error();
      }
      std::fill(got.value().begin(), got.value().end(), 0);
    }
  }();

  // Cleanup that always runs: stop scanning. A cancel must not stop this write.
  token.on_cancel({});
  transport_->clear_cancel();
  framer_.reset();
  if (link_state() != LinkState::disconnected) (void)send(scanner_disable_command());
  if (link_state() != LinkState::disconnected) set_link_state(LinkState::ready);
  return result;
}

hal::Status SerialPaymentScanner::send(const std::vector<std::uint8_t>& command) {
  auto s = transport_->write(command, kWriteTimeout);
  if (!s) note_link_error(s.error());
  return s;
}

void SerialPaymentScanner::note_link_error(const hal::DeviceError& error) {
  if (error.code == hal::CompletionCode::canceled || error.code == hal::CompletionCode::timeout) {
    return;
  }
  count(hal::stat::kCommunicationErrorCount);
  if (error.reason == "disconnected" && link_state() != LinkState::disconnected) {
    set_link_state(LinkState::disconnected, "scanner disconnected");
    emit(hal::EventKind::deviceRemoved, "disconnected");
  }
}

SerialPaymentScanner::LinkState SerialPaymentScanner::link_state() const {
  auto lock = lock_state();
  return state_;
}

hal::Status SerialPaymentScanner::reconnect_if_needed() {
  if (link_state() != LinkState::disconnected) return hal::Done{};
  transport_->close();
  if (auto s = transport_->open(); !s) return s;
  if (auto s = send(scanner_disable_command()); !s) return s;
  set_link_state(LinkState::ready);
  emit(hal::EventKind::deviceArrived, "reconnected");
  return hal::Done{};
}

void SerialPaymentScanner::set_link_state(LinkState state, std::string message) {
  bool changed = false;
  {
    auto lock = lock_state();
    changed = state_ != state;
    state_ = state;
    locked_status(lock) = scanner_status(state, std::move(message));
  }
  // Not publish_state(): this driver's statusChanged has always carried an empty detail.
  if (changed) emit(hal::EventKind::statusChanged, "");
}

}  // namespace kiosk::drivers
