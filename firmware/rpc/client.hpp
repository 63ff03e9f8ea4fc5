#pragma once
// The local API client: one connection to kioskd's socket.
//
// Threads: call() may be used from any number of threads at once (each call waits for its own
// response). A reader thread owned by the client receives responses and notifications;
// notifications are handed to the notification handler on a second, dedicated thread in
// arrival order, so a handler may itself call() without deadlocking. All errors are
// ClientError values; nothing throws.
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "firmware/rpc/errors.hpp"
#include "firmware/rpc/message.hpp"
#include "firmware/rpc/result.hpp"

namespace kiosk::rpc {

inline constexpr std::chrono::milliseconds kDefaultCallTimeout{10000};

struct ClientOptions {
  std::size_t max_message_bytes = kMaxMessageBytes;
};

using NotificationHandler =
    std::function<void(const std::string& method, const nlohmann::json& params)>;

class Client {
 public:
  // Connects to the socket; ClientErrc::unreachable when nobody listens there.
  static Expected<std::unique_ptr<Client>, ClientError> connect(const std::filesystem::path& path,
                                                                ClientOptions options = {});
  ~Client();  // close()
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Sends a request and waits for its response: the result, or a ClientError (remote for a
  // JSON-RPC error answer, timeout, disconnected, too_large, invalid_response). A response that
  // arrives after its call timed out is discarded.
  Expected<nlohmann::json, ClientError> call(
      const std::string& method, nlohmann::json params = nlohmann::json::object(),
      std::chrono::milliseconds timeout = kDefaultCallTimeout);

  // Sends a JSON-RPC notification (no id, no response).
  Expected<Done, ClientError> send_notification(const std::string& method,
                                                nlohmann::json params = nlohmann::json::object());

  // Replaces the handler of server notifications (null to ignore them).
  void set_notification_handler(NotificationHandler handler);

  // False once the connection closed (by either side, or after an invalid message).
  bool connected() const;

  // Closes the connection, fails pending calls with `disconnected`, joins the threads.
  // Must not be called from the notification handler.
  void close();

 private:
  Client();
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

// A client that connects on first use and again after the connection is lost. It never
// resends a call on its own: a call cut off by a disconnect returns `disconnected` (kioskd may
// or may not have run it) and the next call reconnects. `on_connect` runs after each new
// connection (e.g. to call events.subscribe again); its failure fails the triggering call.
class ReconnectingClient {
 public:
  using OnConnect = std::function<Expected<Done, ClientError>(Client&)>;
  explicit ReconnectingClient(std::filesystem::path path, ClientOptions options = {},
                              OnConnect on_connect = {});

  Expected<nlohmann::json, ClientError> call(
      const std::string& method, nlohmann::json params = nlohmann::json::object(),
      std::chrono::milliseconds timeout = kDefaultCallTimeout);
  void set_notification_handler(NotificationHandler handler);

  // Tries to connect until it succeeds or `deadline` passes, sleeping `retry_interval`
  // between attempts (for a client started before kioskd is ready).
  Expected<Done, ClientError> wait_connected(
      std::chrono::steady_clock::time_point deadline,
      std::chrono::milliseconds retry_interval = std::chrono::milliseconds(100));
  void close();

 private:
  Expected<std::shared_ptr<Client>, ClientError> ensure_connected();

  std::filesystem::path path_;
  ClientOptions options_;
  OnConnect on_connect_;
  std::mutex mu_;
  NotificationHandler handler_;
  std::shared_ptr<Client> client_;  // shared: a call in flight keeps its connection alive
};

}  // namespace kiosk::rpc
