#pragma once
// The local API's pure codec: NDJSON lines <-> JSON-RPC 2.0 messages. No I/O; every function
// accepts any bytes and answers with a typed result, never an exception or a crash.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "firmware/rpc/errors.hpp"
#include "firmware/rpc/result.hpp"

namespace kiosk::rpc {

inline constexpr int kApiVersion = 1;
inline constexpr std::size_t kMaxMessageBytes = std::size_t{1} << 20;  // per line, newline excluded
inline constexpr std::size_t kMaxBatchSize = 128;
inline constexpr int kMaxNestingDepth = 64;

struct Request {
  std::string method;
  nlohmann::json params = nlohmann::json::object();  // object or array; {} when absent
  std::optional<nlohmann::json> id;                  // absent: a notification (no response)
};

// One element of an incoming message: a valid request, or the error response it earned
// (sent with `error_id`, which is null when the id could not be read).
struct IncomingItem {
  std::optional<Request> request;
  std::optional<RpcError> error;
  nlohmann::json error_id = nullptr;
};

struct IncomingMessage {
  bool batch = false;  // the responses go back as one array
  std::vector<IncomingItem> items;
};

// Parses one line from a client (without its newline). A parse error, a non-object/array
// message or an empty batch yields a single error item with batch == false.
IncomingMessage parse_incoming(std::string_view line);

// Response and notification objects, and their wire form (compact JSON + '\n'). Invalid UTF-8
// in strings is replaced, so encoding never throws.
nlohmann::json make_result_response(const nlohmann::json& id, nlohmann::json result);
nlohmann::json make_error_response(const nlohmann::json& id, const RpcError& error);
nlohmann::json make_request(const std::string& method, nlohmann::json params,
                            std::optional<nlohmann::json> id);
std::string encode_line(const nlohmann::json& message);

// What a client reads from the server.
struct Response {
  nlohmann::json id;
  std::optional<nlohmann::json> result;  // exactly one of result / error
  std::optional<RpcError> error;
};
struct Notification {
  std::string method;
  nlohmann::json params = nlohmann::json::object();
};
struct ServerMessage {
  std::optional<Response> response;  // exactly one of response / notification
  std::optional<Notification> notification;
};

// Parses one line from the server; the error message says what was wrong (no payload echoed).
Expected<ServerMessage, std::string> parse_server_message(std::string_view line);

}  // namespace kiosk::rpc
