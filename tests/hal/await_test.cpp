#include "hal/await.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

// A device whose one command answers after `answer_after` on its own thread, or, once
// cancelled, at once with `canceled` (unless it ignores cancels, like a wedged device).
class SlowDevice : public hal::Device {
 public:
  std::chrono::milliseconds answer_after{0};
  bool ignores_cancel = false;
  std::atomic<int> cancels{0};

  ~SlowDevice() override {
    if (worker_.joinable()) worker_.join();
  }
  hal::DeviceInfo info() const override { return {"slow", "test", "none", "", ""}; }
  hal::Status open() override { return hal::Done{}; }
  void close() override {}
  hal::DeviceStatus status() const override { return {}; }
  hal::Result<hal::DeviceStatus> health_check() override { return hal::DeviceStatus{}; }
  hal::Statistics statistics() const override { return {}; }
  void set_event_handler(hal::EventHandler) override {}
  bool cancel(hal::RequestId) override {
    ++cancels;
    if (!ignores_cancel) cancelled_ = true;
    return true;
  }

  hal::RequestId run(hal::Completion<int> done) {
    worker_ = std::thread([this, done = std::move(done)] {
      const auto until = std::chrono::steady_clock::now() + answer_after;
      while (std::chrono::steady_clock::now() < until && !cancelled_)
        std::this_thread::sleep_for(1ms);
      if (cancelled_)
        done(7, hal::make_error(hal::CompletionCode::canceled, "canceled"));
      else
        done(7, 42);
    });
    return 7;
  }

 private:
  std::atomic<bool> cancelled_{false};
  std::thread worker_;
};

}  // namespace

TEST_CASE("a command that answers in time gives its result", "[await]") {
  SlowDevice device;
  auto r = hal::await_completion<int>(
      device, [&](hal::Completion<int> done) { return device.run(std::move(done)); }, 5s);
  REQUIRE(r.ok());
  CHECK(r.value() == 42);
  CHECK(device.cancels == 0);
}

TEST_CASE("a command past its timeout is cancelled and its cancellation returned", "[await]") {
  SlowDevice device;
  device.answer_after = 10s;
  auto r = hal::await_completion<int>(
      device, [&](hal::Completion<int> done) { return device.run(std::move(done)); }, 20ms);
  REQUIRE(!r.ok());
  CHECK(r.error().code == hal::CompletionCode::canceled);
  CHECK(device.cancels == 1);
}

TEST_CASE("a device that ignores the cancel gives the named timeout, and its late answer is safe",
          "[await]") {
  SlowDevice device;
  device.answer_after = 200ms;
  device.ignores_cancel = true;
  auto r = hal::await_completion<int>(
      device, [&](hal::Completion<int> done) { return device.run(std::move(done)); }, 20ms, 20ms,
      "reject_timeout");
  REQUIRE(!r.ok());
  CHECK(r.error().code == hal::CompletionCode::timeout);
  CHECK(r.error().reason == "reject_timeout");
  // The device's thread completes later into the shared wait state (joined by ~SlowDevice).
}
