#pragma once
// A Transport for driver tests: each request the driver writes is answered from a script
// (a model of a SAM reader, overridable per command), and the script can stall, time out,
// cut replies short, split them into USB-sized pieces, unplug, or block until canceled.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "drivers/id_reader/id_reader_codec.hpp"
#include "drivers/transport/transport.hpp"

namespace kiosk::test {

namespace idr = drivers::id_reader;
using Bytes = std::vector<std::uint8_t>;

// One outcome of Transport::read.
struct ReadStep {
  Bytes bytes;                            // returned (in pieces of at most max_bytes)
  std::optional<hal::DeviceError> error;  // returned instead of bytes
  bool block_until_cancel = false;        // waits until cancel() (or the read's timeout)

  static ReadStep data(Bytes b) { return ReadStep{std::move(b), std::nullopt, false}; }
  static ReadStep fail(hal::CompletionCode code, std::string reason) {
    return ReadStep{{}, hal::make_error(code, std::move(reason), "scripted"), false};
  }
  static ReadStep block() { return ReadStep{{}, std::nullopt, true}; }
};
using Reply = std::vector<ReadStep>;  // what one request produces; empty: no answer

inline std::uint16_t key(idr::Command c) {
  return static_cast<std::uint16_t>(c.cmd << 8 | c.para);
}

// A SAM reader model plus per-command overrides. Shared by the test and the transport.
class ScriptedReader {
 public:
  bool card_present = false;
  hal::IdCard card;
  std::uint8_t sam_sw3 = 0x90;
  bool fingerprint_supported = true;
  bool reset_01ff_only = false;
  std::string appended_address;

  // The next request with `command` gets `reply` instead of the model's answer (queued).
  void override_next(idr::Command command, Reply reply) {
    overrides_[key(command)].push_back(std::move(reply));
  }

  // Splits a reply frame into 64-byte transfers, as a USB bulk endpoint delivers it.
  static Reply in_usb_transfers(const Bytes& frame) {
    Reply r;
    for (std::size_t i = 0; i < frame.size(); i += 64) {
      r.push_back(ReadStep::data(
          Bytes(frame.begin() + static_cast<std::ptrdiff_t>(i),
                frame.begin() + static_cast<std::ptrdiff_t>(std::min(frame.size(), i + 64)))));
    }
    return r;
  }

  Reply respond(const idr::RequestFrame& req) {
    auto it = overrides_.find(key(req.command));
    if (it != overrides_.end() && !it->second.empty()) {
      Reply r = std::move(it->second.front());
      it->second.pop_front();
      return r;
    }
    return {ReadStep::data(model(req.command))};
  }

  Bytes model(idr::Command c) const {
    namespace cmd = idr::cmd;
    if (c == cmd::kSamStatus) return idr::build_response(sam_sw3);
    if (c == cmd::kReadSamId) return idr::build_response(0x90, Bytes{0x05, 0x01, 0xAB, 0xCD});
    if (c == cmd::kResetSam) return idr::build_response(reset_01ff_only ? 0x21 : 0x90);
    if (c == cmd::kResetSamAlt) return idr::build_response(0x90);
    if (c == cmd::kFindCard)
      return card_present ? idr::build_response(0x9F, Bytes{0, 0, 0, 0})
                          : idr::build_response(0x80);
    if (c == cmd::kSelectCard)
      return card_present ? idr::build_response(0x90, Bytes(8, 0)) : idr::build_response(0x81);
    if (c == cmd::kReadTextPhoto || c == cmd::kReadWithFingerprint) {
      if (c == cmd::kReadWithFingerprint && !fingerprint_supported)
        return idr::build_response(0x21);
      if (!card_present) return idr::build_response(0x41);
      const auto kind =
          c == cmd::kReadTextPhoto ? idr::ReadKind::textPhoto : idr::ReadKind::withFingerprint;
      auto data = idr::encode_read_reply_data(card, kind);
      return data.ok() ? idr::build_response(0x90, data.value()) : idr::build_response(0x41);
    }
    if (c == cmd::kReadAppendedAddress) {
      if (!card_present) return idr::build_response(0x41);  // nothing to read: read failed
      if (appended_address.empty()) return idr::build_response(0x91);
      return idr::build_response(0x90, idr::encode_appended_address(appended_address).value());
    }
    return idr::build_response(0x21);
  }

 private:
  std::map<std::uint16_t, std::deque<Reply>> overrides_;
};

// What the test sees of the transport after handing it to the driver.
struct TransportProbe {
  std::mutex m;
  std::condition_variable cv;
  ScriptedReader reader;
  std::deque<ReadStep> pending;
  std::vector<idr::Command> requests;
  bool canceled = false;
  bool plugged = true;
  bool open = false;
  int opens = 0;
  int flushes = 0;

  std::vector<idr::Command> requests_copy() {
    std::lock_guard lock(m);
    return requests;
  }
  int count(idr::Command c) {
    std::lock_guard lock(m);
    int n = 0;
    for (auto r : requests) n += r == c ? 1 : 0;
    return n;
  }
};

class ScriptedTransport final : public drivers::Transport {
 public:
  explicit ScriptedTransport(std::shared_ptr<TransportProbe> probe) : p_(std::move(probe)) {}

  std::string describe() const override { return "scripted:id_reader"; }

  hal::Status open() override {
    std::lock_guard lock(p_->m);
    if (!p_->plugged)
      return hal::make_error(hal::CompletionCode::deviceNotReady, "disconnected", "unplugged");
    p_->open = true;
    ++p_->opens;
    return hal::Done{};
  }
  void close() override {
    std::lock_guard lock(p_->m);
    p_->open = false;
  }

  hal::Status write(std::span<const std::uint8_t> data, drivers::milliseconds) override {
    std::lock_guard lock(p_->m);
    if (!p_->open)
      return hal::make_error(hal::CompletionCode::deviceNotReady, "not_open", "not open");
    if (!p_->plugged)
      return hal::make_error(hal::CompletionCode::deviceNotReady, "disconnected", "unplugged");
    if (p_->canceled) return hal::make_error(hal::CompletionCode::canceled, "canceled", "canceled");
    parser_.reset();
    parser_.feed(data);
    auto frame = parser_.next();
    if (frame.ok() && frame.value()) {
      auto req = idr::to_request(*frame.value());
      if (req.ok()) {
        p_->requests.push_back(req.value().command);
        for (auto& step : p_->reader.respond(req.value())) p_->pending.push_back(std::move(step));
      }
    }
    p_->cv.notify_all();
    return hal::Done{};
  }

  hal::Result<drivers::Bytes> read(std::size_t max_bytes, drivers::milliseconds timeout) override {
    std::unique_lock lock(p_->m);
    if (!p_->open)
      return hal::make_error(hal::CompletionCode::deviceNotReady, "not_open", "not open");
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      if (p_->canceled)
        return hal::make_error(hal::CompletionCode::canceled, "canceled", "canceled");
      if (!p_->plugged)
        return hal::make_error(hal::CompletionCode::deviceNotReady, "disconnected", "unplugged");
      if (!p_->pending.empty() && !p_->pending.front().block_until_cancel) break;
      if (p_->cv.wait_until(lock, deadline) == std::cv_status::timeout) {
        if (!p_->pending.empty() && p_->pending.front().block_until_cancel) p_->pending.pop_front();
        return hal::make_error(hal::CompletionCode::timeout, "timeout", "scripted timeout");
      }
    }
    ReadStep& step = p_->pending.front();
    if (step.error) {
      auto e = *step.error;
      p_->pending.pop_front();
      if (e.reason == "disconnected") p_->plugged = false;
      return e;
    }
    const std::size_t n = std::min(max_bytes, step.bytes.size());
    drivers::Bytes out(step.bytes.begin(), step.bytes.begin() + static_cast<std::ptrdiff_t>(n));
    step.bytes.erase(step.bytes.begin(), step.bytes.begin() + static_cast<std::ptrdiff_t>(n));
    if (step.bytes.empty()) p_->pending.pop_front();
    return out;
  }

  void cancel() override {
    {
      std::lock_guard lock(p_->m);
      p_->canceled = true;
    }
    p_->cv.notify_all();
  }
  void clear_cancel() override {
    std::lock_guard lock(p_->m);
    p_->canceled = false;
  }
  void flush_input() override {
    std::lock_guard lock(p_->m);
    p_->pending.clear();
    ++p_->flushes;
  }

 private:
  std::shared_ptr<TransportProbe> p_;
  idr::FrameParser parser_;
};

}  // namespace kiosk::test
