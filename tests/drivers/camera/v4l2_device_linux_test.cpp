// What can be tested of the real V4L2 device without a camera attached.
#include "drivers/camera/v4l2_device_linux.hpp"

#include <catch2/catch.hpp>

#include "drivers/camera/camera.hpp"

using namespace kiosk;

TEST_CASE("opening a missing video node fails with no_device", "[camera][linux]") {
  drivers::V4l2DeviceLinux dev("/dev/video-kiosk24-missing");
  auto s = dev.open();
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(s.error().reason == "no_device");
  CHECK(dev.describe() == "v4l2:/dev/video-kiosk24-missing");
}

TEST_CASE("a node that is not a video device is refused with not_video_device", "[camera][linux]") {
  drivers::V4l2DeviceLinux dev("/dev/null");
  REQUIRE(dev.open().ok());
  auto caps = dev.query_capabilities();
  REQUIRE_FALSE(caps.ok());
  CHECK(caps.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(caps.error().reason == "not_video_device");
  dev.close();
}

TEST_CASE("calls on a closed node fail with not_open", "[camera][linux]") {
  drivers::V4l2DeviceLinux dev("/dev/null");
  CHECK(dev.query_capabilities().error().reason == "not_open");
  CHECK(dev.stream_on().error().reason == "not_open");
  CHECK(dev.dequeue_buffer(std::chrono::milliseconds(1)).error().reason == "not_open");
}

TEST_CASE("the driver over /dev/null refuses to open and holds nothing", "[camera][linux]") {
  drivers::V4l2Camera camera(drivers::make_linux_v4l2_device("/dev/null"));
  auto s = camera.open();
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().reason == "not_video_device");
  CHECK(camera.status().state == hal::DeviceState::offline);
}

TEST_CASE("interrupt makes a pending frame wait return canceled", "[camera][linux]") {
  // /dev/null polls readable, so DQBUF is tried; the interrupt is checked first.
  drivers::V4l2DeviceLinux dev("/dev/null");
  REQUIRE(dev.open().ok());
  dev.interrupt();
  auto r = dev.dequeue_buffer(std::chrono::milliseconds(1000));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::canceled);
  dev.clear_interrupt();
  auto again = dev.dequeue_buffer(std::chrono::milliseconds(10));
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code != hal::CompletionCode::canceled);
}
