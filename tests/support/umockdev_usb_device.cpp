// usbdevfs emulation on umockdev's ioctl thread. libusb's Linux backend talks to a device
// node with SUBMITURB / REAPURBNDELAY / DISCARDURB plus a few setup ioctls; each is answered
// here from the device's State, under its mutex.
//
// Under umockdev the device fd always polls writable, so libusb's event loop asks to reap
// continuously. When nothing is ready, a reap waits a little (for emulator data, or just
// 1 ms) before answering EAGAIN: that keeps the emulation from burning a core.
#include "tests/support/umockdev_usb_device.hpp"

#include <umockdev.h>
// <sys/ioctl.h> must come before <linux/usbdevice_fs.h>.
#include <linux/usbdevice_fs.h>
#include <sys/ioctl.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#if defined(__SANITIZE_ADDRESS__)
// Under ASan the umockdev preload library is loaded before the ASan runtime; that order is
// harmless here, so the start-up check that refuses it is turned off for every test binary
// that uses this harness.
extern "C" const char* __asan_default_options() {
  return "verify_asan_link_order=0";
}
#endif

namespace kiosk::testing {
namespace {

// A submitted URB: our references to its resolved struct and buffer (written back to the
// client when it is reaped).
struct Urb {
  UMockdevIoctlData* urb = nullptr;
  UMockdevIoctlData* buf = nullptr;

  usbdevfs_urb* get() const { return reinterpret_cast<usbdevfs_urb*>(urb->data); }
  void release() {
    if (buf != nullptr) g_object_unref(buf);
    if (urb != nullptr) g_object_unref(urb);
    urb = buf = nullptr;
  }
};

std::string hex(const std::vector<std::uint8_t>& bytes) {
  std::string s;
  char b[3];
  for (auto v : bytes) {
    std::snprintf(b, sizeof b, "%02X", v);
    s += b;
  }
  return s;
}

void put16(std::vector<std::uint8_t>& v, std::uint16_t x) {
  v.push_back(static_cast<std::uint8_t>(x & 0xFF));
  v.push_back(static_cast<std::uint8_t>(x >> 8));
}

// Device, configuration, one interface with a bulk IN and a bulk OUT endpoint.
std::vector<std::uint8_t> descriptors(const UsbDeviceSpec& s) {
  std::vector<std::uint8_t> d{18, 1};
  put16(d, 0x0200);
  d.insert(d.end(), {0, 0, 0, 64});
  put16(d, s.vid);
  put16(d, s.pid);
  put16(d, 0x0100);
  d.insert(d.end(), {0, 0, 0, 1});
  d.insert(d.end(), {9, 2});
  put16(d, 9 + 9 + 7 + 7);
  d.insert(d.end(), {1, 1, 0, 0x80, 50});
  d.insert(d.end(), {9, 4, 0, 0, 2, s.interface_class, 0, 0, 0});
  d.insert(d.end(), {7, 5, s.ep_in, 2});
  put16(d, s.max_packet);
  d.push_back(0);
  d.insert(d.end(), {7, 5, s.ep_out, 2});
  put16(d, s.max_packet);
  d.push_back(0);
  return d;
}

}  // namespace

struct UmockdevUsbDevice::State {
  UsbDeviceSpec spec;
  std::shared_ptr<drivers::EmulatedLink> link;
  UMockdevIoctlBase* handler = nullptr;

  mutable std::mutex m;
  std::deque<Urb> pending_in;  // IN URBs waiting for device data
  std::deque<Urb> done;        // completed, to be reaped
  bool gone = false;
  bool driver_bound = false;
  std::map<std::uint8_t, bool> stalled;  // endpoint -> clearable
  UsbTraffic traffic;

  ~State() {
    for (auto& u : pending_in) u.release();
    for (auto& u : done) u.release();
  }

  // Caller holds m.
  void fail_pending(int status) {
    while (!pending_in.empty()) {
      Urb u = pending_in.front();
      pending_in.pop_front();
      u.get()->status = status;
      u.get()->actual_length = 0;
      done.push_back(u);
    }
  }

  // Caller holds m.
  void disconnect() {
    gone = true;
    fail_pending(-ENODEV);
  }

  static gboolean on_ioctl(UMockdevIoctlBase* /*handler*/, UMockdevIoctlClient* client,
                           gpointer user) noexcept {
    auto* self = static_cast<State*>(user);
    try {
      self->handle(client);
    } catch (...) {
      umockdev_ioctl_client_complete(client, -1, EIO);
    }
    return TRUE;
  }

  static UMockdevIoctlData* resolve(UMockdevIoctlData* data, gsize offset, gsize len) {
    GError* err = nullptr;
    UMockdevIoctlData* r = umockdev_ioctl_data_resolve(data, offset, len, &err);
    if (err != nullptr) g_error_free(err);
    return r;
  }

  void handle(UMockdevIoctlClient* client) {
    const gulong request = umockdev_ioctl_client_get_request(client);
    UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
    switch (request) {
      case USBDEVFS_SUBMITURB:
        submit(client, arg);
        return;
      case USBDEVFS_REAPURB:
      case USBDEVFS_REAPURBNDELAY:
        reap(client, arg);
        return;
      case USBDEVFS_DISCARDURB:
        discard(client, arg);
        return;
      default:
        break;
    }
    std::lock_guard lock(m);
    if (gone) {
      umockdev_ioctl_client_complete(client, -1, ENODEV);
      return;
    }
    switch (request) {
      case USBDEVFS_GET_CAPABILITIES: {
        UMockdevIoctlData* d = resolve(arg, 0, sizeof(guint32));
        if (d == nullptr) break;
        *reinterpret_cast<guint32*>(d->data) =
            USBDEVFS_CAP_BULK_CONTINUATION | USBDEVFS_CAP_NO_PACKET_SIZE_LIM |
            USBDEVFS_CAP_REAP_AFTER_DISCONNECT | USBDEVFS_CAP_ZERO_PACKET;
        umockdev_ioctl_client_complete(client, 0, 0);
        g_object_unref(d);
        return;
      }
      case USBDEVFS_CLAIMINTERFACE:
      case USBDEVFS_DISCONNECT_CLAIM:
        ++traffic.claims;
        umockdev_ioctl_client_complete(client, 0, 0);
        return;
      case USBDEVFS_RELEASEINTERFACE:
      case USBDEVFS_RESET:
      case USBDEVFS_RESETEP:
      case USBDEVFS_SETINTERFACE:
      case USBDEVFS_SETCONFIGURATION:
        umockdev_ioctl_client_complete(client, 0, 0);
        return;
      case USBDEVFS_GETDRIVER: {
        if (!driver_bound) {
          umockdev_ioctl_client_complete(client, -1, ENODATA);
          return;
        }
        UMockdevIoctlData* d = resolve(arg, 0, sizeof(usbdevfs_getdriver));
        if (d == nullptr) break;
        auto* g = reinterpret_cast<usbdevfs_getdriver*>(d->data);
        std::snprintf(g->driver, sizeof g->driver, "%s", "usbhid");
        umockdev_ioctl_client_complete(client, 0, 0);
        g_object_unref(d);
        return;
      }
      case USBDEVFS_IOCTL: {  // disconnect (detach) or connect (reattach) a kernel driver
        UMockdevIoctlData* d = resolve(arg, 0, sizeof(usbdevfs_ioctl));
        if (d == nullptr) break;
        const int code = reinterpret_cast<usbdevfs_ioctl*>(d->data)->ioctl_code;
        g_object_unref(d);
        if (code == static_cast<int>(USBDEVFS_DISCONNECT) && driver_bound) {
          driver_bound = false;
          ++traffic.kernel_driver_detaches;
          umockdev_ioctl_client_complete(client, 0, 0);
          return;
        }
        umockdev_ioctl_client_complete(client, -1, ENODATA);
        return;
      }
      case USBDEVFS_CLEAR_HALT: {
        UMockdevIoctlData* d = resolve(arg, 0, sizeof(unsigned int));
        if (d == nullptr) break;
        const auto ep = static_cast<std::uint8_t>(*reinterpret_cast<unsigned int*>(d->data));
        g_object_unref(d);
        ++traffic.clear_halts;
        auto it = stalled.find(ep);
        if (it != stalled.end() && !it->second) {
          umockdev_ioctl_client_complete(client, -1, EPIPE);
          return;
        }
        if (it != stalled.end()) stalled.erase(it);
        umockdev_ioctl_client_complete(client, 0, 0);
        return;
      }
      default:
        break;
    }
    umockdev_ioctl_client_complete(client, -1, ENOTTY);
  }

  void submit(UMockdevIoctlClient* client, UMockdevIoctlData* arg) {
    Urb u;
    u.urb = resolve(arg, 0, sizeof(usbdevfs_urb));
    if (u.urb == nullptr) {
      umockdev_ioctl_client_complete(client, -1, EFAULT);
      return;
    }
    usbdevfs_urb* urb = u.get();
    if (urb->buffer_length > 0) {
      u.buf =
          resolve(u.urb, offsetof(usbdevfs_urb, buffer), static_cast<gsize>(urb->buffer_length));
      if (u.buf == nullptr) {
        u.release();
        umockdev_ioctl_client_complete(client, -1, EFAULT);
        return;
      }
    }
    std::lock_guard lock(m);
    if (gone) {
      u.release();
      umockdev_ioctl_client_complete(client, -1, ENODEV);
      return;
    }
    if (urb->type != USBDEVFS_URB_TYPE_BULK ||
        (urb->endpoint != spec.ep_in && urb->endpoint != spec.ep_out)) {
      u.release();
      umockdev_ioctl_client_complete(client, -1, EINVAL);
      return;
    }
    urb->actual_length = 0;
    urb->status = 0;
    if (stalled.count(urb->endpoint) != 0) {
      urb->status = -EPIPE;
      done.push_back(u);
    } else if (urb->endpoint == spec.ep_out) {
      traffic.out_urb_lengths.push_back(static_cast<std::size_t>(urb->buffer_length));
      if ((urb->flags & USBDEVFS_URB_ZERO_PACKET) != 0) ++traffic.zero_length_packets;
      const std::uint8_t* bytes =
          u.buf != nullptr ? static_cast<const std::uint8_t*>(u.buf->data) : nullptr;
      const auto len = static_cast<std::size_t>(urb->buffer_length);
      if (len > 0 && !link->host_to_device.push(std::span(bytes, len)).ok()) {
        urb->status = -ENODEV;
        disconnect();
      } else {
        urb->actual_length = urb->buffer_length;
      }
      done.push_back(u);
    } else {
      ++traffic.in_urbs;
      pending_in.push_back(u);
    }
    umockdev_ioctl_client_complete(client, 0, 0);
  }

  void reap(UMockdevIoctlClient* client, UMockdevIoctlData* arg) {
    std::unique_lock lock(m);
    if (done.empty()) fill_in_urb(lock);
    if (done.empty()) {
      umockdev_ioctl_client_complete(client, -1, gone ? ENODEV : EAGAIN);
      return;
    }
    Urb u = done.front();
    done.pop_front();
    lock.unlock();
    UMockdevIoctlData* ptr = resolve(arg, 0, sizeof(gpointer));
    if (ptr == nullptr) {
      u.release();
      umockdev_ioctl_client_complete(client, -1, EFAULT);
      return;
    }
    umockdev_ioctl_data_set_ptr(ptr, 0, u.urb);    // *arg = the client's urb
    umockdev_ioctl_client_complete(client, 0, 0);  // writes the urb and its buffer back
    g_object_unref(ptr);
    u.release();
  }

  // Completes the oldest pending IN URB from the emulator's bytes, waiting briefly for them.
  // Called with `lock` held; releases it while waiting.
  void fill_in_urb(std::unique_lock<std::mutex>& lock) {
    using namespace std::chrono_literals;
    if (pending_in.empty() || gone) {
      lock.unlock();
      std::this_thread::sleep_for(1ms);
      lock.lock();
      return;
    }
    const std::uint8_t ep = pending_in.front().get()->endpoint;
    if (stalled.count(ep) != 0) {
      Urb u = pending_in.front();
      pending_in.pop_front();
      u.get()->status = -EPIPE;
      done.push_back(u);
      return;
    }
    const auto want = static_cast<std::size_t>(pending_in.front().get()->buffer_length);
    lock.unlock();
    auto got = link->device_to_host.pop(want, 2ms);
    lock.lock();
    if (!got.ok()) {
      if (got.error().reason == "disconnected") disconnect();
      return;
    }
    if (pending_in.empty() || gone)
      return;  // unplugged meanwhile: the bytes are lost, as on a wire
    Urb u = pending_in.front();
    pending_in.pop_front();
    const auto& bytes = got.value();
    if (u.buf != nullptr) std::memcpy(u.buf->data, bytes.data(), bytes.size());
    u.get()->actual_length = static_cast<int>(bytes.size());
    u.get()->status = 0;
    done.push_back(u);
  }

  void discard(UMockdevIoctlClient* client, UMockdevIoctlData* arg) {
    const gulong addr = *reinterpret_cast<gulong*>(arg->data);
    std::lock_guard lock(m);
    for (auto it = pending_in.begin(); it != pending_in.end(); ++it) {
      if (it->urb->client_addr == addr) {
        it->get()->status = -ENOENT;
        done.push_back(*it);
        pending_in.erase(it);
        ++traffic.discarded_urbs;
        umockdev_ioctl_client_complete(client, 0, 0);
        return;
      }
    }
    // Already completed: libusb then reaps it normally.
    umockdev_ioctl_client_complete(client, -1, EINVAL);
  }
};

struct UmockdevUsbBus::Impl {
  UMockdevTestbed* testbed = nullptr;
  std::vector<std::shared_ptr<UmockdevUsbDevice>> devices;
  std::uint8_t next_address = 2;
  std::uint8_t next_port = 1;
};

bool UmockdevUsbBus::available() {
  const char* preload = std::getenv("LD_PRELOAD");
  return preload != nullptr && std::strstr(preload, "umockdev-preload") != nullptr;
}

void UmockdevUsbBus::require_active() {
  if (available()) {
    UMockdevTestbed* tb = umockdev_testbed_new();
    const bool mocked = umockdev_in_mock_environment() != 0;
    g_object_unref(tb);
    if (mocked) return;
  }
  std::fprintf(stderr,
               "umockdev preload not active: run under LD_PRELOAD=libumockdev-preload.so.0 (ctest "
               "sets it)\n");
  std::exit(1);
}

UmockdevUsbBus::UmockdevUsbBus() : impl_(std::make_unique<Impl>()) {
  impl_->testbed = umockdev_testbed_new();
  if (!umockdev_in_mock_environment()) {
    g_object_unref(impl_->testbed);
    throw std::runtime_error("umockdev preload is not active");
  }
}

UmockdevUsbBus::~UmockdevUsbBus() {
  for (auto& d : impl_->devices) {
    g_signal_handlers_disconnect_by_data(d->state_->handler, d->state_.get());
  }
  g_object_unref(impl_->testbed);
  impl_->devices.clear();
}

UMockdevTestbed* UmockdevUsbBus::testbed() const {
  return impl_->testbed;
}

std::shared_ptr<UmockdevUsbDevice> UmockdevUsbBus::plug(
    UsbDeviceSpec spec, std::shared_ptr<drivers::EmulatedLink> link) {
  if (spec.address == 0) spec.address = impl_->next_address++;
  if (spec.port == 0) spec.port = impl_->next_port++;
  std::shared_ptr<UmockdevUsbDevice> dev(new UmockdevUsbDevice(impl_.get(), spec, std::move(link)));

  GError* err = nullptr;
  // The ioctl handler first, so libusb can open the node as soon as the add uevent arrives.
  if (!umockdev_testbed_attach_ioctl(impl_->testbed, dev->devnode().c_str(), dev->state_->handler,
                                     &err)) {
    std::string m = err != nullptr ? err->message : "attach_ioctl failed";
    if (err != nullptr) g_error_free(err);
    throw std::runtime_error(m);
  }
  char ids[64];
  std::snprintf(ids, sizeof ids, "%x/%x/100", spec.vid, spec.pid);
  char num[32];
  std::snprintf(num, sizeof num, "%03u", spec.bus);
  const std::string busnum = num;
  std::snprintf(num, sizeof num, "%03u", spec.address);
  const std::string devnum = num;
  char vidpid[32];
  std::snprintf(vidpid, sizeof vidpid, "%04x\\n\nA: idProduct=%04x", spec.vid, spec.pid);
  const std::string text =
      "P: " + dev->syspath() + "\n" + "N: bus/usb/" + busnum + "/" + devnum + "\n" +
      "E: SUBSYSTEM=usb\n"
      "E: DEVTYPE=usb_device\n"
      "E: DRIVER=usb\n"
      "E: PRODUCT=" +
      ids + "\n" + "E: BUSNUM=" + busnum + "\n" + "E: DEVNUM=" + devnum + "\n" +
      "E: DEVNAME=" + dev->devnode() + "\n" + "A: busnum=" + std::to_string(spec.bus) + "\\n\n" +
      "A: devnum=" + std::to_string(spec.address) + "\\n\n" +
      "A: bConfigurationValue=1\\n\n"
      "A: speed=480\\n\n"
      "A: idVendor=" +
      vidpid + "\\n\n" + "H: descriptors=" + hex(descriptors(spec)) + "\n";
  if (!umockdev_testbed_add_from_string(impl_->testbed, text.c_str(), &err)) {
    std::string m = err != nullptr ? err->message : "add_from_string failed";
    if (err != nullptr) g_error_free(err);
    throw std::runtime_error(m);
  }
  impl_->devices.push_back(dev);
  return dev;
}

UmockdevUsbDevice::UmockdevUsbDevice(UmockdevUsbBus::Impl* bus, UsbDeviceSpec spec,
                                     std::shared_ptr<drivers::EmulatedLink> link)
    : bus_(bus), spec_(spec), state_(std::make_unique<State>()) {
  state_->spec = spec;
  state_->driver_bound = spec.kernel_driver_bound;
  state_->link = std::move(link);
  state_->handler = umockdev_ioctl_base_new();
  g_signal_connect(state_->handler, "handle-ioctl", G_CALLBACK(&State::on_ioctl), state_.get());
}

UmockdevUsbDevice::~UmockdevUsbDevice() {
  g_object_unref(state_->handler);
}

std::string UmockdevUsbDevice::syspath() const {
  return "/devices/pci0000:00/0000:00:14.0/usb" + std::to_string(spec_.bus) + "/" +
         std::to_string(spec_.bus) + "-" + std::to_string(spec_.port);
}

std::string UmockdevUsbDevice::devnode() const {
  char b[64];
  std::snprintf(b, sizeof b, "/dev/bus/usb/%03u/%03u", spec_.bus, spec_.address);
  return b;
}

void UmockdevUsbDevice::unplug() {
  {
    std::lock_guard lock(state_->m);
    state_->disconnect();
  }
  if (removed_) return;
  removed_ = true;
  const std::string path = "/sys" + syspath();
  umockdev_testbed_uevent(bus_->testbed, path.c_str(), "remove");
  umockdev_testbed_remove_device(bus_->testbed, path.c_str());
}

void UmockdevUsbDevice::stall(std::uint8_t endpoint, bool clearable) {
  std::lock_guard lock(state_->m);
  state_->stalled[endpoint] = clearable;
}

UsbTraffic UmockdevUsbDevice::traffic() const {
  std::lock_guard lock(state_->m);
  return state_->traffic;
}

}  // namespace kiosk::testing
