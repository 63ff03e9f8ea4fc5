#include "drivers/transport/usb_transport_libusb.hpp"

#include <libusb.h>

#include <algorithm>
#include <cstdio>

#include "drivers/transport/libusb_errors.hpp"

namespace kiosk::drivers {
namespace {

using Clock = std::chrono::steady_clock;

unsigned timeout_ms(milliseconds t) {
  // libusb reads 0 as "wait forever"; the shortest real wait is 1 ms.
  return static_cast<unsigned>(std::max<milliseconds::rep>(1, t.count()));
}

milliseconds remaining(Clock::time_point deadline) {
  return std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
}

bool matches(const UsbMatch& m, const UsbDeviceAddress& a) {
  if (a.vid != m.vid || a.pid != m.pid) return false;
  if (m.bus && *m.bus != a.bus) return false;
  if (!m.port_path.empty() && m.port_path != a.port_path) return false;
  return true;
}

struct Endpoints {
  int interface = -1;
  std::uint8_t in = 0;
  std::uint8_t out = 0;
  std::uint16_t max_packet = 0;
};

// The interface to use: `wanted`, or the first with bulk IN + bulk OUT, vendor class first.
Endpoints find_endpoints(const libusb_config_descriptor* cfg, int wanted) {
  Endpoints best;
  bool best_is_vendor = false;
  for (int i = 0; i < cfg->bNumInterfaces; ++i) {
    const libusb_interface& itf = cfg->interface[i];
    if (itf.num_altsetting < 1) continue;
    const libusb_interface_descriptor& alt = itf.altsetting[0];
    if (wanted >= 0 && alt.bInterfaceNumber != wanted) continue;
    Endpoints e;
    e.interface = alt.bInterfaceNumber;
    for (int k = 0; k < alt.bNumEndpoints; ++k) {
      const libusb_endpoint_descriptor& ep = alt.endpoint[k];
      if ((ep.bmAttributes & LIBUSB_TRANSFER_TYPE_MASK) != LIBUSB_TRANSFER_TYPE_BULK) continue;
      const bool in = (ep.bEndpointAddress & LIBUSB_ENDPOINT_DIR_MASK) == LIBUSB_ENDPOINT_IN;
      if (in && e.in == 0) e.in = ep.bEndpointAddress;
      if (!in && e.out == 0) e.out = ep.bEndpointAddress;
      e.max_packet = std::max<std::uint16_t>(e.max_packet, ep.wMaxPacketSize & 0x7FF);
    }
    if (e.in == 0 || e.out == 0) continue;
    const bool vendor = alt.bInterfaceClass == LIBUSB_CLASS_VENDOR_SPEC;
    if (best.interface < 0 || (vendor && !best_is_vendor)) {
      best = e;
      best_is_vendor = vendor;
    }
  }
  if (best.max_packet == 0) best.max_packet = 64;
  return best;
}

}  // namespace

// One submitted transfer. The event thread sets `done` and notifies while holding `m`, so
// the waiter cannot destroy this before the notification is over.
struct LibusbTransport::Pending {
  std::mutex m;
  std::condition_variable cv;
  bool done = false;

  static void LIBUSB_CALL on_done(libusb_transfer* t) noexcept {
    auto* p = static_cast<Pending*>(t->user_data);
    std::lock_guard lock(p->m);
    p->done = true;
    p->cv.notify_all();
  }
};

UsbMatch UsbMatch::from(const UsbDeviceAddress& address) {
  UsbMatch m;
  m.vid = address.vid;
  m.pid = address.pid;
  m.bus = address.bus;
  m.port_path = address.port_path;
  return m;
}

LibusbTransport::LibusbTransport(std::shared_ptr<UsbContext> context, UsbMatch match)
    : context_(std::move(context)), match_(std::move(match)) {}

LibusbTransport::~LibusbTransport() {
  close();
}

std::string LibusbTransport::describe() const {
  if (handle_ != nullptr) return address_.describe();
  UsbDeviceAddress a;
  a.vid = match_.vid;
  a.pid = match_.pid;
  a.bus = match_.bus.value_or(0);
  a.port_path = match_.port_path;
  if (!match_.bus) {
    char ids[16];
    std::snprintf(ids, sizeof ids, "%04x:%04x", a.vid, a.pid);
    return std::string("usb:") + ids;
  }
  return a.describe();
}

hal::DeviceError LibusbTransport::not_open() const {
  return hal::make_error(hal::CompletionCode::deviceNotReady, "not_open", "transport not open");
}

hal::Status LibusbTransport::open() {
  if (handle_ != nullptr) return hal::Done{};
  libusb_device** list = nullptr;
  const ssize_t n = libusb_get_device_list(context_->native(), &list);
  if (n < 0) return libusb_error(static_cast<int>(n), "list devices");
  libusb_device* found = nullptr;
  UsbDeviceAddress address;
  for (ssize_t i = 0; i < n && found == nullptr; ++i) {
    UsbDeviceAddress a;
    if (usb_device_address(list[i], a) && matches(match_, a)) {
      found = libusb_ref_device(list[i]);
      address = a;
    }
  }
  libusb_free_device_list(list, 1);
  if (found == nullptr) {
    return hal::make_error(hal::CompletionCode::deviceNotReady, "disconnected",
                           "no USB device " + describe());
  }

  libusb_device_handle* handle = nullptr;
  int r = libusb_open(found, &handle);
  if (r != 0) {
    libusb_unref_device(found);
    return libusb_error(r, "open device");
  }
  libusb_config_descriptor* cfg = nullptr;
  r = libusb_get_active_config_descriptor(found, &cfg);
  libusb_unref_device(found);
  if (r != 0) {
    libusb_close(handle);
    return libusb_error(r, "read configuration");
  }
  const Endpoints eps = find_endpoints(cfg, match_.interface_number);
  libusb_free_config_descriptor(cfg);
  if (eps.interface < 0) {
    libusb_close(handle);
    return hal::make_error(hal::CompletionCode::hardwareError, "io",
                           "no interface with bulk IN and OUT endpoints");
  }
  if (libusb_kernel_driver_active(handle, eps.interface) == 1) {
    r = libusb_detach_kernel_driver(handle, eps.interface);
    if (r != 0 && r != LIBUSB_ERROR_NOT_FOUND) {
      libusb_close(handle);
      return libusb_error(r, "detach kernel driver");
    }
  }
  r = libusb_claim_interface(handle, eps.interface);
  if (r != 0) {
    libusb_close(handle);
    return libusb_error(r, "claim interface");
  }
  handle_ = handle;
  address_ = address;
  interface_ = eps.interface;
  ep_in_ = eps.in;
  ep_out_ = eps.out;
  max_packet_ = eps.max_packet;
  gone_ = false;
  kept_.clear();
  return hal::Done{};
}

void LibusbTransport::close() {
  if (handle_ == nullptr) return;
  if (!gone_) libusb_release_interface(handle_, interface_);
  libusb_close(handle_);
  handle_ = nullptr;
  kept_.clear();
}

hal::Result<std::size_t> LibusbTransport::transfer(std::uint8_t endpoint, std::uint8_t* buffer,
                                                   std::size_t length, milliseconds timeout,
                                                   bool zlp) {
  libusb_transfer* t = libusb_alloc_transfer(0);
  if (t == nullptr)
    return hal::make_error(hal::CompletionCode::hardwareError, "io", "out of memory");
  Pending pending;
  libusb_fill_bulk_transfer(t, handle_, endpoint, buffer, static_cast<int>(length),
                            &Pending::on_done, &pending, timeout_ms(timeout));
  if (zlp) t->flags |= LIBUSB_TRANSFER_ADD_ZERO_PACKET;
  {
    std::lock_guard lock(m_);
    if (canceled_) {
      libusb_free_transfer(t);
      return hal::make_error(hal::CompletionCode::canceled, "canceled", "transfer canceled");
    }
    if (const int r = libusb_submit_transfer(t); r != 0) {
      libusb_free_transfer(t);
      if (r == LIBUSB_ERROR_NO_DEVICE) gone_ = true;
      return libusb_error(r, "submit transfer");
    }
    current_ = t;
  }
  {
    std::unique_lock lock(pending.m);
    // libusb times the transfer out itself; the extra wait only guards against an event
    // thread that stopped, in which case the transfer is canceled and awaited.
    if (!pending.cv.wait_for(lock, timeout + std::chrono::seconds(5),
                             [&] { return pending.done; })) {
      libusb_cancel_transfer(t);
      pending.cv.wait(lock, [&] { return pending.done; });
    }
  }
  {
    std::lock_guard lock(m_);
    current_ = nullptr;
  }
  const int status = t->status;
  const auto moved = static_cast<std::size_t>(std::max(0, t->actual_length));
  libusb_free_transfer(t);
  if (status == LIBUSB_TRANSFER_COMPLETED) return moved;
  if (status == LIBUSB_TRANSFER_NO_DEVICE) gone_ = true;
  if (status == LIBUSB_TRANSFER_TIMED_OUT && moved > 0) return moved;  // a partial transfer
  if (status == LIBUSB_TRANSFER_CANCELLED && moved > 0 && (endpoint & LIBUSB_ENDPOINT_IN) != 0) {
    kept_.insert(kept_.end(), buffer, buffer + moved);  // not lost: the next read returns it
  }
  return libusb_transfer_error(status,
                               (endpoint & LIBUSB_ENDPOINT_IN) != 0 ? "bulk in" : "bulk out");
}

hal::Result<std::size_t> LibusbTransport::transfer_clearing_stall(std::uint8_t endpoint,
                                                                  std::uint8_t* buffer,
                                                                  std::size_t length,
                                                                  milliseconds timeout, bool zlp) {
  auto r = transfer(endpoint, buffer, length, timeout, zlp);
  if (r.ok() || r.error().reason != "stall") return r;
  if (const int c = libusb_clear_halt(handle_, endpoint); c != 0) {
    if (c == LIBUSB_ERROR_NO_DEVICE) {
      gone_ = true;
      return libusb_error(c, "clear halt");
    }
    return hal::make_error(
        hal::CompletionCode::hardwareError, "stall",
        std::string("endpoint stalled and clear halt failed: ") + libusb_error_name(c));
  }
  return transfer(endpoint, buffer, length, timeout, zlp);
}

hal::Status LibusbTransport::write(std::span<const std::uint8_t> data, milliseconds timeout) {
  if (handle_ == nullptr) return not_open();
  if (gone_) return libusb_error(LIBUSB_ERROR_NO_DEVICE, "bulk out");
  const auto deadline = Clock::now() + timeout;
  std::size_t offset = 0;
  Bytes chunk;
  while (offset < data.size()) {
    const std::size_t n = std::min(kMaxChunk, data.size() - offset);
    const bool last = offset + n == data.size();
    const bool zlp = last && match_.zero_length_packet && n % max_packet_ == 0;
    const milliseconds left = remaining(deadline);
    if (left.count() <= 0) {
      return hal::make_error(hal::CompletionCode::timeout, "timeout", "bulk out: write timed out");
    }
    chunk.assign(data.begin() + static_cast<std::ptrdiff_t>(offset),
                 data.begin() + static_cast<std::ptrdiff_t>(offset + n));
    auto r = transfer_clearing_stall(ep_out_, chunk.data(), n, left, zlp);
    if (!r.ok()) return r.error();
    if (r.value() < n) {
      return hal::make_error(hal::CompletionCode::timeout, "timeout", "bulk out: partial write");
    }
    offset += n;
  }
  return hal::Done{};
}

hal::Result<Bytes> LibusbTransport::read(std::size_t max_bytes, milliseconds timeout) {
  if (handle_ == nullptr) return not_open();
  {
    std::lock_guard lock(m_);
    if (canceled_)
      return hal::make_error(hal::CompletionCode::canceled, "canceled", "read canceled");
  }
  max_bytes = std::max<std::size_t>(1, max_bytes);
  if (!kept_.empty()) {
    const std::size_t n = std::min(max_bytes, kept_.size());
    Bytes out(kept_.begin(), kept_.begin() + static_cast<std::ptrdiff_t>(n));
    kept_.erase(kept_.begin(), kept_.begin() + static_cast<std::ptrdiff_t>(n));
    return out;
  }
  if (gone_) return libusb_error(LIBUSB_ERROR_NO_DEVICE, "bulk in");
  // A device may always send a full packet: ask for whole packets, keep the excess.
  const std::size_t length = (max_bytes + max_packet_ - 1) / max_packet_ * max_packet_;
  Bytes buffer(length);
  const auto deadline = Clock::now() + timeout;
  while (true) {
    auto r = transfer_clearing_stall(ep_in_, buffer.data(), length,
                                     std::max(remaining(deadline), milliseconds(1)), false);
    if (!r.ok()) return r.error();
    const std::size_t got = r.value();
    if (got > 0) {
      buffer.resize(got);
      if (got > max_bytes) {
        kept_.assign(buffer.begin() + static_cast<std::ptrdiff_t>(max_bytes), buffer.end());
        buffer.resize(max_bytes);
      }
      return buffer;
    }
    if (remaining(deadline).count() <= 0) {  // only zero-length packets arrived
      return hal::make_error(hal::CompletionCode::timeout, "timeout", "bulk in: no data");
    }
  }
}

void LibusbTransport::cancel() {
  std::lock_guard lock(m_);
  canceled_ = true;
  if (current_ != nullptr) libusb_cancel_transfer(current_);
}

void LibusbTransport::clear_cancel() {
  std::lock_guard lock(m_);
  canceled_ = false;
}

void LibusbTransport::flush_input() {
  kept_.clear();
  if (handle_ == nullptr || gone_) return;
  Bytes buffer(std::max<std::size_t>(max_packet_, 512));
  for (int i = 0; i < 16; ++i) {
    auto r = transfer(ep_in_, buffer.data(), buffer.size(), milliseconds(5), false);
    if (!r.ok()) break;
  }
  kept_.clear();  // a cancel during the drain may have kept a partial packet
}

}  // namespace kiosk::drivers
