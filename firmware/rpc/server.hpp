#pragma once
// The local API server: JSON-RPC 2.0 over a Unix stream socket, one JSON message per line.
//
// Threads: one I/O thread (accept, read, write; never blocks on a client) and one worker
// thread per connection that runs that connection's requests in order. Handlers therefore run
// on a worker thread, may block that one client only, and must be thread-safe against each
// other (several clients call at once). notify() may be called from any thread, handlers
// included. A client whose queued output exceeds max_send_queue_bytes (it stopped reading) is
// disconnected; nobody else waits for it.
//
// Central checks, before any handler runs:
//  * unknown method                         -> -32601 reason "method_not_found"
//  * simulation_only while simulation off   -> -32601 reason "simulation_only"
//  * maintenance without a valid params.token -> -32001 reason "maintenance_required"
//    (params must be an object; "token" is removed before the handler sees params and is
//    passed in CallContext instead).
// A handler that throws answers -32603 "internal_error"; the exception text is not sent.
//
// Built-in methods: "events.subscribe" / "events.unsubscribe" (this connection receives /
// stops receiving notify() broadcasts; result {"subscribed": bool}) and "api.version"
// (result {"version": kApiVersion}; add_method may replace it).
#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "firmware/rpc/errors.hpp"
#include "firmware/rpc/message.hpp"
#include "firmware/rpc/result.hpp"
#include "firmware/rpc/unix_socket.hpp"

namespace kiosk::rpc {

struct CallContext {
  std::uint64_t connection_id = 0;
  PeerCredentials peer;
  bool notification = false;  // the caller expects no response
  std::string token;          // maintenance methods: the validated token
  std::string actor;          // maintenance methods: whom the validator says the token belongs to
};

using HandlerResult = Expected<nlohmann::json, RpcError>;
// params is an object or an array ({} when the request had none).
using Handler = std::function<HandlerResult(const nlohmann::json& params, const CallContext&)>;

struct MethodOptions {
  bool maintenance = false;      // needs params.token accepted by the TokenValidator
  bool simulation_only = false;  // exists only while the server is in simulation mode
};

// Returns the actor (technician) a token belongs to, or nullopt when it is unknown or expired.
// Called on worker threads, concurrently: it must be thread-safe.
using TokenValidator = std::function<std::optional<std::string>(const std::string& token)>;

struct ServerOptions {
  std::filesystem::path path;  // e.g. /run/kioskd/kioskd.sock
  mode_t mode = 0660;
  bool simulation = false;
  TokenValidator validate_token{};  // null: every maintenance method is refused
  std::size_t max_message_bytes = kMaxMessageBytes;
  std::size_t max_send_queue_bytes = 4 * kMaxMessageBytes;
  std::size_t max_connections = 32;
  std::size_t max_pending_requests = 16;  // per connection; reading pauses beyond it
};

enum class ServerErrc { already_running, listen_failed, thread_failed };
struct ServerError {
  ServerErrc code;
  std::string message;
};

class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();  // stop()
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Registers (or replaces) a method. Safe before and after start().
  void add_method(const std::string& name, Handler handler, MethodOptions options = {});

  // Binds the socket and starts the I/O thread. Fails if the path is held by a live server.
  Expected<Done, ServerError> start();

  // Closes the listening socket and every connection, waits for running handlers to return,
  // joins all threads and removes the socket file. Idempotent; pending responses are dropped.
  // Must not be called from a handler (it waits for the handlers to return).
  void stop();

  // Sends {"jsonrpc":"2.0","method":method,"params":params} to every subscribed connection.
  // Never blocks on a client.
  void notify(const std::string& method, const nlohmann::json& params);

  void set_simulation(bool enabled);
  bool simulation() const;

  std::size_t connection_count() const;
  std::size_t subscriber_count() const;
  const std::filesystem::path& path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk::rpc
