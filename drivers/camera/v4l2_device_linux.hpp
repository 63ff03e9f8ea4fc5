#pragma once
// The real V4L2 device: a /dev/video* node through open/ioctl/mmap/poll. errno is mapped to
// the typed errors of v4l2_device.hpp in one place (map_errno in the .cpp).
//
// Streaming I/O: memory-mapped buffers (V4L2_MEMORY_MMAP) first. A device that refuses MMAP
// in REQBUFS with EINVAL is streamed with user-pointer buffers (V4L2_MEMORY_USERPTR) that
// this object allocates; the driver above sees the same buffers either way. UVC cameras
// (uvcvideo, videobuf2) offer both; the emulated kernel device (tests/support,
// umockdev_v4l2_camera) offers only USERPTR, because umockdev cannot emulate mmap.

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "drivers/camera/v4l2_device.hpp"

namespace kiosk::drivers {

class V4l2DeviceLinux final : public V4l2Device {
 public:
  explicit V4l2DeviceLinux(std::string path);  // "/dev/video0"
  ~V4l2DeviceLinux() override;
  V4l2DeviceLinux(const V4l2DeviceLinux&) = delete;
  V4l2DeviceLinux& operator=(const V4l2DeviceLinux&) = delete;

  std::string describe() const override;
  hal::Status open() override;
  void close() override;
  hal::Result<V4l2Capabilities> query_capabilities() override;
  hal::Result<std::vector<hal::CameraMode>> enum_modes() override;
  hal::Result<V4l2Format> set_format(const hal::CameraMode& mode) override;
  hal::Result<V4l2Format> get_format() override;
  hal::Result<std::uint32_t> request_buffers(std::uint32_t count) override;
  hal::Result<V4l2Buffer> query_buffer(std::uint32_t index) override;
  hal::Result<std::span<const std::uint8_t>> map_buffer(const V4l2Buffer& buffer) override;
  void unmap_buffer(std::span<const std::uint8_t> mapping) override;
  hal::Status queue_buffer(std::uint32_t index) override;
  hal::Result<V4l2Frame> dequeue_buffer(std::chrono::milliseconds timeout) override;
  hal::Status stream_on() override;
  hal::Status stream_off() override;
  hal::Status set_control(V4l2Control control, std::int32_t value) override;
  hal::Result<std::int32_t> get_control(V4l2Control control) override;
  hal::Result<int> set_frame_rate(int fps) override;
  void interrupt() override;
  void clear_interrupt() override;

 private:
  std::string path_;
  int fd_ = -1;
  int wake_fd_ = -1;  // eventfd that interrupt() signals; polled next to fd_
  std::atomic<bool> interrupted_{false};
  // USERPTR streaming: the buffers we own (freed by request_buffers and the destructor).
  bool userptr_ = false;
  std::vector<std::unique_ptr<std::uint8_t[], void (*)(void*)>> user_buffers_;
  std::uint32_t user_length_ = 0;
};

std::unique_ptr<V4l2Device> make_linux_v4l2_device(std::string path);

}  // namespace kiosk::drivers
