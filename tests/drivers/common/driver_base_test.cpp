// DriverBase with a minimal driver on top: the shared machinery alone, no protocol.
#include "drivers/common/driver_base.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <vector>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

// A driver whose commands are whatever the test submits; its health check reads a member the
// worker also touches, so a worker outliving the driver's members would be caught by ASan.
class TestDriver final : public drivers::DriverBase<hal::Device> {
 public:
  TestDriver() : DriverBase("test_device", {hal::stat::kSuccessfulCommandCount}) {}
  ~TestDriver() override {
    set_event_handler({});
    stop_worker();
  }

  hal::DeviceInfo info() const override { return {device_id(), "test", "none", "", ""}; }
  hal::Status open() override {
    return run_blocking<hal::Done>([this](hal::CancelToken&) -> hal::Status {
      publish_state(hal::DeviceState::online, "ready");
      return hal::Done{};
    });
  }
  void close() override {}
  hal::Result<hal::DeviceStatus> health_check() override {
    return run_blocking<hal::DeviceStatus>(
        [this](hal::CancelToken&) -> hal::Result<hal::DeviceStatus> { return status(); });
  }

  template <typename T>
  hal::RequestId run(std::function<hal::Result<T>(hal::CancelToken&)> work,
                     hal::Completion<T> done) {
    return submit<T>(std::move(work), std::move(done));
  }
  using DriverBase::count;
  using DriverBase::emit;
  using DriverBase::publish_state;
  using DriverBase::set_state;

  // Worker thread only.
  void touch() { touched_.push_back(1); }

 private:
  std::vector<int> touched_;
};

// Holds a command on the worker until released or canceled.
struct Gate {
  std::promise<void> entered;
  std::promise<void> released;
  std::shared_future<void> release = released.get_future().share();

  std::function<hal::Result<int>(hal::CancelToken&)> command() {
    return [this](hal::CancelToken& token) -> hal::Result<int> {
      token.on_cancel([this] { released.set_value(); });
      entered.set_value();
      release.wait();
      return 1;
    };
  }
};

struct Events {
  std::mutex m;
  std::vector<hal::DeviceEvent> seen;
  hal::EventHandler handler() {
    return [this](const hal::DeviceEvent& e) {
      std::lock_guard lock(m);
      seen.push_back(e);
    };
  }
  std::vector<hal::DeviceEvent> all() {
    std::lock_guard lock(m);
    return seen;
  }
};

}  // namespace

TEST_CASE("a health check from a completion handler runs inline instead of deadlocking",
          "[drivers][driver_base]") {
  TestDriver driver;
  std::promise<hal::Result<hal::DeviceStatus>> checked;
  driver.run<int>([](hal::CancelToken&) -> hal::Result<int> { return 1; },
                  [&](hal::RequestId, hal::Result<int>) {
                    checked.set_value(driver.health_check());  // on the worker
                  });
  auto future = checked.get_future();
  REQUIRE(future.wait_for(5s) == std::future_status::ready);
  CHECK(future.get().ok());
}

TEST_CASE("a blocking call waits for the commands queued before it", "[drivers][driver_base]") {
  TestDriver driver;
  std::atomic<bool> first_done{false};
  driver.run<int>(
      [&](hal::CancelToken&) -> hal::Result<int> {
        std::this_thread::sleep_for(20ms);
        first_done = true;
        return 1;
      },
      [](hal::RequestId, hal::Result<int>) {});
  REQUIRE(driver.open().ok());
  CHECK(first_done);
  CHECK(driver.status().state == hal::DeviceState::online);
}

TEST_CASE("status, statistics and events are published", "[drivers][driver_base]") {
  TestDriver driver;
  Events events;
  driver.set_event_handler(events.handler());

  SECTION("a driver starts with no device and its listed statistics at 0") {
    CHECK(driver.status().state == hal::DeviceState::noDevice);
    CHECK(driver.statistics() ==
          hal::Statistics{{std::string(hal::stat::kSuccessfulCommandCount), 0}});
  }

  SECTION("publish_state raises statusChanged only when the state changes") {
    driver.publish_state(hal::DeviceState::online, "ready");
    driver.publish_state(hal::DeviceState::online, "still ready");
    driver.publish_state(hal::DeviceState::offline, "gone quiet");
    const auto seen = events.all();
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].kind == hal::EventKind::statusChanged);
    CHECK(seen[0].device_id == "test_device");
    CHECK(seen[0].detail == "online");
    CHECK(seen[1].detail == "offline");
    CHECK(driver.status().message == "gone quiet");
  }

  SECTION("set_state changes the status silently and says whether the state changed") {
    CHECK(driver.set_state(hal::DeviceState::busy, "working"));
    CHECK_FALSE(driver.set_state(hal::DeviceState::busy, "still working"));
    CHECK(events.all().empty());
    CHECK(driver.status().state == hal::DeviceState::busy);
    CHECK(driver.status().message == "still working");
  }

  SECTION("count adds to listed statistics and creates new ones") {
    driver.count(hal::stat::kSuccessfulCommandCount);
    driver.count("PagesCount", 3);
    driver.count("PagesCount");
    const auto stats = driver.statistics();
    CHECK(stats.at(std::string(hal::stat::kSuccessfulCommandCount)) == 1);
    CHECK(stats.at("PagesCount") == 4);
  }

  SECTION("emit reaches the handler set now, and none after it is cleared") {
    driver.emit(hal::EventKind::mediaLow, "paper_near_end");
    driver.set_event_handler({});
    driver.emit(hal::EventKind::mediaLow, "paper_near_end");
    const auto seen = events.all();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].kind == hal::EventKind::mediaLow);
    CHECK(seen[0].detail == "paper_near_end");
  }
}

TEST_CASE("cancel reaches a queued command and a running one", "[drivers][driver_base]") {
  Gate gate;  // outlives the driver: its command waits on it until canceled
  TestDriver driver;
  std::promise<hal::Result<int>> running_result;
  std::promise<hal::Result<int>> queued_result;
  const auto running = driver.run<int>(gate.command(), [&](hal::RequestId, hal::Result<int> r) {
    running_result.set_value(std::move(r));
  });
  gate.entered.get_future().wait();
  const auto queued = driver.run<int>(
      [](hal::CancelToken&) -> hal::Result<int> { return 2; },
      [&](hal::RequestId, hal::Result<int> r) { queued_result.set_value(std::move(r)); });

  CHECK(driver.cancel(queued));
  CHECK(driver.cancel(running));  // through the command's cancel hook
  auto q = queued_result.get_future().get();
  auto r = running_result.get_future().get();
  REQUIRE_FALSE(q.ok());
  CHECK(q.error().code == hal::CompletionCode::canceled);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::canceled);
  CHECK_FALSE(driver.cancel(queued));  // already completed
}

TEST_CASE("destroying a driver completes its pending commands first", "[drivers][driver_base]") {
  std::atomic<int> canceled{0};
  {
    Gate gate;
    TestDriver driver;
    driver.run<int>(gate.command(), [&](hal::RequestId, hal::Result<int> r) {
      if (!r.ok()) ++canceled;
    });
    gate.entered.get_future().wait();
    for (int i = 0; i < 3; ++i) {
      // Each would touch the driver's own member if it ran: it must not.
      driver.run<int>(
          [&driver](hal::CancelToken&) -> hal::Result<int> {
            driver.touch();
            return 0;
          },
          [&](hal::RequestId, hal::Result<int> r) {
            if (!r.ok()) ++canceled;
          });
    }
  }
  CHECK(canceled == 4);
}
