// The HID-keyboard payment scanner: the key decoder alone, then the real evdev driver against
// a keyboard emulated in the kernel's evdev interface by umockdev
// (tests/support/umockdev_evdev_keyboard): codes typed, the exclusive grab, garbage, unplug.
#include "drivers/payment_scanner/evdev_keyboard_scanner.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <linux/input.h>
#include <sys/ioctl.h>
#include <umockdev.h>
#include <unistd.h>

#include <cstdlib>
#include <future>
#include <mutex>
#include <thread>

#include "drivers/emu/payment_scanner/payment_scanner_emulator.hpp"
#include "drivers/payment_scanner/payment_scanner_codec.hpp"
#include "tests/support/umockdev_evdev_keyboard.hpp"

#if defined(__SANITIZE_ADDRESS__)
// Under ASan the umockdev preload library is loaded before the ASan runtime; harmless here
// (as in tests/support/umockdev_usb_device.cpp, which this binary does not link).
extern "C" const char* __asan_default_options() {
  return "verify_asan_link_order=0";
}
#endif

using namespace kiosk;
using namespace std::chrono_literals;
namespace emu = kiosk::drivers::emu;

namespace {

// Press and release, as a keyboard reports them (with the scan code and SYN between).
std::optional<hal::Result<std::string>> press(drivers::KeyboardLineDecoder& d, std::uint16_t code) {
  std::optional<hal::Result<std::string>> out;
  auto take = [&](std::optional<hal::Result<std::string>> r) {
    if (r) out = std::move(r);
  };
  take(d.feed(EV_MSC, MSC_SCAN, 0x70000 + code));
  take(d.feed(EV_KEY, code, 1));
  take(d.feed(EV_SYN, SYN_REPORT, 0));
  take(d.feed(EV_KEY, code, 0));
  take(d.feed(EV_SYN, SYN_REPORT, 0));
  return out;
}

struct Testbed {
  UMockdevTestbed* tb = nullptr;
  Testbed() {
    const char* preload = std::getenv("LD_PRELOAD");
    REQUIRE(preload != nullptr);
    REQUIRE(std::string(preload).find("umockdev-preload") != std::string::npos);
    tb = umockdev_testbed_new();
    REQUIRE(umockdev_in_mock_environment());
  }
  ~Testbed() { g_object_unref(tb); }
};

template <typename Pred>
bool eventually(Pred pred) {
  for (int i = 0; i < 5000 && !pred(); ++i) std::this_thread::sleep_for(1ms);
  return pred();
}

struct Rig {
  Testbed testbed;
  testing::UmockdevEvdevKeyboard keyboard{testbed.tb};
  drivers::EvdevPaymentScanner scanner{keyboard.by_id_path()};
  std::mutex m;
  std::vector<hal::DeviceEvent> events;

  Rig() {
    scanner.set_event_handler([this](const hal::DeviceEvent& e) {
      std::lock_guard lock(m);
      events.push_back(e);
    });
  }
  ~Rig() { scanner.close(); }

  std::future<hal::Result<hal::PaymentCode>> read(int timeout_ms) {
    auto promise = std::make_shared<std::promise<hal::Result<hal::PaymentCode>>>();
    auto future = promise->get_future();
    scanner.read_code(timeout_ms, [promise](hal::RequestId, hal::Result<hal::PaymentCode> r) {
      promise->set_value(std::move(r));
    });
    return future;
  }
  // The driver is waiting (status busy): what is typed now is for this read.
  void wait_scanning() {
    REQUIRE(eventually([&] { return scanner.status().state == hal::DeviceState::busy; }));
  }
  std::size_t count_of(hal::EventKind kind) {
    std::lock_guard lock(m);
    std::size_t n = 0;
    for (auto& e : events) n += e.kind == kind ? 1 : 0;
    return n;
  }
};

}  // namespace

TEST_CASE("the key decoder turns US-layout key events into lines", "[payment][evdev]") {
  drivers::KeyboardLineDecoder d;
  for (auto k : {KEY_1, KEY_3, KEY_0}) CHECK_FALSE(press(d, k).has_value());
  auto line = press(d, KEY_ENTER);
  REQUIRE(line.has_value());
  REQUIRE(line->ok());
  CHECK(line->value() == "130");

  // Shift gives upper case and symbols; a repeat (value 2) adds nothing.
  d.feed(EV_KEY, KEY_LEFTSHIFT, 1);
  press(d, KEY_A);
  press(d, KEY_2);
  d.feed(EV_KEY, KEY_LEFTSHIFT, 0);
  d.feed(EV_KEY, KEY_B, 1);
  d.feed(EV_KEY, KEY_B, 2);
  d.feed(EV_KEY, KEY_B, 0);
  line = press(d, KEY_KPENTER);
  REQUIRE(line.has_value());
  REQUIRE(line->ok());
  CHECK(line->value() == "A@b");
}

TEST_CASE("the key decoder refuses lines with unknown keys or too long", "[payment][evdev]") {
  drivers::KeyboardLineDecoder d;
  press(d, KEY_1);
  press(d, KEY_F13);
  auto line = press(d, KEY_ENTER);
  REQUIRE(line.has_value());
  REQUIRE_FALSE(line->ok());
  CHECK(line->error().code == hal::CompletionCode::invalidData);
  CHECK(line->error().reason == "unknown_key");

  for (std::size_t i = 0; i < drivers::kMaxScannedLine + 5; ++i) press(d, KEY_7);
  line = press(d, KEY_ENTER);
  REQUIRE(line.has_value());
  REQUIRE_FALSE(line->ok());
  CHECK(line->error().reason == "oversized");

  // The next line starts clean.
  press(d, KEY_9);
  line = press(d, KEY_ENTER);
  REQUIRE(line.has_value());
  REQUIRE(line->ok());
  CHECK(line->value() == "9");
}

TEST_CASE("the evdev driver reads a code typed by the emulated keyboard and holds the grab",
          "[payment][evdev][umockdev]") {
  Rig rig;
  REQUIRE(rig.scanner.open().ok());
  CHECK(rig.keyboard.grabbed());
  CHECK(rig.keyboard.grab_count() == 1);
  CHECK(rig.scanner.info().model == "Kiosk24 Emulated Barcode Scanner");
  CHECK(rig.scanner.info().transport == "evdev:" + rig.keyboard.by_id_path());

  // Nobody else gets the keys: a second grab is refused.
  const int other = ::open(rig.keyboard.devnode().c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(other >= 0);
  CHECK(::ioctl(other, EVIOCGRAB, 1) == -1);
  CHECK(errno == EBUSY);
  ::close(other);

  const auto code = emu::synthetic_payment_code(hal::Wallet::wechat, 5);
  auto f = rig.read(5000);
  rig.wait_scanning();
  REQUIRE(rig.keyboard.type(code));
  auto r = f.get();
  REQUIRE(r.ok());
  CHECK(r.value().wallet == hal::Wallet::wechat);
  CHECK(r.value().code == code);
  CHECK(rig.scanner.statistics().at("CodesReadCount") == 1);
  CHECK(rig.count_of(hal::EventKind::paymentCodeRead) == 1);

  rig.scanner.close();
  CHECK(eventually([&] { return !rig.keyboard.grabbed(); }));
}

TEST_CASE("codes typed before the read and garbage lines are not charged",
          "[payment][evdev][umockdev]") {
  Rig rig;
  REQUIRE(rig.scanner.open().ok());
  // A code typed while nobody asked (the previous citizen's phone): dropped by the next read.
  REQUIRE(rig.keyboard.type(emu::synthetic_payment_code(hal::Wallet::alipay, 1)));
  std::this_thread::sleep_for(20ms);  // let the records reach the node before the read starts
  auto f = rig.read(5000);
  rig.wait_scanning();
  REQUIRE(rig.keyboard.type_keys({KEY_1, KEY_F13, KEY_ENTER}));  // a key a scanner never sends
  REQUIRE(rig.keyboard.type("hello world"));                     // a barcode that is no code
  const auto code = emu::synthetic_payment_code(hal::Wallet::unionpay, 4);
  REQUIRE(rig.keyboard.type(code));
  auto r = f.get();
  REQUIRE(r.ok());
  CHECK(r.value().code == code);
  CHECK(rig.scanner.statistics().at("InvalidCodesCount") == 2);
}

TEST_CASE("the keyboard vanishing mid-read is a typed disconnect and replug brings it back",
          "[payment][evdev][umockdev]") {
  Rig rig;
  REQUIRE(rig.scanner.open().ok());
  auto f = rig.read(10000);
  rig.wait_scanning();
  rig.keyboard.unplug();
  auto r = f.get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(r.error().reason == "disconnected");
  CHECK(rig.scanner.status().state == hal::DeviceState::noDevice);
  CHECK(rig.count_of(hal::EventKind::deviceRemoved) == 1);

  auto again = rig.read(1000).get();
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().reason == "disconnected");

  rig.keyboard.replug();
  const auto code = emu::synthetic_payment_code(hal::Wallet::wechat, 9);
  auto f2 = rig.read(5000);
  rig.wait_scanning();
  REQUIRE(rig.keyboard.type(code));
  auto r2 = f2.get();
  REQUIRE(r2.ok());
  CHECK(r2.value().code == code);
  CHECK(rig.count_of(hal::EventKind::deviceArrived) == 1);
  CHECK(rig.keyboard.grabbed());
  CHECK(rig.keyboard.grab_count() == 2);
}
