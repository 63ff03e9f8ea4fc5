// The emulated camera through the raw V4L2 call sequence, and its synthetic scene.
#include "drivers/emu/camera/camera_emulator.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <future>

#include "drivers/camera/camera.hpp"
#include "drivers/camera/camera_codec.hpp"
#include "drivers/emu/common/png_writer.hpp"

using namespace kiosk;
namespace emu = kiosk::drivers::emu;
using namespace std::chrono_literals;

namespace {

struct Stream {
  std::unique_ptr<drivers::V4l2Device> dev;
  std::vector<std::span<const std::uint8_t>> maps;
};

// open -> S_FMT -> REQBUFS -> QUERYBUF/mmap/QBUF -> STREAMON
Stream start(emu::CameraEmulator& cam, hal::CameraMode mode) {
  Stream s{cam.make_device(), {}};
  REQUIRE(s.dev->open().ok());
  REQUIRE(s.dev->set_format(mode).ok());
  auto n = s.dev->request_buffers(4);
  REQUIRE(n.ok());
  for (std::uint32_t i = 0; i < n.value(); ++i) {
    auto b = s.dev->query_buffer(i);
    REQUIRE(b.ok());
    auto m = s.dev->map_buffer(b.value());
    REQUIRE(m.ok());
    s.maps.push_back(m.value());
    REQUIRE(s.dev->queue_buffer(i).ok());
  }
  REQUIRE(s.dev->stream_on().ok());
  return s;
}

void stop(Stream& s) {
  REQUIRE(s.dev->stream_off().ok());
  for (auto m : s.maps) s.dev->unmap_buffer(m);
  REQUIRE(s.dev->request_buffers(0).ok());
  s.dev->close();
}

}  // namespace

TEST_CASE("the emulator streams YUYV frames of the set size in sequence", "[camera][emulator]") {
  auto cam = emu::CameraEmulator::create();
  auto s = start(*cam, {640, 480, hal::PixelFormat::yuyv});
  auto fmt = s.dev->get_format();
  REQUIRE(fmt.ok());
  CHECK(fmt.value().bytes_per_line == 1280);
  CHECK(cam->streaming());
  CHECK(cam->mapped_buffers() == 4);
  for (std::uint32_t i = 0; i < 6; ++i) {
    auto f = s.dev->dequeue_buffer(1000ms);
    REQUIRE(f.ok());
    CHECK(f.value().sequence == i);
    CHECK(f.value().bytes_used == 640U * 480U * 2U);
    REQUIRE(s.dev->queue_buffer(f.value().index).ok());
  }
  stop(s);
  CHECK_FALSE(cam->streaming());
  CHECK(cam->mapped_buffers() == 0);
  CHECK(cam->open_handles() == 0);
}

TEST_CASE("the emulator adjusts an unoffered size to the nearest of that format",
          "[camera][emulator]") {
  auto cam = emu::CameraEmulator::create();
  auto dev = cam->make_device();
  REQUIRE(dev->open().ok());
  auto f = dev->set_format({1920, 1080, hal::PixelFormat::mjpeg});
  REQUIRE(f.ok());
  CHECK(f.value().mode.width == 1280);
  CHECK(f.value().mode.height == 720);
  CHECK(f.value().mode.format == hal::PixelFormat::mjpeg);
}

TEST_CASE("only one handle owns the stream and buffers are freed only when unmapped",
          "[camera][emulator]") {
  auto cam = emu::CameraEmulator::create();
  auto s = start(*cam, {320, 240, hal::PixelFormat::yuyv});
  auto other = cam->make_device();
  REQUIRE(other->open().ok());
  auto busy = other->request_buffers(4);
  REQUIRE_FALSE(busy.ok());
  CHECK(busy.error().reason == "busy");

  REQUIRE(s.dev->stream_off().ok());
  auto still_mapped = s.dev->request_buffers(0);
  REQUIRE_FALSE(still_mapped.ok());
  CHECK(still_mapped.error().reason == "busy");
  for (auto m : s.maps) s.dev->unmap_buffer(m);
  CHECK(s.dev->request_buffers(0).ok());
  CHECK(other->request_buffers(4).ok());
}

TEST_CASE("DQBUF without streaming is refused and an interrupt cancels a wait",
          "[camera][emulator]") {
  auto cam = emu::CameraEmulator::create();
  auto dev = cam->make_device();
  REQUIRE(dev->open().ok());
  CHECK(dev->dequeue_buffer(10ms).error().reason == "argument");

  auto s = start(*cam, {320, 240, hal::PixelFormat::yuyv});
  cam->faults().inject(emu::Fault::noAnswer);
  s.dev->interrupt();
  auto r = s.dev->dequeue_buffer(60s);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::canceled);
  s.dev->clear_interrupt();
  stop(s);
}

TEST_CASE("after an unplug the old handle is dead but its mappings can be released",
          "[camera][emulator]") {
  auto cam = emu::CameraEmulator::create();
  auto s = start(*cam, {320, 240, hal::PixelFormat::yuyv});
  cam->unplug();
  auto r = s.dev->dequeue_buffer(100ms);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason == "disconnected");
  CHECK(s.dev->stream_off().error().reason == "disconnected");
  for (auto m : s.maps) s.dev->unmap_buffer(m);
  CHECK(cam->mapped_buffers() == 0);
  s.dev->close();
  CHECK(cam->open_handles() == 0);

  auto fresh = cam->make_device();
  CHECK(fresh->open().error().reason == "no_device");
  cam->replug();
  CHECK(fresh->open().ok());
}

TEST_CASE("the synthetic scene is deterministic and moves between frames", "[camera][emulator]") {
  const auto a = emu::render_scene(emu::CameraScene::face, 320, 240, 5);
  const auto b = emu::render_scene(emu::CameraScene::face, 320, 240, 5);
  const auto c = emu::render_scene(emu::CameraScene::face, 320, 240, 12);
  CHECK(a.pixels == b.pixels);
  CHECK(a.pixels != c.pixels);
  const auto face = emu::synthetic_face_region(320, 240);
  CHECK(face.width > 0);
  CHECK(face.height > 0);
  // The middle of the face region is skin-toned: red above green above blue.
  const auto o = a.offset(face.x + face.width / 2, face.y + face.height * 3 / 5);
  CHECK(a.pixels[o] > a.pixels[o + 1]);
  CHECK(a.pixels[o + 1] > a.pixels[o + 2]);
}

TEST_CASE("a captured frame written as PNG reads back identical", "[camera][emulator][png]") {
  auto cam = emu::CameraEmulator::create();
  drivers::V4l2Camera camera(cam->make_device());
  REQUIRE(camera.open().ok());
  std::promise<hal::Result<hal::RgbImage>> p;
  hal::CaptureOptions o;
  o.width = 1280;
  o.height = 720;
  camera.capture_still(
      o, [&p](hal::RequestId, hal::Result<hal::RgbImage> r) { p.set_value(std::move(r)); });
  auto frame = p.get_future().get();
  REQUIRE(frame.ok());

  const auto dir =
      std::filesystem::temp_directory_path() / ("kiosk24-camera-" + std::to_string(std::rand()));
  std::filesystem::create_directories(dir);
  const auto path = (dir / "frame.png").string();
  REQUIRE(emu::write_png(frame.value(), path).ok());
  auto back = emu::read_png(path);
  REQUIRE(back.ok());
  CHECK(back.value().width == 1280);
  CHECK(back.value().height == 720);
  CHECK(back.value().pixels == frame.value().pixels);
  std::filesystem::remove_all(dir);
}
