#pragma once
// What /proc says of a process (kioskd as a child): its CPU time, its memory, its open file
// descriptors and threads, for the numbers of bench/ and kiosk-emulated-kernel.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kiosk::testing {

// User + system CPU time so far, in milliseconds (/proc/<pid>/stat fields 14 and 15).
inline double cpu_ms(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
  std::string text;
  std::getline(f, text);               // stat is one line
  const auto close = text.rfind(')');  // the command name may hold spaces
  if (close == std::string::npos || close + 2 > text.size()) return 0;
  std::istringstream rest(text.substr(close + 2));
  std::string field;
  long long utime = 0, stime = 0;
  for (int i = 3; rest >> field; ++i) {
    if (i == 14) utime = std::stoll(field);
    if (i == 15) {
      stime = std::stoll(field);
      break;
    }
  }
  return 1000.0 * static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

// A memory line of /proc/<pid>/status ("VmRSS", "VmHWM"), in MiB; 0 if absent.
inline double memory_mib(pid_t pid, const std::string& key) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(f, line);)
    if (line.rfind(key + ":", 0) == 0) return std::stod(line.substr(key.size() + 1)) / 1024.0;
  return 0;
}

// Open file descriptors (entries of /proc/<pid>/fd); -1 if the process is gone.
inline int open_fds(pid_t pid) {
  std::error_code ec;
  std::filesystem::directory_iterator it("/proc/" + std::to_string(pid) + "/fd", ec);
  if (ec) return -1;
  int n = 0;
  for (; it != std::filesystem::directory_iterator(); it.increment(ec)) ++n;
  return n;
}

// The "Threads" line of /proc/<pid>/status; 0 if absent.
inline int thread_count(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(f, line);)
    if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
  return 0;
}

}  // namespace kiosk::testing
