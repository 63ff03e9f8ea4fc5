#include "drivers/transport/byte_pipe.hpp"

#include <algorithm>

namespace kiosk::drivers {

hal::Status BytePipe::push(std::span<const std::uint8_t> data) {
  {
    std::lock_guard lock(m_);
    if (closed_)
      return hal::make_error(hal::CompletionCode::deviceNotReady, "disconnected", "link closed");
    bytes_.insert(bytes_.end(), data.begin(), data.end());
  }
  cv_.notify_all();
  return hal::Done{};
}

hal::Result<std::vector<std::uint8_t>> BytePipe::pop(std::size_t max_bytes,
                                                     std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_);
  const bool woke =
      cv_.wait_for(lock, timeout, [this] { return interrupted_ || closed_ || !bytes_.empty(); });
  if (interrupted_)
    return hal::make_error(hal::CompletionCode::canceled, "canceled", "read canceled");
  if (!bytes_.empty()) {
    const std::size_t n = std::min(max_bytes, bytes_.size());
    std::vector<std::uint8_t> out(bytes_.begin(), bytes_.begin() + static_cast<std::ptrdiff_t>(n));
    bytes_.erase(bytes_.begin(), bytes_.begin() + static_cast<std::ptrdiff_t>(n));
    return out;
  }
  if (closed_)
    return hal::make_error(hal::CompletionCode::deviceNotReady, "disconnected", "link closed");
  (void)woke;
  return hal::make_error(hal::CompletionCode::timeout, "timeout", "no data within timeout");
}

void BytePipe::close() {
  {
    std::lock_guard lock(m_);
    closed_ = true;
  }
  cv_.notify_all();
}

void BytePipe::reopen() {
  std::lock_guard lock(m_);
  closed_ = false;
  bytes_.clear();
}

void BytePipe::interrupt() {
  {
    std::lock_guard lock(m_);
    interrupted_ = true;
  }
  cv_.notify_all();
}

void BytePipe::clear_interrupt() {
  std::lock_guard lock(m_);
  interrupted_ = false;
}

void BytePipe::clear() {
  std::lock_guard lock(m_);
  bytes_.clear();
}

bool BytePipe::closed() const {
  std::lock_guard lock(m_);
  return closed_;
}

std::size_t BytePipe::size() const {
  std::lock_guard lock(m_);
  return bytes_.size();
}

}  // namespace kiosk::drivers
