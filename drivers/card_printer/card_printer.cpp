// EvolisCardPrinter: the print-job state machine over the Evolis codec.
#include "drivers/card_printer/card_printer.hpp"

namespace kiosk::drivers::card_printer {
namespace {

using hal::CompletionCode;
using hal::DeviceState;
using hal::EventKind;
using hal::make_error;
using std::chrono::milliseconds;

constexpr std::string_view kCardsPrinted = "CardsPrintedCount";
constexpr std::string_view kCardsRejected = "CardsRejectedCount";
constexpr std::string_view kRibbonPanels = "RibbonRemainingPanels";

bool is_link_error(const hal::DeviceError& e) {
  return e.reason == "timeout" || e.reason == "disconnected" || e.reason == "not_open" ||
         e.reason == "bad_reply" || e.reason == "io" || e.reason == "stall" ||
         e.code == CompletionCode::timeout;
}

}  // namespace

EvolisCardPrinter::EvolisCardPrinter(std::unique_ptr<Transport> transport, EvolisConfig config)
    : DriverBase(
          config.device_id,
          {hal::stat::kSuccessfulCommandCount, hal::stat::kFailedCommandCount,
           hal::stat::kCommunicationErrorCount, kCardsPrinted, kCardsRejected, kRibbonPanels}),
      transport_(std::move(transport)),
      config_(std::move(config)) {
  info_.id = config_.device_id;
  info_.model = config_.model;
  info_.transport = transport_->describe();
}

EvolisCardPrinter::~EvolisCardPrinter() {
  close();
  stop_worker();
}

hal::DeviceInfo EvolisCardPrinter::info() const {
  auto lock = lock_state();
  return info_;
}

hal::Status EvolisCardPrinter::open() {
  return run_blocking<hal::Done>([this](hal::CancelToken&) -> hal::Status {
    if (auto st = transport_->open(); !st.ok()) {
      publish_state(DeviceState::noDevice, "transport did not open");
      return st.error();
    }
    transport_->clear_cancel();
    opened_ = true;
    std::string firmware;
    std::string serial;
    if (auto r = exchange(encode_command("Rfv"), config_.command_timeout); r.ok() && r.value().ok) {
      firmware = r.value().text;
    }
    if (auto r = exchange(encode_command("Rsn"), config_.command_timeout); r.ok() && r.value().ok) {
      serial = r.value().text;
    }
    // Error handling by the host: the printer reports and waits instead of retrying itself.
    (void)exchange(encode_command("Pem", {"2"}), config_.command_timeout);
    auto report = query_status();
    if (!report.ok()) {
      publish_state(DeviceState::offline, "printer does not answer");
      return report.error();
    }
    {
      auto lock = lock_state();
      info_.firmware = firmware;
      info_.serial_number = serial;
    }
    apply_status(report.value());
    return hal::Done{};
  });
}

void EvolisCardPrinter::close() {
  cancel_all();
  (void)run_blocking<hal::Done>([this](hal::CancelToken&) -> hal::Status {
    if (opened_) {
      transport_->close();
      publish_state(DeviceState::noDevice, "closed");
    }
    opened_ = false;
    return hal::Done{};
  });
}

hal::Result<hal::DeviceStatus> EvolisCardPrinter::health_check() {
  return run_blocking<hal::DeviceStatus>(
      [this](hal::CancelToken&) -> hal::Result<hal::DeviceStatus> {
        if (!opened_)
          return make_error(CompletionCode::deviceNotReady, "not_open", "printer not opened");
        transport_->clear_cancel();
        auto report = query_status();
        if (!report.ok()) {
          note_failure(report.error());
          return report.error();
        }
        apply_status(report.value());
        return status();
      });
}

hal::CardPrinterCapabilities EvolisCardPrinter::capabilities() const {
  hal::CardPrinterCapabilities caps;
  caps.duplex = config_.duplex;
  caps.ribbons = {config_.ribbon};
  caps.dpi = 300;
  return caps;
}

bool EvolisCardPrinter::card_spoiled() const {
  auto lock = lock_state();
  return spoiled_;
}

hal::RequestId EvolisCardPrinter::print_card(hal::CardJob job,
                                             hal::Completion<hal::PrintedCard> done) {
  auto shared_job = std::make_shared<hal::CardJob>(std::move(job));
  return submit<hal::PrintedCard>(
      [this, shared_job](hal::CancelToken& token) {
        auto r = run_job(*shared_job, token);
        count(r.ok() ? hal::stat::kSuccessfulCommandCount : hal::stat::kFailedCommandCount);
        return r;
      },
      std::move(done));
}

hal::RequestId EvolisCardPrinter::reject_card(hal::Completion<hal::Done> done) {
  return submit<hal::Done>(
      [this](hal::CancelToken& token) {
        auto r = run_reject(token);
        count(r.ok() ? hal::stat::kSuccessfulCommandCount : hal::stat::kFailedCommandCount);
        return r;
      },
      std::move(done));
}

// ---- the job state machine ------------------------------------------------------------------

EvolisCardPrinter::JobStep EvolisCardPrinter::next_step(JobStep step, bool has_back) {
  switch (step) {
    case JobStep::checkStatus:
      return JobStep::selectRibbon;
    case JobStep::selectRibbon:
      return JobStep::startSequence;
    case JobStep::startSequence:
      return JobStep::loadCard;
    case JobStep::loadCard:
      return JobStep::printFront;
    case JobStep::printFront:
      return has_back ? JobStep::turnCard : JobStep::endSequence;
    case JobStep::turnCard:
      return JobStep::printBack;
    case JobStep::printBack:
      return JobStep::endSequence;
    case JobStep::endSequence:
      return JobStep::done;
    case JobStep::done:
      return JobStep::done;
  }
  return JobStep::done;
}

hal::Status EvolisCardPrinter::run_step(JobStep step, const JobCommands& cmds,
                                        hal::CancelToken& token) {
  auto send_all = [&](const std::vector<Bytes>& frames, milliseconds timeout) -> hal::Status {
    for (const auto& frame : frames) {
      if (token.canceled())
        return make_error(CompletionCode::canceled, "canceled", "print canceled");
      auto r = exchange(frame, timeout);
      if (!r.ok()) return r.error();
      if (!r.value().ok) return error_for_code(r.value().error_code);
    }
    return hal::Done{};
  };
  switch (step) {
    case JobStep::checkStatus: {
      auto report = query_status();
      if (!report.ok()) return report.error();
      apply_status(report.value());
      const auto& s = report.value();
      if (s.cover == "open") return error_for_code('C');
      if (s.feeder == "empty") return error_for_code('F');
      if (s.ribbon == "out") return error_for_code('R');
      if (s.card == "jammed") return error_for_code('T', true);
      return hal::Done{};
    }
    case JobStep::selectRibbon:
      return send_all(cmds.select_ribbon, config_.command_timeout);
    case JobStep::startSequence:
      return send_all(cmds.start, config_.command_timeout);
    case JobStep::loadCard:
      return send_all(cmds.load, config_.mechanical_timeout);
    case JobStep::printFront:
      return send_all(cmds.front, config_.mechanical_timeout);
    case JobStep::turnCard:
      return send_all(cmds.turn, config_.mechanical_timeout);
    case JobStep::printBack:
      return send_all(cmds.back, config_.mechanical_timeout);
    case JobStep::endSequence:
      return send_all(cmds.end, config_.end_timeout);
    case JobStep::done:
      return hal::Done{};
  }
  return hal::Done{};
}

hal::Result<hal::PrintedCard> EvolisCardPrinter::run_job(const hal::CardJob& job,
                                                         hal::CancelToken& token) {
  if (!opened_) return make_error(CompletionCode::deviceNotReady, "not_open", "printer not opened");
  if (card_spoiled()) {
    return make_error(CompletionCode::deviceNotReady, "reject_required",
                      "a spoiled card must be rejected first");
  }
  JobOptions options;
  options.ribbon = config_.ribbon;
  options.duplex = config_.duplex;
  options.raw_size = config_.raw_size;
  auto cmds = build_job(job, options);
  if (!cmds.ok()) return cmds.error();

  transport_->clear_cancel();
  token.on_cancel([t = transport_.get()] { t->cancel(); });
  // Busy is set without a statusChanged event; the status read after the job replaces it.
  (void)set_state(DeviceState::busy, "printing");

  JobStep step = JobStep::checkStatus;
  bool card_loaded = false;
  std::optional<hal::DeviceError> failure;
  while (step != JobStep::done) {
    if (token.canceled()) {
      failure = make_error(CompletionCode::canceled, "canceled", "print canceled");
      break;
    }
    if (step == JobStep::loadCard) card_loaded = true;  // from here a failure spoils the card
    auto st = run_step(step, cmds.value(), token);
    if (!st.ok()) {
      failure = st.error();
      break;
    }
    step = next_step(step, job.back.has_value());
  }

  // Cleanup: always re-read the printer (after clearing a cancel, so the read can happen).
  token.on_cancel({});
  transport_->clear_cancel();
  const bool link_down = failure && failure->reason == "disconnected";
  std::optional<StatusReport> report;
  if (!link_down) {
    auto r = query_status();
    if (r.ok()) report = r.value();
  }
  if (report) apply_status(*report);

  if (!failure) {
    count(kCardsPrinted);
    return hal::PrintedCard{report ? report->card_counter : 0};
  }
  // An error reply's words are not standard: the sensors read just now say what happened.
  const bool printer_error = failure->reason == "mechanical" || failure->reason == "jam" ||
                             failure->reason == "ribbon_out" || failure->reason == "cover_open";
  if (printer_error && report) {
    if (report->cover == "open") {
      failure = error_for_code('C');
    } else if (report->card == "jammed") {
      failure = error_for_code('T', true);
    } else if (report->ribbon == "out") {
      failure = error_for_code('R');
    }
  }
  // After the load the card is spoiled unless the printer says none went in (feeder empty,
  // cover open at load). Without an answer we must assume it is inside.
  if (card_loaded && (!report || report->card != "none")) {
    auto lock = lock_state();
    spoiled_ = true;
    locked_status(lock).detail["card"] = report ? report->card : "held";
  }
  if (failure->reason == "jam") emit(EventKind::mediaJammed, "card_jammed");
  if (failure->reason == "ribbon_out") emit(EventKind::mediaLow, "ribbon_out");
  note_failure(*failure);
  if (!report && !link_down) publish_state(DeviceState::offline, "printer does not answer");
  return *failure;
}

hal::Result<hal::Done> EvolisCardPrinter::run_reject(hal::CancelToken& token) {
  if (!opened_) return make_error(CompletionCode::deviceNotReady, "not_open", "printer not opened");
  transport_->clear_cancel();
  token.on_cancel([t = transport_.get()] { t->cancel(); });
  auto finish = [&](hal::Status st) {
    token.on_cancel({});
    transport_->clear_cancel();
    if (!st.ok()) note_failure(st.error());
    return st;
  };
  auto before = query_status();
  if (!before.ok()) return finish(before.error());
  if (before.value().card == "none" && !card_spoiled()) {
    apply_status(before.value());
    return finish(hal::Done{});
  }
  auto r = exchange(encode_command("Ser"), config_.mechanical_timeout);
  if (!r.ok()) return finish(r.error());
  if (!r.value().ok) {
    auto after = query_status();
    if (after.ok()) apply_status(after.value());
    return finish(
        error_for_code(r.value().error_code, after.ok() && after.value().card == "jammed"));
  }
  {
    auto lock = lock_state();
    spoiled_ = false;
  }
  count(kCardsRejected);
  auto after = query_status();
  if (after.ok()) apply_status(after.value());
  return finish(hal::Done{});
}

// ---- wire -----------------------------------------------------------------------------------

hal::Result<Reply> EvolisCardPrinter::exchange(const Bytes& frame, milliseconds timeout) {
  transport_->flush_input();  // stale bytes of an earlier, failed exchange
  if (auto st = transport_->write(frame, timeout); !st.ok()) return st.error();
  auto text = read_reply(timeout);
  if (!text.ok()) return text.error();
  return parse_reply(text.value());
}

hal::Result<std::string> EvolisCardPrinter::read_reply(milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string text;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      return make_error(CompletionCode::timeout, "timeout", "printer did not answer in time");
    }
    auto chunk = transport_->read(kMaxReply, left);
    if (!chunk.ok()) return chunk.error();
    for (std::uint8_t b : chunk.value()) {
      if (b == kCr) return text;  // bytes after the CR are noise; flushed before the next command
      text.push_back(static_cast<char>(b));
      if (text.size() > kMaxReply) {
        return make_error(CompletionCode::invalidData, "bad_reply", "reply too long");
      }
    }
  }
}

hal::Result<StatusReport> EvolisCardPrinter::query_status() {
  StatusReplies replies;
  for (const auto& q : kStatusQueries) {
    // Errors are answers here ("ERR CARD" for a jammed card, "ERR RIB DETECTION").
    auto r = exchange(encode_command(q.name, {std::string(q.param)}), config_.command_timeout);
    if (!r.ok()) return r.error();
    replies.*q.answer = r.value().text;
  }
  return status_from_replies(replies, config_.ribbon_low);
}

void EvolisCardPrinter::apply_status(const StatusReport& report) {
  std::vector<std::pair<EventKind, std::string>> events;
  {
    auto lock = lock_state();
    const auto prev = last_report_;
    auto& current = locked_status(lock);
    auto& d = current.detail;
    d["ribbon"] = report.ribbon;
    d["feeder"] = report.feeder;
    d["cover"] = report.cover;
    d["card"] = report.card;
    locked_stats(lock)[std::string(kRibbonPanels)] = report.ribbon_panels;
    DeviceState state = DeviceState::online;
    std::string message = "ready";
    if (report.cover == "open") {
      state = DeviceState::userError;
      message = "cover open";
    } else if (report.feeder == "empty") {
      state = DeviceState::userError;
      message = "feeder empty";
    } else if (report.ribbon == "out") {
      state = DeviceState::hardwareError;
      message = "ribbon out";
    } else if (report.card == "jammed") {
      state = DeviceState::hardwareError;
      message = "card jammed";
    } else if (spoiled_) {
      message = "spoiled card waits for reject";
    }
    if (state != current.state)
      events.emplace_back(EventKind::statusChanged, std::string(hal::to_string(state)));
    current.state = state;
    current.message = message;
    const bool ribbon_low = report.ribbon != "ok";
    const bool feeder_low = report.feeder != "ok";
    if (ribbon_low && (!prev || prev->ribbon != report.ribbon)) {
      events.emplace_back(EventKind::mediaLow, "ribbon_" + report.ribbon);
    }
    if (feeder_low && (!prev || prev->feeder != report.feeder)) {
      events.emplace_back(EventKind::mediaLow, "feeder_" + report.feeder);
    }
    if (prev && prev->card == "in_mouth" && report.card == "none") {
      events.emplace_back(EventKind::cardTaken, "card_taken");
    }
    last_report_ = report;
  }
  for (auto& [kind, detail] : events) emit(kind, detail);
}

void EvolisCardPrinter::note_failure(const hal::DeviceError& error) {
  if (is_link_error(error)) count(hal::stat::kCommunicationErrorCount);
  if (error.reason == "disconnected") {
    publish_state(DeviceState::offline, "printer disconnected");
    emit(EventKind::deviceRemoved, "disconnected");
  }
}

std::unique_ptr<hal::CardPrinter> make_evolis_card_printer(std::unique_ptr<Transport> transport,
                                                           EvolisConfig config) {
  return std::make_unique<EvolisCardPrinter>(std::move(transport), std::move(config));
}

}  // namespace kiosk::drivers::card_printer
