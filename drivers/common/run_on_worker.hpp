#pragma once
// The blocking calls of a driver (open, close, health_check) run on its command queue's
// worker, where all transport traffic happens, and the caller waits for them.

#include <functional>
#include <future>
#include <utility>

#include "hal/command_queue.hpp"

namespace kiosk::drivers {

// Runs `work` on `queue`'s worker after the commands queued so far and waits for its result.
// Called on the worker itself (from a completion or an event handler) it runs `work` inline
// instead, with a token of its own: waiting there for the queue would deadlock.
template <typename T>
hal::Result<T> run_on_worker(hal::CommandQueue& queue,
                             std::function<hal::Result<T>(hal::CancelToken&)> work) {
  if (queue.on_worker_thread()) {
    hal::CancelToken token;
    return work(token);
  }
  std::promise<hal::Result<T>> promise;
  auto future = promise.get_future();
  queue.submit<T>(std::move(work), [&promise](hal::RequestId, hal::Result<T> r) {
    promise.set_value(std::move(r));
  });
  return future.get();
}

}  // namespace kiosk::drivers
