#include "drivers/payment_scanner/evdev_keyboard_scanner.hpp"

#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <utility>

#include "drivers/payment_scanner/payment_scanner_codec.hpp"

namespace kiosk::drivers {
namespace {

using hal::CompletionCode;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

struct KeyChars {
  std::uint16_t code;
  char plain;
  char shifted;
};

// US layout, the keys a barcode scanner types.
constexpr KeyChars kKeys[] = {
    {KEY_1, '1', '!'},          {KEY_2, '2', '@'},           {KEY_3, '3', '#'},
    {KEY_4, '4', '$'},          {KEY_5, '5', '%'},           {KEY_6, '6', '^'},
    {KEY_7, '7', '&'},          {KEY_8, '8', '*'},           {KEY_9, '9', '('},
    {KEY_0, '0', ')'},          {KEY_MINUS, '-', '_'},       {KEY_EQUAL, '=', '+'},
    {KEY_Q, 'q', 'Q'},          {KEY_W, 'w', 'W'},           {KEY_E, 'e', 'E'},
    {KEY_R, 'r', 'R'},          {KEY_T, 't', 'T'},           {KEY_Y, 'y', 'Y'},
    {KEY_U, 'u', 'U'},          {KEY_I, 'i', 'I'},           {KEY_O, 'o', 'O'},
    {KEY_P, 'p', 'P'},          {KEY_LEFTBRACE, '[', '{'},   {KEY_RIGHTBRACE, ']', '}'},
    {KEY_A, 'a', 'A'},          {KEY_S, 's', 'S'},           {KEY_D, 'd', 'D'},
    {KEY_F, 'f', 'F'},          {KEY_G, 'g', 'G'},           {KEY_H, 'h', 'H'},
    {KEY_J, 'j', 'J'},          {KEY_K, 'k', 'K'},           {KEY_L, 'l', 'L'},
    {KEY_SEMICOLON, ';', ':'},  {KEY_APOSTROPHE, '\'', '"'}, {KEY_GRAVE, '`', '~'},
    {KEY_BACKSLASH, '\\', '|'}, {KEY_Z, 'z', 'Z'},           {KEY_X, 'x', 'X'},
    {KEY_C, 'c', 'C'},          {KEY_V, 'v', 'V'},           {KEY_B, 'b', 'B'},
    {KEY_N, 'n', 'N'},          {KEY_M, 'm', 'M'},           {KEY_COMMA, ',', '<'},
    {KEY_DOT, '.', '>'},        {KEY_SLASH, '/', '?'},       {KEY_SPACE, ' ', ' '},
    {KEY_KP0, '0', '0'},        {KEY_KP1, '1', '1'},         {KEY_KP2, '2', '2'},
    {KEY_KP3, '3', '3'},        {KEY_KP4, '4', '4'},         {KEY_KP5, '5', '5'},
    {KEY_KP6, '6', '6'},        {KEY_KP7, '7', '7'},         {KEY_KP8, '8', '8'},
    {KEY_KP9, '9', '9'},        {KEY_KPMINUS, '-', '-'},     {KEY_KPPLUS, '+', '+'},
    {KEY_KPDOT, '.', '.'},      {KEY_KPASTERISK, '*', '*'},  {KEY_KPSLASH, '/', '/'},
};

const KeyChars* find_key(std::uint16_t code) {
  for (const auto& k : kKeys) {
    if (k.code == code) return &k;
  }
  return nullptr;
}

bool is_modifier(std::uint16_t code) {
  switch (code) {
    case KEY_LEFTSHIFT:
    case KEY_RIGHTSHIFT:
    case KEY_LEFTCTRL:
    case KEY_RIGHTCTRL:
    case KEY_LEFTALT:
    case KEY_RIGHTALT:
    case KEY_LEFTMETA:
    case KEY_RIGHTMETA:
    case KEY_CAPSLOCK:
    case KEY_NUMLOCK:
      return true;
    default:
      return false;
  }
}

void wipe(std::string& s) {
  std::fill(s.begin(), s.end(), '\0');
  s.clear();
}

hal::DeviceError os_error(int err, std::string_view what) {
  std::string m = std::string(what) + ": " + std::strerror(err);
  switch (err) {
    case ENOENT:
    case ENODEV:
    case ENXIO:
    case EIO:
      return hal::make_error(CompletionCode::deviceNotReady, "disconnected", std::move(m));
    case EACCES:
    case EPERM:
      return hal::make_error(CompletionCode::deviceNotReady, "permission", std::move(m));
    case EBUSY:
      return hal::make_error(CompletionCode::deviceNotReady, "busy", std::move(m));
    default:
      return hal::make_error(CompletionCode::hardwareError, "io", std::move(m));
  }
}

hal::DeviceError gone() {
  return hal::make_error(CompletionCode::deviceNotReady, "disconnected",
                         "keyboard scanner vanished");
}

hal::DeviceError not_open() {
  return hal::make_error(CompletionCode::deviceNotReady, "not_open", "scanner not opened");
}

}  // namespace

// ---- KeyboardLineDecoder ----

std::optional<hal::Result<std::string>> KeyboardLineDecoder::feed(std::uint16_t type,
                                                                  std::uint16_t code,
                                                                  std::int32_t value) {
  if (type != EV_KEY) return std::nullopt;
  if (code == KEY_LEFTSHIFT || code == KEY_RIGHTSHIFT) {
    (code == KEY_LEFTSHIFT ? shift_left_ : shift_right_) = value != 0;
    return std::nullopt;
  }
  if (value != 1) return std::nullopt;  // releases and auto-repeats
  if (code == KEY_ENTER || code == KEY_KPENTER) {
    hal::Result<std::string> out = std::string{};
    if (bad_key_) {
      out = hal::make_error(CompletionCode::invalidData, "unknown_key",
                            "a key with no character in the scanned line");
    } else if (oversized_) {
      out = hal::make_error(CompletionCode::invalidData, "oversized", "scanned line too long");
    } else {
      out = line_;
    }
    wipe(line_);
    bad_key_ = oversized_ = false;
    return out;
  }
  if (is_modifier(code)) return std::nullopt;
  const KeyChars* k = find_key(code);
  if (k == nullptr) {
    bad_key_ = true;
    return std::nullopt;
  }
  if (line_.size() >= kMaxScannedLine) {
    oversized_ = true;
    return std::nullopt;
  }
  line_.push_back((shift_left_ || shift_right_) ? k->shifted : k->plain);
  return std::nullopt;
}

void KeyboardLineDecoder::reset() {
  wipe(line_);
  shift_left_ = shift_right_ = bad_key_ = oversized_ = false;
}

// ---- EvdevPaymentScanner ----

EvdevPaymentScanner::EvdevPaymentScanner(std::string path, std::string device_id)
    : DriverBase(std::move(device_id),
                 {hal::stat::kSuccessfulCommandCount, hal::stat::kFailedCommandCount,
                  hal::stat::kCommunicationErrorCount, "CodesReadCount", "InvalidCodesCount"}),
      path_(std::move(path)),
      cancel_fd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
  auto lock = lock_state();
  locked_status(lock) = scanner_status(state_, {});
}

EvdevPaymentScanner::~EvdevPaymentScanner() {
  close();
  stop_worker();  // before the cancel eventfd its commands wait on goes
  if (cancel_fd_ >= 0) ::close(cancel_fd_);
}

hal::DeviceInfo EvdevPaymentScanner::info() const {
  auto lock = lock_state();
  return hal::DeviceInfo{device_id(), name_.empty() ? "HID keyboard payment-code scanner" : name_,
                         "evdev:" + path_, "", ""};
}

hal::Status EvdevPaymentScanner::open_node() {
  close_node();
  const int fd = ::open(path_.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return os_error(errno, "open " + path_);
  char name[256] = {};
  if (::ioctl(fd, EVIOCGNAME(sizeof name - 1), name) < 0) {
    const int err = errno;
    ::close(fd);
    if (err == ENOTTY || err == EINVAL) {
      return hal::make_error(CompletionCode::hardwareError, "not_input_device",
                             path_ + " is no evdev input device");
    }
    return os_error(err, "EVIOCGNAME");
  }
  // Exclusive: while we hold the grab no one else (X, Wayland, the console) sees the keys.
  if (::ioctl(fd, EVIOCGRAB, 1) < 0) {
    const int err = errno;
    ::close(fd);
    return os_error(err, "EVIOCGRAB");
  }
  fd_ = fd;
  partial_.clear();
  decoder_.reset();
  auto lock = lock_state();
  name_ = name;
  return hal::Done{};
}

void EvdevPaymentScanner::close_node() {
  if (fd_ < 0) return;
  (void)::ioctl(fd_, EVIOCGRAB, 0);
  ::close(fd_);
  fd_ = -1;
  partial_.clear();
  decoder_.reset();
}

hal::Status EvdevPaymentScanner::open() {
  return run_blocking<hal::Done>([this](hal::CancelToken&) -> hal::Status {
    if (auto s = open_node(); !s) {
      set_link_state(LinkState::closed, s.error().message);
      return s;
    }
    set_link_state(LinkState::ready);
    return hal::Done{};
  });
}

void EvdevPaymentScanner::close() {
  cancel_all();
  (void)run_blocking<hal::Done>([this](hal::CancelToken&) -> hal::Status {
    close_node();
    set_link_state(LinkState::closed);
    return hal::Done{};
  });
}

hal::Result<hal::DeviceStatus> EvdevPaymentScanner::health_check() {
  auto r = run_blocking<hal::Done>([this](hal::CancelToken&) -> hal::Status {
    if (link_state() == LinkState::closed) return not_open();
    if (auto s = reconnect_if_needed(); !s) return s;
    // Still there? An evdev node of a vanished device fails every ioctl with ENODEV.
    int version = 0;
    if (::ioctl(fd_, EVIOCGVERSION, &version) < 0 && errno != ENOTTY && errno != EINVAL) {
      auto e = os_error(errno, "EVIOCGVERSION");
      note_link_error(e);
      return e;
    }
    return hal::Done{};
  });
  if (!r) return r.error();
  return status();
}

hal::RequestId EvdevPaymentScanner::read_code(int timeout_ms,
                                              hal::Completion<hal::PaymentCode> done) {
  return submit<hal::PaymentCode>(
      [this, timeout_ms](hal::CancelToken& token) { return run_read(timeout_ms, token); },
      [this, done = std::move(done)](hal::RequestId id, hal::Result<hal::PaymentCode> r) {
        count(r.ok() ? hal::stat::kSuccessfulCommandCount : hal::stat::kFailedCommandCount);
        if (r.ok()) {
          count("CodesReadCount");
          emit(hal::EventKind::paymentCodeRead, std::string(hal::to_string(r.value().wallet)));
        }
        done(id, std::move(r));
      });
}

hal::Status EvdevPaymentScanner::reconnect_if_needed() {
  if (link_state() != LinkState::disconnected && fd_ >= 0) return hal::Done{};
  if (auto s = open_node(); !s) return s;
  const bool was_gone = link_state() == LinkState::disconnected;
  set_link_state(LinkState::ready);
  if (was_gone) emit(hal::EventKind::deviceArrived, "reconnected");
  return hal::Done{};
}

hal::Status EvdevPaymentScanner::read_events(milliseconds timeout,
                                             std::vector<std::array<std::int32_t, 3>>& events) {
  pollfd fds[2] = {{fd_, POLLIN, 0}, {cancel_fd_, POLLIN, 0}};
  const int n = ::poll(fds, 2, static_cast<int>(std::max<milliseconds::rep>(timeout.count(), 0)));
  if (n < 0) {
    if (errno == EINTR) return hal::Done{};
    return os_error(errno, "poll");
  }
  if (fds[1].revents != 0) {
    return hal::make_error(CompletionCode::canceled, "canceled", "read canceled");
  }
  if (n == 0) return hal::Done{};
  if ((fds[0].revents & POLLNVAL) != 0) return gone();
  std::array<std::uint8_t, 64 * sizeof(input_event)> buf{};
  const ssize_t got = ::read(fd_, buf.data(), buf.size());
  if (got == 0) return gone();  // end of file: the node was hung up
  if (got < 0) {
    if (errno == EAGAIN || errno == EINTR) {
      if ((fds[0].revents & (POLLHUP | POLLERR)) != 0) return gone();
      return hal::Done{};
    }
    return os_error(errno, "read");
  }
  partial_.insert(partial_.end(), buf.begin(), buf.begin() + got);
  std::fill(buf.begin(), buf.end(), 0);
  std::size_t used = 0;
  while (partial_.size() - used >= sizeof(input_event)) {
    input_event ev{};
    std::memcpy(&ev, partial_.data() + used, sizeof ev);
    used += sizeof ev;
    events.push_back({ev.type, ev.code, ev.value});
  }
  std::fill(partial_.begin(), partial_.begin() + static_cast<std::ptrdiff_t>(used), 0);
  partial_.erase(partial_.begin(), partial_.begin() + static_cast<std::ptrdiff_t>(used));
  return hal::Done{};
}

void EvdevPaymentScanner::drain() {
  std::vector<std::array<std::int32_t, 3>> stale;
  for (int i = 0; i < 64; ++i) {
    stale.clear();
    auto s = read_events(milliseconds(0), stale);
    if (!s || stale.empty()) break;
  }
  partial_.clear();
  decoder_.reset();
}

hal::Result<hal::PaymentCode> EvdevPaymentScanner::run_read(int timeout_ms,
                                                            hal::CancelToken& token) {
  if (link_state() == LinkState::closed) return not_open();
  {
    std::uint64_t drained = 0;
    [[maybe_unused]] const ssize_t n = ::read(cancel_fd_, &drained, sizeof drained);
  }
  token.on_cancel([this] {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(cancel_fd_, &one, sizeof one);
  });
  auto result = [&]() -> hal::Result<hal::PaymentCode> {
    if (auto s = reconnect_if_needed(); !s) {
      note_link_error(s.error());
      return s.error();
    }
    drain();  // codes typed before this command are not ours
    set_link_state(LinkState::scanning);
    const auto deadline = steady_clock::now() + milliseconds(std::max(timeout_ms, 0));
    std::vector<std::array<std::int32_t, 3>> events;
    for (;;) {
      const auto left = std::chrono::ceil<milliseconds>(deadline - steady_clock::now());
      if (left.count() <= 0) {
        return hal::make_error(CompletionCode::timeout, "no_code", "no payment code scanned");
      }
      events.clear();
      if (auto s = read_events(left, events); !s) {
        note_link_error(s.error());
        return s.error();
      }
      for (const auto& e : events) {
        auto line =
            decoder_.feed(static_cast<std::uint16_t>(e[0]), static_cast<std::uint16_t>(e[1]), e[2]);
        if (!line) continue;
        if (line->ok()) {
          auto code = classify_payment_code(line->value());
          wipe(line->value());
          if (code.ok()) {
            decoder_.reset();
            return code;
          }
        }
        count("InvalidCodesCount");  // no payment code, or unknown keys: keep waiting
      }
    }
  }();
  token.on_cancel({});
  if (link_state() == LinkState::scanning) set_link_state(LinkState::ready);
  return result;
}

void EvdevPaymentScanner::note_link_error(const hal::DeviceError& error) {
  if (error.code == CompletionCode::canceled || error.code == CompletionCode::timeout) return;
  count(hal::stat::kCommunicationErrorCount);
  if (error.reason != "disconnected") return;
  close_node();
  if (link_state() != LinkState::disconnected) {
    set_link_state(LinkState::disconnected, "scanner disconnected");
    emit(hal::EventKind::deviceRemoved, "disconnected");
  }
}

EvdevPaymentScanner::LinkState EvdevPaymentScanner::link_state() const {
  auto lock = lock_state();
  return state_;
}

void EvdevPaymentScanner::set_link_state(LinkState state, std::string message) {
  bool changed = false;
  {
    auto lock = lock_state();
    changed = state_ != state;
    state_ = state;
    locked_status(lock) = scanner_status(state, std::move(message));
  }
  // Not publish_state(): this driver's statusChanged has always carried an empty detail.
  if (changed) emit(hal::EventKind::statusChanged, "");
}

}  // namespace kiosk::drivers
