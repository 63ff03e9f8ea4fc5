#pragma once
// Thin POSIX helpers for the local API's Unix stream sockets. Every function reports failure
// as a message (errno text, never payload) and leaves no descriptor open on failure.
#include <sys/types.h>

#include <filesystem>
#include <string>

#include "firmware/rpc/result.hpp"

namespace kiosk::rpc {

struct PeerCredentials {
  pid_t pid = -1;
  uid_t uid = static_cast<uid_t>(-1);
  gid_t gid = static_cast<gid_t>(-1);
};

// Creates the parent directory, removes a stale socket file (one nobody accepts on; a live
// one is an error, as is a non-socket file at `path`), binds, sets `mode` and listens.
// The returned descriptor is non-blocking and close-on-exec.
Expected<int, std::string> listen_unix(const std::filesystem::path& path, mode_t mode);

// Connects a blocking, close-on-exec stream socket to `path`.
Expected<int, std::string> connect_unix(const std::filesystem::path& path);

// SO_PEERCRED of a connected socket (all -1 when the kernel cannot say).
PeerCredentials peer_credentials(int fd);

bool set_nonblocking(int fd);

}  // namespace kiosk::rpc
