// evdev emulation: records through a pty, ioctls on umockdev's thread. Each open of the node
// is one UMockdevIoctlClient; we track them to own the grab, and a sweeper notices closed
// ones (umockdev 0.17 signals no close).
#include "tests/support/umockdev_evdev_keyboard.hpp"

#include <fcntl.h>
#include <linux/input.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <umockdev.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

namespace kiosk::testing {
namespace {

using namespace std::chrono_literals;

constexpr int kInputMajor = 13;

struct Key {
  std::uint16_t code;
  bool shift;
};

std::optional<Key> key_for(char c) {
  static const std::string digits = "1234567890";
  static const std::string shifted_digits = "!@#$%^&*()";
  static const std::uint16_t digit_keys[] = {KEY_1, KEY_2, KEY_3, KEY_4, KEY_5,
                                             KEY_6, KEY_7, KEY_8, KEY_9, KEY_0};
  static const std::uint16_t letter_keys[] = {
      KEY_A, KEY_B, KEY_C, KEY_D, KEY_E, KEY_F, KEY_G, KEY_H, KEY_I, KEY_J, KEY_K, KEY_L, KEY_M,
      KEY_N, KEY_O, KEY_P, KEY_Q, KEY_R, KEY_S, KEY_T, KEY_U, KEY_V, KEY_W, KEY_X, KEY_Y, KEY_Z};
  if (auto i = digits.find(c); i != std::string::npos) return Key{digit_keys[i], false};
  if (auto i = shifted_digits.find(c); i != std::string::npos) return Key{digit_keys[i], true};
  if (c >= 'a' && c <= 'z') return Key{letter_keys[c - 'a'], false};
  if (c >= 'A' && c <= 'Z') return Key{letter_keys[c - 'A'], true};
  struct Sym {
    char plain;
    char shifted;
    std::uint16_t code;
  };
  static const Sym syms[] = {
      {'-', '_', KEY_MINUS},      {'=', '+', KEY_EQUAL},      {'[', '{', KEY_LEFTBRACE},
      {']', '}', KEY_RIGHTBRACE}, {';', ':', KEY_SEMICOLON},  {'\'', '"', KEY_APOSTROPHE},
      {'`', '~', KEY_GRAVE},      {'\\', '|', KEY_BACKSLASH}, {',', '<', KEY_COMMA},
      {'.', '>', KEY_DOT},        {'/', '?', KEY_SLASH},      {' ', ' ', KEY_SPACE}};
  for (const auto& s : syms) {
    if (c == s.plain) return Key{s.code, false};
    if (c == s.shifted) return Key{s.code, true};
  }
  return std::nullopt;
}

UMockdevIoctlData* resolve(UMockdevIoctlData* data, gsize offset, gsize len) {
  GError* err = nullptr;
  UMockdevIoctlData* r = umockdev_ioctl_data_resolve(data, offset, len, &err);
  if (err != nullptr) g_error_free(err);
  return r;
}

void set_bit(std::vector<std::uint8_t>& bits, unsigned bit) {
  if (bit / 8 < bits.size()) bits[bit / 8] |= static_cast<std::uint8_t>(1U << (bit % 8));
}

}  // namespace

struct UmockdevEvdevKeyboard::Impl {
  UMockdevTestbed* testbed = nullptr;
  EvdevKeyboardSpec spec;
  UMockdevIoctlBase* handler = nullptr;
  std::string root;

  mutable std::mutex m;  // guards everything below
  struct Client {
    bool dead = false;  // opened before an unplug
  };
  std::map<UMockdevIoctlClient*, Client> clients;
  UMockdevIoctlClient* grab = nullptr;
  std::size_t grabs = 0;
  bool plugged = false;
  int master = -1;
  int slave = -1;  // held so the master never sees a hang-up between opens
  bool stopping = false;
  std::condition_variable cv;
  std::thread sweeper;

  std::string devnode() const { return "/dev/input/event" + std::to_string(spec.event_index); }
  std::string by_id_path() const {
    return "/dev/input/by-id/usb-Kiosk24_Emulated_Barcode_Scanner_" + spec.serial + "-event-kbd";
  }
  std::string port() const {
    return std::to_string(spec.usb_bus) + "-" + std::to_string(spec.usb_port);
  }
  std::string input_syspath() const {
    char hid[64];
    std::snprintf(hid, sizeof hid, "0003:%04X:%04X.0001", spec.vid, spec.pid);
    return "/sys/devices/pci0000:00/0000:00:14.0/usb" + std::to_string(spec.usb_bus) + "/" +
           port() + "/" + port() + ":1.0/" + hid + "/input/input" +
           std::to_string(spec.event_index);
  }
  std::string syspath() const {
    return input_syspath() + "/event" + std::to_string(spec.event_index);
  }

  // Caller holds m.
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
    ::fcntl(mfd, F_SETFL, ::fcntl(mfd, F_GETFL) | O_NONBLOCK);
    ::fcntl(mfd, F_SETFD, FD_CLOEXEC);
    ::fcntl(sfd, F_SETFD, FD_CLOEXEC);
    master = mfd;
    slave = sfd;

    char ids[64];
    std::snprintf(ids, sizeof ids, "%x/%x/%x/%x", BUS_USB, spec.vid, spec.pid, spec.version);
    const std::string product = ids;
    std::snprintf(ids, sizeof ids, "%04x", spec.vid);
    const std::string vid = ids;
    std::snprintf(ids, sizeof ids, "%04x", spec.pid);
    const std::string pid = ids;
    const std::string minor = std::to_string(64 + spec.event_index);
    const std::string id_path = "pci-0000:00:14.0-usb-0:" + std::to_string(spec.usb_port) + ":1.0";
    const std::string common =
        "E: ID_INPUT=1\nE: ID_INPUT_KEY=1\nE: ID_INPUT_KEYBOARD=1\n"
        "E: ID_BUS=usb\nE: ID_VENDOR_ID=" +
        vid + "\nE: ID_MODEL_ID=" + pid + "\nE: ID_SERIAL=Kiosk24_Emulated_Barcode_Scanner_" +
        spec.serial + "\nE: ID_SERIAL_SHORT=" + spec.serial +
        "\nE: ID_USB_DRIVER=usbhid\nE: ID_USB_INTERFACE_NUM=00\n" + "E: ID_PATH=" + id_path + "\n";
    const std::string text =
        "P: " + input_syspath().substr(4) + "\nE: SUBSYSTEM=input\nE: PRODUCT=" + product +
        "\nE: NAME=\"" + spec.name + "\"\nE: PHYS=\"usb-0000:00:14.0-" +
        std::to_string(spec.usb_port) + "/input0\"\nE: UNIQ=\"" + spec.serial +
        "\"\nE: EV=120013\nE: KEY=1000000000007 ff9f207ac14057ff febeffdfffefffff "
        "fffffffffffffffe\nE: MSC=10\nE: LED=1f\n" +
        common + "A: name=" + spec.name + "\\n\n" + "\n" + "P: " + syspath().substr(4) +
        "\nE: SUBSYSTEM=input\nE: DEVNAME=" + devnode() +
        "\nE: MAJOR=" + std::to_string(kInputMajor) + "\nE: MINOR=" + minor + "\n" + common +
        "E: DEVLINKS=" + by_id_path() + " /dev/input/by-path/" + id_path + "-event-kbd\n" +
        "A: dev=" + std::to_string(kInputMajor) + ":" + minor + "\\n\n";
    GError* err = nullptr;
    if (!umockdev_testbed_add_from_string(testbed, text.c_str(), &err)) {
      std::string msg = err != nullptr ? err->message : "add_from_string failed";
      if (err != nullptr) g_error_free(err);
      throw std::runtime_error(msg);
    }
    namespace fs = std::filesystem;
    const fs::path node = root + devnode();
    fs::create_directories(node.parent_path());
    fs::remove(node);
    fs::create_symlink(name, node);
    const fs::path link = root + by_id_path();
    fs::create_directories(link.parent_path());
    fs::remove(link);
    fs::create_symlink("../event" + std::to_string(spec.event_index), link);
    plugged = true;
    umockdev_testbed_uevent(testbed, input_syspath().c_str(), "add");
    umockdev_testbed_uevent(testbed, syspath().c_str(), "add");
  }

  // Caller holds m.
  void remove_node() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::remove(root + by_id_path(), ec);
    umockdev_testbed_uevent(testbed, syspath().c_str(), "remove");
    umockdev_testbed_uevent(testbed, input_syspath().c_str(), "remove");
    umockdev_testbed_remove_device(testbed, syspath().c_str());  // the child first
    umockdev_testbed_remove_device(testbed, input_syspath().c_str());
    fs::remove(root + devnode(), ec);
    if (slave >= 0) ::close(slave);
    if (master >= 0) ::close(master);  // the hang-up: readers see end of file
    slave = master = -1;
    for (auto& [c, state] : clients) state.dead = true;
    grab = nullptr;
    plugged = false;
  }

  bool write_events(const std::vector<input_event>& events) {
    std::lock_guard lock(m);
    if (master < 0) return false;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(events.data());
    const std::size_t size = events.size() * sizeof(input_event);
    std::size_t done = 0;
    for (int tries = 0; done < size && tries < 1000; ++tries) {
      const ssize_t n = ::write(master, bytes + done, size - done);
      if (n > 0) {
        done += static_cast<std::size_t>(n);
      } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
        return false;
      } else {
        std::this_thread::sleep_for(1ms);  // the reader is behind: the pty buffer is full
      }
    }
    return done == size;
  }

  static void push_key(std::vector<input_event>& out, std::uint16_t code, bool shift) {
    timeval now{};
    ::gettimeofday(&now, nullptr);
    auto ev = [&](std::uint16_t type, std::uint16_t c, std::int32_t value) {
      input_event e{};
      e.time = now;
      e.type = type;
      e.code = c;
      e.value = value;
      out.push_back(e);
    };
    if (shift) {
      ev(EV_KEY, KEY_LEFTSHIFT, 1);
      ev(EV_SYN, SYN_REPORT, 0);
    }
    ev(EV_MSC, MSC_SCAN, 0x70000 + code);
    ev(EV_KEY, code, 1);
    ev(EV_SYN, SYN_REPORT, 0);
    ev(EV_MSC, MSC_SCAN, 0x70000 + code);
    ev(EV_KEY, code, 0);
    ev(EV_SYN, SYN_REPORT, 0);
    if (shift) {
      ev(EV_KEY, KEY_LEFTSHIFT, 0);
      ev(EV_SYN, SYN_REPORT, 0);
    }
  }

  void sweep() {
    std::unique_lock lock(m);
    while (!stopping) {
      cv.wait_for(lock, 20ms, [&] { return stopping; });
      for (auto it = clients.begin(); it != clients.end();) {
        if (umockdev_ioctl_client_get_connected(it->first)) {
          ++it;
          continue;
        }
        if (grab == it->first) grab = nullptr;  // closing the file releases the grab
        g_object_unref(it->first);
        it = clients.erase(it);
      }
    }
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

  void handle(UMockdevIoctlClient* client) {
    const gulong request = umockdev_ioctl_client_get_request(client);
    UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);
    std::unique_lock lock(m);
    auto it = clients.find(client);
    if (it == clients.end()) {
      g_object_ref(client);
      it = clients.emplace(client, Client{!plugged}).first;
    }
    auto done = [&](long result, int err) { umockdev_ioctl_client_complete(client, result, err); };
    if (it->second.dead) {
      done(-1, ENODEV);
      return;
    }
    if (_IOC_TYPE(request) != 'E') {
      done(-1, ENOTTY);  // termios and the like: an event node is no tty
      return;
    }
    if (request == EVIOCGRAB) {
      // The argument is the value itself, not a pointer.
      const auto value = *reinterpret_cast<gulong*>(arg->data);
      if (value != 0) {
        if (grab != nullptr && grab != client) {
          done(-1, EBUSY);
          return;
        }
        if (grab == nullptr) ++grabs;
        grab = client;
        done(0, 0);
      } else if (grab == client) {
        grab = nullptr;
        done(0, 0);
      } else {
        done(-1, EINVAL);
      }
      return;
    }
    const gsize size = _IOC_SIZE(request);
    UMockdevIoctlData* d = size > 0 ? resolve(arg, 0, size) : nullptr;
    if (size > 0 && d == nullptr) {
      done(-1, EFAULT);
      return;
    }
    auto reply_bytes = [&](const void* src, std::size_t n) {
      const std::size_t len = std::min<std::size_t>(n, size);
      std::memset(d->data, 0, size);
      std::memcpy(d->data, src, len);
      done(static_cast<long>(len), 0);
    };
    auto reply_string = [&](const std::string& s) { reply_bytes(s.c_str(), s.size() + 1); };
    const unsigned nr = _IOC_NR(request);
    if (request == EVIOCGVERSION) {
      const int version = EV_VERSION;
      std::memcpy(d->data, &version, sizeof version);
      done(0, 0);
    } else if (request == EVIOCGID) {
      input_id id{BUS_USB, spec.vid, spec.pid, spec.version};
      std::memcpy(d->data, &id, sizeof id);
      done(0, 0);
    } else if (_IOC_DIR(request) == _IOC_READ && nr == _IOC_NR(EVIOCGNAME(0))) {
      reply_string(spec.name);
    } else if (_IOC_DIR(request) == _IOC_READ && nr == _IOC_NR(EVIOCGPHYS(0))) {
      reply_string("usb-0000:00:14.0-" + std::to_string(spec.usb_port) + "/input0");
    } else if (_IOC_DIR(request) == _IOC_READ && nr == _IOC_NR(EVIOCGUNIQ(0))) {
      reply_string(spec.serial);
    } else if (_IOC_DIR(request) == _IOC_READ && nr >= _IOC_NR(EVIOCGBIT(0, 0)) &&
               nr < _IOC_NR(EVIOCGBIT(EV_MAX, 0))) {
      const unsigned ev = nr - _IOC_NR(EVIOCGBIT(0, 0));
      std::vector<std::uint8_t> bits(KEY_MAX / 8 + 1, 0);
      if (ev == 0) {
        for (unsigned t : {EV_SYN, EV_KEY, EV_MSC, EV_LED, EV_REP}) set_bit(bits, t);
      } else if (ev == EV_KEY) {
        for (unsigned k = KEY_ESC; k <= KEY_KPDOT; ++k) set_bit(bits, k);
      } else if (ev == EV_MSC) {
        set_bit(bits, MSC_SCAN);
      }
      reply_bytes(bits.data(), bits.size());
    } else if (_IOC_DIR(request) == _IOC_READ &&
               (nr == _IOC_NR(EVIOCGKEY(0)) || nr == _IOC_NR(EVIOCGLED(0)) ||
                nr == _IOC_NR(EVIOCGSW(0)))) {
      std::vector<std::uint8_t> none(size, 0);  // no key held, no LED lit
      reply_bytes(none.data(), none.size());
    } else {
      done(-1, EINVAL);
    }
    if (d != nullptr) g_object_unref(d);
  }
};

UmockdevEvdevKeyboard::UmockdevEvdevKeyboard(UMockdevTestbed* testbed, EvdevKeyboardSpec spec)
    : impl_(std::make_unique<Impl>()) {
  impl_->testbed = testbed;
  impl_->spec = std::move(spec);
  gchar* root = umockdev_testbed_get_root_dir(testbed);
  impl_->root = root;
  g_free(root);
  impl_->handler = umockdev_ioctl_base_new();
  g_signal_connect(impl_->handler, "handle-ioctl", G_CALLBACK(&Impl::on_ioctl), impl_.get());
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

UmockdevEvdevKeyboard::~UmockdevEvdevKeyboard() {
  {
    std::lock_guard lock(impl_->m);
    impl_->stopping = true;
  }
  impl_->cv.notify_all();
  impl_->sweeper.join();
  for (const auto& path : {impl_->devnode(), impl_->by_id_path()}) {
    umockdev_testbed_detach_ioctl(impl_->testbed, path.c_str(), nullptr);
  }
  g_signal_handlers_disconnect_by_data(impl_->handler, impl_.get());
  std::lock_guard lock(impl_->m);
  if (impl_->plugged) impl_->remove_node();
  for (auto& [c, state] : impl_->clients) g_object_unref(c);
  impl_->clients.clear();
  g_object_unref(impl_->handler);
}

std::string UmockdevEvdevKeyboard::devnode() const {
  return impl_->devnode();
}
std::string UmockdevEvdevKeyboard::by_id_path() const {
  return impl_->by_id_path();
}
std::string UmockdevEvdevKeyboard::syspath() const {
  return impl_->syspath();
}

bool UmockdevEvdevKeyboard::type(std::string_view text, bool enter) {
  std::vector<input_event> events;
  for (char c : text) {
    auto k = key_for(c);
    if (!k) return false;
    Impl::push_key(events, k->code, k->shift);
  }
  if (enter) Impl::push_key(events, KEY_ENTER, false);
  return impl_->write_events(events);
}

bool UmockdevEvdevKeyboard::type_keys(const std::vector<std::uint16_t>& codes) {
  std::vector<input_event> events;
  for (auto code : codes) Impl::push_key(events, code, false);
  return impl_->write_events(events);
}

void UmockdevEvdevKeyboard::unplug() {
  std::lock_guard lock(impl_->m);
  if (impl_->plugged) impl_->remove_node();
}

void UmockdevEvdevKeyboard::replug() {
  std::lock_guard lock(impl_->m);
  if (!impl_->plugged) impl_->add_node();
}

bool UmockdevEvdevKeyboard::plugged() const {
  std::lock_guard lock(impl_->m);
  return impl_->plugged;
}

bool UmockdevEvdevKeyboard::grabbed() const {
  std::lock_guard lock(impl_->m);
  return impl_->grab != nullptr;
}

std::size_t UmockdevEvdevKeyboard::grab_count() const {
  std::lock_guard lock(impl_->m);
  return impl_->grabs;
}

int UmockdevEvdevKeyboard::open_handles() const {
  std::lock_guard lock(impl_->m);
  return static_cast<int>(std::count_if(impl_->clients.begin(), impl_->clients.end(),
                                        [](const auto& c) { return !c.second.dead; }));
}

}  // namespace kiosk::testing
