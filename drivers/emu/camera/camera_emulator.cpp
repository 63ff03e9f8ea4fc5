#include "drivers/emu/camera/camera_emulator.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <deque>
#include <optional>

#include "drivers/camera/camera_codec.hpp"
#include "drivers/emu/common/time_scale.hpp"
#include "protocol/image/jpeg.hpp"

namespace kiosk::drivers::emu {

using drivers::V4l2Buffer;
using drivers::V4l2Capabilities;
using drivers::V4l2Format;
using drivers::V4l2Frame;
using hal::CompletionCode;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

namespace {

constexpr milliseconds kFrameInterval{33};  // ~30 fps
constexpr std::uint32_t kMaxBuffers = 8;
constexpr std::uint32_t kBufferStride = 1U << 24;  // fake mmap offsets: index * stride

const std::vector<hal::CameraMode>& all_modes() {
  static const std::vector<hal::CameraMode> modes{
      {320, 240, hal::PixelFormat::yuyv},
      {640, 480, hal::PixelFormat::yuyv},
      {640, 480, hal::PixelFormat::mjpeg},
      {1280, 720, hal::PixelFormat::mjpeg},
  };
  return modes;
}

V4l2Format format_for(const hal::CameraMode& mode) {
  V4l2Format f;
  f.mode = mode;
  const auto pixels =
      static_cast<std::uint32_t>(mode.width) * static_cast<std::uint32_t>(mode.height);
  f.bytes_per_line =
      mode.format == hal::PixelFormat::yuyv ? static_cast<std::uint32_t>(mode.width) * 2 : 0;
  f.size_image = pixels * 2;
  return f;
}

constexpr std::int32_t kSettledExposure = 166;
constexpr std::int32_t kSettledTemperature = 5100;

std::map<drivers::V4l2Control, std::int32_t> default_controls() {
  using C = drivers::V4l2Control;
  return {{C::powerLineFrequency, drivers::kPowerLine60Hz},
          {C::exposureAuto, drivers::kExposureAperturePriority},
          {C::exposureAbsolute, 250},
          {C::exposureAutoPriority, 1},
          {C::autoWhiteBalance, 1},
          {C::whiteBalanceTemperature, 4600}};
}

hal::DeviceError error(CompletionCode code, std::string reason, std::string message) {
  return hal::make_error(code, std::move(reason), std::move(message));
}

}  // namespace

// One open of the camera's device node. All state is guarded by the camera's mutex.
class EmulatedV4l2Device final : public drivers::V4l2Device {
 public:
  explicit EmulatedV4l2Device(std::shared_ptr<CameraEmulator> camera) : cam_(std::move(camera)) {}
  ~EmulatedV4l2Device() override { close(); }

  std::string describe() const override { return "emulated:" + cam_->name_; }

  hal::Status open() override {
    std::lock_guard lock(cam_->m_);
    close_locked();
    if (!cam_->plugged_)
      return error(CompletionCode::deviceNotReady, "no_device", "camera unplugged");
    open_ = true;
    generation_ = cam_->generation_;
    ++cam_->open_handles_;
    return hal::Done{};
  }

  void close() override {
    std::lock_guard lock(cam_->m_);
    close_locked();
  }

  hal::Result<V4l2Capabilities> query_capabilities() override {
    std::lock_guard lock(cam_->m_);
    if (auto e = check_alive_locked()) return *e;
    return V4l2Capabilities{"uvcvideo", "Kiosk24 emulated UVC camera", "usb-emulated-1", true,
                            true};
  }

  hal::Result<std::vector<hal::CameraMode>> enum_modes() override {
    std::lock_guard lock(cam_->m_);
    if (auto e = check_alive_locked()) return *e;
    return all_modes();
  }

  hal::Result<V4l2Format> set_format(const hal::CameraMode& mode) override {
    std::lock_guard lock(cam_->m_);
    if (auto e = check_alive_locked()) return *e;
    if (!buffers_.empty() || streaming_) {
      return error(CompletionCode::deviceNotReady, "busy", "buffers allocated");
    }
    // Like a V4L2 driver, adjust the size to the nearest one offered in that format.
    std::vector<hal::CameraMode> same;
    for (const auto& m : all_modes()) {
      if (m.format == mode.format) same.push_back(m);
    }
    auto chosen = drivers::choose_mode(same, mode.width, mode.height);
    if (!chosen) return error(CompletionCode::unsupported, "format", "pixel format not offered");
    format_ = format_for(chosen.value());
    return format_;
  }

  hal::Result<V4l2Format> get_format() override {
    std::lock_guard lock(cam_->m_);
    if (auto e = check_alive_locked()) return *e;
    return format_;
  }

  hal::Result<std::uint32_t> request_buffers(std::uint32_t count) override {
    std::lock_guard lock(cam_->m_);
    if (auto e = check_alive_locked()) return *e;
    if (streaming_) return error(CompletionCode::deviceNotReady, "busy", "streaming");
    if (cam_->buffer_owner_ != nullptr && cam_->buffer_owner_ != this) {
      return error(CompletionCode::deviceNotReady, "busy", "another handle owns the stream");
    }
    if (mapped_count() > 0)
      return error(CompletionCode::deviceNotReady, "busy", "buffers still mapped");
    buffers_.clear();
    queued_.clear();
    cam_->buffer_owner_ = nullptr;
    if (count == 0) return std::uint32_t{0};
    const std::uint32_t n = std::clamp<std::uint32_t>(count, 2, kMaxBuffers);
    for (std::uint32_t i = 0; i < n; ++i) {
      buffers_.push_back(Buffer{std::vector<std::uint8_t>(format_.size_image), false, false});
    }
    cam_->buffer_owner_ = this;
    return n;
  }

  hal::Result<V4l2Buffer> query_buffer(std::uint32_t index) override {
    std::lock_guard lock(cam_->m_);
    if (auto e = check_alive_locked()) return *e;
    if (index >= buffers_.size())
      return error(CompletionCode::invalidData, "argument", "no such buffer");
    return V4l2Buffer{index, static_cast<std::uint32_t>(buffers_[index].bytes.size()),
                      index * kBufferStride};
  }

  hal::Result<std::span<const std::uint8_t>> map_buffer(const V4l2Buffer& buffer) override {
    std::lock_guard lock(cam_->m_);
    if (auto e = check_alive_locked()) return *e;
    const std::uint32_t index = buffer.offset / kBufferStride;
    if (buffer.offset % kBufferStride != 0 || index >= buffers_.size() ||
        buffer.length != buffers_[index].bytes.size()) {
      return error(CompletionCode::invalidData, "argument", "bad mmap offset or length");
    }
    if (!buffers_[index].mapped) {
      buffers_[index].mapped = true;
      ++cam_->mapped_;
    }
    return std::span<const std::uint8_t>(buffers_[index].bytes);
  }

  void unmap_buffer(std::span<const std::uint8_t> mapping) override {
    std::lock_guard lock(cam_->m_);
    for (auto& b : buffers_) {
      if (b.mapped && b.bytes.data() == mapping.data()) {
        b.mapped = false;
        --cam_->mapped_;
      }
    }
  }

  hal::Status queue_buffer(std::uint32_t index) override {
    std::lock_guard lock(cam_->m_);
    if (auto e = check_alive_locked()) return *e;
    if (index >= buffers_.size() || buffers_[index].queued) {
      return error(CompletionCode::invalidData, "argument", "buffer not dequeued");
    }
    buffers_[index].queued = true;
    queued_.push_back(index);
    cam_->cv_.notify_all();
    return hal::Done{};
  }

  hal::Result<V4l2Frame> dequeue_buffer(milliseconds timeout) override {
    std::unique_lock lock(cam_->m_);
    if (auto e = check_alive_locked()) return *e;
    if (!streaming_) return error(CompletionCode::invalidData, "argument", "not streaming");
    const auto deadline = steady_clock::now() + timeout;
    if (cam_->faults_.take(Fault::unplugMidCommand)) {
      unplug_locked(*cam_);
      return error(CompletionCode::deviceNotReady, "disconnected", "camera unplugged");
    }
    const bool silent = cam_->faults_.take(Fault::noAnswer);
    auto due = std::max(steady_clock::now(), last_frame_ + scaled(kFrameInterval));
    if (silent) due = deadline + milliseconds(1);
    // Wait for the frame time, then for a queued buffer; interrupt and unplug end the wait.
    auto stop = [&] { return interrupted_ || generation_ != cam_->generation_; };
    cam_->cv_.wait_until(lock, std::min(due, deadline), stop);
    if (!stop()) cam_->cv_.wait_until(lock, deadline, [&] { return stop() || !queued_.empty(); });
    if (interrupted_) return error(CompletionCode::canceled, "canceled", "capture canceled");
    if (auto e = check_alive_locked()) return *e;
    if (silent || queued_.empty() || steady_clock::now() < due) {
      return error(CompletionCode::timeout, "timeout", "no frame");
    }
    const std::uint32_t index = queued_.front();
    queued_.pop_front();
    buffers_[index].queued = false;
    last_frame_ = steady_clock::now();
    const bool garbage = cam_->faults_.take(Fault::garbage);
    const CameraScene scene = cam_->scene_;
    const auto renderer = cam_->renderer_;  // a copy: set_scene_renderer may run meanwhile
    const auto frame_no = static_cast<std::uint32_t>(cam_->frames_++);
    const hal::CameraMode mode = format_.mode;
    std::vector<std::uint8_t>& bytes = buffers_[index].bytes;
    lock.unlock();
    // Rendering and encoding take a while: outside the lock. Only this handle's thread
    // touches the buffer, and nobody frees it while it is queued or dequeued.
    const std::uint32_t used = fill(bytes, mode, scene, renderer, frame_no, garbage);
    return V4l2Frame{index, used, sequence_++, false};
  }

  hal::Status stream_on() override {
    std::lock_guard lock(cam_->m_);
    if (auto e = check_alive_locked()) return *e;
    if (buffers_.empty()) return error(CompletionCode::invalidData, "argument", "no buffers");
    streaming_ = true;
    cam_->streaming_ = true;
    sequence_ = 0;
    last_frame_ = steady_clock::now();
    return hal::Done{};
  }

  hal::Status stream_off() override {
    std::lock_guard lock(cam_->m_);
    stop_stream_locked();
    if (auto e = check_alive_locked()) return *e;
    return hal::Done{};
  }

  hal::Status set_control(drivers::V4l2Control control, std::int32_t value) override {
    std::lock_guard lock(cam_->m_);
    if (auto e = check_alive_locked()) return *e;
    cam_->controls_[control] = value;
    return hal::Done{};
  }

  hal::Result<std::int32_t> get_control(drivers::V4l2Control control) override {
    std::lock_guard lock(cam_->m_);
    if (auto e = check_alive_locked()) return *e;
    using C = drivers::V4l2Control;
    // While automatic, the camera reports what it settled on.
    if (control == C::exposureAbsolute &&
        cam_->controls_[C::exposureAuto] != drivers::kExposureManual) {
      return kSettledExposure;
    }
    if (control == C::whiteBalanceTemperature && cam_->controls_[C::autoWhiteBalance] != 0) {
      return kSettledTemperature;
    }
    return cam_->controls_[control];
  }

  hal::Result<int> set_frame_rate(int fps) override {
    std::lock_guard lock(cam_->m_);
    if (auto e = check_alive_locked()) return *e;
    cam_->frame_rate_ = fps >= 23 ? 30 : fps >= 10 ? 15 : 5;
    return cam_->frame_rate_;
  }

  void interrupt() override {
    std::lock_guard lock(cam_->m_);
    interrupted_ = true;
    cam_->cv_.notify_all();
  }

  void clear_interrupt() override {
    std::lock_guard lock(cam_->m_);
    interrupted_ = false;
  }

  static void unplug_locked(CameraEmulator& cam) {
    cam.plugged_ = false;
    ++cam.generation_;
    cam.streaming_ = false;
    cam.cv_.notify_all();
  }

 private:
  struct Buffer {
    std::vector<std::uint8_t> bytes;
    bool mapped;
    bool queued;
  };

  std::optional<hal::DeviceError> check_alive_locked() const {
    if (!open_) return error(CompletionCode::deviceNotReady, "not_open", "device not open");
    if (generation_ != cam_->generation_) {
      return error(CompletionCode::deviceNotReady, "disconnected", "camera unplugged");
    }
    return std::nullopt;
  }

  int mapped_count() const {
    return static_cast<int>(
        std::count_if(buffers_.begin(), buffers_.end(), [](const Buffer& b) { return b.mapped; }));
  }

  void stop_stream_locked() {
    if (streaming_ && generation_ == cam_->generation_) cam_->streaming_ = false;
    streaming_ = false;
    queued_.clear();
    for (auto& b : buffers_) b.queued = false;
  }

  // Closing a node frees the stream and, once unmapped, the buffers (kernel semantics).
  void close_locked() {
    if (!open_) return;
    stop_stream_locked();
    if (cam_->buffer_owner_ == this) cam_->buffer_owner_ = nullptr;
    if (mapped_count() == 0) buffers_.clear();
    --cam_->open_handles_;
    open_ = false;
  }

  static std::uint32_t fill(std::vector<std::uint8_t>& bytes, const hal::CameraMode& mode,
                            CameraScene scene, const CameraEmulator::SceneRenderer& renderer,
                            std::uint32_t frame_no, bool garbage) {
    const hal::RgbImage rgb = (renderer && scene == CameraScene::face)
                                  ? renderer(mode.width, mode.height, frame_no)
                                  : render_scene(scene, mode.width, mode.height, frame_no);
    std::vector<std::uint8_t> data;
    if (mode.format == hal::PixelFormat::yuyv) {
      auto yuyv = drivers::rgb_to_yuyv(rgb);
      if (yuyv.ok()) data = std::move(yuyv).value();
      if (garbage) data.resize(data.size() / 3);  // a frame cut short on the bus
    } else {
      auto jpeg = protocol::encode_jpeg({rgb.width, rgb.height, rgb.pixels}, 85);
      if (jpeg.ok()) data = std::move(jpeg).value();
      if (garbage && data.size() > 64) {
        // Damaged entropy data and a lost tail: what a glitching USB link gives.
        for (std::size_t i = data.size() / 2; i < data.size() * 3 / 5; i += 7) data[i] ^= 0x5A;
        data.resize(data.size() * 3 / 4);
      }
    }
    const std::size_t used = std::min(data.size(), bytes.size());
    std::memcpy(bytes.data(), data.data(), used);
    return static_cast<std::uint32_t>(used);
  }

  std::shared_ptr<CameraEmulator> cam_;
  bool open_ = false;
  std::uint64_t generation_ = 0;
  V4l2Format format_ = format_for(all_modes()[1]);
  std::vector<Buffer> buffers_;
  std::deque<std::uint32_t> queued_;
  bool streaming_ = false;
  bool interrupted_ = false;
  std::uint32_t sequence_ = 0;  // the handle's thread only
  steady_clock::time_point last_frame_{};
};

std::shared_ptr<CameraEmulator> CameraEmulator::create(std::string name) {
  return std::shared_ptr<CameraEmulator>(new CameraEmulator(std::move(name)));
}

CameraEmulator::CameraEmulator(std::string name)
    : name_(std::move(name)), controls_(default_controls()) {}

std::unique_ptr<drivers::V4l2Device> CameraEmulator::make_device() {
  return std::make_unique<EmulatedV4l2Device>(shared_from_this());
}

std::vector<hal::CameraMode> CameraEmulator::modes() const {
  return all_modes();
}

void CameraEmulator::unplug() {
  std::lock_guard lock(m_);
  if (plugged_) EmulatedV4l2Device::unplug_locked(*this);
}

void CameraEmulator::replug() {
  std::lock_guard lock(m_);
  plugged_ = true;
  controls_ = default_controls();
  frame_rate_ = 30;
}

std::map<drivers::V4l2Control, std::int32_t> CameraEmulator::controls() const {
  std::lock_guard lock(m_);
  return controls_;
}

int CameraEmulator::frame_rate() const {
  std::lock_guard lock(m_);
  return frame_rate_;
}

bool CameraEmulator::plugged() const {
  std::lock_guard lock(m_);
  return plugged_;
}

void CameraEmulator::set_scene(CameraScene scene) {
  std::lock_guard lock(m_);
  scene_ = scene;
}

void CameraEmulator::set_scene_renderer(SceneRenderer renderer) {
  std::lock_guard lock(m_);
  renderer_ = std::move(renderer);
}

CameraScene CameraEmulator::scene() const {
  std::lock_guard lock(m_);
  return scene_;
}

int CameraEmulator::open_handles() const {
  std::lock_guard lock(m_);
  return open_handles_;
}

int CameraEmulator::mapped_buffers() const {
  std::lock_guard lock(m_);
  return mapped_;
}

bool CameraEmulator::streaming() const {
  std::lock_guard lock(m_);
  return streaming_;
}

std::uint64_t CameraEmulator::frames_delivered() const {
  std::lock_guard lock(m_);
  return frames_;
}

}  // namespace kiosk::drivers::emu
