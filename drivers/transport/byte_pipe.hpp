#pragma once
// A bounded, thread-safe byte queue with timeouts: one direction of an emulated link.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <span>
#include <vector>

#include "hal/result.hpp"

namespace kiosk::drivers {

class BytePipe {
 public:
  // Appends bytes; fails with deviceNotReady/"disconnected" once closed.
  hal::Status push(std::span<const std::uint8_t> data);
  // Waits up to `timeout` for at least one byte, returns up to `max_bytes`.
  // Errors: timeout, canceled (interrupt()), deviceNotReady/"disconnected" (closed and empty).
  hal::Result<std::vector<std::uint8_t>> pop(std::size_t max_bytes,
                                             std::chrono::milliseconds timeout);
  void close();      // wakes readers; further pushes fail
  void reopen();     // empties and accepts bytes again
  void interrupt();  // the pending or next pop returns canceled
  void clear_interrupt();
  void clear();  // drops queued bytes
  bool closed() const;
  std::size_t size() const;

 private:
  mutable std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::uint8_t> bytes_;
  bool closed_ = false;
  bool interrupted_ = false;
};

}  // namespace kiosk::drivers
