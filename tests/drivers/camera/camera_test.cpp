// The camera driver against the emulated UVC camera.
#include "drivers/camera/camera.hpp"

#include <catch2/catch.hpp>

#include <future>
#include <thread>

#include "drivers/emu/camera/camera_emulator.hpp"

using namespace kiosk;
namespace emu = kiosk::drivers::emu;
using namespace std::chrono_literals;

namespace {

struct Rig {
  std::shared_ptr<emu::CameraEmulator> emulator = emu::CameraEmulator::create();
  drivers::V4l2Camera camera;
  std::mutex m;
  std::vector<hal::DeviceEvent> events;

  explicit Rig(drivers::V4l2CameraSettings settings = {})
      : camera(emulator->make_device(), "camera", settings) {
    camera.set_event_handler([this](const hal::DeviceEvent& e) {
      std::lock_guard lock(m);
      events.push_back(e);
    });
    REQUIRE(camera.open().ok());
  }

  std::future<hal::Result<hal::RgbImage>> start(hal::CaptureOptions options,
                                                hal::RequestId* id = nullptr) {
    auto promise = std::make_shared<std::promise<hal::Result<hal::RgbImage>>>();
    auto future = promise->get_future();
    const auto rid =
        camera.capture_still(options, [promise](hal::RequestId, hal::Result<hal::RgbImage> r) {
          promise->set_value(std::move(r));
        });
    if (id != nullptr) *id = rid;
    return future;
  }
  hal::Result<hal::RgbImage> capture(hal::CaptureOptions options = {}) {
    return start(options).get();
  }

  std::size_t count(hal::EventKind kind) {
    std::lock_guard lock(m);
    return static_cast<std::size_t>(std::count_if(
        events.begin(), events.end(), [kind](const auto& e) { return e.kind == kind; }));
  }

  // Everything the driver took from the camera was given back.
  void require_released() {
    CHECK(emulator->mapped_buffers() == 0);
    CHECK_FALSE(emulator->streaming());
  }
};

hal::CaptureOptions options(int w, int h, int warmup = 3, int timeout_ms = 3000) {
  hal::CaptureOptions o;
  o.width = w;
  o.height = h;
  o.warmup_frames = warmup;
  o.timeout_ms = timeout_ms;
  return o;
}

std::array<double, 3> mean(const hal::RgbImage& image, hal::Rect r) {
  std::array<double, 3> sum{};
  for (int y = r.y; y < r.y + r.height; ++y) {
    for (int x = r.x; x < r.x + r.width; ++x) {
      for (std::size_t k = 0; k < 3; ++k) sum[k] += image.pixels[image.offset(x, y) + k];
    }
  }
  const double n = static_cast<double>(r.width) * r.height;
  return {sum[0] / n, sum[1] / n, sum[2] / n};
}

// Distance between the middle of the face oval and the wall in the top-left corner.
double face_contrast(const hal::RgbImage& image) {
  const auto face = emu::synthetic_face_region(image.width, image.height);
  const hal::Rect middle{face.x + face.width * 3 / 8, face.y + face.height * 3 / 8, face.width / 4,
                         face.height / 4};
  const hal::Rect wall{4, 4, image.width / 10, image.height / 10};
  const auto a = mean(image, middle);
  const auto b = mean(image, wall);
  return std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]);
}

}  // namespace

TEST_CASE("a YUYV still at 640x480 shows a face distinct from the background", "[camera][driver]") {
  Rig rig;
  auto caps = rig.camera.capabilities();
  CHECK(caps.modes.size() == 4);
  auto r = rig.capture(options(640, 480));
  REQUIRE(r.ok());
  CHECK(r.value().width == 640);
  CHECK(r.value().height == 480);
  CHECK(r.value().pixels.size() == 640U * 480U * 3U);
  CHECK(face_contrast(r.value()) > 60);

  auto stats = rig.camera.statistics();
  CHECK(stats["FramesCapturedCount"] == 4);  // 3 warmup + 1
  CHECK(stats["SuccessfulCommandCount"] == 1);
  auto status = rig.camera.status();
  CHECK(status.state == hal::DeviceState::online);
  CHECK(status.detail["stream"] == "stopped");
  rig.require_released();
  CHECK(rig.emulator->open_handles() == 1);
  CHECK(rig.camera.info().model == "Kiosk24 emulated UVC camera");
}

TEST_CASE("an MJPEG still at 1280x720 is decoded at its full size", "[camera][driver]") {
  Rig rig;
  auto r = rig.capture(options(1280, 720));
  REQUIRE(r.ok());
  CHECK(r.value().width == 1280);
  CHECK(r.value().height == 720);
  CHECK(face_contrast(r.value()) > 60);
  rig.require_released();
}

TEST_CASE("asking for an odd size gives the nearest mode", "[camera][driver]") {
  Rig rig;
  auto r = rig.capture(options(300, 250, 0));
  REQUIRE(r.ok());
  CHECK(r.value().width == 320);
  CHECK(r.value().height == 240);
}

TEST_CASE("a configured format is kept even where the other one is nearer", "[camera][driver]") {
  drivers::V4l2CameraSettings mjpeg;
  mjpeg.format = hal::PixelFormat::mjpeg;
  Rig rig(mjpeg);
  // 320x240 is offered in YUYV only (the emulator's modes): the nearest MJPEG mode is taken.
  auto r = rig.capture(options(320, 240, 0));
  REQUIRE(r.ok());
  CHECK(r.value().width == 640);
  CHECK(r.value().height == 480);

  drivers::V4l2CameraSettings yuyv;
  yuyv.format = hal::PixelFormat::yuyv;
  Rig other(yuyv);
  auto big = other.capture(options(1280, 720, 0));  // 1280x720 is MJPEG only
  REQUIRE(big.ok());
  CHECK(big.value().width == 640);
}

TEST_CASE("with nobody in front the face region looks like the wall", "[camera][driver]") {
  Rig rig;
  rig.emulator->set_scene(emu::CameraScene::empty);
  auto r = rig.capture(options(640, 480, 0));
  REQUIRE(r.ok());
  CHECK(face_contrast(r.value()) < 20);
}

TEST_CASE("consecutive stills differ slightly", "[camera][driver]") {
  Rig rig;
  auto a = rig.capture(options(320, 240, 0));
  auto b = rig.capture(options(320, 240, 0));
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a.value().pixels != b.value().pixels);
}

TEST_CASE("a corrupt MJPEG frame is retried and counted", "[camera][driver]") {
  Rig rig;
  rig.emulator->faults().inject(emu::Fault::garbage);
  auto r = rig.capture(options(1280, 720, 0));
  REQUIRE(r.ok());
  CHECK(r.value().width == 1280);
  CHECK(rig.camera.statistics()["DecodeErrorCount"] == 1);
  CHECK(rig.camera.statistics()["FramesCapturedCount"] == 2);
}

TEST_CASE("a short YUYV frame is retried and counted", "[camera][driver]") {
  Rig rig;
  rig.emulator->faults().inject(emu::Fault::garbage);
  auto r = rig.capture(options(640, 480, 0));
  REQUIRE(r.ok());
  CHECK(rig.camera.statistics()["DecodeErrorCount"] == 1);
}

TEST_CASE("unplugging mid-stream fails with disconnected, releases everything, and replug recovers",
          "[camera][driver]") {
  Rig rig;
  rig.emulator->faults().inject(emu::Fault::unplugMidCommand);
  auto r = rig.capture(options(640, 480));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(r.error().reason == "disconnected");
  rig.require_released();
  CHECK(rig.emulator->open_handles() == 0);
  CHECK(rig.camera.status().state == hal::DeviceState::noDevice);
  CHECK(rig.count(hal::EventKind::deviceRemoved) == 1);

  auto still_gone = rig.capture(options(640, 480));
  REQUIRE_FALSE(still_gone.ok());
  CHECK(still_gone.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(still_gone.error().reason == "no_device");
  CHECK(rig.count(hal::EventKind::deviceRemoved) == 1);

  rig.emulator->replug();
  auto again = rig.capture(options(640, 480));
  REQUIRE(again.ok());
  CHECK(again.value().width == 640);
  CHECK(rig.camera.status().state == hal::DeviceState::online);
  CHECK(rig.count(hal::EventKind::deviceArrived) == 1);
  CHECK(rig.emulator->open_handles() == 1);
}

TEST_CASE("a camera that sends no frame times out and the next capture works", "[camera][driver]") {
  Rig rig;
  rig.emulator->faults().inject(emu::Fault::noAnswer);
  auto r = rig.capture(options(640, 480, 0, 100));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::timeout);
  rig.require_released();
  CHECK(rig.camera.statistics()["CommunicationErrorCount"] == 1);
  auto again = rig.capture(options(640, 480));
  REQUIRE(again.ok());
}

TEST_CASE("a capture waiting for a frame is canceled and everything is released",
          "[camera][driver]") {
  Rig rig;
  rig.emulator->faults().inject(emu::Fault::noAnswer);
  hal::RequestId id = 0;
  auto f = rig.start(options(640, 480, 0, 60000), &id);
  for (int i = 0; i < 5000 && !rig.emulator->streaming(); ++i) std::this_thread::sleep_for(1ms);
  REQUIRE(rig.emulator->streaming());
  CHECK(rig.camera.cancel(id));
  auto r = f.get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::canceled);
  rig.require_released();
  CHECK(rig.emulator->open_handles() == 1);  // a cancel does not close the node
  CHECK(rig.capture(options(640, 480, 0)).ok());
}

TEST_CASE("capturing before open fails with not_open", "[camera][driver]") {
  auto emulator = emu::CameraEmulator::create();
  drivers::V4l2Camera camera(emulator->make_device());
  std::promise<hal::Result<hal::RgbImage>> p;
  camera.capture_still(
      {}, [&p](hal::RequestId, hal::Result<hal::RgbImage> r) { p.set_value(std::move(r)); });
  auto r = p.get_future().get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason == "not_open");
  CHECK(camera.status().state == hal::DeviceState::offline);
  CHECK(emulator->open_handles() == 0);
}

TEST_CASE("opening an unplugged camera fails with no_device", "[camera][driver]") {
  auto emulator = emu::CameraEmulator::create();
  emulator->unplug();
  drivers::V4l2Camera camera(emulator->make_device());
  auto s = camera.open();
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(s.error().reason == "no_device");
}

TEST_CASE("health check sees a lost camera and its return", "[camera][driver]") {
  Rig rig;
  REQUIRE(rig.camera.health_check().ok());
  rig.emulator->unplug();
  auto lost = rig.camera.health_check();
  REQUIRE_FALSE(lost.ok());
  CHECK(lost.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(rig.camera.status().state == hal::DeviceState::noDevice);
  rig.emulator->replug();
  auto back = rig.camera.health_check();
  REQUIRE(back.ok());
  CHECK(back.value().state == hal::DeviceState::online);
}

TEST_CASE("close releases the device node", "[camera][driver]") {
  Rig rig;
  REQUIRE(rig.capture(options(320, 240, 0)).ok());
  rig.camera.close();
  CHECK(rig.emulator->open_handles() == 0);
  CHECK(rig.camera.status().state == hal::DeviceState::offline);
}

TEST_CASE("a still sets 50 Hz and the frame rate, and gives exposure and white balance back",
          "[camera][driver]") {
  Rig rig;
  REQUIRE(rig.capture(options(640, 480)).ok());
  const auto controls = rig.emulator->controls();
  CHECK(controls.at(drivers::V4l2Control::powerLineFrequency) == drivers::kPowerLine50Hz);
  // Locked for the photo, automatic again afterwards.
  CHECK(controls.at(drivers::V4l2Control::exposureAuto) == drivers::kExposureAperturePriority);
  CHECK(controls.at(drivers::V4l2Control::exposureAbsolute) == 166);  // the settled value
  CHECK(controls.at(drivers::V4l2Control::autoWhiteBalance) == 1);
  CHECK(controls.at(drivers::V4l2Control::whiteBalanceTemperature) == 5100);
  CHECK(rig.emulator->frame_rate() == 30);
  CHECK(rig.camera.statistics().at("UnsupportedControlCount") == 0);
}
