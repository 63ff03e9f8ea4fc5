// DeviceSupervisor on scripted devices: what it opens and closes as devices come and go, that
// kioskd's start opens them side by side, and that a failing open is retried.
#include "firmware/kioskd/device_supervisor.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace kiosk;
using kiosk::kioskd::DeviceSupervisor;
using kiosk::kioskd::SupervisedDevice;

namespace {

// A device whose presence, open result and open duration the test sets.
class ScriptedDevice final : public hal::Device {
 public:
  explicit ScriptedDevice(std::string id) : id_(std::move(id)) {}

  std::atomic<bool> plugged{true};
  std::atomic<bool> open_fails{false};
  std::atomic<int>* in_flight = nullptr;  // shared by devices whose opens should overlap
  std::atomic<int> overlapped{0};         // opens that saw another one in progress
  std::atomic<int> opens{0};
  std::atomic<int> closes{0};

  hal::DeviceInfo info() const override { return {id_, "scripted", "test", "", ""}; }
  hal::Status open() override {
    if (in_flight != nullptr) {
      // Stays in open() until another device is in its own (or 2 s pass): opened one after
      // the other, no open ever sees another.
      ++*in_flight;
      for (int i = 0; i < 200 && in_flight->load() < 2; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      if (in_flight->load() >= 2) ++overlapped;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      --*in_flight;
    }
    if (open_fails) return hal::make_error(hal::CompletionCode::deviceNotReady, "busy", "busy");
    ++opens;
    set_state(hal::DeviceState::online);
    return hal::Done{};
  }
  void close() override {
    ++closes;
    set_state(hal::DeviceState::offline);
  }
  hal::DeviceStatus status() const override {
    std::lock_guard lock(m_);
    return status_;
  }
  hal::Result<hal::DeviceStatus> health_check() override { return status(); }
  hal::Statistics statistics() const override { return {}; }
  void set_event_handler(hal::EventHandler) override {}
  bool cancel(hal::RequestId) override { return false; }

  // What a driver does when a command sees its device disconnect.
  void lose() { set_state(hal::DeviceState::noDevice); }

 private:
  void set_state(hal::DeviceState s) {
    std::lock_guard lock(m_);
    status_.state = s;
  }
  std::string id_;
  mutable std::mutex m_;
  hal::DeviceStatus status_{hal::DeviceState::offline, {}, ""};
};

SupervisedDevice supervised(ScriptedDevice& d, const std::string& id) {
  return {&d, id, [&d] { return d.plugged.load(); }};
}

// Waits (up to 5 s) for `done`; the supervisor's thread does the work.
template <typename Pred>
bool eventually(Pred done) {
  for (int i = 0; i < 500; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}

}  // namespace

TEST_CASE("start opens every present device before it returns, side by side",
          "[kioskd][device_supervisor]") {
  ScriptedDevice a("a"), b("b"), absent("c");
  std::atomic<int> in_flight{0};
  a.in_flight = &in_flight;
  b.in_flight = &in_flight;
  absent.plugged = false;
  std::atomic<int> changed{0};
  DeviceSupervisor sup({supervised(a, "a"), supervised(b, "b"), supervised(absent, "c")},
                       std::chrono::seconds(60), [&changed] { ++changed; });
  sup.start();
  CHECK(a.opens == 1);
  CHECK(b.opens == 1);
  CHECK(absent.opens == 0);
  CHECK(sup.present("a"));
  CHECK_FALSE(sup.present("c"));
  CHECK(changed == 1);
  CHECK(a.overlapped == 1);  // each open ran while the other was in progress
  CHECK(b.overlapped == 1);
  sup.stop();
}

TEST_CASE("a device that goes is closed, one that comes back is opened again",
          "[kioskd][device_supervisor]") {
  ScriptedDevice d("d");
  DeviceSupervisor sup({supervised(d, "d")}, std::chrono::seconds(60), [] {});
  sup.start();
  REQUIRE(d.opens == 1);
  d.plugged = false;
  sup.wake();
  CHECK(eventually([&] { return d.closes == 1; }));
  CHECK_FALSE(sup.present("d"));
  d.plugged = true;
  sup.wake();
  CHECK(eventually([&] { return d.opens == 2; }));
  CHECK(sup.counts("d").opened == 2);
  CHECK(sup.counts("d").closed == 1);
  sup.stop();
}

TEST_CASE("a replug between two scans still closes the dead handle and reopens",
          "[kioskd][device_supervisor]") {
  ScriptedDevice d("d");
  DeviceSupervisor sup({supervised(d, "d")}, std::chrono::seconds(60), [] {});
  sup.start();
  sup.wake("d");  // seen leaving, already back when the supervisor looks
  CHECK(eventually([&] { return d.closes == 1 && d.opens == 2; }));
  sup.stop();
}

TEST_CASE("a driver that lost its device is restarted once the device is there",
          "[kioskd][device_supervisor]") {
  ScriptedDevice d("d");
  DeviceSupervisor sup({supervised(d, "d")}, std::chrono::milliseconds(20), [] {});
  sup.start();
  d.lose();
  CHECK(eventually([&] { return d.closes == 1 && d.opens == 2; }));
  CHECK(d.status().state == hal::DeviceState::online);
  sup.stop();
}

TEST_CASE("a present device that fails to open is tried again at every scan",
          "[kioskd][device_supervisor]") {
  ScriptedDevice d("d");
  d.open_fails = true;
  DeviceSupervisor sup({supervised(d, "d")}, std::chrono::milliseconds(20), [] {});
  sup.start();
  CHECK(d.opens == 0);
  CHECK(sup.present("d"));
  d.open_fails = false;
  CHECK(eventually([&] { return d.opens == 1; }));
  sup.stop();
}
