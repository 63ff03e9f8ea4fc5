#pragma once
// Small helpers for tests that drive emulators through the umockdev USB harness.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <span>
#include <vector>

#include "drivers/emu/common/byte_emulator.hpp"

namespace kiosk::testing {

// Answers every chunk the host writes with the same bytes.
class EchoEmulator final : public drivers::emu::ByteEmulator {
 public:
  EchoEmulator() : ByteEmulator("echo") { start(); }
  ~EchoEmulator() override { stop(); }
  void on_host_bytes(std::span<const std::uint8_t> bytes) override {
    reply(std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
  }
};

// Collects values from another thread; wait_for() returns once `pred` holds for one of them.
template <typename T>
class Inbox {
 public:
  void push(T value) {
    std::lock_guard lock(m_);
    items_.push_back(std::move(value));
    cv_.notify_all();
  }
  template <typename Pred>
  bool wait_for(Pred pred, std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_);
    return cv_.wait_for(lock, timeout, [&] {
      for (const auto& i : items_) {
        if (pred(i)) return true;
      }
      return false;
    });
  }
  std::vector<T> items() const {
    std::lock_guard lock(m_);
    return items_;
  }

 private:
  mutable std::mutex m_;
  std::condition_variable cv_;
  std::vector<T> items_;
};

}  // namespace kiosk::testing
