#pragma once
// kioskd as a child process, seen from a test, a benchmark or kiosk-emulated-kernel: start it,
// reach its local API once it answers, read its log, wait for a device to reach a state.
// No Catch2 here: the benchmarks and kiosk-emulated-kernel use it too.
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "firmware/rpc/client.hpp"

namespace kiosk::testing {

// Starts `binary` (kioskd) as a child process on `conf`, its output appended to `log`.
inline pid_t spawn_kioskd(const char* binary, const std::filesystem::path& conf,
                          const std::filesystem::path& log) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
    }
    ::execl(binary, "kioskd", "--config", conf.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

// The local API of a kioskd that was just started, once it answers kiosk.status; polled every
// `step` for up to `limit` (a loaded CI machine starts kioskd far slower than the usual tenth
// of a second). nullptr if it never answers.
inline std::unique_ptr<rpc::Client> connect_when_ready(
    const std::filesystem::path& socket, std::chrono::milliseconds limit = std::chrono::seconds(30),
    std::chrono::microseconds step = std::chrono::milliseconds(1)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  do {
    if (auto c = rpc::Client::connect(socket); c && c.value()->call("kiosk.status"))
      return std::move(c).value();
    std::this_thread::sleep_for(step);
  } while (std::chrono::steady_clock::now() < deadline);
  return nullptr;
}

// A whole text file (kioskd's log, a key), or "" if it cannot be read.
inline std::string file_text(const std::filesystem::path& path) {
  std::ifstream f(path);
  std::ostringstream text;
  text << f.rdbuf();
  return text.str();
}

// One device's entry of devices.list ({} if kioskd does not answer or has no such device).
inline nlohmann::json device_entry(rpc::Client& c, const std::string& id) {
  auto r = c.call("devices.list");
  if (!r) return nlohmann::json::object();
  for (const auto& d : r.value()["devices"])
    if (d.value("id", "") == id) return d;
  return nlohmann::json::object();
}

inline std::string device_state(rpc::Client& c, const std::string& id) {
  return device_entry(c, id).value("state", "?");
}

// Waits up to 10 s until the device's state is (or, `equal` false, is no longer) `state`;
// returns the last state seen.
inline std::string await_device_state(rpc::Client& c, const std::string& id,
                                      const std::string& state, bool equal = true) {
  std::string now;
  for (int i = 0; i < 400; ++i) {
    now = device_state(c, id);
    if ((now == state) == equal) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  return now;
}

}  // namespace kiosk::testing
