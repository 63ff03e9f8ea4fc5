#pragma once
// The local API's error vocabulary. Every JSON-RPC error kioskd sends carries
// data {"reason": "<snake_case>"} so programs branch on the reason, never on the message text.
// Messages never hold personal data.
#include <string>

#include <nlohmann/json.hpp>

namespace kiosk::rpc {

// JSON-RPC 2.0 error codes. -32000..-32099 are ours (application errors).
namespace codes {
inline constexpr int parse_error = -32700;
inline constexpr int invalid_request = -32600;
inline constexpr int method_not_found = -32601;
inline constexpr int invalid_params = -32602;
inline constexpr int internal_error = -32603;
inline constexpr int application_error = -32000;     // the operation failed; data.reason says why
inline constexpr int maintenance_required = -32001;  // token missing, unknown or expired
inline constexpr int refused = -32002;               // not allowed in the kiosk's current state
inline constexpr int device_failed = -32003;         // a device failed or is offline
inline constexpr int application_first = -32099;
inline constexpr int application_last = -32000;
}  // namespace codes

// Reasons the rpc library itself produces (handlers add their own, documented in
// docs/local-api.md).
namespace reasons {
inline constexpr const char* parse_error = "parse_error";
inline constexpr const char* invalid_request = "invalid_request";
inline constexpr const char* message_too_large = "message_too_large";
inline constexpr const char* batch_too_large = "batch_too_large";
inline constexpr const char* method_not_found = "method_not_found";
inline constexpr const char* simulation_only = "simulation_only";
inline constexpr const char* invalid_params = "invalid_params";
inline constexpr const char* internal_error = "internal_error";
inline constexpr const char* maintenance_required = "maintenance_required";
}  // namespace reasons

// A JSON-RPC error object: what a handler returns to fail a call and what a client receives.
struct RpcError {
  int code = codes::internal_error;
  std::string message;
  nlohmann::json data = nullptr;  // an object with at least "reason" when sent by kioskd

  // data.reason, or "" when absent.
  std::string reason() const;
  nlohmann::json to_json() const;
};

// An error with data {"reason": reason} (plus the members of `extra`, an object or null).
RpcError make_error(int code, std::string reason, std::string message,
                    nlohmann::json extra = nullptr);
// An application error (-32000 unless `code` is another value in -32099..-32000).
RpcError application_error(std::string reason, std::string message,
                           int code = codes::application_error, nlohmann::json extra = nullptr);
// -32602 with reason "invalid_params"; `message` names the offending parameter.
RpcError invalid_params(std::string message);

// Failures of the client side of the local API.
enum class ClientErrc {
  unreachable,       // cannot connect to the socket (kioskd not running, no permission)
  disconnected,      // the connection closed before the answer arrived
  timeout,           // no answer within the call's timeout
  too_large,         // a message over the size limit, in either direction
  invalid_response,  // the server's bytes are not a JSON-RPC 2.0 response
  remote,            // the server answered with a JSON-RPC error: see `remote`
};

const char* to_string(ClientErrc code);

struct ClientError {
  ClientErrc code = ClientErrc::disconnected;
  std::string message;
  RpcError remote;  // meaningful when code == remote

  // remote.reason() for remote errors, else to_string(code).
  std::string reason() const;
};

}  // namespace kiosk::rpc
