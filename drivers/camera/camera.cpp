#include "drivers/camera/camera.hpp"

#include <chrono>
#include <utility>

#include "drivers/camera/camera_codec.hpp"

namespace kiosk::drivers {
namespace {

using hal::CompletionCode;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

constexpr int kDecodeAttempts = 3;  // a corrupt frame is retried with the next ones

bool is_gone(const hal::DeviceError& e) {
  return e.reason == "disconnected" || e.reason == "no_device";
}

// hal::Camera promises timeout, hardwareError, deviceNotReady, canceled (and unsupported for
// modes): a device call refused as invalid means a driver or device fault.
hal::DeviceError to_capture_error(hal::DeviceError e) {
  if (e.code == CompletionCode::invalidData) e.code = CompletionCode::hardwareError;
  return e;
}

}  // namespace

std::string_view to_string(V4l2Control control) {
  switch (control) {
    case V4l2Control::powerLineFrequency:
      return "power_line_frequency";
    case V4l2Control::exposureAuto:
      return "exposure_auto";
    case V4l2Control::exposureAbsolute:
      return "exposure_absolute";
    case V4l2Control::exposureAutoPriority:
      return "exposure_auto_priority";
    case V4l2Control::autoWhiteBalance:
      return "auto_white_balance";
    case V4l2Control::whiteBalanceTemperature:
      return "white_balance_temperature";
  }
  return "unknown";
}

V4l2Camera::V4l2Camera(std::unique_ptr<V4l2Device> device, std::string device_id,
                       V4l2CameraSettings settings)
    : DriverBase(std::move(device_id),
                 {hal::stat::kSuccessfulCommandCount, hal::stat::kFailedCommandCount,
                  hal::stat::kCommunicationErrorCount, "FramesCapturedCount", "DecodeErrorCount",
                  "UnsupportedControlCount"}),
      device_(std::move(device)),
      settings_(settings) {
  auto lock = lock_state();
  republish(lock);
}

V4l2Camera::~V4l2Camera() {
  close();
  stop_worker();
}

hal::DeviceInfo V4l2Camera::info() const {
  auto lock = lock_state();
  hal::DeviceInfo i;
  i.id = device_id();
  i.model = v4l2_caps_.card.empty() ? "UVC camera (V4L2)" : v4l2_caps_.card;
  i.transport = device_->describe();
  if (!v4l2_caps_.bus_info.empty()) i.transport += "@" + v4l2_caps_.bus_info;
  return i;
}

hal::Status V4l2Camera::open() {
  return run_blocking<hal::Done>([this](hal::CancelToken&) -> hal::Status {
    device_->clear_interrupt();
    if (stage() == Stage::closed) {
      if (auto s = climb_to(Stage::opened, {}); !s) {
        // Absent from the start: no deviceRemoved event, just the status.
        auto lock = lock_state();
        present_ = !is_gone(s.error());
        message_ = s.error().message;
        republish(lock);
        return s;
      }
    }
    {
      auto lock = lock_state();
      wanted_open_ = true;
      message_.clear();
      republish(lock);
    }
    mark_present();
    emit(hal::EventKind::statusChanged, "");
    return hal::Done{};
  });
}

void V4l2Camera::close() {
  cancel_all();
  (void)run_blocking<hal::Done>([this](hal::CancelToken&) -> hal::Status {
    release_to(Stage::closed);
    auto lock = lock_state();
    wanted_open_ = false;
    republish(lock);
    return hal::Done{};
  });
}

hal::Result<hal::DeviceStatus> V4l2Camera::health_check() {
  auto r = run_blocking<hal::Done>([this](hal::CancelToken&) -> hal::Status {
    {
      auto lock = lock_state();
      if (!wanted_open_) {
        return hal::make_error(CompletionCode::deviceNotReady, "not_open", "camera not opened");
      }
    }
    device_->clear_interrupt();
    if (stage() == Stage::closed) {
      if (auto s = climb_to(Stage::opened, {}); !s) {
        note_error(s.error());
        return s;
      }
    } else if (auto caps = device_->query_capabilities(); !caps) {
      note_error(caps.error());
      release_to(Stage::closed);
      return caps.error();
    }
    mark_present();
    return hal::Done{};
  });
  if (!r) return r.error();
  return status();
}

hal::CameraCapabilities V4l2Camera::capabilities() const {
  auto lock = lock_state();
  return caps_;
}

hal::RequestId V4l2Camera::capture_still(hal::CaptureOptions options,
                                         hal::Completion<hal::RgbImage> done) {
  return submit<hal::RgbImage>(
      [this, options](hal::CancelToken& token) { return run_capture(options, token); },
      [this, done = std::move(done)](hal::RequestId id, hal::Result<hal::RgbImage> r) {
        count(r.ok() ? hal::stat::kSuccessfulCommandCount : hal::stat::kFailedCommandCount);
        done(id, std::move(r));
      });
}

hal::Result<hal::RgbImage> V4l2Camera::run_capture(const hal::CaptureOptions& options,
                                                   hal::CancelToken& token) {
  {
    auto lock = lock_state();
    if (!wanted_open_) {
      return hal::make_error(CompletionCode::deviceNotReady, "not_open", "camera not opened");
    }
  }
  device_->clear_interrupt();
  token.on_cancel([this] { device_->interrupt(); });

  auto result = [&]() -> hal::Result<hal::RgbImage> {
    if (auto s = climb_to(Stage::opened, {}); !s) return s.error();  // reopen after a failure
    mark_present();
    auto modes = capabilities().modes;
    if (settings_.format) {
      std::erase_if(modes,
                    [this](const hal::CameraMode& m) { return m.format != *settings_.format; });
      if (modes.empty())
        return hal::make_error(CompletionCode::unsupported, "format",
                               "camera offers no mode in the configured format");
    }
    auto mode = choose_mode(modes, options.width, options.height);
    if (!mode) return mode.error();
    if (auto s = climb_to(Stage::streaming, mode.value()); !s) return s.error();
    return grab(options);
  }();

  // Cleanup that always runs. A cancel must not cut it short.
  token.on_cancel({});
  device_->clear_interrupt();
  if (result.ok()) {
    release_to(Stage::opened);
    return result;
  }
  const hal::DeviceError error = to_capture_error(result.error());
  note_error(error);
  const bool recoverable = error.code == CompletionCode::canceled ||
                           error.code == CompletionCode::unsupported || error.reason == "decode";
  release_to(recoverable ? Stage::opened : Stage::closed);
  return error;
}

hal::Result<hal::RgbImage> V4l2Camera::grab(const hal::CaptureOptions& options) {
  const auto deadline = steady_clock::now() + milliseconds(std::max(options.timeout_ms, 0));
  auto next = [&]() -> hal::Result<V4l2Frame> {
    const auto left = std::chrono::ceil<milliseconds>(deadline - steady_clock::now());
    if (left.count() <= 0) {
      return hal::make_error(CompletionCode::timeout, "timeout", "no frame within the timeout");
    }
    auto frame = device_->dequeue_buffer(left);
    if (frame) count("FramesCapturedCount");
    return frame;
  };

  // Exposure and white balance settle over the first frames after STREAMON.
  for (int i = 0; i < options.warmup_frames; ++i) {
    auto frame = next();
    if (!frame) return frame.error();
    if (auto s = device_->queue_buffer(frame.value().index); !s) return s.error();
  }
  Locked locked;
  if (settings_.lock_exposure) {
    auto l = lock_exposure_and_white_balance();
    if (!l) return l.error();
    locked = l.value();
  }
  auto photo = [&]() -> hal::Result<hal::RgbImage> {
    hal::DeviceError last = hal::make_error(CompletionCode::hardwareError, "decode", "no frame");
    for (int attempt = 0; attempt < kDecodeAttempts; ++attempt) {
      auto frame = next();
      if (!frame) return frame.error();
      auto image = decode(frame.value());
      if (auto s = device_->queue_buffer(frame.value().index); !s) return s.error();
      if (image) return image;
      count("DecodeErrorCount");
      last = image.error();
    }
    return last;
  }();
  unlock(locked);
  return photo;
}

void V4l2Camera::note_missing(std::string_view name) {
  auto lock = lock_state();
  if (missing_controls_.insert(std::string(name)).second) {
    ++locked_stats(lock)["UnsupportedControlCount"];
    republish(lock);
  }
}

hal::Status V4l2Camera::tolerate(hal::Status s, std::string_view name) {
  if (s.ok()) return s;
  if (s.error().code == CompletionCode::unsupported) {
    note_missing(name);
    return hal::Done{};
  }
  return s;
}

hal::Status V4l2Camera::apply_stream_settings() {
  if (settings_.frame_rate > 0) {
    auto fps = device_->set_frame_rate(settings_.frame_rate);
    if (!fps) {
      if (auto s = tolerate(fps.error(), "frame_rate"); !s) return s;
    }
  }
  if (settings_.power_line_hz == 50 || settings_.power_line_hz == 60) {
    const std::int32_t value = settings_.power_line_hz == 50 ? kPowerLine50Hz : kPowerLine60Hz;
    if (auto s = tolerate(device_->set_control(V4l2Control::powerLineFrequency, value),
                          to_string(V4l2Control::powerLineFrequency));
        !s) {
      return s;
    }
  }
  return hal::Done{};
}

hal::Result<V4l2Camera::Locked> V4l2Camera::lock_exposure_and_white_balance() {
  Locked locked;
  // Exposure: read the settled exposure time, switch to manual, and write it back (UVC
  // cameras keep the last automatic value on the switch; writing it makes that sure).
  // Auto priority off keeps the frame rate fixed whatever the light.
  auto mode = device_->get_control(V4l2Control::exposureAuto);
  if (!mode) {
    if (auto s = tolerate(mode.error(), to_string(V4l2Control::exposureAuto)); !s) return s.error();
  } else if (mode.value() != kExposureManual) {
    auto settled = device_->get_control(V4l2Control::exposureAbsolute);
    auto s = device_->set_control(V4l2Control::exposureAuto, kExposureManual);
    if (s) {
      locked.exposure_auto = mode.value();
      if (settled) {
        s = tolerate(device_->set_control(V4l2Control::exposureAbsolute, settled.value()),
                     to_string(V4l2Control::exposureAbsolute));
      } else {
        s = tolerate(settled.error(), to_string(V4l2Control::exposureAbsolute));
      }
    } else {
      s = tolerate(s, to_string(V4l2Control::exposureAuto));
    }
    if (!s) {
      unlock(locked);
      return s.error();
    }
  }
  // White balance: the same with the colour temperature.
  auto awb = device_->get_control(V4l2Control::autoWhiteBalance);
  if (!awb) {
    if (auto s = tolerate(awb.error(), to_string(V4l2Control::autoWhiteBalance)); !s) {
      unlock(locked);
      return s.error();
    }
  } else if (awb.value() != 0) {
    auto settled = device_->get_control(V4l2Control::whiteBalanceTemperature);
    auto s = device_->set_control(V4l2Control::autoWhiteBalance, 0);
    if (s) {
      locked.auto_white_balance = awb.value();
      if (settled) {
        s = tolerate(device_->set_control(V4l2Control::whiteBalanceTemperature, settled.value()),
                     to_string(V4l2Control::whiteBalanceTemperature));
      } else {
        s = tolerate(settled.error(), to_string(V4l2Control::whiteBalanceTemperature));
      }
    } else {
      s = tolerate(s, to_string(V4l2Control::autoWhiteBalance));
    }
    if (!s) {
      unlock(locked);
      return s.error();
    }
  }
  return locked;
}

void V4l2Camera::unlock(const Locked& locked) {
  // Errors ignored: the camera may be gone, and a replugged one starts in automatic anyway.
  if (locked.exposure_auto) {
    (void)device_->set_control(V4l2Control::exposureAuto, *locked.exposure_auto);
  }
  if (locked.auto_white_balance) {
    (void)device_->set_control(V4l2Control::autoWhiteBalance, *locked.auto_white_balance);
  }
}

hal::Result<hal::RgbImage> V4l2Camera::decode(const V4l2Frame& frame) {
  auto fail = [](std::string why) {
    return hal::make_error(CompletionCode::hardwareError, "decode", std::move(why));
  };
  if (frame.index >= mappings_.size() || frame.bytes_used > mappings_[frame.index].size()) {
    return fail("frame outside its buffer");
  }
  if (frame.error) return fail("camera flagged the frame as corrupt");
  const auto data = mappings_[frame.index].first(frame.bytes_used);
  const auto& mode = format_.mode;
  auto image = mode.format == hal::PixelFormat::yuyv
                   ? yuyv_to_rgb(data, mode.width, mode.height, format_.bytes_per_line)
                   : mjpeg_to_rgb(data);
  if (!image) return fail(image.error().message);
  if (image.value().width != mode.width || image.value().height != mode.height) {
    return fail("frame size differs from the format");
  }
  return image;
}

hal::Status V4l2Camera::climb_to(Stage target, const hal::CameraMode& mode) {
  while (stage() < target) {
    if (auto s = step_up(mode); !s) return s;
  }
  return hal::Done{};
}

hal::Status V4l2Camera::step_up(const hal::CameraMode& mode) {
  switch (stage()) {
    case Stage::closed: {
      if (auto s = device_->open(); !s) return s;
      auto caps = device_->query_capabilities();
      if (!caps) {
        device_->close();
        return caps.error();
      }
      if (!caps.value().video_capture || !caps.value().streaming) {
        device_->close();
        return hal::make_error(CompletionCode::deviceNotReady, "not_video_device",
                               "not a streaming video capture device");
      }
      auto modes = device_->enum_modes();
      if (!modes || modes.value().empty()) {
        device_->close();
        if (!modes) return modes.error();
        return hal::make_error(CompletionCode::unsupported, "no_mode",
                               "camera offers no YUYV or MJPEG mode");
      }
      {
        auto lock = lock_state();
        v4l2_caps_ = caps.value();
        caps_.modes = modes.value();
      }
      set_stage(Stage::opened);
      return hal::Done{};
    }
    case Stage::opened: {
      auto set = device_->set_format(mode);
      if (!set) return set.error();
      // Read back what the device settled on (it may adjust the size).
      auto got = device_->get_format();
      if (!got) return got.error();
      if (got.value().mode.format != mode.format) {
        return hal::make_error(CompletionCode::unsupported, "format", "camera kept another format");
      }
      format_ = got.value();
      set_stage(Stage::formatSet);
      return apply_stream_settings();
    }
    case Stage::formatSet: {
      auto n = device_->request_buffers(kBufferCount);
      if (!n) return n.error();
      set_stage(Stage::buffersMapped);  // from here release_to() frees what was granted
      if (n.value() < 2) {
        return hal::make_error(CompletionCode::hardwareError, "buffers", "too few capture buffers");
      }
      for (std::uint32_t i = 0; i < n.value(); ++i) {
        auto buffer = device_->query_buffer(i);
        if (!buffer) return buffer.error();
        auto mapping = device_->map_buffer(buffer.value());
        if (!mapping) return mapping.error();
        mappings_.push_back(mapping.value());
        if (auto s = device_->queue_buffer(i); !s) return s;
      }
      return hal::Done{};
    }
    case Stage::buffersMapped: {
      if (auto s = device_->stream_on(); !s) return s;
      set_stage(Stage::streaming);
      return hal::Done{};
    }
    case Stage::streaming:
      return hal::Done{};
  }
  return hal::Done{};
}

void V4l2Camera::release_to(Stage target) {
  while (stage() > target) {
    switch (stage()) {
      case Stage::streaming:
        (void)device_->stream_off();
        set_stage(Stage::buffersMapped);
        break;
      case Stage::buffersMapped:
        for (auto mapping : mappings_) device_->unmap_buffer(mapping);
        mappings_.clear();
        (void)device_->request_buffers(0);
        set_stage(Stage::formatSet);
        break;
      case Stage::formatSet:
        set_stage(Stage::opened);
        break;
      case Stage::opened:
        device_->close();
        set_stage(Stage::closed);
        break;
      case Stage::closed:
        return;
    }
  }
}

void V4l2Camera::note_error(const hal::DeviceError& error) {
  if (error.code == CompletionCode::canceled || error.code == CompletionCode::unsupported) return;
  if (error.reason == "decode") return;  // counted as DecodeErrorCount
  count(hal::stat::kCommunicationErrorCount);
  if (!is_gone(error)) return;
  bool was_present = false;
  {
    auto lock = lock_state();
    was_present = present_;
    present_ = false;
    message_ = "camera not found or disconnected";
    republish(lock);
  }
  if (was_present) {
    emit(hal::EventKind::deviceRemoved, error.reason);
    emit(hal::EventKind::statusChanged, "");
  }
}

void V4l2Camera::mark_present() {
  bool was_absent = false;
  {
    auto lock = lock_state();
    was_absent = !present_;
    present_ = true;
    if (was_absent) message_.clear();
    republish(lock);
  }
  if (was_absent) {
    emit(hal::EventKind::deviceArrived, "reconnected");
    emit(hal::EventKind::statusChanged, "");
  }
}

V4l2Camera::Stage V4l2Camera::stage() const {
  auto lock = lock_state();
  return stage_;
}

void V4l2Camera::set_stage(Stage stage) {
  auto lock = lock_state();
  stage_ = stage;
  republish(lock);
}

void V4l2Camera::republish(const std::unique_lock<std::mutex>& held) {
  hal::DeviceStatus s;
  if (!wanted_open_) {
    s.state = hal::DeviceState::offline;
  } else if (!present_) {
    s.state = hal::DeviceState::noDevice;
  } else if (stage_ == Stage::streaming) {
    s.state = hal::DeviceState::busy;
  } else {
    s.state = hal::DeviceState::online;
  }
  s.detail["stream"] = stage_ == Stage::streaming ? "running" : "stopped";
  if (!missing_controls_.empty()) {
    std::string names;
    for (const auto& n : missing_controls_) names += (names.empty() ? "" : ",") + n;
    s.detail["controls_missing"] = names;
  }
  s.message = message_;
  locked_status(held) = std::move(s);
}

}  // namespace kiosk::drivers
