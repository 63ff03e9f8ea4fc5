#pragma once
// The camera driver: hal::Camera over a V4l2Device (a real /dev/video node or the emulator).

#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "drivers/camera/v4l2_device.hpp"
#include "drivers/common/driver_base.hpp"
#include "hal/camera.hpp"

namespace kiosk::drivers {

// How the driver sets the camera up (kioskd config: camera.power_line_hz, camera.frame_rate,
// camera.lock_exposure).
struct V4l2CameraSettings {
  // Mains frequency of the lighting, against flicker bands: 50 (China, Europe), 60, or 0 to
  // leave the camera's setting. Set at every stream start (UVC cameras forget it on replug).
  int power_line_hz = 50;
  // Frames per second asked with S_PARM before streaming; 0 leaves the camera's default.
  int frame_rate = 30;
  // After the warm-up frames (auto exposure and white balance settled), hold exposure and
  // white balance for the photo (EXPOSURE_AUTO manual at the settled exposure time,
  // AUTO_WHITE_BALANCE off at the settled temperature), and give them back to the camera
  // after the capture. Licence photos need the same look frame to frame.
  bool lock_exposure = true;
  // The pixel format to stream in, as configured for this camera; empty: the mode nearest the
  // asked size, YUYV on a tie. A camera with no mode in it cannot capture (unsupported/format).
  std::optional<hal::PixelFormat> format;
};

// Thread-safety and completion contract: hal::Device; every V4l2Device call happens on the
// command queue's worker thread.
//
// The stream is a ladder of stages, climbed one step at a time by step_up() and descended by
// release_to(), which always runs after a capture:
//   closed -> opened (open, QUERYCAP, ENUM_FMT/FRAMESIZES) -> formatSet (S_FMT, G_FMT)
//   -> buffersMapped (REQBUFS, QUERYBUF + mmap + QBUF each) -> streaming (STREAMON)
// After a good capture, or a cancel or a bad frame, the driver goes back to `opened`
// (STREAMOFF, munmap, REQBUFS 0): the camera LED is off between captures and no stale frame
// waits in a buffer. After a timeout, an I/O error or a disconnect it goes to `closed`; the
// next capture reopens the node, which is also how it recovers once the camera is replugged
// (deviceArrived).
//
// capture_still(): nearest mode (choose_mode), `warmup_frames` dropped, then one frame
// decoded; up to two more frames are tried if one is corrupt (DecodeErrorCount). The
// timeout covers the whole capture. Errors: timeout/"timeout", canceled,
// deviceNotReady ("not_open", "disconnected", "no_device", "busy", "not_video_device"),
// hardwareError ("decode", "io", "buffers"), unsupported ("no_mode", "format").
//
// Controls (V4l2CameraSettings): a control or frame rate the camera lacks is not an error.
// Each missing one is counted once in "UnsupportedControlCount" and listed in the status
// detail "controls_missing" (comma-separated names, e.g. "exposure_auto,frame_rate").
class V4l2Camera final : public DriverBase<hal::Camera> {
 public:
  explicit V4l2Camera(std::unique_ptr<V4l2Device> device, std::string device_id = "camera",
                      V4l2CameraSettings settings = {});
  ~V4l2Camera() override;

  hal::DeviceInfo info() const override;
  hal::Status open() override;
  void close() override;
  hal::Result<hal::DeviceStatus> health_check() override;

  hal::CameraCapabilities capabilities() const override;
  hal::RequestId capture_still(hal::CaptureOptions options,
                               hal::Completion<hal::RgbImage> done) override;

  static constexpr std::uint32_t kBufferCount = 4;

 private:
  enum class Stage { closed, opened, formatSet, buffersMapped, streaming };

  // One step up the ladder from the current stage (towards streaming with `mode`).
  hal::Status step_up(const hal::CameraMode& mode);
  hal::Status climb_to(Stage target, const hal::CameraMode& mode);
  // Cleanup: undoes every stage above `target`, ignoring errors (the device may be gone).
  void release_to(Stage target);

  hal::Result<hal::RgbImage> run_capture(const hal::CaptureOptions& options,
                                         hal::CancelToken& token);
  hal::Result<hal::RgbImage> grab(const hal::CaptureOptions& options);
  hal::Result<hal::RgbImage> decode(const V4l2Frame& frame);
  // Settings applied after S_FMT: frame rate and power-line frequency. Fails only if the
  // device went away or failed otherwise; a missing control is noted.
  hal::Status apply_stream_settings();
  // What lock_exposure_and_white_balance changed, to give back after the capture.
  struct Locked {
    std::optional<std::int32_t> exposure_auto;
    std::optional<std::int32_t> auto_white_balance;
  };
  hal::Result<Locked> lock_exposure_and_white_balance();
  void unlock(const Locked& locked);
  // Unsupported control: noted once, success. Any other error is returned.
  hal::Status tolerate(hal::Status s, std::string_view name);
  void note_missing(std::string_view name);
  // Bookkeeping of a failed device call: counters, disconnect state and events.
  void note_error(const hal::DeviceError& error);
  void mark_present();

  Stage stage() const;
  void set_stage(Stage stage);
  // Publishes the status the fields below make; called after changing them, under the lock.
  void republish(const std::unique_lock<std::mutex>& held);

  std::unique_ptr<V4l2Device> device_;
  V4l2CameraSettings settings_;
  // Worker thread only:
  std::vector<std::span<const std::uint8_t>> mappings_;
  V4l2Format format_;

  // Guarded by the state lock (lock_state()); the published status is made of them.
  Stage stage_ = Stage::closed;
  bool wanted_open_ = false;  // open() succeeded and close() was not called
  bool present_ = true;       // false after a disconnect, until a reopen works
  std::string message_;
  V4l2Capabilities v4l2_caps_;
  hal::CameraCapabilities caps_;
  std::set<std::string, std::less<>> missing_controls_;
};

}  // namespace kiosk::drivers
