#include "drivers/camera/v4l2_device_linux.hpp"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace kiosk::drivers {
namespace {

using hal::CompletionCode;

// The one place where errno becomes a typed error.
hal::DeviceError map_errno(int err, std::string_view call) {
  std::string message = std::string(call) + ": " + std::strerror(err);
  switch (err) {
    case ENOENT:
      return hal::make_error(CompletionCode::deviceNotReady, "no_device", message);
    case EACCES:
    case EPERM:
      return hal::make_error(CompletionCode::deviceNotReady, "permission", message);
    case EBUSY:
      return hal::make_error(CompletionCode::deviceNotReady, "busy", message);
    case ENODEV:
    case ENXIO:
      return hal::make_error(CompletionCode::deviceNotReady, "disconnected", message);
    case ENOTTY:
      return hal::make_error(CompletionCode::deviceNotReady, "not_video_device", message);
    case EINVAL:
      return hal::make_error(CompletionCode::invalidData, "argument", message);
    case EAGAIN:
    case ETIMEDOUT:
      return hal::make_error(CompletionCode::timeout, "timeout", message);
    default:
      return hal::make_error(CompletionCode::hardwareError, "io", message);
  }
}

hal::DeviceError not_open() {
  return hal::make_error(CompletionCode::deviceNotReady, "not_open", "video device not open");
}

int xioctl(int fd, unsigned long request, void* arg) {
  int r;
  do {
    r = ::ioctl(fd, request, arg);
  } while (r == -1 && errno == EINTR);
  return r;
}

std::uint32_t to_fourcc(hal::PixelFormat format) {
  return format == hal::PixelFormat::mjpeg ? V4L2_PIX_FMT_MJPEG : V4L2_PIX_FMT_YUYV;
}

std::optional<hal::PixelFormat> from_fourcc(std::uint32_t fourcc) {
  if (fourcc == V4L2_PIX_FMT_MJPEG || fourcc == V4L2_PIX_FMT_JPEG) return hal::PixelFormat::mjpeg;
  if (fourcc == V4L2_PIX_FMT_YUYV) return hal::PixelFormat::yuyv;
  return std::nullopt;
}

std::string c_string(const __u8* bytes, std::size_t max) {
  const auto* chars = reinterpret_cast<const char*>(bytes);
  return std::string(chars, strnlen(chars, max));
}

std::uint32_t control_id(V4l2Control control) {
  switch (control) {
    case V4l2Control::powerLineFrequency:
      return V4L2_CID_POWER_LINE_FREQUENCY;
    case V4l2Control::exposureAuto:
      return V4L2_CID_EXPOSURE_AUTO;
    case V4l2Control::exposureAbsolute:
      return V4L2_CID_EXPOSURE_ABSOLUTE;
    case V4l2Control::exposureAutoPriority:
      return V4L2_CID_EXPOSURE_AUTO_PRIORITY;
    case V4l2Control::autoWhiteBalance:
      return V4L2_CID_AUTO_WHITE_BALANCE;
    case V4l2Control::whiteBalanceTemperature:
      return V4L2_CID_WHITE_BALANCE_TEMPERATURE;
  }
  return 0;
}

// A control the camera lacks (EINVAL), refuses in its current mode (EACCES: exposure time
// while exposure is automatic) or out of its range (ERANGE) is no failure of the device.
hal::DeviceError control_error(int err, V4l2Control control, std::string_view call) {
  if (err == EINVAL || err == EACCES || err == ERANGE || err == ENOTTY) {
    return hal::make_error(
        CompletionCode::unsupported, "control",
        std::string(call) + " " + std::string(to_string(control)) + ": " + std::strerror(err));
  }
  return map_errno(err, call);
}

std::size_t page_rounded(std::size_t n) {
  const long page = ::sysconf(_SC_PAGESIZE);
  const auto p = static_cast<std::size_t>(page > 0 ? page : 4096);
  return (n + p - 1) / p * p;
}

V4l2Format from_v4l2(const v4l2_format& fmt, hal::PixelFormat format) {
  V4l2Format out;
  out.mode = {static_cast<int>(fmt.fmt.pix.width), static_cast<int>(fmt.fmt.pix.height), format};
  out.bytes_per_line = fmt.fmt.pix.bytesperline;
  out.size_image = fmt.fmt.pix.sizeimage;
  return out;
}

}  // namespace

V4l2DeviceLinux::V4l2DeviceLinux(std::string path) : path_(std::move(path)) {
  wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

V4l2DeviceLinux::~V4l2DeviceLinux() {
  close();
  if (wake_fd_ >= 0) ::close(wake_fd_);
}  // user_buffers_ go last: the node (and any DMA into them) is closed by then

std::string V4l2DeviceLinux::describe() const {
  return "v4l2:" + path_;
}

hal::Status V4l2DeviceLinux::open() {
  close();
  // Non-blocking so that DQBUF never blocks: poll() does the waiting, with a timeout.
  // O_NOCTTY: a video node is no terminal, and must never become the controlling one (an
  // emulated node may be backed by a pty for its poll() readiness).
  const int fd = ::open(path_.c_str(), O_RDWR | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return map_errno(errno, "open " + path_);
  fd_ = fd;
  return hal::Done{};
}

void V4l2DeviceLinux::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  // The next open negotiates the memory type afresh (it may be another camera). Our user
  // buffers stay until the next request_buffers: the driver may still hold their spans.
  userptr_ = false;
}

hal::Result<V4l2Capabilities> V4l2DeviceLinux::query_capabilities() {
  if (fd_ < 0) return not_open();
  v4l2_capability cap{};
  if (xioctl(fd_, VIDIOC_QUERYCAP, &cap) < 0) {
    const int err = errno;
    if (err == ENOTTY || err == EINVAL) {
      return hal::make_error(CompletionCode::deviceNotReady, "not_video_device",
                             path_ + " is not a video device");
    }
    return map_errno(err, "VIDIOC_QUERYCAP");
  }
  const std::uint32_t caps =
      (cap.capabilities & V4L2_CAP_DEVICE_CAPS) != 0 ? cap.device_caps : cap.capabilities;
  V4l2Capabilities out;
  out.driver = c_string(cap.driver, sizeof cap.driver);
  out.card = c_string(cap.card, sizeof cap.card);
  out.bus_info = c_string(cap.bus_info, sizeof cap.bus_info);
  out.video_capture = (caps & V4L2_CAP_VIDEO_CAPTURE) != 0;
  out.streaming = (caps & V4L2_CAP_STREAMING) != 0;
  return out;
}

hal::Result<std::vector<hal::CameraMode>> V4l2DeviceLinux::enum_modes() {
  if (fd_ < 0) return not_open();
  std::vector<hal::CameraMode> modes;
  for (std::uint32_t i = 0;; ++i) {
    v4l2_fmtdesc desc{};
    desc.index = i;
    desc.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (xioctl(fd_, VIDIOC_ENUM_FMT, &desc) < 0) {
      if (errno == EINVAL) break;  // end of the list
      return map_errno(errno, "VIDIOC_ENUM_FMT");
    }
    const auto format = from_fourcc(desc.pixelformat);
    if (!format) continue;  // a format we cannot decode
    for (std::uint32_t j = 0;; ++j) {
      v4l2_frmsizeenum size{};
      size.index = j;
      size.pixel_format = desc.pixelformat;
      if (xioctl(fd_, VIDIOC_ENUM_FRAMESIZES, &size) < 0) {
        if (errno == EINVAL) break;
        return map_errno(errno, "VIDIOC_ENUM_FRAMESIZES");
      }
      if (size.type == V4L2_FRMSIZE_TYPE_DISCRETE) {
        modes.push_back({static_cast<int>(size.discrete.width),
                         static_cast<int>(size.discrete.height), *format});
      } else {
        // Stepwise or continuous: offer the largest size; S_FMT adjusts smaller asks.
        modes.push_back({static_cast<int>(size.stepwise.max_width),
                         static_cast<int>(size.stepwise.max_height), *format});
        break;
      }
    }
  }
  return modes;
}

hal::Result<V4l2Format> V4l2DeviceLinux::set_format(const hal::CameraMode& mode) {
  if (fd_ < 0) return not_open();
  v4l2_format fmt{};
  fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  fmt.fmt.pix.width = static_cast<std::uint32_t>(mode.width);
  fmt.fmt.pix.height = static_cast<std::uint32_t>(mode.height);
  fmt.fmt.pix.pixelformat = to_fourcc(mode.format);
  fmt.fmt.pix.field = V4L2_FIELD_ANY;
  if (xioctl(fd_, VIDIOC_S_FMT, &fmt) < 0) return map_errno(errno, "VIDIOC_S_FMT");
  const auto got = from_fourcc(fmt.fmt.pix.pixelformat);
  if (!got || *got != mode.format) {
    return hal::make_error(CompletionCode::unsupported, "format",
                           "camera refused the pixel format");
  }
  return from_v4l2(fmt, *got);
}

hal::Result<V4l2Format> V4l2DeviceLinux::get_format() {
  if (fd_ < 0) return not_open();
  v4l2_format fmt{};
  fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  if (xioctl(fd_, VIDIOC_G_FMT, &fmt) < 0) return map_errno(errno, "VIDIOC_G_FMT");
  const auto got = from_fourcc(fmt.fmt.pix.pixelformat);
  if (!got) {
    return hal::make_error(CompletionCode::unsupported, "format", "camera uses an unknown format");
  }
  return from_v4l2(fmt, *got);
}

hal::Result<std::uint32_t> V4l2DeviceLinux::request_buffers(std::uint32_t count) {
  if (fd_ < 0) return not_open();
  v4l2_requestbuffers req{};
  req.count = count;
  req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  req.memory = userptr_ ? V4L2_MEMORY_USERPTR : V4L2_MEMORY_MMAP;
  int rc = xioctl(fd_, VIDIOC_REQBUFS, &req);
  if (rc < 0 && errno == EINVAL && count > 0 && !userptr_) {
    // No memory-mapped buffers here: stream into buffers of our own (USERPTR). Real UVC
    // cameras support both; a device emulated under umockdev (which cannot emulate mmap)
    // offers only this one.
    req = v4l2_requestbuffers{};
    req.count = count;
    req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    req.memory = V4L2_MEMORY_USERPTR;
    rc = xioctl(fd_, VIDIOC_REQBUFS, &req);
    if (rc == 0) userptr_ = true;
  }
  const int err = errno;
  // Buffers of an earlier stream are no longer the kernel's: free them now (the driver
  // unmapped them before asking again).
  user_buffers_.clear();
  user_length_ = 0;
  if (rc < 0) return map_errno(err, "VIDIOC_REQBUFS");
  if (userptr_ && req.count > 0) {
    v4l2_format fmt{};
    fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (xioctl(fd_, VIDIOC_G_FMT, &fmt) < 0) return map_errno(errno, "VIDIOC_G_FMT");
    user_length_ = static_cast<std::uint32_t>(page_rounded(fmt.fmt.pix.sizeimage));
    for (std::uint32_t i = 0; i < req.count; ++i) {
      void* p = std::aligned_alloc(static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)), user_length_);
      if (p == nullptr) {
        user_buffers_.clear();
        return hal::make_error(CompletionCode::hardwareError, "io", "out of memory for buffers");
      }
      user_buffers_.emplace_back(static_cast<std::uint8_t*>(p), &std::free);
    }
  }
  return req.count;
}

hal::Result<V4l2Buffer> V4l2DeviceLinux::query_buffer(std::uint32_t index) {
  if (fd_ < 0) return not_open();
  if (userptr_) {
    // Our own memory: nothing to ask the kernel about it.
    if (index >= user_buffers_.size()) {
      return hal::make_error(CompletionCode::invalidData, "argument", "no such buffer");
    }
    return V4l2Buffer{index, user_length_, 0};
  }
  v4l2_buffer buf{};
  buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  buf.memory = V4L2_MEMORY_MMAP;
  buf.index = index;
  if (xioctl(fd_, VIDIOC_QUERYBUF, &buf) < 0) return map_errno(errno, "VIDIOC_QUERYBUF");
  return V4l2Buffer{buf.index, buf.length, buf.m.offset};
}

hal::Result<std::span<const std::uint8_t>> V4l2DeviceLinux::map_buffer(const V4l2Buffer& buffer) {
  if (fd_ < 0) return not_open();
  if (userptr_) {
    if (buffer.index >= user_buffers_.size() || buffer.length != user_length_) {
      return hal::make_error(CompletionCode::invalidData, "argument", "no such buffer");
    }
    return std::span<const std::uint8_t>(user_buffers_[buffer.index].get(), user_length_);
  }
  void* p =
      ::mmap(nullptr, buffer.length, PROT_READ, MAP_SHARED, fd_, static_cast<off_t>(buffer.offset));
  if (p == MAP_FAILED) return map_errno(errno, "mmap");
  return std::span<const std::uint8_t>(static_cast<const std::uint8_t*>(p), buffer.length);
}

void V4l2DeviceLinux::unmap_buffer(std::span<const std::uint8_t> mapping) {
  if (mapping.empty()) return;
  for (const auto& b : user_buffers_) {
    if (b.get() == mapping.data()) return;  // ours: freed by request_buffers
  }
  ::munmap(const_cast<std::uint8_t*>(mapping.data()), mapping.size());
}

hal::Status V4l2DeviceLinux::queue_buffer(std::uint32_t index) {
  if (fd_ < 0) return not_open();
  v4l2_buffer buf{};
  buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  buf.memory = userptr_ ? V4L2_MEMORY_USERPTR : V4L2_MEMORY_MMAP;
  buf.index = index;
  if (userptr_) {
    if (index >= user_buffers_.size()) {
      return hal::make_error(CompletionCode::invalidData, "argument", "no such buffer");
    }
    buf.m.userptr = reinterpret_cast<unsigned long>(user_buffers_[index].get());
    buf.length = user_length_;
  }
  if (xioctl(fd_, VIDIOC_QBUF, &buf) < 0) return map_errno(errno, "VIDIOC_QBUF");
  return hal::Done{};
}

hal::Result<V4l2Frame> V4l2DeviceLinux::dequeue_buffer(std::chrono::milliseconds timeout) {
  if (fd_ < 0) return not_open();
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (interrupted_)
      return hal::make_error(CompletionCode::canceled, "canceled", "capture canceled");
    const auto left =
        std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return hal::make_error(CompletionCode::timeout, "timeout", "no frame");
    pollfd fds[2] = {{fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    const int n = ::poll(fds, wake_fd_ >= 0 ? 2 : 1, static_cast<int>(left.count()));
    if (n < 0) {
      if (errno == EINTR) continue;
      return map_errno(errno, "poll");
    }
    if (n == 0) return hal::make_error(CompletionCode::timeout, "timeout", "no frame");
    if (interrupted_)
      return hal::make_error(CompletionCode::canceled, "canceled", "capture canceled");
    v4l2_buffer buf{};
    buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buf.memory = userptr_ ? V4L2_MEMORY_USERPTR : V4L2_MEMORY_MMAP;
    if (xioctl(fd_, VIDIOC_DQBUF, &buf) < 0) {
      if (errno == EAGAIN) continue;  // woke without a full buffer
      return map_errno(errno, "VIDIOC_DQBUF");
    }
    return V4l2Frame{buf.index, buf.bytesused, buf.sequence,
                     (buf.flags & V4L2_BUF_FLAG_ERROR) != 0};
  }
}

hal::Status V4l2DeviceLinux::stream_on() {
  if (fd_ < 0) return not_open();
  int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  if (xioctl(fd_, VIDIOC_STREAMON, &type) < 0) return map_errno(errno, "VIDIOC_STREAMON");
  return hal::Done{};
}

hal::Status V4l2DeviceLinux::stream_off() {
  if (fd_ < 0) return not_open();
  int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  if (xioctl(fd_, VIDIOC_STREAMOFF, &type) < 0) return map_errno(errno, "VIDIOC_STREAMOFF");
  return hal::Done{};
}

hal::Status V4l2DeviceLinux::set_control(V4l2Control control, std::int32_t value) {
  if (fd_ < 0) return not_open();
  v4l2_control c{};
  c.id = control_id(control);
  c.value = value;
  if (xioctl(fd_, VIDIOC_S_CTRL, &c) < 0) return control_error(errno, control, "VIDIOC_S_CTRL");
  return hal::Done{};
}

hal::Result<std::int32_t> V4l2DeviceLinux::get_control(V4l2Control control) {
  if (fd_ < 0) return not_open();
  v4l2_control c{};
  c.id = control_id(control);
  if (xioctl(fd_, VIDIOC_G_CTRL, &c) < 0) return control_error(errno, control, "VIDIOC_G_CTRL");
  return c.value;
}

hal::Result<int> V4l2DeviceLinux::set_frame_rate(int fps) {
  if (fd_ < 0) return not_open();
  if (fps <= 0) return hal::make_error(CompletionCode::invalidData, "argument", "frame rate");
  v4l2_streamparm parm{};
  parm.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  parm.parm.capture.timeperframe.numerator = 1;
  parm.parm.capture.timeperframe.denominator = static_cast<std::uint32_t>(fps);
  auto refused = [] {
    return hal::make_error(CompletionCode::unsupported, "frame_rate", "frame rate not settable");
  };
  if (xioctl(fd_, VIDIOC_S_PARM, &parm) < 0) {
    if (errno == EINVAL || errno == ENOTTY) return refused();
    return map_errno(errno, "VIDIOC_S_PARM");
  }
  const auto& tpf = parm.parm.capture.timeperframe;
  if ((parm.parm.capture.capability & V4L2_CAP_TIMEPERFRAME) == 0 || tpf.numerator == 0) {
    return refused();
  }
  return static_cast<int>(tpf.denominator / tpf.numerator);
}

void V4l2DeviceLinux::interrupt() {
  interrupted_ = true;
  if (wake_fd_ >= 0) {
    const std::uint64_t one = 1;
    (void)!::write(wake_fd_, &one, sizeof one);
  }
}

void V4l2DeviceLinux::clear_interrupt() {
  interrupted_ = false;
  if (wake_fd_ >= 0) {
    std::uint64_t drained = 0;
    (void)!::read(wake_fd_, &drained, sizeof drained);
  }
}

std::unique_ptr<V4l2Device> make_linux_v4l2_device(std::string path) {
  return std::make_unique<V4l2DeviceLinux>(std::move(path));
}

}  // namespace kiosk::drivers
