#pragma once
// A barcode scanner that is a USB HID keyboard, in the kernel's evdev interface: an input
// device (sysfs as udev shows a keyboard: ID_INPUT=1, ID_INPUT_KEY=1, ID_INPUT_KEYBOARD=1)
// with its /dev/input/eventN node and the /dev/input/by-id/...-event-kbd link, added to a
// umockdev testbed. Whatever opens the node under LD_PRELOAD=libumockdev-preload.so.0 (this
// process or one started with the testbed's UMOCKDEV_DIR) reads struct input_event records
// as from the kernel; type() makes the scanner "type" a code.
//
// Reads and poll() are real: the node is a symlink to a pty slave this object owns (raw
// mode), the records are written to its master. The ioctls go to a umockdev handler:
// EVIOCGVERSION, EVIOCGID, EVIOCGNAME, EVIOCGPHYS, EVIOCGUNIQ, EVIOCGBIT (EV_SYN, EV_KEY,
// EV_MSC, EV_LED, EV_REP; the keys), and EVIOCGRAB (exclusive: a second grab gets EBUSY,
// released by EVIOCGRAB 0 or by closing). Unplug: the pty hangs up (poll wakes, reads end),
// ioctls on old handles fail with ENODEV, node, link and sysfs device go ("remove" uevent);
// replug adds them back ("add").
//
// Use (the testbed may hold other devices):
//   testing::UmockdevEvdevKeyboard scanner(testbed);
//   drivers::EvdevPaymentScanner driver(scanner.by_id_path());
//   scanner.type("134567890123456789");   // digits, then Enter

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

typedef struct _UMockdevTestbed UMockdevTestbed;

namespace kiosk::testing {

struct EvdevKeyboardSpec {
  int event_index = 5;  // /dev/input/event<index>, char device 13:(64 + index)
  std::string name = "Kiosk24 Emulated Barcode Scanner";
  std::uint16_t vid = 0x1209;  // pid.codes test range
  std::uint16_t pid = 0x4b25;
  std::uint16_t version = 0x0110;
  std::string serial = "K24SCAN0001";
  int usb_bus = 3;  // sysfs .../usb<bus>/<bus>-<port>: away from UmockdevUsbBus's bus 1
  int usb_port = 2;
};

class UmockdevEvdevKeyboard {
 public:
  // Adds the keyboard to `testbed` (the process's active testbed) and sends "add". Throws
  // std::runtime_error if umockdev refuses it.
  explicit UmockdevEvdevKeyboard(UMockdevTestbed* testbed, EvdevKeyboardSpec spec = {});
  ~UmockdevEvdevKeyboard();
  UmockdevEvdevKeyboard(const UmockdevEvdevKeyboard&) = delete;
  UmockdevEvdevKeyboard& operator=(const UmockdevEvdevKeyboard&) = delete;

  std::string devnode() const;     // "/dev/input/event5"
  std::string by_id_path() const;  // "/dev/input/by-id/usb-Kiosk24_..._K24SCAN0001-event-kbd"
  std::string syspath() const;     // "/sys/devices/.../input/input5/event5"

  // Types `text` as the scanner does (US layout; Shift for upper case and shifted symbols),
  // then Enter. Each key: EV_MSC/MSC_SCAN, EV_KEY press, EV_SYN, EV_KEY release, EV_SYN.
  // False (nothing typed) if a character has no key, or while unplugged.
  bool type(std::string_view text, bool enter = true);
  // Presses and releases each key code (KEY_*), e.g. keys a scanner should never send.
  bool type_keys(const std::vector<std::uint16_t>& codes);

  void unplug();
  void replug();
  bool plugged() const;

  bool grabbed() const;            // an open file holds EVIOCGRAB now
  std::size_t grab_count() const;  // successful EVIOCGRAB(1) so far
  int open_handles() const;

  struct Impl;  // shared with umockdev's thread (public for the C callback only)

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::testing
