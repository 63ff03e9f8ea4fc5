#include "drivers/transport/serial_transport_termios.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace kiosk::drivers {
namespace {

using Clock = std::chrono::steady_clock;

bool baud_constant(int baud, speed_t& out) {
  struct Rate {
    int baud;
    speed_t constant;
  };
  static constexpr Rate kRates[] = {
      {1200, B1200},     {2400, B2400},     {4800, B4800},     {9600, B9600},
      {19200, B19200},   {38400, B38400},   {57600, B57600},   {115200, B115200},
      {230400, B230400}, {460800, B460800}, {921600, B921600},
  };
  for (const auto& r : kRates) {
    if (r.baud == baud) {
      out = r.constant;
      return true;
    }
  }
  return false;
}

hal::DeviceError os_error(int err, const char* what) {
  std::string m = std::string(what) + ": " + std::strerror(err);
  switch (err) {
    case ENOENT:
    case ENODEV:
    case ENXIO:
    case EIO:
    case EPIPE:
      return hal::make_error(hal::CompletionCode::deviceNotReady, "disconnected", std::move(m));
    case EBUSY:
      return hal::make_error(hal::CompletionCode::deviceNotReady, "io", std::move(m));
    case EACCES:
    case EPERM:
      return hal::make_error(hal::CompletionCode::deviceNotReady, "permission", std::move(m));
    default:
      return hal::make_error(hal::CompletionCode::hardwareError, "io", std::move(m));
  }
}

hal::DeviceError canceled() {
  return hal::make_error(hal::CompletionCode::canceled, "canceled", "serial transfer canceled");
}

hal::DeviceError hung_up() {
  return hal::make_error(hal::CompletionCode::deviceNotReady, "disconnected",
                         "serial port hung up");
}

}  // namespace

std::optional<FlowControl> parse_flow_control(std::string_view text) {
  if (text == "none") return FlowControl::none;
  if (text == "rtscts") return FlowControl::rtsCts;
  return std::nullopt;
}

std::string_view to_string(FlowControl flow) {
  return flow == FlowControl::rtsCts ? "rtscts" : "none";
}

SerialTransport::SerialTransport(std::string path, int baud, FlowControl flow)
    : path_(std::move(path)),
      baud_(baud),
      flow_(flow),
      cancel_fd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}

SerialTransport::~SerialTransport() {
  close();
  if (cancel_fd_ >= 0) ::close(cancel_fd_);
}

std::string SerialTransport::describe() const {
  return "serial:" + path_;
}

hal::Status SerialTransport::open() {
  if (fd_ >= 0) return hal::Done{};
  if (cancel_fd_ < 0) return os_error(EMFILE, "eventfd");
  speed_t speed{};
  if (!baud_constant(baud_, speed)) {
    return hal::make_error(hal::CompletionCode::hardwareError, "io",
                           "unsupported baud rate " + std::to_string(baud_));
  }
  const int fd = ::open(path_.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return os_error(errno, "open serial port");
  termios tio{};
  if (::tcgetattr(fd, &tio) != 0) {
    const int err = errno;
    ::close(fd);
    return hal::make_error(hal::CompletionCode::hardwareError, "io",
                           std::string("not a serial port: ") + std::strerror(err));
  }
  ::cfmakeraw(&tio);
  tio.c_cflag &= ~static_cast<tcflag_t>(CSIZE | PARENB | CSTOPB | CRTSCTS);
  tio.c_cflag |= CS8 | CLOCAL | CREAD;
  // RTS/CTS: the UART stops sending while the device drops CTS and drops RTS while our
  // input buffer is full. CLOCAL stays set: the modem lines (DCD) are not ours to wait for.
  if (flow_ == FlowControl::rtsCts) tio.c_cflag |= CRTSCTS;
  tio.c_iflag &= ~static_cast<tcflag_t>(IXON | IXOFF | IXANY);
  tio.c_cc[VMIN] = 0;
  tio.c_cc[VTIME] = 0;
  if (::cfsetispeed(&tio, speed) != 0 || ::cfsetospeed(&tio, speed) != 0 ||
      ::tcsetattr(fd, TCSANOW, &tio) != 0) {
    const int err = errno;
    ::close(fd);
    return os_error(err, "configure serial port");
  }
  ::tcflush(fd, TCIOFLUSH);
  fd_ = fd;
  return hal::Done{};
}

void SerialTransport::close() {
  if (fd_ < 0) return;
  ::close(fd_);
  fd_ = -1;
}

hal::Result<short> SerialTransport::wait(short events, milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (true) {
    pollfd fds[2] = {{fd_, events, 0}, {cancel_fd_, POLLIN, 0}};
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
    const int ms = static_cast<int>(std::clamp<milliseconds::rep>(left.count(), 0, 1 << 30));
    const int r = ::poll(fds, 2, ms);
    if (r < 0) {
      if (errno == EINTR) continue;
      return os_error(errno, "poll serial port");
    }
    if (fds[1].revents != 0) return canceled();
    if (r == 0) {
      return hal::make_error(hal::CompletionCode::timeout, "timeout",
                             "serial port: no data in time");
    }
    return fds[0].revents;
  }
}

hal::Status SerialTransport::write(std::span<const std::uint8_t> data, milliseconds timeout) {
  if (fd_ < 0)
    return hal::make_error(hal::CompletionCode::deviceNotReady, "not_open", "transport not open");
  const auto deadline = Clock::now() + timeout;
  std::size_t done = 0;
  while (done < data.size()) {
    auto w = wait(POLLOUT, std::chrono::duration_cast<milliseconds>(deadline - Clock::now()));
    if (!w.ok()) return w.error();
    if ((w.value() & (POLLHUP | POLLERR | POLLNVAL)) != 0 && (w.value() & POLLOUT) == 0)
      return hung_up();
    const ssize_t n = ::write(fd_, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EAGAIN || errno == EINTR) continue;
      return os_error(errno, "write serial port");
    }
    done += static_cast<std::size_t>(n);
  }
  return hal::Done{};
}

hal::Result<Bytes> SerialTransport::read(std::size_t max_bytes, milliseconds timeout) {
  if (fd_ < 0)
    return hal::make_error(hal::CompletionCode::deviceNotReady, "not_open", "transport not open");
  const auto deadline = Clock::now() + timeout;
  Bytes buffer(std::max<std::size_t>(1, max_bytes));
  while (true) {
    auto w = wait(POLLIN, std::chrono::duration_cast<milliseconds>(deadline - Clock::now()));
    if (!w.ok()) return w.error();
    const short revents = w.value();
    if ((revents & POLLNVAL) != 0) return hung_up();
    const ssize_t n = ::read(fd_, buffer.data(), buffer.size());
    if (n > 0) {
      buffer.resize(static_cast<std::size_t>(n));
      return buffer;
    }
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
      // End of file or EIO on a tty: the other side hung up.
      if (n < 0 && errno != EIO) return os_error(errno, "read serial port");
      return hung_up();
    }
    if ((revents & (POLLHUP | POLLERR)) != 0) return hung_up();
  }
}

void SerialTransport::cancel() {
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(cancel_fd_, &one, sizeof one);
}

void SerialTransport::clear_cancel() {
  std::uint64_t value = 0;
  [[maybe_unused]] const ssize_t n = ::read(cancel_fd_, &value, sizeof value);
}

void SerialTransport::flush_input() {
  if (fd_ >= 0) ::tcflush(fd_, TCIFLUSH);
}

}  // namespace kiosk::drivers
