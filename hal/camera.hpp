#pragma once
// Camera (V4L2 / UVC) for face verification and the licence photo.

#include <vector>

#include "hal/device.hpp"
#include "hal/image.hpp"

namespace kiosk::hal {

enum class PixelFormat { mjpeg, yuyv };

struct CameraMode {
  int width = 0;
  int height = 0;
  PixelFormat format = PixelFormat::yuyv;
};

struct CameraCapabilities {
  std::vector<CameraMode> modes;
};

struct CaptureOptions {
  int width = 640;  // the nearest supported mode is used
  int height = 480;
  int warmup_frames = 3;  // frames dropped while exposure settles
  int timeout_ms = 3000;
};

// Status detail codes: "stream" -> "stopped" | "running".
// Statistics: SuccessfulCommandCount, FailedCommandCount, "FramesCapturedCount".
class Camera : public Device {
 public:
  virtual CameraCapabilities capabilities() const = 0;

  // Starts streaming if needed and returns one decoded frame. Personal data: the caller owns
  // the frame and must wipe it when done.
  // Errors: timeout, hardwareError ("stream", "decode"), deviceNotReady, canceled.
  virtual RequestId capture_still(CaptureOptions options, Completion<RgbImage> done) = 0;
};

}  // namespace kiosk::hal
