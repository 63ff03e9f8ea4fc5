// The camera driver against a scripted V4l2Device: error paths a real camera rarely shows.
#include <catch2/catch.hpp>

#include <algorithm>
#include <future>
#include <map>
#include <mutex>
#include <optional>

#include "drivers/camera/camera.hpp"

using namespace kiosk;

namespace {

// What the fake did, shared with the test after the driver took ownership of the fake.
struct Script {
  std::mutex m;
  std::map<std::string, hal::DeviceError> fail;  // call name -> error it returns
  int fail_map_at = -1;                          // map_buffer fails for this buffer index
  std::uint32_t grant = 4;                       // buffers REQBUFS grants
  bool flag_error_frames = false;                // DQBUF returns frames flagged corrupt
  std::vector<std::string> calls;
  int opened = 0;
  int mapped = 0;
  bool streaming = false;
  std::uint32_t buffers = 0;
  bool freed_while_mapped = false;

  std::optional<hal::DeviceError> call(const std::string& name) {
    std::lock_guard lock(m);
    calls.push_back(name);
    if (auto it = fail.find(name); it != fail.end()) return it->second;
    return std::nullopt;
  }
  bool called(const std::string& name) {
    std::lock_guard lock(m);
    return std::find(calls.begin(), calls.end(), name) != calls.end();
  }
};

class FakeV4l2Device final : public drivers::V4l2Device {
 public:
  explicit FakeV4l2Device(std::shared_ptr<Script> s) : s_(std::move(s)) {}

  std::string describe() const override { return "fake"; }
  hal::Status open() override {
    if (auto e = s_->call("open")) return *e;
    ++s_->opened;
    return hal::Done{};
  }
  void close() override {
    s_->call("close");
    if (s_->opened > 0) --s_->opened;
  }
  hal::Result<drivers::V4l2Capabilities> query_capabilities() override {
    if (auto e = s_->call("querycap")) return *e;
    return drivers::V4l2Capabilities{"fake", "Fake camera", "fake-bus", true, true};
  }
  hal::Result<std::vector<hal::CameraMode>> enum_modes() override {
    if (auto e = s_->call("enum_modes")) return *e;
    return std::vector<hal::CameraMode>{{4, 2, hal::PixelFormat::yuyv}};
  }
  hal::Result<drivers::V4l2Format> set_format(const hal::CameraMode& mode) override {
    if (auto e = s_->call("s_fmt")) return *e;
    format_ = {mode, static_cast<std::uint32_t>(mode.width) * 2,
               static_cast<std::uint32_t>(mode.width * mode.height) * 2};
    return format_;
  }
  hal::Result<drivers::V4l2Format> get_format() override {
    if (auto e = s_->call("g_fmt")) return *e;
    return format_;
  }
  hal::Result<std::uint32_t> request_buffers(std::uint32_t count) override {
    if (auto e = s_->call(count == 0 ? "reqbufs0" : "reqbufs")) return *e;
    if (count == 0) {
      if (s_->mapped != 0) s_->freed_while_mapped = true;  // V4L2 refuses this (EBUSY)
      s_->buffers = 0;
      return std::uint32_t{0};
    }
    s_->buffers = std::min(count, s_->grant);
    storage_.assign(s_->buffers, std::vector<std::uint8_t>(format_.size_image, 128));
    return s_->buffers;
  }
  hal::Result<drivers::V4l2Buffer> query_buffer(std::uint32_t index) override {
    if (auto e = s_->call("querybuf")) return *e;
    return drivers::V4l2Buffer{index, format_.size_image, index * 4096};
  }
  hal::Result<std::span<const std::uint8_t>> map_buffer(const drivers::V4l2Buffer& b) override {
    if (auto e = s_->call("mmap")) return *e;
    if (static_cast<int>(b.index) == s_->fail_map_at) {
      return hal::make_error(hal::CompletionCode::hardwareError, "io", "mmap: out of memory");
    }
    ++s_->mapped;
    return std::span<const std::uint8_t>(storage_[b.index]);
  }
  void unmap_buffer(std::span<const std::uint8_t>) override {
    s_->call("munmap");
    --s_->mapped;
  }
  hal::Status queue_buffer(std::uint32_t) override {
    if (auto e = s_->call("qbuf")) return *e;
    return hal::Done{};
  }
  hal::Result<drivers::V4l2Frame> dequeue_buffer(std::chrono::milliseconds) override {
    if (auto e = s_->call("dqbuf")) return *e;
    const auto i = next_++ % s_->buffers;
    return drivers::V4l2Frame{i, format_.size_image, next_, s_->flag_error_frames};
  }
  hal::Status stream_on() override {
    if (auto e = s_->call("streamon")) return *e;
    s_->streaming = true;
    return hal::Done{};
  }
  hal::Status stream_off() override {
    s_->call("streamoff");
    s_->streaming = false;
    return hal::Done{};
  }
  void interrupt() override {}
  void clear_interrupt() override {}

 private:
  std::shared_ptr<Script> s_;
  drivers::V4l2Format format_;
  std::vector<std::vector<std::uint8_t>> storage_;
  std::uint32_t next_ = 0;
};

hal::Result<hal::RgbImage> capture(drivers::V4l2Camera& camera) {
  std::promise<hal::Result<hal::RgbImage>> p;
  hal::CaptureOptions o;
  o.width = 4;
  o.height = 2;
  o.warmup_frames = 1;
  camera.capture_still(
      o, [&p](hal::RequestId, hal::Result<hal::RgbImage> r) { p.set_value(std::move(r)); });
  return p.get_future().get();
}

struct Rig {
  std::shared_ptr<Script> script = std::make_shared<Script>();
  drivers::V4l2Camera camera{std::make_unique<FakeV4l2Device>(script)};
};

hal::DeviceError err(hal::CompletionCode code, std::string reason) {
  return hal::make_error(code, std::move(reason), "scripted");
}

}  // namespace

TEST_CASE("the scripted camera goes through the V4L2 call order", "[camera][fake]") {
  Rig rig;
  REQUIRE(rig.camera.open().ok());
  auto r = capture(rig.camera);
  REQUIRE(r.ok());
  CHECK(r.value().width == 4);
  // Y 128 with neutral chroma: light grey.
  CHECK(r.value().pixels[0] == 130);
  const std::vector<std::string> expected{
      "open",   "querycap", "enum_modes", "s_fmt",  "g_fmt",    "reqbufs", "querybuf", "mmap",
      "qbuf",   "querybuf", "mmap",       "qbuf",   "querybuf", "mmap",    "qbuf",     "querybuf",
      "mmap",   "qbuf",     "streamon",   "dqbuf",  "qbuf",     "dqbuf",   "qbuf",     "streamoff",
      "munmap", "munmap",   "munmap",     "munmap", "reqbufs0"};
  CHECK(rig.script->calls == expected);
  CHECK(rig.script->opened == 1);
  CHECK_FALSE(rig.script->freed_while_mapped);
}

TEST_CASE("REQBUFS failing leaves nothing mapped and the device closed", "[camera][fake]") {
  Rig rig;
  REQUIRE(rig.camera.open().ok());
  rig.script->fail["reqbufs"] = err(hal::CompletionCode::hardwareError, "io");
  auto r = capture(rig.camera);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::hardwareError);
  CHECK(r.error().reason == "io");
  CHECK(rig.script->mapped == 0);
  CHECK(rig.script->opened == 0);
  CHECK_FALSE(rig.script->called("streamon"));
}

TEST_CASE("REQBUFS busy is reported as deviceNotReady busy", "[camera][fake]") {
  Rig rig;
  REQUIRE(rig.camera.open().ok());
  rig.script->fail["reqbufs"] = err(hal::CompletionCode::deviceNotReady, "busy");
  auto r = capture(rig.camera);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(r.error().reason == "busy");
  CHECK(rig.script->opened == 0);
  // It is not a disconnect: the camera is still there.
  CHECK(rig.camera.status().state == hal::DeviceState::online);
}

TEST_CASE("mmap failing on the third buffer unmaps the first two and frees the buffers",
          "[camera][fake]") {
  Rig rig;
  REQUIRE(rig.camera.open().ok());
  rig.script->fail_map_at = 2;
  auto r = capture(rig.camera);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::hardwareError);
  CHECK(rig.script->mapped == 0);
  CHECK(rig.script->buffers == 0);
  CHECK(rig.script->called("reqbufs0"));
  CHECK_FALSE(rig.script->freed_while_mapped);
  CHECK(rig.script->opened == 0);
  CHECK_FALSE(rig.script->streaming);

  // Once the fault goes away the next capture works (it reopens).
  rig.script->fail_map_at = -1;
  CHECK(capture(rig.camera).ok());
}

TEST_CASE("STREAMON failing releases the mapped buffers", "[camera][fake]") {
  Rig rig;
  REQUIRE(rig.camera.open().ok());
  rig.script->fail["streamon"] = err(hal::CompletionCode::hardwareError, "io");
  REQUIRE_FALSE(capture(rig.camera).ok());
  CHECK(rig.script->mapped == 0);
  CHECK(rig.script->buffers == 0);
  CHECK(rig.script->opened == 0);
}

TEST_CASE("a device granting a single buffer is refused", "[camera][fake]") {
  Rig rig;
  REQUIRE(rig.camera.open().ok());
  rig.script->grant = 1;
  auto r = capture(rig.camera);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason == "buffers");
  CHECK(rig.script->called("reqbufs0"));
}

TEST_CASE("frames flagged corrupt end in hardwareError decode after the retries",
          "[camera][fake]") {
  Rig rig;
  REQUIRE(rig.camera.open().ok());
  rig.script->flag_error_frames = true;
  auto r = capture(rig.camera);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::hardwareError);
  CHECK(r.error().reason == "decode");
  CHECK(rig.camera.statistics()["DecodeErrorCount"] == 3);
  CHECK(rig.script->mapped == 0);
  CHECK(rig.script->opened == 1);  // a bad frame is no reason to close the node
}

TEST_CASE("a node that is not a video device is refused at open", "[camera][fake]") {
  Rig rig;
  rig.script->fail["querycap"] = err(hal::CompletionCode::deviceNotReady, "not_video_device");
  auto s = rig.camera.open();
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().reason == "not_video_device");
  CHECK(rig.script->opened == 0);
}

TEST_CASE("a device call refused as invalid surfaces as a hardware error", "[camera][fake]") {
  Rig rig;
  REQUIRE(rig.camera.open().ok());
  rig.script->fail["s_fmt"] = err(hal::CompletionCode::invalidData, "argument");
  auto r = capture(rig.camera);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::hardwareError);
  CHECK(r.error().reason == "argument");
}
