// The process side of kioskctl's Environment: environment variables and a password prompt
// on the controlling terminal with echo off.
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "firmware/kioskctl/kioskctl.hpp"

namespace kiosk::kioskctl {
namespace {

std::optional<std::string> getenv_string(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr) return std::nullopt;
  return std::string(v);
}

std::optional<std::string> prompt_without_echo(const std::string& prompt) {
  int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  termios saved{};
  if (::tcgetattr(fd, &saved) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  quiet.c_lflag |= ECHONL;
  [[maybe_unused]] auto w = ::write(fd, prompt.data(), prompt.size());
  ::tcsetattr(fd, TCSAFLUSH, &quiet);
  std::string line;
  char c;
  while (::read(fd, &c, 1) == 1 && c != '\n') line.push_back(c);
  ::tcsetattr(fd, TCSAFLUSH, &saved);
  ::close(fd);
  return line;
}

}  // namespace

Environment Environment::from_process() {
  Environment env;
  env.kioskd_socket = getenv_string("KIOSKD_SOCKET");
  env.xdg_runtime_dir = getenv_string("XDG_RUNTIME_DIR");
  env.home = getenv_string("HOME");
  env.in = &std::cin;
  env.read_password = prompt_without_echo;
  return env;
}

}  // namespace kiosk::kioskctl
