#pragma once
// A scripted Transport for driver tests: each written command is answered by a script
// function (reply text, silence, disconnect, or block until canceled).

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "drivers/card_printer/card_printer_codec.hpp"
#include "drivers/transport/transport.hpp"

namespace kiosk::test {

struct Action {
  enum Kind { reply, silence, disconnect, block, raw } kind = reply;
  std::string text;                 // reply: text without CR
  std::vector<std::uint8_t> bytes;  // raw: exact bytes
};

class FakeCardTransport final : public drivers::Transport {
 public:
  // Called with the command (name;params) of every write; returns what the printer does.
  using Script = std::function<Action(const std::string& command)>;
  explicit FakeCardTransport(Script script) : script_(std::move(script)) {}

  std::string describe() const override { return "fake:card_printer"; }
  hal::Status open() override { return hal::Done{}; }
  void close() override {}

  hal::Status write(std::span<const std::uint8_t> data, drivers::milliseconds) override {
    std::unique_lock lock(m_);
    if (gone_) return hal::make_error(hal::CompletionCode::deviceNotReady, "disconnected");
    auto parsed = drivers::card_printer::parse_command(data);
    std::string cmd = "?";
    if (parsed.ok() && parsed.value().command) {
      cmd = parsed.value().command->name;
      for (const auto& p : parsed.value().command->params) cmd += ";" + p;
    }
    sent_.push_back(cmd);
    lock.unlock();
    Action a = script_(cmd);
    lock.lock();
    pending_ = a;
    has_pending_ = true;
    return hal::Done{};
  }

  hal::Result<drivers::Bytes> read(std::size_t, drivers::milliseconds timeout) override {
    std::unique_lock lock(m_);
    if (canceled_) return hal::make_error(hal::CompletionCode::canceled, "canceled");
    if (gone_) return hal::make_error(hal::CompletionCode::deviceNotReady, "disconnected");
    if (!has_pending_) return hal::make_error(hal::CompletionCode::timeout, "timeout");
    has_pending_ = false;
    switch (pending_.kind) {
      case Action::reply: {
        drivers::Bytes b(pending_.text.begin(), pending_.text.end());
        b.push_back(0x0D);
        return b;
      }
      case Action::raw:
        return pending_.bytes;
      case Action::silence:
        return hal::make_error(hal::CompletionCode::timeout, "timeout");
      case Action::disconnect:
        gone_ = true;
        return hal::make_error(hal::CompletionCode::deviceNotReady, "disconnected");
      case Action::block:
        blocked_ = true;
        cv_.notify_all();
        cv_.wait_for(lock, timeout, [this] { return canceled_; });
        blocked_ = false;
        if (canceled_) return hal::make_error(hal::CompletionCode::canceled, "canceled");
        return hal::make_error(hal::CompletionCode::timeout, "timeout");
    }
    return hal::make_error(hal::CompletionCode::timeout, "timeout");
  }

  void cancel() override {
    std::lock_guard lock(m_);
    canceled_ = true;
    cv_.notify_all();
  }
  void clear_cancel() override {
    std::lock_guard lock(m_);
    canceled_ = false;
  }
  void flush_input() override {}

  std::vector<std::string> sent() const {
    std::lock_guard lock(m_);
    return sent_;
  }
  // Waits until a read is blocked in a `block` action.
  bool wait_blocked() {
    std::unique_lock lock(m_);
    return cv_.wait_for(lock, std::chrono::seconds(5), [this] { return blocked_; });
  }

 private:
  Script script_;
  mutable std::mutex m_;
  std::condition_variable cv_;
  std::vector<std::string> sent_;
  Action pending_;
  bool has_pending_ = false;
  bool canceled_ = false;
  bool gone_ = false;
  bool blocked_ = false;
};

}  // namespace kiosk::test
