#include "drivers/transport/usb_context.hpp"

#include <libusb.h>

#include <cstdio>
#include <set>

#include "drivers/transport/libusb_errors.hpp"

namespace kiosk::drivers {

std::string UsbDeviceAddress::location() const {
  std::string s = std::to_string(bus);
  char sep = '-';
  for (auto p : port_path) {
    s += sep;
    s += std::to_string(p);
    sep = '.';
  }
  return s;
}

std::string UsbDeviceAddress::describe() const {
  char ids[16];
  std::snprintf(ids, sizeof ids, "%04x:%04x", vid, pid);
  return std::string("usb:") + ids + "@" + location();
}

bool usb_device_address(libusb_device* device, UsbDeviceAddress& out) {
  libusb_device_descriptor desc{};
  if (libusb_get_device_descriptor(device, &desc) != 0) return false;
  out.vid = desc.idVendor;
  out.pid = desc.idProduct;
  out.bus = libusb_get_bus_number(device);
  out.address = libusb_get_device_address(device);
  std::uint8_t ports[8];
  const int n = libusb_get_port_numbers(device, ports, sizeof ports);
  out.port_path.assign(ports, ports + (n > 0 ? n : 0));
  return true;
}

struct UsbContextCallbacks {
  // Runs on the event thread inside libusb_handle_events. Never throws.
  static int LIBUSB_CALL hotplug(libusb_context* /*ctx*/, libusb_device* device,
                                 libusb_hotplug_event event, void* user_data) noexcept {
    auto* self = static_cast<UsbContext*>(user_data);
    UsbDeviceAddress address;
    if (!usb_device_address(device, address)) return 0;
    self->notify(
        event == LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED ? UsbChange::arrived : UsbChange::removed,
        address);
    return 0;  // stay registered
  }
};

hal::Result<std::shared_ptr<UsbContext>> UsbContext::create(Options options) {
  std::shared_ptr<UsbContext> self(new UsbContext());
  self->options_ = options;
  if (const int r = libusb_init(&self->ctx_); r != 0) {
    self->ctx_ = nullptr;
    return libusb_error(r, "libusb init");
  }
  const bool can_hotplug = libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG) != 0;
  bool want_hotplug = false;
  switch (options.detection) {
    case Detection::automatic:
      want_hotplug = can_hotplug;
      break;
    case Detection::hotplug:
      if (!can_hotplug) {
        return hal::make_error(hal::CompletionCode::hardwareError, "io",
                               "libusb has no hotplug support on this platform");
      }
      want_hotplug = true;
      break;
    case Detection::polling:
      break;
  }
  if (want_hotplug) {
    const int r = libusb_hotplug_register_callback(
        self->ctx_,
        static_cast<libusb_hotplug_event>(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED |
                                          LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT),
        static_cast<libusb_hotplug_flag>(0), LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
        LIBUSB_HOTPLUG_MATCH_ANY, &UsbContextCallbacks::hotplug, self.get(),
        &self->hotplug_handle_);
    if (r != LIBUSB_SUCCESS) return libusb_error(r, "register hotplug callback");
    self->hotplug_handle_registered_ = true;
  } else {
    self->poll_once(false);  // the baseline: only later changes are reported
  }
  self->thread_ = std::thread([raw = self.get()] { raw->run(); });
  return self;
}

UsbContext::~UsbContext() {
  stop_ = true;
  if (ctx_ != nullptr) {
    if (hotplug_handle_registered_) libusb_hotplug_deregister_callback(ctx_, hotplug_handle_);
    libusb_interrupt_event_handler(ctx_);
  }
  if (thread_.joinable()) thread_.join();
  if (ctx_ != nullptr) libusb_exit(ctx_);
}

void UsbContext::run() {
  auto next_poll = std::chrono::steady_clock::now() + options_.poll_interval;
  while (!stop_) {
    timeval tv{0, 100 * 1000};
    const int r = libusb_handle_events_timeout_completed(ctx_, &tv, nullptr);
    if (r != 0 && r != LIBUSB_ERROR_INTERRUPTED && r != LIBUSB_ERROR_TIMEOUT) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));  // do not spin on a bad fd
    }
    if (!hotplug_handle_registered_ && std::chrono::steady_clock::now() >= next_poll) {
      poll_once(true);
      next_poll = std::chrono::steady_clock::now() + options_.poll_interval;
    }
  }
}

std::vector<UsbDeviceAddress> UsbContext::enumerate() const {
  std::vector<UsbDeviceAddress> out;
  libusb_device** list = nullptr;
  const ssize_t n = libusb_get_device_list(ctx_, &list);
  for (ssize_t i = 0; i < n; ++i) {
    UsbDeviceAddress a;
    if (usb_device_address(list[i], a)) out.push_back(std::move(a));
  }
  if (list != nullptr) libusb_free_device_list(list, 1);
  return out;
}

void UsbContext::poll_once(bool notify_changes) {
  std::map<unsigned, UsbDeviceAddress> now;
  for (auto& a : enumerate()) {
    const unsigned key = (static_cast<unsigned>(a.bus) << 8) | a.address;
    now.emplace(key, std::move(a));
  }
  if (notify_changes) {
    for (const auto& [key, a] : known_) {
      if (now.find(key) == now.end()) notify(UsbChange::removed, a);
    }
    for (const auto& [key, a] : now) {
      if (known_.find(key) == known_.end()) notify(UsbChange::arrived, a);
    }
  }
  known_ = std::move(now);
}

UsbContext::SubscriptionId UsbContext::subscribe(UsbChangeHandler handler) {
  std::lock_guard lock(subscribers_m_);
  const SubscriptionId id = next_id_++;
  subscribers_.emplace(id, std::move(handler));
  return id;
}

void UsbContext::unsubscribe(SubscriptionId id) {
  // Taking dispatch_m_ waits for a running dispatch on the event thread; it is recursive so
  // a handler may unsubscribe itself.
  std::lock_guard dispatch(dispatch_m_);
  std::lock_guard lock(subscribers_m_);
  subscribers_.erase(id);
}

void UsbContext::notify(UsbChange change, const UsbDeviceAddress& address) noexcept {
  try {
    std::lock_guard dispatch(dispatch_m_);
    std::vector<UsbChangeHandler> handlers;
    {
      std::lock_guard lock(subscribers_m_);
      for (const auto& [id, h] : subscribers_) handlers.push_back(h);
    }
    for (const auto& h : handlers) {
      try {
        h(change, address);
      } catch (...) {
        // A subscriber's failure must not unwind into libusb.
      }
    }
  } catch (...) {
  }
}

}  // namespace kiosk::drivers
