#pragma once
// What every queue-driven driver shares, so that a driver holds only its protocol: the command
// queue and its blocking calls, the published status, the statistics and the event handler,
// and the hal::Device methods that need nothing else (status, statistics, set_event_handler,
// cancel).
//
// Derive as `class EscPosReceiptPrinter final : public DriverBase<hal::ReceiptPrinter>`.
//
// Destruction order: a base class is destroyed after the members of the class derived from
// it, but the queue's worker runs the driver's code and touches those members. So the
// derived destructor must call stop_worker() (after close(), if it closes) before its members
// go; ~DriverBase only destroys a queue that is already stopped. Construction is safe the
// other way round: the worker starts idle and runs nothing until the driver submits.
//
// Locking: one mutex guards the status and the statistics. A driver whose own fields must
// change together with them (a "spoiled card" flag and the status detail that shows it)
// guards those fields with the same mutex: it touches them only while holding lock_state().

#include <cassert>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "drivers/common/run_on_worker.hpp"
#include "hal/command_queue.hpp"
#include "hal/device.hpp"

namespace kiosk::drivers {

template <typename HalInterface>
class DriverBase : public HalInterface {
 public:
  DriverBase(const DriverBase&) = delete;
  DriverBase& operator=(const DriverBase&) = delete;

  // Non-blocking: the last published status.
  hal::DeviceStatus status() const override {
    std::lock_guard lock(m_);
    return status_;
  }

  hal::Statistics statistics() const override {
    std::lock_guard lock(m_);
    return stats_;
  }

  void set_event_handler(hal::EventHandler handler) override {
    std::lock_guard lock(m_);
    handler_ = std::move(handler);
  }

  bool cancel(hal::RequestId id) override { return queue_.cancel(id); }

 protected:
  // `device_id` names the events and the worker thread. The statistics listed start at 0, so
  // they are reported before anything happened.
  explicit DriverBase(std::string device_id,
                      std::initializer_list<std::string_view> statistics = {})
      : device_id_(std::move(device_id)), queue_(device_id_) {
    for (auto name : statistics) stats_[std::string(name)] = 0;
  }

  ~DriverBase() override {
    // The derived destructor stopped it (see the header comment). Debug builds catch a driver
    // that forgot: stopping here is too late for its members.
    assert(stopped_ && "the driver's destructor must call stop_worker()");
    queue_.stop();
  }

  const std::string& device_id() const { return device_id_; }

  // ---- commands ----------------------------------------------------------------------------

  // Queues `work` on the worker; `done` is called exactly once (hal::CommandQueue::submit).
  template <typename T>
  hal::RequestId submit(std::function<hal::Result<T>(hal::CancelToken&)> work,
                        hal::Completion<T> done) {
    return queue_.template submit<T>(std::move(work), std::move(done));
  }

  // Runs `work` on the worker after the commands queued so far and waits for it (open, close,
  // health_check). Inline when already on the worker: waiting there would deadlock.
  template <typename T>
  hal::Result<T> run_blocking(std::function<hal::Result<T>(hal::CancelToken&)> work) {
    return run_on_worker<T>(queue_, std::move(work));
  }

  // Cancels every queued and running command (close() does this first).
  void cancel_all() { queue_.cancel_all(); }

  // Stops the worker: pending commands complete with `canceled`, then it is joined. The
  // derived destructor's job, before the driver's members go away; nothing may be submitted
  // afterwards.
  void stop_worker() {
    queue_.stop();
    stopped_ = true;
  }

  // ---- status, statistics, events ----------------------------------------------------------

  // Holds the state mutex; status and statistics are reached through it with locked_status()
  // and locked_stats(), and a driver's own fields guarded by it are touched while it is held.
  [[nodiscard]] std::unique_lock<std::mutex> lock_state() const {
    return std::unique_lock<std::mutex>(m_);
  }
  hal::DeviceStatus& locked_status(const std::unique_lock<std::mutex>& held) {
    assert(held.mutex() == &m_ && held.owns_lock());
    (void)held;
    return status_;
  }
  hal::Statistics& locked_stats(const std::unique_lock<std::mutex>& held) {
    assert(held.mutex() == &m_ && held.owns_lock());
    (void)held;
    return stats_;
  }

  // Sets state and message without an event; true when the state changed (a driver that
  // publishes some states silently raises the event itself).
  bool set_state(hal::DeviceState state, std::string message) {
    std::lock_guard lock(m_);
    const bool changed = status_.state != state;
    status_.state = state;
    status_.message = std::move(message);
    return changed;
  }

  // Sets state and message and raises statusChanged when the state changed.
  void publish_state(hal::DeviceState state, std::string message) {
    if (set_state(state, std::move(message))) {
      emit(hal::EventKind::statusChanged, std::string(hal::to_string(state)));
    }
  }

  // Raises an event to the handler set now, called outside the lock: a handler may call
  // status() or cancel().
  void emit(hal::EventKind kind, std::string detail) {
    hal::EventHandler handler;
    {
      std::lock_guard lock(m_);
      handler = handler_;
    }
    if (handler) handler(hal::DeviceEvent{kind, device_id_, std::move(detail)});
  }

  // Adds `n` to a statistic, creating it at 0 first if it was not listed at construction.
  void count(std::string_view name, std::uint64_t n = 1) {
    std::lock_guard lock(m_);
    auto it = stats_.find(name);
    if (it == stats_.end()) it = stats_.emplace(std::string(name), 0).first;
    it->second += n;
  }

 private:
  const std::string device_id_;

  mutable std::mutex m_;      // guards the members below, and whatever the driver puts under it
  hal::DeviceStatus status_;  // starts as noDevice
  hal::Statistics stats_;
  hal::EventHandler handler_;

  bool stopped_ = false;     // stop_worker() was called
  hal::CommandQueue queue_;  // last: the base's own members outlive its worker too
};

}  // namespace kiosk::drivers
