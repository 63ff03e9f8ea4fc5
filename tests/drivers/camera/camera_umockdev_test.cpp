// The real camera driver (V4l2Camera over V4l2DeviceLinux) against a UVC camera emulated in
// the kernel's V4L2 interface by umockdev (tests/support/umockdev_v4l2_camera): open, preview
// frames, a photo with its controls, a camera without some controls, unplug and replug.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <umockdev.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "drivers/camera/camera.hpp"
#include "drivers/camera/v4l2_device_linux.hpp"
#include "drivers/emu/camera/camera_emulator.hpp"
#include "tests/support/umockdev_v4l2_camera.hpp"

#if defined(__SANITIZE_ADDRESS__)
// Under ASan the umockdev preload library is loaded before the ASan runtime; harmless here
// (as in tests/support/umockdev_usb_device.cpp, which this binary does not link).
extern "C" const char* __asan_default_options() {
  return "verify_asan_link_order=0";
}
#endif

using namespace kiosk;
using namespace std::chrono_literals;
using drivers::V4l2Control;

namespace {

struct Testbed {
  UMockdevTestbed* tb = nullptr;
  Testbed() {
    const char* preload = std::getenv("LD_PRELOAD");
    REQUIRE(preload != nullptr);
    REQUIRE(std::string(preload).find("umockdev-preload") != std::string::npos);
    tb = umockdev_testbed_new();
    REQUIRE(umockdev_in_mock_environment());
  }
  ~Testbed() { g_object_unref(tb); }
};

template <typename Pred>
bool eventually(Pred pred) {
  for (int i = 0; i < 10000 && !pred(); ++i) std::this_thread::sleep_for(1ms);
  return pred();
}

struct Rig {
  Testbed testbed;
  std::shared_ptr<drivers::emu::CameraEmulator> emulator = drivers::emu::CameraEmulator::create();
  testing::UmockdevV4l2Camera node;
  drivers::V4l2Camera camera;
  std::mutex m;
  std::vector<hal::DeviceEvent> events;

  explicit Rig(testing::V4l2CameraSpec spec = {})
      : node(testbed.tb, emulator, std::move(spec)),
        camera(drivers::make_linux_v4l2_device(node.by_id_path())) {
    camera.set_event_handler([this](const hal::DeviceEvent& e) {
      std::lock_guard lock(m);
      events.push_back(e);
    });
  }
  ~Rig() { camera.close(); }

  std::future<hal::Result<hal::RgbImage>> capture(hal::CaptureOptions o = {}) {
    auto promise = std::make_shared<std::promise<hal::Result<hal::RgbImage>>>();
    auto future = promise->get_future();
    camera.capture_still(o, [promise](hal::RequestId, hal::Result<hal::RgbImage> r) {
      promise->set_value(std::move(r));
    });
    return future;
  }
  std::size_t count_of(hal::EventKind kind) {
    std::lock_guard lock(m);
    return static_cast<std::size_t>(std::count_if(
        events.begin(), events.end(), [&](const hal::DeviceEvent& e) { return e.kind == kind; }));
  }
};

bool varied(const hal::RgbImage& image) {
  const auto [lo, hi] = std::minmax_element(image.pixels.begin(), image.pixels.end());
  return lo != image.pixels.end() && *hi - *lo > 64;
}

}  // namespace

TEST_CASE("the real camera driver takes a photo from the emulated V4L2 node",
          "[camera][umockdev]") {
  Rig rig;
  REQUIRE(rig.camera.open().ok());
  CHECK(rig.camera.info().model == "Kiosk24 Emulated UVC Camera");
  CHECK(rig.camera.info().transport.find("v4l2:/dev/v4l/by-id/") == 0);
  CHECK(rig.camera.capabilities().modes.size() == 4);

  auto r = rig.capture().get();
  REQUIRE(r.ok());
  CHECK(r.value().width == 640);
  CHECK(r.value().height == 480);
  CHECK(varied(r.value()));  // the synthetic face scene, not an empty buffer

  const auto t = rig.node.traffic();
  CHECK(t.mmap_refused >= 1);  // the driver asked for MMAP first, then fell back
  CHECK(t.userptr_requests >= 1);
  CHECK(t.frames_dequeued >= 4);  // 3 warm-up frames and the photo
  CHECK(t.stream_ons == 1);
  CHECK(t.stream_offs >= 1);  // the stream stops between captures
  REQUIRE(t.frame_rate.has_value());
  CHECK(*t.frame_rate == 30);

  // 50 Hz, then exposure and white balance held at what they settled on, then given back.
  using W = std::pair<V4l2Control, std::int32_t>;
  const std::vector<W> expected{
      {V4l2Control::powerLineFrequency, drivers::kPowerLine50Hz},
      {V4l2Control::exposureAuto, drivers::kExposureManual},
      {V4l2Control::exposureAbsolute, 166},
      {V4l2Control::autoWhiteBalance, 0},
      {V4l2Control::whiteBalanceTemperature, 5100},
      {V4l2Control::exposureAuto, drivers::kExposureAperturePriority},
      {V4l2Control::autoWhiteBalance, 1},
  };
  CHECK(t.control_writes == expected);
  const auto now = rig.node.controls();
  CHECK(now.at(V4l2Control::powerLineFrequency) == drivers::kPowerLine50Hz);
  CHECK(now.at(V4l2Control::exposureAuto) == drivers::kExposureAperturePriority);
  CHECK(now.at(V4l2Control::autoWhiteBalance) == 1);
  CHECK(rig.camera.statistics().at("UnsupportedControlCount") == 0);
  CHECK(rig.camera.status().detail.count("controls_missing") == 0);
}

TEST_CASE("preview frames and an MJPEG photo come through the emulated node",
          "[camera][umockdev]") {
  Rig rig;
  REQUIRE(rig.camera.open().ok());
  for (int i = 0; i < 3; ++i) {
    auto r = rig.capture({320, 240, 0, 3000}).get();
    REQUIRE(r.ok());
    CHECK(r.value().width == 320);
  }
  auto big = rig.capture({1280, 720, 1, 5000}).get();
  REQUIRE(big.ok());
  CHECK(big.value().width == 1280);
  CHECK(big.value().height == 720);
  CHECK(varied(big.value()));
  CHECK(rig.node.traffic().stream_ons == 4);
  CHECK(rig.camera.status().detail.at("stream") == "stopped");
}

TEST_CASE("a camera without some controls still takes photos and each missing one is noted once",
          "[camera][umockdev]") {
  testing::V4l2CameraSpec spec;
  spec.controls = {V4l2Control::powerLineFrequency};
  spec.frame_rate_settable = false;
  Rig rig(spec);
  REQUIRE(rig.camera.open().ok());
  REQUIRE(rig.capture().get().ok());
  REQUIRE(rig.capture().get().ok());
  CHECK(rig.camera.statistics().at("UnsupportedControlCount") == 3);
  CHECK(rig.camera.status().detail.at("controls_missing") ==
        "auto_white_balance,exposure_auto,frame_rate");
  CHECK(rig.node.controls().at(V4l2Control::powerLineFrequency) == drivers::kPowerLine50Hz);
}

TEST_CASE("poll on the emulated node wakes when a frame is ready and not before",
          "[camera][umockdev]") {
  Testbed testbed;
  auto emulator = drivers::emu::CameraEmulator::create();
  testing::UmockdevV4l2Camera node(testbed.tb, emulator);
  const int fd = ::open(node.devnode().c_str(), O_RDWR | O_NONBLOCK | O_NOCTTY);
  REQUIRE(fd >= 0);
  v4l2_format fmt{};
  fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  fmt.fmt.pix.width = 320;
  fmt.fmt.pix.height = 240;
  fmt.fmt.pix.pixelformat = V4L2_PIX_FMT_YUYV;
  REQUIRE(::ioctl(fd, VIDIOC_S_FMT, &fmt) == 0);
  CHECK(fmt.fmt.pix.sizeimage == 320 * 240 * 2);
  v4l2_requestbuffers req{};
  req.count = 2;
  req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  req.memory = V4L2_MEMORY_MMAP;
  CHECK(::ioctl(fd, VIDIOC_REQBUFS, &req) == -1);
  CHECK(errno == EINVAL);
  req.memory = V4L2_MEMORY_USERPTR;
  REQUIRE(::ioctl(fd, VIDIOC_REQBUFS, &req) == 0);
  REQUIRE(req.count == 2);
  std::vector<std::uint8_t> buffer(fmt.fmt.pix.sizeimage, 0);
  v4l2_buffer buf{};
  buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  buf.memory = V4L2_MEMORY_USERPTR;
  buf.index = 0;
  buf.m.userptr = reinterpret_cast<unsigned long>(buffer.data());
  buf.length = static_cast<std::uint32_t>(buffer.size());
  REQUIRE(::ioctl(fd, VIDIOC_QBUF, &buf) == 0);

  pollfd p{fd, POLLIN, 0};
  CHECK(::poll(&p, 1, 20) == 0);  // not streaming: nothing to wait for
  int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  REQUIRE(::ioctl(fd, VIDIOC_STREAMON, &type) == 0);
  p.revents = 0;
  REQUIRE(::poll(&p, 1, 10000) == 1);
  CHECK((p.revents & POLLIN) != 0);
  v4l2_buffer out{};
  out.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  out.memory = V4L2_MEMORY_USERPTR;
  REQUIRE(::ioctl(fd, VIDIOC_DQBUF, &out) == 0);
  CHECK(out.index == 0);
  CHECK(out.bytesused == 320 * 240 * 2);
  CHECK(out.m.userptr == reinterpret_cast<unsigned long>(buffer.data()));
  CHECK(std::any_of(buffer.begin(), buffer.end(), [](std::uint8_t b) { return b != 0; }));
  // Its only buffer is with us: no frame can come, poll waits again and DQBUF says EAGAIN.
  p.revents = 0;
  CHECK(::poll(&p, 1, 20) == 0);
  CHECK(::ioctl(fd, VIDIOC_DQBUF, &out) == -1);
  CHECK(errno == EAGAIN);
  REQUIRE(::ioctl(fd, VIDIOC_STREAMOFF, &type) == 0);
  ::close(fd);
  CHECK(eventually([&] { return node.open_handles() == 0; }));
  CHECK(emulator->open_handles() == 0);
}

TEST_CASE("unplugging the emulated camera mid-stream is a typed disconnect and replug recovers",
          "[camera][umockdev]") {
  Rig rig;
  REQUIRE(rig.camera.open().ok());
  // A capture that keeps streaming (many warm-up frames) until the cable is pulled.
  auto pending = rig.capture({640, 480, 1000000, 60000});
  REQUIRE(eventually([&] { return rig.node.traffic().frames_dequeued >= 2; }));
  rig.node.unplug();
  auto r = pending.get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(r.error().reason == "disconnected");
  CHECK(rig.camera.status().state == hal::DeviceState::noDevice);
  CHECK(rig.count_of(hal::EventKind::deviceRemoved) == 1);
  CHECK_FALSE(
      ::access(
          (std::string(umockdev_testbed_get_root_dir(rig.testbed.tb)) + rig.node.devnode()).c_str(),
          F_OK) == 0);

  // Gone: the next capture fails at once with a typed error.
  auto gone = rig.capture().get();
  REQUIRE_FALSE(gone.ok());
  CHECK(gone.error().code == hal::CompletionCode::deviceNotReady);
  CHECK((gone.error().reason == "no_device" || gone.error().reason == "disconnected"));

  rig.node.replug();
  auto back = rig.capture().get();
  REQUIRE(back.ok());
  CHECK(back.value().width == 640);
  CHECK(rig.count_of(hal::EventKind::deviceArrived) == 1);
  CHECK(rig.camera.status().state == hal::DeviceState::online);
  // The replugged camera started with its defaults; the driver set 50 Hz again.
  CHECK(rig.node.controls().at(V4l2Control::powerLineFrequency) == drivers::kPowerLine50Hz);
}
