#pragma once
// Child processes of the fault campaign: start one (output appended to a log), SIGKILL it,
// notice that it died on its own, and run a command to completion capturing its output.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::campaign {

class Child {
 public:
  Child() = default;
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() { kill(); }

  // Starts argv[0] with argv, stdout and stderr appended to `log`.
  void start(const std::vector<std::string>& argv, const std::filesystem::path& log);
  bool running() const { return pid_ > 0; }
  // SIGKILL and reap. No-op when not running.
  void kill();
  // SIGTERM, then reap; true when it exited 0.
  bool stop();
  // True when the child ended by itself (reaped); `how` says how ("exit 1", "signal 11").
  bool died(std::string& how);

 private:
  pid_t pid_ = -1;
};

struct Output {
  int status = -1;  // exit status (-1: did not exit normally)
  std::string text;
};

// Runs argv to its end (stdout and stderr together).
Output run(const std::vector<std::string>& argv);

}  // namespace kiosk::campaign
