// SamIdReader: the reader's state machine. Protocol bytes live in id_reader_codec.cpp and the
// request/reply exchange in sam_channel.cpp; this file decides what to send next.
#include "drivers/id_reader/id_reader.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "drivers/id_reader/sam_channel.hpp"
#include "drivers/id_reader/wlt_library.hpp"
#include "protocol/encoding/hex.hpp"

namespace kiosk::drivers {
namespace {

using hal::CompletionCode;
using id_reader::Command;
using id_reader::ResponseFrame;
using id_reader::Sw3;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kCardsRead = "CardsReadCount";

// The SW3 of `frame` as a Status: success for the codes in `good`, else its typed meaning.
hal::Status check_sw(const ResponseFrame& frame, std::initializer_list<Sw3> good) {
  if (frame.sw1 != 0 || frame.sw2 != 0) {
    return hal::make_error(CompletionCode::hardwareError, "unknown_status",
                           "reader reported SW1/SW2 not zero");
  }
  const auto m = id_reader::interpret_sw3(frame.sw3);
  for (Sw3 g : good) {
    if (m.status == g) return hal::Done{};
  }
  const auto code = m.code == CompletionCode::success ? CompletionCode::hardwareError : m.code;
  return hal::make_error(code, std::string(m.reason),
                         "reader answered " + std::string(id_reader::to_string(m.status)));
}

bool is_link_loss(const hal::DeviceError& e) {
  return e.code == CompletionCode::deviceNotReady &&
         (e.reason == "disconnected" || e.reason == "not_open");
}

bool is_sam_fault(const hal::DeviceError& e) {
  return e.reason == "sam_failed" || e.reason == "sam_not_authorised" ||
         e.reason == "not_authorised" || e.reason == "stall" || e.reason == "io";
}

}  // namespace

std::string_view to_string(SamIdReader::State state) {
  using S = SamIdReader::State;
  switch (state) {
    case S::closed:
      return "closed";
    case S::idle:
      return "idle";
    case S::waitingForCard:
      return "waitingForCard";
    case S::selecting:
      return "selecting";
    case S::reading:
      return "reading";
    case S::resetting:
      return "resetting";
    case S::checking:
      return "checking";
    case S::disconnected:
      return "disconnected";
    case S::failed:
      return "failed";
  }
  return "unknown";
}

// The protocol; the queue, status, statistics and events are the owner's (DriverBase).
class SamIdReader::Impl {
 public:
  Impl(SamIdReader& owner, std::unique_ptr<Transport> transport,
       std::shared_ptr<const hal::WltDecoder> wlt, SamIdReaderConfig config)
      : owner_(owner),
        config_(std::move(config)),
        transport_(std::move(transport)),
        wlt_(std::move(wlt)),
        channel_(*transport_,
                 id_reader::ChannelTimeouts{config_.response_timeout, config_.inter_byte_timeout},
                 [this](const hal::DeviceError&) {
                   owner_.count(hal::stat::kCommunicationErrorCount);
                 }) {
    caps_.fingerprint = config_.fingerprint;
    caps_.appended_address = config_.appended_address;
    (void)owner_.set_state(hal::DeviceState::offline, {});  // closed, before any event handler
  }

  // ---- public surface (any thread) ----

  hal::DeviceInfo info() const {
    auto lock = owner_.lock_state();
    hal::DeviceInfo i;
    i.id = config_.id;
    i.model = config_.model;
    i.transport = transport_->describe();
    i.serial_number = caps_.sam_id;
    return i;
  }

  hal::Status open() {
    return owner_.run_blocking<hal::Done>([this](hal::CancelToken& token) {
      return guarded<hal::Done>(token, [this] { return do_open(); });
    });
  }

  void close() {
    owner_.cancel_all();
    (void)owner_.run_blocking<hal::Done>([this](hal::CancelToken&) -> hal::Status {
      transport_->close();
      enter(State::closed);
      return hal::Done{};
    });
  }

  hal::Result<hal::DeviceStatus> health_check() {
    return owner_.run_blocking<hal::DeviceStatus>([this](hal::CancelToken& token) {
      return counted(guarded<hal::DeviceStatus>(token, [this] { return do_health_check(); }));
    });
  }

  hal::IdReaderCapabilities capabilities() const {
    auto lock = owner_.lock_state();
    return caps_;
  }

  hal::RequestId read_card(hal::ReadIdOptions options, hal::Completion<hal::IdCard> done) {
    return owner_.submit<hal::IdCard>(
        [this, options](hal::CancelToken& token) {
          return counted(guarded<hal::IdCard>(token, [this, options] { return do_read(options); }));
        },
        std::move(done));
  }

  hal::RequestId reset(hal::Completion<hal::Done> done) {
    return owner_.submit<hal::Done>(
        [this](hal::CancelToken& token) {
          return counted(guarded<hal::Done>(token, [this] { return do_reset(); }));
        },
        std::move(done));
  }

  State state() const {
    auto lock = owner_.lock_state();
    return state_;
  }

  std::shared_ptr<const hal::WltDecoder> wlt_decoder() const { return wlt_; }

 private:
  // Steps of read_card, in order; a step returns the next one.
  enum class ReadStep { checkLifted, findCard, pause, selectCard, readCard, readAddress, done };

  // ---- plumbing ----

  // Wraps one command: a fresh transport cancel state, the token's hook wired to the
  // transport and to the poll pause, and the device reopened if it went away.
  template <typename T, typename Fn>
  hal::Result<T> guarded(hal::CancelToken& token, Fn body) {
    transport_->clear_cancel();
    {
      std::lock_guard lock(pause_m_);
      wake_ = false;
    }
    token.on_cancel([this] {
      transport_->cancel();
      {
        std::lock_guard lock(pause_m_);
        wake_ = true;
      }
      pause_cv_.notify_all();
    });
    hal::Result<T> result = body();
    token.on_cancel({});
    if (token.canceled()) {
      result = hal::make_error(CompletionCode::canceled, "canceled", "command canceled");
    }
    if (!result.ok()) settle_after_error(result.error());
    return result;
  }

  template <typename T>
  hal::Result<T> counted(hal::Result<T> r) {
    owner_.count(r.ok() ? hal::stat::kSuccessfulCommandCount : hal::stat::kFailedCommandCount);
    return r;
  }

  // The one transition function: every state change goes through here and is published.
  void enter(State next) {
    bool changed = false;
    {
      auto lock = owner_.lock_state();
      auto& status = owner_.locked_status(lock);
      const hal::DeviceState before = status.state;
      state_ = next;
      switch (next) {
        case State::closed:
          status.state = hal::DeviceState::offline;
          break;
        case State::idle:
          status.state = hal::DeviceState::online;
          break;
        case State::waitingForCard:
        case State::selecting:
        case State::reading:
        case State::resetting:
        case State::checking:
          status.state = hal::DeviceState::busy;
          break;
        case State::disconnected:
          status.state = hal::DeviceState::noDevice;
          break;
        case State::failed:
          status.state = hal::DeviceState::hardwareError;
          break;
      }
      status.message = std::string(to_string(next));
      changed = before != status.state;
    }
    if (changed) owner_.emit(hal::EventKind::statusChanged, std::string(to_string(next)));
  }

  void set_detail(const std::string& key, const std::string& value) {
    auto lock = owner_.lock_state();
    owner_.locked_status(lock).detail[key] = value;
  }

  // Where an error leaves the reader. Errors about the card or the citizen leave it idle.
  void settle_after_error(const hal::DeviceError& e) {
    if (is_link_loss(e)) {
      if (state() != State::disconnected && state() != State::closed) {
        enter(State::disconnected);
        owner_.emit(hal::EventKind::deviceRemoved, e.reason);
      }
      card_present_.reset();
      return;
    }
    if (state() == State::closed) return;
    if (is_sam_fault(e)) {
      if (e.reason.rfind("sam", 0) == 0) set_detail("sam", "failed");
      enter(State::failed);
      return;
    }
    enter(State::idle);
  }

  // Records what find-card said and raises cardPlaced / cardTaken on a change.
  void note_card(bool present) {
    const std::optional<bool> before = card_present_;
    card_present_ = present;
    set_detail("card", present ? "present" : "absent");
    if (present && before != true) owner_.emit(hal::EventKind::cardPlaced, {});
    if (!present && before == true) owner_.emit(hal::EventKind::cardTaken, {});
    if (!present) must_lift_ = false;
  }

  // Sleeps up to `d`; false if the command was canceled meanwhile.
  bool pause(std::chrono::milliseconds d) {
    std::unique_lock lock(pause_m_);
    return !pause_cv_.wait_for(lock, d, [this] { return wake_; });
  }

  // ---- device steps (worker thread) ----

  // A command needs an open transport; after an unplug the next command reopens it.
  hal::Status ensure_open() {
    const State s = state();
    if (s == State::closed) {
      return hal::make_error(CompletionCode::deviceNotReady, "not_open", "reader not opened");
    }
    if (s != State::disconnected) return hal::Done{};
    transport_->close();
    auto opened = transport_->open();
    if (!opened.ok()) return opened.error();
    auto sam = sam_status();
    if (!sam.ok()) return sam;
    enter(State::idle);
    owner_.emit(hal::EventKind::deviceArrived, {});
    return hal::Done{};
  }

  hal::Status sam_status() {
    auto reply = channel_.exchange(id_reader::cmd::kSamStatus);
    if (!reply.ok()) return reply.error();
    auto ok = check_sw(reply.value(), {Sw3::ok});
    if (!ok.ok()) {
      set_detail("sam", "failed");
      // Whatever the SAM said, a failed status check means the SAM is not usable.
      if (ok.error().code == CompletionCode::hardwareError && !is_sam_fault(ok.error())) {
        return hal::make_error(CompletionCode::hardwareError, "sam_failed",
                               "SAM status check failed");
      }
      return ok;
    }
    set_detail("sam", "ok");
    return hal::Done{};
  }

  hal::Status do_open() {
    transport_->close();
    auto opened = transport_->open();
    if (!opened.ok()) {
      enter(State::closed);
      if (opened.error().code == CompletionCode::deviceNotReady) return opened.error();
      return hal::make_error(CompletionCode::deviceNotReady, opened.error().reason,
                             opened.error().message);
    }
    enter(State::idle);
    auto sam = sam_status();
    if (!sam.ok()) {
      // hal::Device::open reports a silent device as not ready.
      if (sam.error().code == CompletionCode::timeout) {
        return hal::make_error(CompletionCode::deviceNotReady, "timeout", "reader did not answer");
      }
      return sam;
    }
    auto id = channel_.exchange(id_reader::cmd::kReadSamId);
    if (!id.ok()) return id.error();
    auto ok = check_sw(id.value(), {Sw3::ok});
    if (!ok.ok()) return ok;
    {
      auto lock = owner_.lock_state();
      caps_.sam_id = id_reader::format_sam_id(id.value().data);
    }
    if (auto* library = wlt_library()) library->set_sam_id(capabilities().sam_id);
    return hal::Done{};
  }

  hal::Result<hal::DeviceStatus> do_health_check() {
    auto open = ensure_open();
    if (!open.ok()) return open.error();
    enter(State::checking);
    auto sam = sam_status();
    if (!sam.ok()) {
      if (is_link_loss(sam.error()) || sam.error().code == CompletionCode::timeout ||
          sam.error().code == CompletionCode::canceled) {
        return sam.error();
      }
      enter(State::failed);
      return owner_.status();
    }
    auto present = must_lift_ ? card_still_there() : find_card();
    if (!present.ok()) return present.error();
    enter(State::idle);
    return owner_.status();
  }

  hal::Result<hal::Done> do_reset() {
    auto open = ensure_open();
    if (!open.ok()) return open.error();
    enter(State::resetting);
    auto reply = channel_.exchange(id_reader::cmd::kResetSam);
    if (!reply.ok()) return reply.error();
    auto ok = check_sw(reply.value(), {Sw3::ok});
    if (!ok.ok() && ok.error().reason == "command_error") {
      // One source documents the reset as 01 FF: a SAM that does not know 10 FF gets that.
      reply = channel_.exchange(id_reader::cmd::kResetSamAlt);
      if (!reply.ok()) return reply.error();
      ok = check_sw(reply.value(), {Sw3::ok});
    }
    if (!ok.ok()) return ok;
    set_detail("sam", "ok");
    enter(State::idle);
    return hal::Done{};
  }

  // find card: true for a card (9F), false for none (80).
  hal::Result<bool> find_card() {
    auto reply = channel_.exchange(id_reader::cmd::kFindCard);
    if (!reply.ok()) return reply.error();
    const auto& f = reply.value();
    if (f.sw1 == 0 && f.sw2 == 0 && f.sw3 == static_cast<std::uint8_t>(Sw3::findCardFailed)) {
      note_card(false);
      return false;
    }
    auto ok = check_sw(f, {Sw3::cardFound, Sw3::ok});
    if (!ok.ok()) return ok.error();
    note_card(true);
    return true;
  }

  // Whether the card just read is still on the reader. As field software does, with a cheap
  // read (30 03, the appended address) rather than find-card: a reader may answer find-card
  // with "no card" (80) for a card that is still there but already read. 90 or 91 mean the
  // card answered; a SAM without 30 03 (21) falls back to find-card.
  hal::Result<bool> card_still_there() {
    if (!capabilities().appended_address) return find_card();
    auto reply = channel_.exchange(id_reader::cmd::kReadAppendedAddress);
    if (!reply.ok()) return reply.error();
    const auto& f = reply.value();
    if (f.sw1 == 0 && f.sw2 == 0 &&
        (f.sw3 == static_cast<std::uint8_t>(Sw3::ok) ||
         f.sw3 == static_cast<std::uint8_t>(Sw3::noContent))) {
      note_card(true);
      return true;
    }
    auto ok = check_sw(f, {Sw3::ok});
    if (!ok.ok() && ok.error().reason == "command_error") {
      {
        auto lock = owner_.lock_state();
        caps_.appended_address = false;
      }
      return find_card();
    }
    note_card(false);  // read failed / no card: the card was lifted
    return false;
  }

  WltLibraryDecoder* wlt_library() const {
    return const_cast<WltLibraryDecoder*>(dynamic_cast<const WltLibraryDecoder*>(wlt_.get()));
  }

  hal::Result<hal::IdCard> do_read(const hal::ReadIdOptions& options) {
    auto open = ensure_open();
    if (!open.ok()) return open.error();
    const auto deadline = Clock::now() + std::chrono::milliseconds(std::max(0, options.timeout_ms));
    hal::IdCard card;
    ReadStep step = must_lift_ ? ReadStep::checkLifted : ReadStep::findCard;
    enter(State::waitingForCard);
    while (step != ReadStep::done) {
      auto next = read_step(step, options, deadline, card);
      if (!next.ok()) return next.error();
      step = next.value();
    }
    must_lift_ = true;
    owner_.count(kCardsRead);
    enter(State::idle);
    return card;
  }

  // One step of read_card: its next step, or the error that ends the read.
  hal::Result<ReadStep> read_step(ReadStep step, const hal::ReadIdOptions& options,
                                  Clock::time_point deadline, hal::IdCard& card) {
    switch (step) {
      case ReadStep::checkLifted: {
        auto present = card_still_there();
        if (!present.ok()) return present.error();
        if (present.value()) {
          return hal::make_error(CompletionCode::userError, "card_not_removed",
                                 "the card already read is still on the reader");
        }
        return ReadStep::pause;
      }
      case ReadStep::findCard: {
        auto present = find_card();
        if (!present.ok()) return present.error();
        return present.value() ? ReadStep::selectCard : ReadStep::pause;
      }
      case ReadStep::pause: {
        const auto now = Clock::now();
        if (now >= deadline)
          return hal::make_error(CompletionCode::timeout, "no_card", "no card was placed");
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
        if (!pause(std::min(left, config_.poll_interval))) {
          return hal::make_error(CompletionCode::canceled, "canceled", "command canceled");
        }
        return ReadStep::findCard;
      }
      case ReadStep::selectCard: {
        enter(State::selecting);
        auto reply = channel_.exchange(id_reader::cmd::kSelectCard);
        if (!reply.ok()) return reply.error();
        auto ok = check_sw(reply.value(), {Sw3::ok});
        if (!ok.ok()) return ok.error();
        return ReadStep::readCard;
      }
      case ReadStep::readCard: {
        enter(State::reading);
        auto read = read_text(options.with_fingerprint && capabilities().fingerprint);
        if (!read.ok()) return read.error();
        card = std::move(read).value();
        const bool want_address = config_.read_appended_address && capabilities().appended_address;
        return want_address ? ReadStep::readAddress : ReadStep::done;
      }
      case ReadStep::readAddress: {
        auto address = read_appended_address();
        if (!address.ok()) return address.error();
        card.appended_address = std::move(address).value();
        return ReadStep::done;
      }
      case ReadStep::done:
        break;
    }
    return ReadStep::done;
  }

  hal::Result<hal::IdCard> read_text(bool with_fingerprint) {
    const Command command =
        with_fingerprint ? id_reader::cmd::kReadWithFingerprint : id_reader::cmd::kReadTextPhoto;
    auto reply = channel_.exchange(command);
    if (!reply.ok()) return reply.error();
    auto ok = check_sw(reply.value(), {Sw3::ok});
    if (!ok.ok()) {
      if (with_fingerprint && ok.error().reason == "command_error") {
        // This SAM has no fingerprint read: remember, and read text and photo instead.
        {
          auto lock = owner_.lock_state();
          caps_.fingerprint = false;
        }
        return read_text(false);
      }
      return ok.error();
    }
    const auto kind =
        with_fingerprint ? id_reader::ReadKind::withFingerprint : id_reader::ReadKind::textPhoto;
    auto card = id_reader::decode_read_reply(reply.value().data, kind);
    if (!card.ok()) return card;
    if (const auto* library = wlt_library()) {
      // The vendor library gets the whole frame, as the reader sent it, and the SAM id.
      const auto frame = id_reader::build_response(reply.value().sw3, reply.value().data,
                                                   reply.value().sw1, reply.value().sw2);
      auto photo = library->decode_frame(frame, capabilities().sam_id);
      if (photo.ok()) card.value().photo = std::move(photo).value();
    }
    return card;
  }

  hal::Result<std::string> read_appended_address() {
    auto reply = channel_.exchange(id_reader::cmd::kReadAppendedAddress);
    if (!reply.ok()) return reply.error();
    const auto& f = reply.value();
    auto ok = check_sw(f, {Sw3::ok, Sw3::noContent});
    if (!ok.ok()) {
      if (ok.error().reason == "command_error") {
        auto lock = owner_.lock_state();
        caps_.appended_address = false;
        return std::string{};
      }
      return ok.error();
    }
    if (f.sw3 == static_cast<std::uint8_t>(Sw3::noContent)) return std::string{};
    return id_reader::decode_appended_address(f.data);
  }

  SamIdReader& owner_;
  const SamIdReaderConfig config_;
  std::unique_ptr<Transport> transport_;
  std::shared_ptr<const hal::WltDecoder> wlt_;

  // Guarded by the owner's state lock (lock_state()).
  State state_ = State::closed;
  hal::IdReaderCapabilities caps_;

  // Worker-thread state.
  id_reader::SamChannel channel_;
  bool must_lift_ = false;  // a card was read and find-card has not reported "no card" since
  std::optional<bool> card_present_;

  // Interruptible pause between polls.
  std::mutex pause_m_;
  std::condition_variable pause_cv_;
  bool wake_ = false;
};

SamIdReader::SamIdReader(std::unique_ptr<Transport> transport,
                         std::shared_ptr<const hal::WltDecoder> wlt, SamIdReaderConfig config)
    : DriverBase(config.id,
                 {hal::stat::kCommunicationErrorCount, hal::stat::kSuccessfulCommandCount,
                  hal::stat::kFailedCommandCount, kCardsRead}),
      impl_(
          std::make_unique<Impl>(*this, std::move(transport), std::move(wlt), std::move(config))) {}

SamIdReader::~SamIdReader() {
  set_event_handler({});
  impl_->close();
  stop_worker();  // before impl_, whose protocol the worker runs, goes
}

hal::DeviceInfo SamIdReader::info() const {
  return impl_->info();
}
hal::Status SamIdReader::open() {
  return impl_->open();
}
void SamIdReader::close() {
  impl_->close();
}
hal::Result<hal::DeviceStatus> SamIdReader::health_check() {
  return impl_->health_check();
}
hal::IdReaderCapabilities SamIdReader::capabilities() const {
  return impl_->capabilities();
}
hal::RequestId SamIdReader::read_card(hal::ReadIdOptions options,
                                      hal::Completion<hal::IdCard> done) {
  return impl_->read_card(options, std::move(done));
}
hal::RequestId SamIdReader::reset(hal::Completion<hal::Done> done) {
  return impl_->reset(std::move(done));
}
SamIdReader::State SamIdReader::state() const {
  return impl_->state();
}
std::shared_ptr<const hal::WltDecoder> SamIdReader::wlt_decoder() const {
  return impl_->wlt_decoder();
}

}  // namespace kiosk::drivers
