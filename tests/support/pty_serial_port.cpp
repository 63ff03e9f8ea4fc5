// The pty behind PtySerialPort. One thread owns the I/O on the master: it moves host bytes
// (read from the master) into the link and the device's bytes (popped from the link) out
// through the master, and it is the only one that closes the fds, so nothing closes an fd
// another thread still polls. unplug() asks it to hang up and waits.
#include "tests/support/pty_serial_port.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace kiosk::testing {
namespace {

using namespace std::chrono_literals;

constexpr int kSliceMs = 5;

}  // namespace

struct PtySerialPort::Impl {
  std::shared_ptr<drivers::EmulatedLink> link;
  std::string symlink_path;

  mutable std::mutex m;
  std::condition_variable cv;
  int master = -1;
  int slave = -1;  // held open so the master never sees a hang-up between driver opens
  std::string slave_name;
  bool hangup_requested = false;
  bool stopping = false;
  std::atomic<std::uint64_t> from_host{0};
  std::atomic<std::uint64_t> to_host{0};
  std::thread thread;

  // Caller holds m; master < 0.
  void open_pty() {
    int mfd = -1;
    int sfd = -1;
    char name[256] = {};
    if (::openpty(&mfd, &sfd, name, nullptr, nullptr) != 0) {
      throw std::runtime_error(std::string("openpty: ") + std::strerror(errno));
    }
    // Raw on both ends until the driver configures its side: no echo (the device must not
    // hear its own bytes), no CR/LF translation, no signals.
    termios tio{};
    if (::tcgetattr(sfd, &tio) == 0) {
      ::cfmakeraw(&tio);
      ::tcsetattr(sfd, TCSANOW, &tio);
    }
    ::fcntl(mfd, F_SETFL, ::fcntl(mfd, F_GETFL) | O_NONBLOCK);
    ::fcntl(mfd, F_SETFD, FD_CLOEXEC);
    ::fcntl(sfd, F_SETFD, FD_CLOEXEC);
    master = mfd;
    slave = sfd;
    slave_name = name;
    if (!symlink_path.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(std::filesystem::path(symlink_path).parent_path(), ec);
      ::unlink(symlink_path.c_str());
      if (::symlink(slave_name.c_str(), symlink_path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        close_pty();
        throw std::runtime_error("symlink " + symlink_path + ": " + why);
      }
    }
  }

  // Caller holds m. The symlink goes first: a driver that reopens finds nothing.
  void close_pty() {
    if (!symlink_path.empty()) ::unlink(symlink_path.c_str());
    if (slave >= 0) ::close(slave);
    if (master >= 0) ::close(master);
    master = slave = -1;
    slave_name.clear();
  }

  // Writes every byte to the master unless a hang-up or stop comes first.
  void write_all(int fd, const std::vector<std::uint8_t>& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      {
        std::lock_guard lock(m);
        if (stopping || hangup_requested) return;
      }
      const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n > 0) {
        done += static_cast<std::size_t>(n);
        to_host += static_cast<std::uint64_t>(n);
        continue;
      }
      if (n < 0 && errno != EAGAIN && errno != EINTR) return;
      pollfd p{fd, POLLOUT, 0};
      ::poll(&p, 1, kSliceMs);
    }
  }

  void loop() {
    std::vector<std::uint8_t> buf(4096);
    for (;;) {
      int fd = -1;
      {
        std::unique_lock lock(m);
        if (stopping) return;
        if (hangup_requested) {
          close_pty();
          hangup_requested = false;
          cv.notify_all();
        }
        fd = master;
      }
      if (fd < 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(kSliceMs));
        continue;
      }
      bool link_lost = false;
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, kSliceMs) > 0 && (p.revents & POLLIN) != 0) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n > 0) {
          from_host += static_cast<std::uint64_t>(n);
          if (!link->host_to_device.push(std::span(buf.data(), static_cast<std::size_t>(n))).ok())
            link_lost = true;
        }
      }
      auto out = link->device_to_host.pop(4096, 0ms);
      if (out.ok()) {
        write_all(fd, out.value());
      } else if (out.error().reason == "disconnected") {
        link_lost = true;
      }
      if (link_lost) {
        // The device behind the port went away: the port hangs up, as a USB-serial node
        // disappears with its device.
        std::lock_guard lock(m);
        if (master == fd) close_pty();
        hangup_requested = false;  // done, whoever asked
        cv.notify_all();
      }
    }
  }
};

PtySerialPort::PtySerialPort(std::shared_ptr<drivers::EmulatedLink> link, std::string symlink_path)
    : impl_(std::make_unique<Impl>()) {
  impl_->link = std::move(link);
  impl_->symlink_path = std::move(symlink_path);
  {
    std::lock_guard lock(impl_->m);
    impl_->open_pty();
  }
  impl_->thread = std::thread([impl = impl_.get()] { impl->loop(); });
}

PtySerialPort::~PtySerialPort() {
  {
    std::lock_guard lock(impl_->m);
    impl_->stopping = true;
  }
  impl_->thread.join();
  std::lock_guard lock(impl_->m);
  impl_->close_pty();
}

std::string PtySerialPort::path() const {
  if (!impl_->symlink_path.empty()) return impl_->symlink_path;
  return slave_path();
}

std::string PtySerialPort::slave_path() const {
  std::lock_guard lock(impl_->m);
  return impl_->slave_name;
}

void PtySerialPort::unplug() {
  std::unique_lock lock(impl_->m);
  if (impl_->master < 0) return;
  impl_->hangup_requested = true;
  impl_->cv.wait(lock, [&] { return impl_->master < 0; });
}

void PtySerialPort::replug() {
  std::lock_guard lock(impl_->m);
  if (impl_->master >= 0) return;
  impl_->hangup_requested = false;
  impl_->open_pty();
}

bool PtySerialPort::plugged() const {
  std::lock_guard lock(impl_->m);
  return impl_->master >= 0;
}

unsigned int PtySerialPort::slave_cflag() const {
  std::lock_guard lock(impl_->m);
  if (impl_->slave < 0) return 0;
  termios tio{};
  if (::tcgetattr(impl_->slave, &tio) != 0) return 0;
  return static_cast<unsigned int>(tio.c_cflag);
}

std::uint64_t PtySerialPort::bytes_from_host() const {
  return impl_->from_host.load();
}

std::uint64_t PtySerialPort::bytes_to_host() const {
  return impl_->to_host.load();
}

}  // namespace kiosk::testing
