// V4L2 emulation on umockdev's ioctl thread. Each open of the node is one UMockdevIoctlClient
// and gets its own handle on the CameraEmulator (make_device()), so the emulator's rules
// (one buffer owner, dead handles after an unplug) apply per open file, as in the kernel.
//
// Frames: REQBUFS(USERPTR) allocates the emulator's buffers; QBUF records the client's user
// pointer and queues the emulator's buffer; a producer thread per streaming handle waits for
// frames (dequeue_buffer) and lines them up; DQBUF copies the oldest into the client's
// memory. Readiness for poll() is one byte on a pty (see the header).
#include "tests/support/umockdev_v4l2_camera.hpp"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <umockdev.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "drivers/emu/camera/camera_emulator.hpp"

namespace kiosk::testing {
namespace {

using namespace std::chrono_literals;
using drivers::V4l2Control;

constexpr int kMajor = 81;
constexpr int kRates[] = {30, 15, 5};

std::uint32_t fourcc_of(hal::PixelFormat f) {
  return f == hal::PixelFormat::mjpeg ? V4L2_PIX_FMT_MJPEG : V4L2_PIX_FMT_YUYV;
}

std::optional<hal::PixelFormat> format_of(std::uint32_t fourcc) {
  if (fourcc == V4L2_PIX_FMT_MJPEG) return hal::PixelFormat::mjpeg;
  if (fourcc == V4L2_PIX_FMT_YUYV) return hal::PixelFormat::yuyv;
  return std::nullopt;
}

std::optional<V4l2Control> control_of(std::uint32_t id) {
  switch (id) {
    case V4L2_CID_POWER_LINE_FREQUENCY:
      return V4l2Control::powerLineFrequency;
    case V4L2_CID_EXPOSURE_AUTO:
      return V4l2Control::exposureAuto;
    case V4L2_CID_EXPOSURE_ABSOLUTE:
      return V4l2Control::exposureAbsolute;
    case V4L2_CID_EXPOSURE_AUTO_PRIORITY:
      return V4l2Control::exposureAutoPriority;
    case V4L2_CID_AUTO_WHITE_BALANCE:
      return V4l2Control::autoWhiteBalance;
    case V4L2_CID_WHITE_BALANCE_TEMPERATURE:
      return V4l2Control::whiteBalanceTemperature;
    default:
      return std::nullopt;
  }
}

struct ControlRange {
  std::int32_t min;
  std::int32_t max;
  std::int32_t initial;
};

ControlRange range_of(V4l2Control c) {
  switch (c) {
    case V4l2Control::powerLineFrequency:
      return {0, 2, 2};  // a camera sold with 60 Hz set: the driver must say 50
    case V4l2Control::exposureAuto:
      return {1, 3, 3};  // 1 manual, 3 aperture priority (UVC auto)
    case V4l2Control::exposureAbsolute:
      return {3, 2047, 250};
    case V4l2Control::exposureAutoPriority:
      return {0, 1, 1};
    case V4l2Control::autoWhiteBalance:
      return {0, 1, 1};
    case V4l2Control::whiteBalanceTemperature:
      return {2800, 6500, 4600};
  }
  return {0, 0, 0};
}

// What automatic exposure and white balance have settled on in the emulated scene.
constexpr std::int32_t kSettledExposure = 166;
constexpr std::int32_t kSettledTemperature = 5100;

int errno_of(const hal::DeviceError& e) {
  if (e.reason == "disconnected" || e.reason == "no_device") return ENODEV;
  if (e.reason == "busy") return EBUSY;
  if (e.reason == "not_open") return EBADF;
  if (e.code == hal::CompletionCode::timeout) return EAGAIN;
  if (e.code == hal::CompletionCode::invalidData || e.code == hal::CompletionCode::unsupported)
    return EINVAL;
  return EIO;
}

UMockdevIoctlData* resolve(UMockdevIoctlData* data, gsize offset, gsize len) {
  GError* err = nullptr;
  UMockdevIoctlData* r = umockdev_ioctl_data_resolve(data, offset, len, &err);
  if (err != nullptr) g_error_free(err);
  return r;
}

void copy_name(__u8* dst, std::size_t size, const std::string& s) {
  std::memset(dst, 0, size);
  std::memcpy(dst, s.data(), std::min(size - 1, s.size()));
}

}  // namespace

// One open file of the node.
struct Handle {
  std::unique_ptr<drivers::V4l2Device> dev;
  bool gone = false;  // the camera was unplugged under it (or never opened)
  drivers::V4l2Format format;
  std::vector<std::span<const std::uint8_t>> maps;  // the emulator's buffers
  struct Slot {
    unsigned long userptr = 0;
    std::uint32_t length = 0;
    bool queued = false;
  };
  std::vector<Slot> slots;
  std::deque<drivers::V4l2Frame> ready;
  bool streaming = false;
  bool closing = false;
  std::atomic<bool> run{false};
  std::thread producer;
};

struct UmockdevV4l2Camera::Impl {
  UMockdevTestbed* testbed = nullptr;
  std::shared_ptr<drivers::emu::CameraEmulator> camera;
  V4l2CameraSpec spec;
  UMockdevIoctlBase* handler = nullptr;
  std::string root;

  mutable std::mutex m;  // guards everything below
  std::map<UMockdevIoctlClient*, std::shared_ptr<Handle>> handles;
  std::map<V4l2Control, std::int32_t> controls;
  V4l2CameraTraffic traffic;
  bool plugged = false;
  int master = -1;  // pty: the node's readiness
  int drain = -1;   // our own open of the slave, to take the byte back
  bool ready_byte = false;
  bool stopping = false;
  std::condition_variable sweep_cv;
  std::thread sweeper;

  std::string devnode() const { return "/dev/video" + std::to_string(spec.index); }
  std::string by_id_name() const {
    std::string vendor_model = "Kiosk24_Emulated_UVC_Camera";
    return "usb-" + vendor_model + "_" + spec.serial + "-video-index0";
  }
  std::string by_id_path() const { return "/dev/v4l/by-id/" + by_id_name(); }
  std::string syspath() const {
    const std::string b = std::to_string(spec.usb_bus);
    const std::string port = b + "-" + std::to_string(spec.usb_port);
    return "/sys/devices/pci0000:00/0000:00:14.0/usb" + b + "/" + port + "/" + port +
           ":1.0/video4linux/video" + std::to_string(spec.index);
  }

  void reset_controls() {
    controls.clear();
    for (auto c : spec.controls) controls[c] = range_of(c).initial;
  }

  // ---- readiness (caller holds m) ----
  void update_readiness() {
    bool want = false;
    for (auto& [c, h] : handles) want = want || !h->ready.empty() || (h->gone && h->streaming);
    if (want && !ready_byte && master >= 0) {
      const char b = 1;
      ready_byte = ::write(master, &b, 1) == 1;
    } else if (!want && ready_byte && drain >= 0) {
      char buf[64];
      while (::read(drain, buf, sizeof buf) > 0) {
      }
      ready_byte = false;
    }
  }

  // ---- node (caller holds m) ----
  void add_node() {
    int mfd = -1;
    int sfd = -1;
    char name[256] = {};
    if (::openpty(&mfd, &sfd, name, nullptr, nullptr) != 0) {
      throw std::runtime_error(std::string("openpty: ") + std::strerror(errno));
    }
    termios tio{};
    ::tcgetattr(sfd, &tio);
    ::cfmakeraw(&tio);
    ::tcsetattr(sfd, TCSANOW, &tio);
    ::fcntl(sfd, F_SETFL, ::fcntl(sfd, F_GETFL) | O_NONBLOCK);
    ::fcntl(mfd, F_SETFD, FD_CLOEXEC);
    ::fcntl(sfd, F_SETFD, FD_CLOEXEC);
    master = mfd;
    drain = sfd;
    ready_byte = false;

    char ids[16];
    std::snprintf(ids, sizeof ids, "%04x", spec.vid);
    const std::string vid = ids;
    std::snprintf(ids, sizeof ids, "%04x", spec.pid);
    const std::string pid = ids;
    const std::string minor = std::to_string(spec.index);
    const std::string port = std::to_string(spec.usb_bus) + "-" + std::to_string(spec.usb_port);
    const std::string id_path = "pci-0000:00:14.0-usb-0:" + std::to_string(spec.usb_port) + ":1.0";
    const std::string text =
        "P: " + syspath().substr(4) + "\n" + "E: DEVNAME=" + devnode() + "\n" +
        "E: SUBSYSTEM=video4linux\n" + "E: MAJOR=" + std::to_string(kMajor) + "\n" +
        "E: MINOR=" + minor + "\n" + "E: ID_V4L_VERSION=2\n" +
        "E: ID_V4L_CAPABILITIES=:capture:\n" + "E: ID_V4L_PRODUCT=" + spec.card + "\n" +
        "E: ID_BUS=usb\n" + "E: ID_VENDOR_ID=" + vid + "\n" + "E: ID_MODEL_ID=" + pid + "\n" +
        "E: ID_SERIAL=Kiosk24_Emulated_UVC_Camera_" + spec.serial + "\n" +
        "E: ID_SERIAL_SHORT=" + spec.serial + "\n" + "E: ID_USB_DRIVER=uvcvideo\n" +
        "E: ID_USB_INTERFACE_NUM=00\n" + "E: ID_PATH=" + id_path + "\n" +
        "E: DEVLINKS=" + by_id_path() + " /dev/v4l/by-path/" + id_path + "-video-index0\n" +
        "A: name=" + spec.card + "\\n\n" + "A: index=0\\n\n" + "A: dev=" + std::to_string(kMajor) +
        ":" + minor + "\\n\n";
    GError* err = nullptr;
    if (!umockdev_testbed_add_from_string(testbed, text.c_str(), &err)) {
      std::string msg = err != nullptr ? err->message : "add_from_string failed";
      if (err != nullptr) g_error_free(err);
      throw std::runtime_error(msg);
    }
    // The node: a symlink to our pty slave (umockdev's preload redirects /dev/video0 here).
    namespace fs = std::filesystem;
    const fs::path node = root + devnode();
    fs::create_directories(node.parent_path());
    fs::remove(node);
    fs::create_symlink(name, node);
    const fs::path link = root + by_id_path();
    fs::create_directories(link.parent_path());
    fs::remove(link);
    fs::create_symlink("../../video" + minor, link);
    plugged = true;
    umockdev_testbed_uevent(testbed, syspath().c_str(), "add");
  }

  void remove_node() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::remove(root + by_id_path(), ec);
    umockdev_testbed_uevent(testbed, syspath().c_str(), "remove");
    umockdev_testbed_remove_device(testbed, syspath().c_str());
    fs::remove(root + devnode(), ec);
    // The pty hangs up; a client still polling the old node wakes.
    if (drain >= 0) ::close(drain);
    if (master >= 0) ::close(master);
    drain = master = -1;
    ready_byte = false;
    plugged = false;
  }

  // ---- producer threads ----
  static void produce(Impl* self, std::shared_ptr<Handle> h) {
    while (h->run) {
      auto f = h->dev->dequeue_buffer(100ms);
      std::lock_guard lock(self->m);
      if (f.ok()) {
        h->ready.push_back(f.value());
        self->update_readiness();
        continue;
      }
      const auto& e = f.error();
      if (e.code == hal::CompletionCode::timeout || e.code == hal::CompletionCode::canceled) {
        continue;
      }
      if (e.reason == "disconnected" || e.reason == "no_device") {
        h->gone = true;
        self->update_readiness();
      }
      return;  // nothing queued, not streaming, or gone: the client acts next
    }
  }

  // Stops h's producer. Must be called without m held (the producer takes it). Unplug and
  // the ioctl thread may both call it: the one that takes the thread joins it.
  void stop_producer(Handle& h) {
    std::thread t;
    {
      std::lock_guard lock(m);
      h.run = false;
      t = std::move(h.producer);
    }
    if (t.joinable()) {
      h.dev->interrupt();
      t.join();
      h.dev->clear_interrupt();
    }
  }

  // ---- client lifetime ----
  std::shared_ptr<Handle> handle_of(UMockdevIoctlClient* client) {
    std::lock_guard lock(m);
    auto it = handles.find(client);
    if (it != handles.end()) return it->second;
    auto h = std::make_shared<Handle>();
    h->dev = camera->make_device();
    h->gone = !plugged || !h->dev->open().ok();
    if (!h->gone) {
      auto f = h->dev->get_format();
      if (f.ok()) h->format = f.value();
    }
    ++traffic.opens;
    g_object_ref(client);  // our key until we see it closed
    handles[client] = h;
    return h;
  }

  void forget(UMockdevIoctlClient* client) {
    std::shared_ptr<Handle> h;
    {
      std::lock_guard lock(m);
      auto it = handles.find(client);
      if (it == handles.end() || it->second->closing) return;
      h = it->second;
      h->closing = true;
    }
    stop_producer(*h);
    std::lock_guard lock(m);
    release(*h);  // the kernel frees a closed file's stream and buffers
    handles.erase(client);
    g_object_unref(client);
    update_readiness();
  }

  // Caller holds m; h's producer is stopped.
  static void release(Handle& h) {
    for (auto map : h.maps) h.dev->unmap_buffer(map);
    h.maps.clear();
    h.slots.clear();
    h.ready.clear();
    h.streaming = false;
    h.dev->close();
  }

  // umockdev 0.17 emits no signal when a client closes its file; its connection's stream
  // reports closed, so a sweeper looks every 20 ms and releases what the file held.
  void sweep() {
    std::unique_lock lock(m);
    while (!stopping) {
      sweep_cv.wait_for(lock, 20ms, [&] { return stopping; });
      std::vector<UMockdevIoctlClient*> closed;
      for (auto& [c, h] : handles) {
        if (!umockdev_ioctl_client_get_connected(c)) closed.push_back(c);
      }
      lock.unlock();
      for (auto* c : closed) forget(c);
      lock.lock();
    }
  }

  static void on_vanished(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer user) {
    static_cast<Impl*>(user)->forget(client);
  }

  static gboolean on_ioctl(UMockdevIoctlBase*, UMockdevIoctlClient* client,
                           gpointer user) noexcept {
    auto* self = static_cast<Impl*>(user);
    try {
      self->handle(client);
    } catch (...) {
      umockdev_ioctl_client_complete(client, -1, EIO);
    }
    return TRUE;
  }

  // ---- ioctls ----
  void handle(UMockdevIoctlClient* client) {
    const gulong request = umockdev_ioctl_client_get_request(client);
    UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
    auto h = handle_of(client);
    auto done = [&](int err) { umockdev_ioctl_client_complete(client, err == 0 ? 0 : -1, err); };
    if (_IOC_TYPE(request) != 'V') {
      done(ENOTTY);  // termios and the like: a video node is no tty
      return;
    }
    UMockdevIoctlData* d = nullptr;
    const gsize size = _IOC_SIZE(request);
    if (size > 0) {
      d = resolve(arg, 0, size);
      if (d == nullptr) {
        done(EFAULT);
        return;
      }
    }
    int err = 0;
    {
      std::unique_lock lock(m);
      if (h->gone && request != VIDIOC_STREAMOFF) {
        err = ENODEV;
      } else {
        err = dispatch(request, d, *h, lock);
      }
    }
    done(err);
    if (d != nullptr) g_object_unref(d);
  }

  // Caller holds `lock` on m; releases it around a producer stop. Returns the errno.
  int dispatch(gulong request, UMockdevIoctlData* d, Handle& h,
               std::unique_lock<std::mutex>& lock) {
    switch (request) {
      case VIDIOC_QUERYCAP: {
        auto* cap = reinterpret_cast<v4l2_capability*>(d->data);
        auto caps = h.dev->query_capabilities();
        if (!caps) return errno_of(caps.error());
        std::memset(cap, 0, sizeof *cap);
        copy_name(cap->driver, sizeof cap->driver, "uvcvideo");
        copy_name(cap->card, sizeof cap->card, spec.card);
        copy_name(cap->bus_info, sizeof cap->bus_info,
                  "usb-0000:00:14.0-" + std::to_string(spec.usb_port));
        cap->version = (6U << 16) | (1U << 8);
        cap->device_caps = V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_STREAMING | V4L2_CAP_EXT_PIX_FORMAT;
        cap->capabilities = cap->device_caps | V4L2_CAP_DEVICE_CAPS;
        return 0;
      }
      case VIDIOC_ENUM_FMT: {
        auto* desc = reinterpret_cast<v4l2_fmtdesc*>(d->data);
        if (desc->type != V4L2_BUF_TYPE_VIDEO_CAPTURE) return EINVAL;
        const auto formats = pixel_formats(h);
        if (desc->index >= formats.size()) return EINVAL;
        const auto f = formats[desc->index];
        const std::uint32_t index = desc->index;
        std::memset(desc, 0, sizeof *desc);
        desc->index = index;
        desc->type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        desc->pixelformat = fourcc_of(f);
        desc->flags = f == hal::PixelFormat::mjpeg ? V4L2_FMT_FLAG_COMPRESSED : 0;
        copy_name(desc->description, sizeof desc->description,
                  f == hal::PixelFormat::mjpeg ? "Motion-JPEG" : "YUYV 4:2:2");
        return 0;
      }
      case VIDIOC_ENUM_FRAMESIZES: {
        auto* fs = reinterpret_cast<v4l2_frmsizeenum*>(d->data);
        const auto sizes = sizes_of(h, fs->pixel_format);
        if (fs->index >= sizes.size()) return EINVAL;
        fs->type = V4L2_FRMSIZE_TYPE_DISCRETE;
        fs->discrete.width = static_cast<std::uint32_t>(sizes[fs->index].width);
        fs->discrete.height = static_cast<std::uint32_t>(sizes[fs->index].height);
        return 0;
      }
      case VIDIOC_ENUM_FRAMEINTERVALS: {
        auto* fi = reinterpret_cast<v4l2_frmivalenum*>(d->data);
        const auto sizes = sizes_of(h, fi->pixel_format);
        const bool known =
            std::any_of(sizes.begin(), sizes.end(), [&](const hal::CameraMode& mode) {
              return mode.width == static_cast<int>(fi->width) &&
                     mode.height == static_cast<int>(fi->height);
            });
        if (!known || fi->index >= std::size(kRates)) return EINVAL;
        fi->type = V4L2_FRMIVAL_TYPE_DISCRETE;
        fi->discrete.numerator = 1;
        fi->discrete.denominator = static_cast<std::uint32_t>(kRates[fi->index]);
        return 0;
      }
      case VIDIOC_S_FMT:
      case VIDIOC_TRY_FMT:
      case VIDIOC_G_FMT: {
        auto* fmt = reinterpret_cast<v4l2_format*>(d->data);
        if (fmt->type != V4L2_BUF_TYPE_VIDEO_CAPTURE) return EINVAL;
        hal::Result<drivers::V4l2Format> got = h.format;
        if (request != VIDIOC_G_FMT) {
          // Like uvcvideo: an unknown pixel format becomes the first one offered.
          const hal::CameraMode want{
              static_cast<int>(fmt->fmt.pix.width), static_cast<int>(fmt->fmt.pix.height),
              format_of(fmt->fmt.pix.pixelformat).value_or(hal::PixelFormat::yuyv)};
          if (request == VIDIOC_S_FMT) {
            if (h.streaming || !h.slots.empty()) return EBUSY;
            got = h.dev->set_format(want);
            if (got) h.format = got.value();
          } else {
            got = nearest(h, want);
          }
        }
        if (!got) return errno_of(got.error());
        const auto& f = got.value();
        std::memset(&fmt->fmt, 0, sizeof fmt->fmt);
        fmt->fmt.pix.width = static_cast<std::uint32_t>(f.mode.width);
        fmt->fmt.pix.height = static_cast<std::uint32_t>(f.mode.height);
        fmt->fmt.pix.pixelformat = fourcc_of(f.mode.format);
        fmt->fmt.pix.field = V4L2_FIELD_NONE;
        fmt->fmt.pix.bytesperline = f.bytes_per_line;
        fmt->fmt.pix.sizeimage = f.size_image;
        fmt->fmt.pix.colorspace = V4L2_COLORSPACE_SRGB;
        return 0;
      }
      case VIDIOC_S_PARM:
      case VIDIOC_G_PARM: {
        auto* parm = reinterpret_cast<v4l2_streamparm*>(d->data);
        if (parm->type != V4L2_BUF_TYPE_VIDEO_CAPTURE || !spec.frame_rate_settable) return EINVAL;
        int fps = traffic.frame_rate.value_or(30);
        if (request == VIDIOC_S_PARM) {
          const auto& t = parm->parm.capture.timeperframe;
          const double want = t.numerator == 0 ? 30.0 : double(t.denominator) / t.numerator;
          fps = *std::min_element(std::begin(kRates), std::end(kRates), [&](int a, int b) {
            return std::abs(a - want) < std::abs(b - want);
          });
          traffic.frame_rate = fps;
        }
        std::memset(&parm->parm, 0, sizeof parm->parm);
        parm->parm.capture.capability = V4L2_CAP_TIMEPERFRAME;
        parm->parm.capture.timeperframe.numerator = 1;
        parm->parm.capture.timeperframe.denominator = static_cast<std::uint32_t>(fps);
        return 0;
      }
      case VIDIOC_S_CTRL:
      case VIDIOC_G_CTRL: {
        auto* c = reinterpret_cast<v4l2_control*>(d->data);
        const auto which = control_of(c->id);
        if (!which || controls.count(*which) == 0) return EINVAL;
        if (request == VIDIOC_G_CTRL) {
          c->value = current(*which);
          return 0;
        }
        const auto r = range_of(*which);
        if (c->value < r.min || c->value > r.max) return ERANGE;
        if (*which == V4l2Control::exposureAuto && c->value != 1 && c->value != 3) return EINVAL;
        controls[*which] = c->value;
        traffic.control_writes.emplace_back(*which, c->value);
        return 0;
      }
      case VIDIOC_REQBUFS: {
        auto* req = reinterpret_cast<v4l2_requestbuffers*>(d->data);
        if (req->type != V4L2_BUF_TYPE_VIDEO_CAPTURE) return EINVAL;
        if (req->memory == V4L2_MEMORY_MMAP) {
          ++traffic.mmap_refused;  // umockdev cannot emulate mmap()
          return EINVAL;
        }
        if (req->memory != V4L2_MEMORY_USERPTR) return EINVAL;
        if (h.streaming) return EBUSY;
        for (auto map : h.maps) h.dev->unmap_buffer(map);
        h.maps.clear();
        h.slots.clear();
        h.ready.clear();
        auto n = h.dev->request_buffers(req->count);
        if (!n) return errno_of(n.error());
        for (std::uint32_t i = 0; i < n.value(); ++i) {
          auto b = h.dev->query_buffer(i);
          if (!b) return errno_of(b.error());
          auto map = h.dev->map_buffer(b.value());
          if (!map) return errno_of(map.error());
          h.maps.push_back(map.value());
        }
        h.slots.resize(n.value());
        if (n.value() > 0) ++traffic.userptr_requests;
        req->count = n.value();
        req->capabilities = V4L2_BUF_CAP_SUPPORTS_USERPTR;
        update_readiness();
        return 0;
      }
      case VIDIOC_QUERYBUF: {
        auto* buf = reinterpret_cast<v4l2_buffer*>(d->data);
        if (buf->type != V4L2_BUF_TYPE_VIDEO_CAPTURE || buf->index >= h.slots.size()) return EINVAL;
        const auto& s = h.slots[buf->index];
        fill(*buf, buf->index, s);
        return 0;
      }
      case VIDIOC_QBUF: {
        auto* buf = reinterpret_cast<v4l2_buffer*>(d->data);
        if (buf->type != V4L2_BUF_TYPE_VIDEO_CAPTURE || buf->memory != V4L2_MEMORY_USERPTR ||
            buf->index >= h.slots.size()) {
          return EINVAL;
        }
        auto& s = h.slots[buf->index];
        if (s.queued || buf->m.userptr == 0 || buf->length < h.format.size_image) return EINVAL;
        if (auto q = h.dev->queue_buffer(buf->index); !q) return errno_of(q.error());
        s.userptr = buf->m.userptr;
        s.length = buf->length;
        s.queued = true;
        fill(*buf, buf->index, s);
        return 0;
      }
      case VIDIOC_DQBUF: {
        auto* buf = reinterpret_cast<v4l2_buffer*>(d->data);
        if (buf->type != V4L2_BUF_TYPE_VIDEO_CAPTURE || buf->memory != V4L2_MEMORY_USERPTR ||
            !h.streaming) {
          return EINVAL;
        }
        if (h.ready.empty()) {
          ++traffic.dqbuf_again;
          return EAGAIN;
        }
        const drivers::V4l2Frame f = h.ready.front();
        h.ready.pop_front();
        auto& s = h.slots[f.index];
        s.queued = false;
        ++traffic.frames_dequeued;
        update_readiness();
        fill(*buf, f.index, s);
        buf->bytesused = f.bytes_used;
        buf->sequence = f.sequence;
        buf->flags |= V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC | (f.error ? V4L2_BUF_FLAG_ERROR : 0);
        timespec now{};
        ::clock_gettime(CLOCK_MONOTONIC, &now);
        buf->timestamp.tv_sec = now.tv_sec;
        buf->timestamp.tv_usec = now.tv_nsec / 1000;
        if (f.bytes_used > 0) {
          // The frame into the client's own buffer: m.userptr resolves to a local copy that
          // umockdev writes back when the call completes.
          UMockdevIoctlData* mem = resolve(d, offsetof(v4l2_buffer, m.userptr), f.bytes_used);
          if (mem == nullptr) return EFAULT;
          std::memcpy(mem->data, h.maps[f.index].data(), f.bytes_used);
          g_object_unref(mem);
        }
        return 0;
      }
      case VIDIOC_STREAMON: {
        if (h.streaming) return 0;
        if (auto s = h.dev->stream_on(); !s) return errno_of(s.error());
        h.streaming = true;
        h.run = true;
        ++traffic.stream_ons;
        h.producer = std::thread(&Impl::produce, this, handles_ptr(h));
        return 0;
      }
      case VIDIOC_STREAMOFF: {
        ++traffic.stream_offs;
        lock.unlock();
        stop_producer(h);
        lock.lock();
        (void)h.dev->stream_off();
        h.streaming = false;
        h.ready.clear();
        for (auto& s : h.slots) s.queued = false;
        update_readiness();
        return h.gone ? ENODEV : 0;
      }
      default:
        return ENOTTY;
    }
  }

  std::shared_ptr<Handle> handles_ptr(const Handle& h) {
    for (auto& [c, p] : handles) {
      if (p.get() == &h) return p;
    }
    return nullptr;
  }

  std::int32_t current(V4l2Control c) const {
    const auto auto_exposure = controls.count(V4l2Control::exposureAuto) != 0 &&
                               controls.at(V4l2Control::exposureAuto) != 1;
    const auto auto_wb = controls.count(V4l2Control::autoWhiteBalance) != 0 &&
                         controls.at(V4l2Control::autoWhiteBalance) != 0;
    // While automatic, the camera reports what it settled on.
    if (c == V4l2Control::exposureAbsolute && auto_exposure) return kSettledExposure;
    if (c == V4l2Control::whiteBalanceTemperature && auto_wb) return kSettledTemperature;
    return controls.at(c);
  }

  std::vector<hal::PixelFormat> pixel_formats(Handle& h) {
    std::vector<hal::PixelFormat> out;
    auto modes = h.dev->enum_modes();
    if (!modes) return out;
    for (const auto& mode : modes.value()) {
      if (std::find(out.begin(), out.end(), mode.format) == out.end()) out.push_back(mode.format);
    }
    return out;
  }

  std::vector<hal::CameraMode> sizes_of(Handle& h, std::uint32_t fourcc) {
    std::vector<hal::CameraMode> out;
    const auto f = format_of(fourcc);
    auto modes = h.dev->enum_modes();
    if (!f || !modes) return out;
    for (const auto& mode : modes.value()) {
      if (mode.format == *f) out.push_back(mode);
    }
    return out;
  }

  hal::Result<drivers::V4l2Format> nearest(Handle& h, const hal::CameraMode& want) {
    auto sizes = sizes_of(h, fourcc_of(want.format));
    if (sizes.empty()) return hal::make_error(hal::CompletionCode::unsupported, "format", "none");
    auto best = *std::min_element(sizes.begin(), sizes.end(), [&](const auto& a, const auto& b) {
      return std::abs(a.width - want.width) + std::abs(a.height - want.height) <
             std::abs(b.width - want.width) + std::abs(b.height - want.height);
    });
    drivers::V4l2Format f;
    f.mode = best;
    f.bytes_per_line = best.format == hal::PixelFormat::yuyv ? std::uint32_t(best.width) * 2 : 0;
    f.size_image = std::uint32_t(best.width) * std::uint32_t(best.height) * 2;
    return f;
  }

  void fill(v4l2_buffer& buf, std::uint32_t index, const Handle::Slot& s) const {
    std::memset(&buf, 0, sizeof buf);
    buf.index = index;
    buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buf.memory = V4L2_MEMORY_USERPTR;
    buf.field = V4L2_FIELD_NONE;
    buf.flags = s.queued ? V4L2_BUF_FLAG_QUEUED : 0;
    buf.m.userptr = s.userptr;
    buf.length = s.length;
  }
};

UmockdevV4l2Camera::UmockdevV4l2Camera(UMockdevTestbed* testbed,
                                       std::shared_ptr<drivers::emu::CameraEmulator> camera,
                                       V4l2CameraSpec spec)
    : impl_(std::make_unique<Impl>()) {
  impl_->testbed = testbed;
  impl_->camera = std::move(camera);
  impl_->spec = std::move(spec);
  gchar* root = umockdev_testbed_get_root_dir(testbed);
  impl_->root = root;
  g_free(root);
  impl_->reset_controls();
  impl_->handler = umockdev_ioctl_base_new();
  g_signal_connect(impl_->handler, "handle-ioctl", G_CALLBACK(&Impl::on_ioctl), impl_.get());
  g_signal_connect(impl_->handler, "client-vanished", G_CALLBACK(&Impl::on_vanished), impl_.get());
  for (const auto& path : {impl_->devnode(), impl_->by_id_path()}) {
    GError* err = nullptr;
    if (!umockdev_testbed_attach_ioctl(testbed, path.c_str(), impl_->handler, &err)) {
      std::string m = err != nullptr ? err->message : "attach_ioctl failed";
      if (err != nullptr) g_error_free(err);
      g_object_unref(impl_->handler);
      throw std::runtime_error(m);
    }
  }
  std::lock_guard lock(impl_->m);
  impl_->add_node();
  impl_->sweeper = std::thread([impl = impl_.get()] { impl->sweep(); });
}

UmockdevV4l2Camera::~UmockdevV4l2Camera() {
  {
    std::lock_guard lock(impl_->m);
    impl_->stopping = true;
  }
  impl_->sweep_cv.notify_all();
  impl_->sweeper.join();
  std::vector<UMockdevIoctlClient*> clients;
  {
    std::lock_guard lock(impl_->m);
    for (auto& [c, h] : impl_->handles) clients.push_back(c);
  }
  for (auto* c : clients) impl_->forget(c);
  for (const auto& path : {impl_->devnode(), impl_->by_id_path()}) {
    umockdev_testbed_detach_ioctl(impl_->testbed, path.c_str(), nullptr);
  }
  g_signal_handlers_disconnect_by_data(impl_->handler, impl_.get());
  {
    std::lock_guard lock(impl_->m);
    if (impl_->plugged) impl_->remove_node();
  }
  g_object_unref(impl_->handler);
}

std::string UmockdevV4l2Camera::devnode() const {
  return impl_->devnode();
}
std::string UmockdevV4l2Camera::by_id_path() const {
  return impl_->by_id_path();
}
std::string UmockdevV4l2Camera::syspath() const {
  return impl_->syspath();
}

void UmockdevV4l2Camera::unplug() {
  impl_->camera->unplug();  // producers wake with "disconnected"
  std::vector<std::shared_ptr<Handle>> handles;
  {
    std::lock_guard lock(impl_->m);
    if (!impl_->plugged) return;
    for (auto& [c, h] : impl_->handles) {
      h->gone = true;
      handles.push_back(h);
    }
    impl_->update_readiness();
  }
  for (auto& h : handles) impl_->stop_producer(*h);
  std::lock_guard lock(impl_->m);
  // The handles are dead (ENODEV from now on); what they held in the emulator goes with
  // the device, as the kernel frees a vanished device's queues.
  for (auto& h : handles) Impl::release(*h);
  impl_->remove_node();
}

void UmockdevV4l2Camera::replug() {
  std::lock_guard lock(impl_->m);
  if (impl_->plugged) return;
  impl_->camera->replug();
  impl_->reset_controls();  // a UVC camera powers up with its defaults
  impl_->add_node();
}

bool UmockdevV4l2Camera::plugged() const {
  std::lock_guard lock(impl_->m);
  return impl_->plugged;
}

std::map<drivers::V4l2Control, std::int32_t> UmockdevV4l2Camera::controls() const {
  std::lock_guard lock(impl_->m);
  return impl_->controls;
}

V4l2CameraTraffic UmockdevV4l2Camera::traffic() const {
  std::lock_guard lock(impl_->m);
  return impl_->traffic;
}

int UmockdevV4l2Camera::open_handles() const {
  std::lock_guard lock(impl_->m);
  return static_cast<int>(impl_->handles.size());
}

}  // namespace kiosk::testing
