#pragma once
// Blocking on an asynchronous device command, for the callers that have nothing else to do
// meanwhile (a technician's test print, the compensation after a crash). The command's
// completion still arrives exactly once on the device's thread; this only waits for it.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "hal/device.hpp"
#include "hal/result.hpp"

namespace kiosk::hal {

// Submits a command with `submit(Completion<T>) -> RequestId` and waits up to `timeout` for its
// result. On timeout the command is cancelled and its (cancelled) completion awaited up to
// `cancel_grace`; if even that does not come, the result is timeout / `timeout_reason`. The
// wait state is shared with the completion, so a completion arriving after we gave up is safe.
template <typename T, typename Submit>
Result<T> await_completion(Device& device, Submit submit, std::chrono::milliseconds timeout,
                           std::chrono::milliseconds cancel_grace = std::chrono::seconds(10),
                           const std::string& timeout_reason = "timeout") {
  struct Wait {
    std::mutex m;
    std::condition_variable cv;
    std::optional<Result<T>> result;
  };
  auto w = std::make_shared<Wait>();
  const RequestId id = submit([w](RequestId, Result<T> r) {
    std::lock_guard lock(w->m);
    w->result.emplace(std::move(r));
    w->cv.notify_all();
  });
  std::unique_lock lock(w->m);
  if (!w->cv.wait_for(lock, timeout, [&] { return w->result.has_value(); })) {
    lock.unlock();
    device.cancel(id);
    lock.lock();
    w->cv.wait_for(lock, cancel_grace, [&] { return w->result.has_value(); });
    if (!w->result) return make_error(CompletionCode::timeout, timeout_reason, "no answer in time");
  }
  return std::move(*w->result);
}

}  // namespace kiosk::hal
