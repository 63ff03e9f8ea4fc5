#pragma once
// Runs a device's commands one at a time on its own worker thread and guarantees the
// asynchronous contract of hal::Device: a request id at once, exactly one completion per
// command, cancel that reaches the command while it waits on the transport.

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "hal/device.hpp"

namespace kiosk::hal {

// Shared between a queued command and whoever may cancel it. Thread-safe.
class CancelToken {
 public:
  bool canceled() const;
  // Registers what stops the command's current wait (typically Transport::cancel). Runs at
  // once if already canceled. Replaces a previous hook; pass {} to clear it.
  void on_cancel(std::function<void()> hook);
  void cancel();

 private:
  mutable std::mutex m_;
  bool canceled_ = false;
  std::function<void()> hook_;
};

class CommandQueue {
 public:
  explicit CommandQueue(std::string name);
  ~CommandQueue();  // stop()
  CommandQueue(const CommandQueue&) = delete;
  CommandQueue& operator=(const CommandQueue&) = delete;

  // Queues `work`; `done` is called exactly once with its result, or with `canceled` if the
  // command is canceled before it starts or the queue shuts down. If the token is canceled
  // while `work` runs, the result becomes `canceled` whatever `work` returned.
  template <typename T>
  RequestId submit(std::function<Result<T>(CancelToken&)> work, Completion<T> done) {
    auto token = std::make_shared<CancelToken>();
    return enqueue(
        token, [work = std::move(work), done = std::move(done), token](RequestId id, bool run) {
          if (!run || token->canceled()) {
            done(id, make_error(CompletionCode::canceled, "canceled", "command canceled"));
            return;
          }
          Result<T> result = work(*token);
          token->on_cancel({});
          if (token->canceled() && result.ok()) {
            done(id, make_error(CompletionCode::canceled, "canceled", "command canceled"));
            return;
          }
          done(id, std::move(result));
        });
  }

  // Runs `fn` on the worker thread after the commands queued so far (used to raise events in
  // order with completions).
  void post(std::function<void()> fn);

  bool cancel(RequestId id);
  void cancel_all();
  // True when called from this queue's worker thread.
  bool on_worker_thread() const;
  // Cancels everything still queued or running, lets each complete (with `canceled`), then
  // joins the worker. For an owner whose commands touch state that goes away before the queue
  // itself does (a driver base class: the derived driver's members die first). Idempotent;
  // nothing may be submitted afterwards, and it must not be called from the worker.
  void stop();

 private:
  struct Job {
    RequestId id = 0;
    std::shared_ptr<CancelToken> token;
    std::function<void(RequestId, bool run)> body;
  };
  RequestId enqueue(std::shared_ptr<CancelToken> token, std::function<void(RequestId, bool)> body);
  void loop();

  std::string name_;
  mutable std::mutex m_;
  std::condition_variable cv_;
  std::deque<Job> jobs_;
  std::shared_ptr<CancelToken> running_token_;
  RequestId running_id_ = 0;
  RequestId next_id_ = 1;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace kiosk::hal
