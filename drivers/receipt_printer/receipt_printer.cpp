#include "drivers/receipt_printer/receipt_printer.hpp"

#include <algorithm>
#include <utility>

namespace kiosk::drivers {
namespace {

using receipt_printer::RealtimeStatus;
using receipt_printer::StatusQuery;

hal::DeviceError err(hal::CompletionCode code, std::string reason, std::string message) {
  return hal::make_error(code, std::move(reason), std::move(message));
}

bool paper_gone(const RealtimeStatus& s) {
  return s.paper_out || s.paper_end_stop;
}

// Why the printer cannot print now, if it cannot. Paper and cover come first: they are what
// a technician must fix, and they also raise the generic offline/error bits.
std::optional<hal::DeviceError> refusal(const RealtimeStatus& s) {
  if (paper_gone(s)) {
    return err(hal::CompletionCode::userError, "paper_out", "receipt paper is out");
  }
  if (s.cover_open) {
    return err(hal::CompletionCode::userError, "cover_open", "printer cover is open");
  }
  if (s.cutter_error) {
    return err(hal::CompletionCode::hardwareError, "cutter", "cutter error");
  }
  if (s.unrecoverable) {
    return err(hal::CompletionCode::hardwareError, "unrecoverable", "unrecoverable printer error");
  }
  if (s.offline) {
    return err(hal::CompletionCode::deviceNotReady, "offline", "printer is offline");
  }
  return std::nullopt;
}

}  // namespace

struct EscPosReceiptPrinter::Job {
  const hal::Receipt& receipt;
  receipt_printer::EncodedReceipt encoded;
  std::size_t next_segment = 0;
  bool sent_any = false;
  bool cut_sent = false;
  std::optional<hal::DeviceError> error;
};

EscPosReceiptPrinter::EscPosReceiptPrinter(std::unique_ptr<Transport> transport,
                                           EscPosReceiptPrinterOptions options)
    : DriverBase(options.id, {hal::stat::kSuccessfulCommandCount, hal::stat::kFailedCommandCount,
                              hal::stat::kCommunicationErrorCount, "ReceiptsPrintedCount",
                              "LinesPrintedCount"}),
      transport_(std::move(transport)),
      options_(std::move(options)) {}

EscPosReceiptPrinter::~EscPosReceiptPrinter() {
  // No events from a dying device: the handler's owner may already be gone.
  set_event_handler({});
  close();
  stop_worker();
}

hal::DeviceInfo EscPosReceiptPrinter::info() const {
  auto lock = lock_state();
  return hal::DeviceInfo{
      options_.id,
      info_extra_.model.empty() ? "ESC/POS 80 mm thermal receipt printer" : info_extra_.model,
      transport_->describe(), info_extra_.firmware, ""};
}

hal::ReceiptPrinterCapabilities EscPosReceiptPrinter::capabilities() const {
  return {};
}

hal::Status EscPosReceiptPrinter::open() {
  return run_blocking<hal::Done>([this](hal::CancelToken&) -> hal::Status {
    if (auto s = transport_->open(); !s.ok()) {
      publish_state(hal::DeviceState::noDevice, "transport cannot be opened");
      return s;
    }
    transport_->clear_cancel();
    {
      auto lock = lock_state();
      open_ = true;
    }
    auto rt = query_status(options_.status_timeout);
    if (!rt.ok()) {
      transport_->close();
      {
        auto lock = lock_state();
        open_ = false;
      }
      if (rt.error().code == hal::CompletionCode::timeout) {
        return err(hal::CompletionCode::deviceNotReady, "no_answer",
                   "printer does not answer status requests");
      }
      return rt.error();
    }
    // In-order model query (GS I): the printer has handled what came before when it answers.
    auto model = printer_info(receipt_printer::kIdModelName);
    auto firmware = model ? printer_info(receipt_printer::kIdFirmware) : std::nullopt;
    {
      auto lock = lock_state();
      info_extra_.model = model.value_or("");
      info_extra_.firmware = firmware.value_or("");
    }
    if (options_.presenter) (void)read_presenter();
    return hal::Done{};
  });
}

std::optional<std::string> EscPosReceiptPrinter::printer_info(std::uint8_t n) {
  transport_->flush_input();
  if (!write_all(receipt_printer::cmd_printer_id(n)).ok()) return std::nullopt;
  receipt_printer::Bytes reply;
  const auto deadline = std::chrono::steady_clock::now() + options_.model_timeout;
  while (reply.size() < 80) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    auto got = transport_->read(1, left);
    if (!got.ok() || got.value().empty()) return std::nullopt;
    reply.push_back(got.value().front());
    if (reply.back() == 0x00) break;
  }
  auto text = receipt_printer::parse_printer_id_reply(reply);
  if (!text.ok()) return std::nullopt;
  return text.value();
}

hal::Status EscPosReceiptPrinter::read_presenter() {
  transport_->flush_input();
  if (auto s = write_all(receipt_printer::cmd_presenter(receipt_printer::PresenterAction::status));
      !s.ok()) {
    return s;
  }
  auto got = transport_->read(1, options_.status_timeout);
  if (!got.ok()) return got.error();
  if (got.value().empty())
    return err(hal::CompletionCode::timeout, "timeout", "no presenter status");
  const auto ps = receipt_printer::parse_presenter_byte(got.value().front());
  auto lock = lock_state();
  locked_status(lock).detail["presenter"] = ps.ticket_in_mouth ? "ticket" : "empty";
  return hal::Done{};
}

hal::RequestId EscPosReceiptPrinter::retract_ticket(hal::Completion<hal::Done> done) {
  return submit<hal::Done>(
      [this](hal::CancelToken&) -> hal::Status {
        if (!options_.presenter) {
          return err(hal::CompletionCode::unsupported, "no_presenter",
                     "this printer has no presenter");
        }
        {
          auto lock = lock_state();
          if (!open_) {
            return err(hal::CompletionCode::deviceNotReady, "not_open", "printer not opened");
          }
        }
        transport_->clear_cancel();
        if (auto s = write_all(
                receipt_printer::cmd_presenter(receipt_printer::PresenterAction::retract));
            !s.ok()) {
          return s;
        }
        return read_presenter();  // in order: answered once the retract is done
      },
      std::move(done));
}

void EscPosReceiptPrinter::close() {
  cancel_all();
  // Queued after the cancel, so it runs once the canceled command has returned.
  (void)run_blocking<hal::Done>([this](hal::CancelToken&) -> hal::Status {
    bool was_open = false;
    {
      auto lock = lock_state();
      was_open = open_;
      open_ = false;
    }
    if (was_open) {
      transport_->close();
      publish_state(hal::DeviceState::noDevice, "closed");
    }
    return hal::Done{};
  });
}

hal::Result<hal::DeviceStatus> EscPosReceiptPrinter::health_check() {
  return run_blocking<hal::DeviceStatus>(
      [this](hal::CancelToken& token) -> hal::Result<hal::DeviceStatus> {
        {
          auto lock = lock_state();
          if (!open_) {
            return err(hal::CompletionCode::deviceNotReady, "not_open", "printer not opened");
          }
        }
        transport_->clear_cancel();
        token.on_cancel([this] { transport_->cancel(); });
        auto rt = query_status(options_.status_timeout);
        if (!rt.ok()) {
          note_failure(rt.error());
          return rt.error();
        }
        return status();
      });
}

hal::RequestId EscPosReceiptPrinter::print(hal::Receipt receipt, hal::Completion<hal::Done> done) {
  auto shared = std::make_shared<hal::Receipt>(std::move(receipt));
  return submit<hal::Done>(
      [this, shared](hal::CancelToken& token) -> hal::Status {
        auto result = run_print(*shared, token);
        if (result.ok() && !token.canceled()) {
          count(hal::stat::kSuccessfulCommandCount);
        } else {
          count(hal::stat::kFailedCommandCount);
        }
        return result;
      },
      std::move(done));
}

// ---- the print state machine ---------------------------------------------------------------

hal::Status EscPosReceiptPrinter::run_print(const hal::Receipt& receipt, hal::CancelToken& token) {
  {
    auto lock = lock_state();
    if (!open_) {
      return err(hal::CompletionCode::deviceNotReady, "not_open", "printer not opened");
    }
  }
  transport_->clear_cancel();
  token.on_cancel([this] { transport_->cancel(); });
  Job job{receipt, {}, 0, false, false, std::nullopt};
  Step step = Step::encode;
  while (step != Step::finished) {
    step = advance(step, job, token);
  }
  if (job.error) {
    note_failure(*job.error);
    return *job.error;
  }
  return hal::Done{};
}

EscPosReceiptPrinter::Step EscPosReceiptPrinter::advance(Step step, Job& job,
                                                         hal::CancelToken& token) {
  const auto canceled = err(hal::CompletionCode::canceled, "canceled", "print canceled");
  switch (step) {
    case Step::encode: {
      auto encoded = receipt_printer::encode_receipt(job.receipt);
      if (!encoded.ok()) {
        job.error = encoded.error();
        return Step::finished;
      }
      job.encoded = std::move(encoded).value();
      return Step::checkBefore;
    }
    case Step::checkBefore: {
      if (token.canceled()) {
        job.error = canceled;
        return Step::finished;
      }
      auto rt = query_status(options_.status_timeout);
      if (!rt.ok()) {
        job.error = rt.error();
        return Step::finished;
      }
      if (auto why = refusal(rt.value())) {
        job.error = *why;
        return Step::finished;
      }
      publish_state(hal::DeviceState::busy, "printing");
      return Step::send;
    }
    case Step::send: {
      const auto& segments = job.encoded.segments;
      if (job.next_segment >= segments.size()) {
        return Step::cut;
      }
      if (token.canceled()) {
        job.error = canceled;
        return Step::cleanup;
      }
      receipt_printer::Bytes chunk;
      while (job.next_segment < segments.size() &&
             (chunk.empty() ||
              chunk.size() + segments[job.next_segment].size() <= options_.chunk_size)) {
        const auto& s = segments[job.next_segment++];
        chunk.insert(chunk.end(), s.begin(), s.end());
      }
      if (auto s = write_all(chunk); !s.ok()) {
        job.error = s.error();
        return Step::cleanup;
      }
      job.sent_any = true;
      return Step::send;
    }
    case Step::cut: {
      if (token.canceled()) {
        job.error = canceled;
        return Step::cleanup;
      }
      if (auto s = write_all(job.encoded.cut); !s.ok()) {
        job.error = s.error();
        return Step::cleanup;
      }
      job.cut_sent = true;
      return Step::checkAfter;
    }
    case Step::checkAfter: {
      if (auto done = confirm_printed(); !done.ok()) {
        job.error = done.error();
        return Step::finished;
      }
      auto rt = query_status(options_.status_timeout);
      if (!rt.ok()) {
        job.error = rt.error();
        return Step::finished;
      }
      if (auto why = refusal(rt.value())) {
        job.error = *why;
        return Step::finished;
      }
      count("ReceiptsPrintedCount");
      count("LinesPrintedCount", job.encoded.lines);
      if (options_.presenter) (void)read_presenter();
      return Step::finished;
    }
    case Step::cleanup: {
      // A half-sent receipt is cut off so the next one starts on clean paper. Segments are
      // whole commands, so the printer is not inside a command here. Best effort.
      const bool gone = job.error && job.error->reason == "disconnected";
      if (job.sent_any && !job.cut_sent && !gone) {
        transport_->clear_cancel();
        (void)transport_->write(job.encoded.cut, options_.write_timeout);
      }
      return Step::finished;
    }
    case Step::finished:
      break;
  }
  return Step::finished;
}

// ---- transport helpers ---------------------------------------------------------------------

hal::Status EscPosReceiptPrinter::write_all(std::span<const std::uint8_t> bytes) {
  auto s = transport_->write(bytes, options_.write_timeout);
  if (!s.ok() && s.error().code != hal::CompletionCode::canceled) {
    count(hal::stat::kCommunicationErrorCount);
  }
  return s;
}

hal::Status EscPosReceiptPrinter::confirm_printed() {
  transport_->flush_input();
  if (auto s = write_all(receipt_printer::cmd_transmit_paper_status()); !s.ok()) return s;
  const auto deadline = std::chrono::steady_clock::now() + options_.after_print_timeout;
  for (;;) {
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      count(hal::stat::kCommunicationErrorCount);
      return err(hal::CompletionCode::timeout, "timeout", "the printer did not finish the receipt");
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    auto got = transport_->read(1, std::min(left, options_.poll_interval));
    if (got.ok() && !got.value().empty()) {
      const std::uint8_t b = got.value().front();
      if (receipt_printer::is_paper_sensor_byte(b)) return hal::Done{};  // printed
      // A real-time reply to our poll: the printer stopped if it says so.
      RealtimeStatus offline;
      if (receipt_printer::apply_status_byte(StatusQuery::offlineCause, b, offline).ok() &&
          (offline.cover_open || offline.paper_end_stop || offline.error)) {
        auto rt = query_status(options_.status_timeout);
        if (!rt.ok()) return rt.error();
        if (auto why = refusal(rt.value())) return *why;
      }
      continue;
    }
    if (!got.ok() && got.error().code != hal::CompletionCode::timeout) {
      if (got.error().code != hal::CompletionCode::canceled) {
        count(hal::stat::kCommunicationErrorCount);
      }
      return got.error();
    }
    // Still printing, or stopped: ask in real time (answered at once, even mid-job).
    if (auto s = write_all(receipt_printer::cmd_status_request(StatusQuery::offlineCause));
        !s.ok()) {
      return s;
    }
  }
}

hal::Result<RealtimeStatus> EscPosReceiptPrinter::query_status(
    std::chrono::milliseconds first_timeout) {
  RealtimeStatus rt;
  auto timeout = first_timeout;
  for (StatusQuery q : receipt_printer::kAllStatusQueries) {
    // One retry after a reply that is not a status byte (line noise, a stale byte).
    for (int attempt = 0;; ++attempt) {
      transport_->flush_input();
      if (auto s = write_all(receipt_printer::cmd_status_request(q)); !s.ok()) {
        return s.error();
      }
      auto got = transport_->read(1, timeout);
      if (!got.ok()) {
        if (got.error().code != hal::CompletionCode::canceled) {
          count(hal::stat::kCommunicationErrorCount);
        }
        if (got.error().code == hal::CompletionCode::timeout) {
          return err(hal::CompletionCode::timeout, "timeout", "no status reply from the printer");
        }
        return got.error();
      }
      auto applied = receipt_printer::apply_status_byte(q, got.value().front(), rt);
      if (applied.ok()) {
        break;
      }
      count(hal::stat::kCommunicationErrorCount);
      if (attempt >= 1) {
        return applied.error();
      }
    }
    timeout = options_.status_timeout;
  }
  publish(rt);
  return rt;
}

// ---- status, events, counters --------------------------------------------------------------

void EscPosReceiptPrinter::publish(const RealtimeStatus& rt) {
  hal::DeviceStatus next;
  next.detail["paper"] = paper_gone(rt) ? "out" : (rt.paper_near_end ? "near_end" : "ok");
  next.detail["cover"] = rt.cover_open ? "open" : "closed";
  next.detail["cutter"] = rt.cutter_error ? "error" : "ok";
  if (paper_gone(rt)) {
    next.state = hal::DeviceState::userError;
    next.message = "paper out";
  } else if (rt.cover_open) {
    next.state = hal::DeviceState::userError;
    next.message = "cover open";
  } else if (rt.cutter_error || rt.unrecoverable) {
    next.state = hal::DeviceState::hardwareError;
    next.message = rt.cutter_error ? "cutter error" : "unrecoverable error";
  } else if (rt.offline) {
    next.state = hal::DeviceState::offline;
    next.message = "offline";
  } else {
    next.state = hal::DeviceState::online;
    next.message = rt.paper_near_end ? "paper near end" : "ready";
  }
  bool changed = false;
  bool low_now = false;
  bool arrived = false;
  {
    auto lock = lock_state();
    auto& current = locked_status(lock);
    changed = next.state != current.state || next.detail != current.detail;
    arrived = removed_;
    removed_ = false;
    const bool near_end = rt.paper_near_end && !paper_gone(rt);
    low_now = near_end && !paper_near_end_;
    paper_near_end_ = near_end;
    current = next;
  }
  // A printer that answers after it was reported removed (replugged) is back.
  if (arrived) {
    emit(hal::EventKind::deviceArrived, "answering");
  }
  if (changed) {
    emit(hal::EventKind::statusChanged, std::string(hal::to_string(next.state)));
  }
  if (low_now) {
    emit(hal::EventKind::mediaLow, "paper_near_end");
  }
}

void EscPosReceiptPrinter::note_failure(const hal::DeviceError& error) {
  if (error.reason == "disconnected") {
    {
      auto lock = lock_state();
      removed_ = true;
    }
    publish_state(hal::DeviceState::noDevice, "printer disconnected");
    emit(hal::EventKind::deviceRemoved, "disconnected");
  } else if (error.code == hal::CompletionCode::timeout) {
    publish_state(hal::DeviceState::offline, "printer does not answer");
  } else {
    // Otherwise the last status reply stands; a busy state from this command must not stick.
    if (status().state == hal::DeviceState::busy) {
      publish_state(hal::DeviceState::online, "ready");
    }
  }
}

}  // namespace kiosk::drivers
