#pragma once
// The V4L2 calls the camera driver needs, as typed methods. Two implementations:
// v4l2_device_linux.cpp (a /dev/video* node: open/ioctl/mmap/poll) and the in-process
// emulator (drivers/emu/camera/camera_emulator.hpp). The driver (camera.cpp) owns one and
// never knows which.
//
// Call order (PROTOCOLS.md "Camera"): open -> query_capabilities -> enum_modes ->
// set_format (S_FMT, read back with get_format) -> set_frame_rate (S_PARM) and controls
// (S_CTRL) -> request_buffers(n) -> per buffer query_buffer + map_buffer + queue_buffer ->
// stream_on -> dequeue_buffer / queue_buffer ... -> stream_off -> unmap_buffer each ->
// request_buffers(0) -> close.
//
// Threading: one thread calls everything except interrupt(), which any thread may call.
//
// Errors are hal::DeviceError with these (code, reason) pairs:
//   deviceNotReady/"no_device"        no such device node
//   deviceNotReady/"permission"       not allowed to open the node
//   deviceNotReady/"busy"             another process owns the stream (EBUSY)
//   deviceNotReady/"disconnected"     the camera went away (ENODEV, ENXIO)
//   deviceNotReady/"not_open"         open() was not called or failed
//   deviceNotReady/"not_video_device" the node is no V4L2 capture device (QUERYCAP fails)
//   unsupported/"format"              the camera cannot deliver the asked pixel format
//   timeout/"timeout"                 no frame within the timeout
//   canceled/"canceled"               interrupt() was called
//   hardwareError/"io"                anything else; message has the OS text
//   invalidData/"argument"            the driver passed something the device refused (EINVAL)
//   unsupported/"control"             the camera has no such control, or refuses it now
//   unsupported/"frame_rate"          the camera cannot set its frame rate (S_PARM)

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hal/camera.hpp"
#include "hal/result.hpp"

namespace kiosk::drivers {

struct V4l2Capabilities {
  std::string driver;    // "uvcvideo"
  std::string card;      // product name
  std::string bus_info;  // "usb-0000:00:14.0-1"
  bool video_capture = false;
  bool streaming = false;  // supports mmap streaming I/O
};

// What S_FMT / G_FMT settled on: the device may adjust the asked size.
struct V4l2Format {
  hal::CameraMode mode;
  std::uint32_t bytes_per_line = 0;  // YUYV: >= width * 2; MJPEG: 0
  std::uint32_t size_image = 0;      // largest frame in bytes
};

// A buffer as QUERYBUF describes it.
struct V4l2Buffer {
  std::uint32_t index = 0;
  std::uint32_t length = 0;
  std::uint32_t offset = 0;  // mmap offset
};

// A filled buffer as DQBUF returns it. The bytes are in the mapping of `index`.
struct V4l2Frame {
  std::uint32_t index = 0;
  std::uint32_t bytes_used = 0;
  std::uint32_t sequence = 0;
  bool error = false;  // V4L2_BUF_FLAG_ERROR: the device says the data may be corrupt
};

// The camera controls the driver sets (VIDIOC_S_CTRL / G_CTRL), with V4L2's values. UVC
// cameras map them to their processing and camera-terminal units; many lack some.
enum class V4l2Control {
  powerLineFrequency,       // V4L2_CID_POWER_LINE_FREQUENCY: 0 off, 1 50 Hz, 2 60 Hz, 3 auto
  exposureAuto,             // V4L2_CID_EXPOSURE_AUTO: 1 manual, 3 aperture priority (UVC auto)
  exposureAbsolute,         // V4L2_CID_EXPOSURE_ABSOLUTE: units of 100 us
  exposureAutoPriority,     // V4L2_CID_EXPOSURE_AUTO_PRIORITY: 0 keeps the frame rate
  autoWhiteBalance,         // V4L2_CID_AUTO_WHITE_BALANCE: 0 holds the current balance
  whiteBalanceTemperature,  // V4L2_CID_WHITE_BALANCE_TEMPERATURE: kelvin
};
std::string_view to_string(V4l2Control control);

inline constexpr std::int32_t kPowerLine50Hz = 1;
inline constexpr std::int32_t kPowerLine60Hz = 2;
inline constexpr std::int32_t kExposureManual = 1;
inline constexpr std::int32_t kExposureAperturePriority = 3;

class V4l2Device {
 public:
  virtual ~V4l2Device() = default;

  // "v4l2:/dev/video0", "emulated:camera"
  virtual std::string describe() const = 0;

  // Opens the node. Reopening after close() (or after the camera was replugged) is allowed.
  virtual hal::Status open() = 0;
  // Releases everything the kernel holds for this handle (stream, buffers). Idempotent.
  virtual void close() = 0;

  virtual hal::Result<V4l2Capabilities> query_capabilities() = 0;
  // ENUM_FMT x ENUM_FRAMESIZES: the discrete modes in a pixel format the driver can decode.
  virtual hal::Result<std::vector<hal::CameraMode>> enum_modes() = 0;
  virtual hal::Result<V4l2Format> set_format(const hal::CameraMode& mode) = 0;
  virtual hal::Result<V4l2Format> get_format() = 0;

  // REQBUFS; returns the count granted. 0 frees the buffers (all must be unmapped first,
  // else "busy"). MMAP memory, or user pointers where the device offers only those
  // (v4l2_device_linux.cpp); map_buffer gives the bytes either way.
  virtual hal::Result<std::uint32_t> request_buffers(std::uint32_t count) = 0;
  virtual hal::Result<V4l2Buffer> query_buffer(std::uint32_t index) = 0;
  // The returned bytes stay valid until unmap_buffer (even after a disconnect).
  virtual hal::Result<std::span<const std::uint8_t>> map_buffer(const V4l2Buffer& buffer) = 0;
  virtual void unmap_buffer(std::span<const std::uint8_t> mapping) = 0;

  virtual hal::Status queue_buffer(std::uint32_t index) = 0;
  // Waits up to `timeout` (poll) for a filled buffer, then DQBUF.
  virtual hal::Result<V4l2Frame> dequeue_buffer(std::chrono::milliseconds timeout) = 0;
  virtual hal::Status stream_on() = 0;
  // Also returns every queued buffer to the application (V4L2 semantics).
  virtual hal::Status stream_off() = 0;

  // VIDIOC_S_CTRL / VIDIOC_G_CTRL. A control the camera lacks (EINVAL), or refuses in its
  // current mode (EACCES, ERANGE), is unsupported/"control". Devices without controls keep
  // these defaults.
  virtual hal::Status set_control(V4l2Control control, std::int32_t value) {
    (void)value;
    return hal::make_error(hal::CompletionCode::unsupported, "control",
                           std::string(to_string(control)) + " not offered");
  }
  virtual hal::Result<std::int32_t> get_control(V4l2Control control) {
    return hal::make_error(hal::CompletionCode::unsupported, "control",
                           std::string(to_string(control)) + " not offered");
  }
  // VIDIOC_S_PARM with timeperframe 1/fps, before REQBUFS. Returns the rate the camera
  // settled on (the nearest it offers). unsupported/"frame_rate" if it cannot set one.
  virtual hal::Result<int> set_frame_rate(int fps) {
    (void)fps;
    return hal::make_error(hal::CompletionCode::unsupported, "frame_rate",
                           "frame rate not settable");
  }

  // Makes the pending dequeue_buffer, or the next one, return canceled. Sticky until
  // clear_interrupt(). Thread-safe.
  virtual void interrupt() = 0;
  virtual void clear_interrupt() = 0;
};

}  // namespace kiosk::drivers
