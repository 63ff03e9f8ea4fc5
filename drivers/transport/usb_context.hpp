#pragma once
// One libusb context for the whole process, with its single event thread. Every libusb
// transport submits its asynchronous transfers here, and device arrival/removal is reported
// from here: through libusb hotplug where the platform has it, by polling enumeration
// otherwise.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "hal/result.hpp"

struct libusb_context;
struct libusb_device;

namespace kiosk::drivers {

// Where a USB device is and what it says it is.
struct UsbDeviceAddress {
  std::uint16_t vid = 0;
  std::uint16_t pid = 0;
  std::uint8_t bus = 0;
  std::uint8_t address = 0;             // device number on the bus; changes on every plug
  std::vector<std::uint8_t> port_path;  // hub ports from the root, e.g. {1, 2}; stable per socket

  // "1-1.2": bus, then the port path (sysfs naming).
  std::string location() const;
  // "usb:0400:c35a@1-1.2" (the hal::DeviceInfo::transport format).
  std::string describe() const;
};

// Fills a UsbDeviceAddress from a libusb device; false if its descriptor cannot be read.
bool usb_device_address(libusb_device* device, UsbDeviceAddress& out);

enum class UsbChange { arrived, removed };
using UsbChangeHandler = std::function<void(UsbChange, const UsbDeviceAddress&)>;

class UsbContext {
 public:
  enum class Detection {
    automatic,  // hotplug if libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG), else polling
    hotplug,    // libusb hotplug callbacks (fails to create if unsupported)
    polling,    // enumerate every poll_interval and report the difference
  };
  struct Options {
    Detection detection = Detection::automatic;
    std::chrono::milliseconds poll_interval{1000};
  };

  // Initialises libusb and starts the event thread.
  // Errors: hardwareError/"io" (libusb_init failed, or hotplug requested but unsupported).
  static hal::Result<std::shared_ptr<UsbContext>> create(Options options);
  static hal::Result<std::shared_ptr<UsbContext>> create() { return create(Options{}); }

  // Stops the event thread (joins it) and exits libusb. Every transport that uses this
  // context holds a shared_ptr to it, so this runs after the last of them is closed.
  // A change handler must not drop the last reference (the thread cannot join itself).
  ~UsbContext();
  UsbContext(const UsbContext&) = delete;
  UsbContext& operator=(const UsbContext&) = delete;

  libusb_context* native() const { return ctx_; }
  bool uses_hotplug() const { return hotplug_handle_registered_; }

  // The devices present now. Thread-safe; blocks briefly.
  std::vector<UsbDeviceAddress> enumerate() const;

  // Handlers are called on the event thread, for changes after subscribe() returns; they
  // must not block and must not call libusb synchronously (post work to another thread).
  // Exceptions thrown by a handler are swallowed (never thrown through libusb). After
  // unsubscribe() returns the handler is not called again, unless unsubscribe() is called
  // from inside a handler, where the running call simply finishes.
  using SubscriptionId = std::uint64_t;
  SubscriptionId subscribe(UsbChangeHandler handler);
  void unsubscribe(SubscriptionId id);

 private:
  UsbContext() = default;
  friend struct UsbContextCallbacks;  // the C callbacks in usb_context.cpp
  void run();
  void poll_once(bool notify);
  void notify(UsbChange change, const UsbDeviceAddress& address) noexcept;

  libusb_context* ctx_ = nullptr;
  Options options_;
  bool hotplug_handle_registered_ = false;
  int hotplug_handle_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;

  std::mutex subscribers_m_;
  std::recursive_mutex dispatch_m_;  // held while handlers run; unsubscribe() waits on it
  std::map<SubscriptionId, UsbChangeHandler> subscribers_;
  SubscriptionId next_id_ = 1;

  // Polling mode: the devices seen at the last poll, keyed by (bus << 8 | address).
  std::map<unsigned, UsbDeviceAddress> known_;
};

}  // namespace kiosk::drivers
