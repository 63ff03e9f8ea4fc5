#pragma once
// An emulated UVC camera in the kernel's V4L2 interface: a /dev/videoN node in a umockdev
// testbed whose ioctls (VIDIOC_*) are answered from a CameraEmulator (drivers/emu/camera), so
// the real driver (V4l2DeviceLinux + V4l2Camera), in this process or in another one started
// with the testbed's UMOCKDEV_DIR under LD_PRELOAD=libumockdev-preload.so.0, streams the
// emulator's synthetic face scene as from a camera.
//
// What the node offers, as uvcvideo would:
//   QUERYCAP ("uvcvideo", capture + streaming), ENUM_FMT / ENUM_FRAMESIZES /
//   ENUM_FRAMEINTERVALS (YUYV 320x240, 640x480; MJPEG 640x480, 1280x720; 30/15/5 fps),
//   S_FMT / G_FMT / TRY_FMT, S_PARM / G_PARM (frame rate; the emulator paces frames at
//   ~30 fps whatever is asked), S_CTRL / G_CTRL for the controls in the spec (others EINVAL),
//   REQBUFS / QUERYBUF / QBUF / DQBUF / STREAMON / STREAMOFF.
// Memory: umockdev cannot emulate mmap(), so REQBUFS refuses V4L2_MEMORY_MMAP with EINVAL and
// streams V4L2_MEMORY_USERPTR: at DQBUF the frame is written into the client's buffer
// (umockdev_ioctl_data_resolve on m.userptr). V4l2DeviceLinux falls back to USERPTR on
// exactly that EINVAL.
// poll(): the preload library does not intercept poll(), so the node is a symlink to a pty
// slave that this object owns (raw mode). While a frame waits for DQBUF (or the camera is
// gone) one byte is pending on the slave, so a client's poll(POLLIN) wakes exactly then; it
// is drained when the last ready frame is dequeued. The byte is never read by the driver.
// All opens of the node share that readiness (one streaming client at a time, as V4L2 allows
// one buffer owner).
// Unplug: the emulator is unplugged, every open handle fails with ENODEV (the pending poll
// wakes), the node, its by-id link and the sysfs device go away with a "remove" uevent;
// opening it again gives ENOENT. Replug adds it back ("add"); old handles stay dead.
//
// The ioctl handlers run on umockdev's thread and never block it: frames are produced by a
// thread per streaming client.
//
// Use (the testbed may hold other devices, e.g. the UmockdevUsbBus's):
//   auto camera = drivers::emu::CameraEmulator::create();
//   testing::UmockdevV4l2Camera node(testbed, camera);    // /dev/video0, /dev/v4l/by-id/...
//   drivers::V4l2Camera driver(drivers::make_linux_v4l2_device(node.by_id_path()));

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "drivers/camera/v4l2_device.hpp"

typedef struct _UMockdevTestbed UMockdevTestbed;

namespace kiosk::drivers::emu {
class CameraEmulator;
}

namespace kiosk::testing {

struct V4l2CameraSpec {
  int index = 0;  // /dev/video<index>, char device 81:<index>
  std::string card = "Kiosk24 Emulated UVC Camera";
  std::uint16_t vid = 0x1209;  // pid.codes test range
  std::uint16_t pid = 0x4b24;
  std::string serial = "K24CAM0001";
  int usb_bus = 3;  // sysfs .../usb<bus>/<bus>-<port>: away from UmockdevUsbBus's bus 1
  int usb_port = 1;
  // The controls the camera offers; S_CTRL/G_CTRL on any other gives EINVAL.
  std::vector<drivers::V4l2Control> controls = {
      drivers::V4l2Control::powerLineFrequency, drivers::V4l2Control::exposureAuto,
      drivers::V4l2Control::exposureAbsolute,   drivers::V4l2Control::exposureAutoPriority,
      drivers::V4l2Control::autoWhiteBalance,   drivers::V4l2Control::whiteBalanceTemperature,
  };
  bool frame_rate_settable = true;  // false: S_PARM answers EINVAL (no TIMEPERFRAME)
};

// What clients did, for assertions.
struct V4l2CameraTraffic {
  std::size_t opens = 0;
  std::size_t mmap_refused = 0;      // REQBUFS with V4L2_MEMORY_MMAP (answered EINVAL)
  std::size_t userptr_requests = 0;  // REQBUFS with V4L2_MEMORY_USERPTR, count > 0
  std::size_t frames_dequeued = 0;   // DQBUF answered with a frame
  std::size_t dqbuf_again = 0;       // DQBUF answered EAGAIN (woke without a frame)
  std::size_t stream_ons = 0;
  std::size_t stream_offs = 0;
  std::optional<int> frame_rate;  // the last S_PARM's rate, as settled
  std::vector<std::pair<drivers::V4l2Control, std::int32_t>> control_writes;  // S_CTRL, in order
};

class UmockdevV4l2Camera {
 public:
  // Adds the camera to `testbed` (the process's active testbed) and sends "add". Throws
  // std::runtime_error if umockdev refuses it.
  UmockdevV4l2Camera(UMockdevTestbed* testbed, std::shared_ptr<drivers::emu::CameraEmulator> camera,
                     V4l2CameraSpec spec = {});
  ~UmockdevV4l2Camera();
  UmockdevV4l2Camera(const UmockdevV4l2Camera&) = delete;
  UmockdevV4l2Camera& operator=(const UmockdevV4l2Camera&) = delete;

  std::string devnode() const;     // "/dev/video0"
  std::string by_id_path() const;  // "/dev/v4l/by-id/usb-Kiosk24_..._K24CAM0001-video-index0"
  std::string syspath() const;     // "/sys/devices/pci0000:00/.../video4linux/video0"

  void unplug();
  void replug();
  bool plugged() const;

  // The camera's current control values (what the last S_CTRL left, or the defaults:
  // power line 60 Hz, exposure aperture-priority auto, auto white balance on).
  std::map<drivers::V4l2Control, std::int32_t> controls() const;
  V4l2CameraTraffic traffic() const;
  int open_handles() const;

  struct Impl;  // shared with umockdev's thread (public for the C callbacks only)

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::testing
