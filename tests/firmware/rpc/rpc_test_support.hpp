#pragma once
// Test helpers for the local API: a temporary socket directory, a raw NDJSON connection that
// speaks bytes (to send what a real client never would), and a bounded wait on a condition.
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace kiosk::rpc::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path socket() const { return path_ / "k.sock"; }

 private:
  std::filesystem::path path_;
};

class RawConnection {
 public:
  explicit RawConnection(const std::filesystem::path& socket);
  ~RawConnection();
  bool ok() const { return fd_ >= 0; }
  bool send(const std::string& bytes);
  // The next line (without '\n'), or nullopt on EOF / error / 5 s without a full line.
  std::optional<std::string> read_line();
  // True when the server closed the connection (after any remaining lines are read away).
  bool wait_closed();
  void shutdown_write();
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
  std::string buf_;
};

// Polls `done` until it is true or 10 s pass; returns its last value.
bool eventually(const std::function<bool()>& done);

}  // namespace kiosk::rpc::test
