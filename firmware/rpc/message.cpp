#include "firmware/rpc/message.hpp"

#include <utility>

#include "protocol/encoding/json_depth.hpp"

namespace kiosk::rpc {
namespace {

using nlohmann::json;

bool valid_id(const json& id) {
  return id.is_string() || id.is_number() || id.is_null();
}

IncomingItem error_item(const json& id, RpcError error) {
  IncomingItem item;
  item.error = std::move(error);
  item.error_id = id;
  return item;
}

IncomingItem parse_one(const json& message) {
  if (!message.is_object()) {
    return error_item(nullptr, make_error(codes::invalid_request, reasons::invalid_request,
                                          "a request must be a JSON object"));
  }
  json id = nullptr;
  auto id_it = message.find("id");
  const bool has_id = id_it != message.end();
  if (has_id && valid_id(*id_it)) id = *id_it;
  auto invalid = [&](const char* what) {
    return error_item(id, make_error(codes::invalid_request, reasons::invalid_request, what));
  };
  if (has_id && !valid_id(*id_it)) return invalid("id must be a string, a number or null");
  auto version = message.find("jsonrpc");
  if (version == message.end() || !version->is_string() || *version != "2.0") {
    return invalid("jsonrpc must be \"2.0\"");
  }
  auto method = message.find("method");
  if (method == message.end() || !method->is_string()) {
    return invalid("method must be a string");
  }
  auto params = message.find("params");
  if (params != message.end() && !params->is_object() && !params->is_array()) {
    return invalid("params must be an object or an array");
  }
  for (const auto& member : message.items()) {
    const auto& key = member.key();
    if (key != "jsonrpc" && key != "method" && key != "params" && key != "id") {
      return invalid("unknown member in request");
    }
  }
  Request request;
  request.method = method->get<std::string>();
  if (params != message.end()) request.params = *params;
  if (has_id) request.id = id;
  IncomingItem item;
  item.request = std::move(request);
  return item;
}

// Recursive parsing of hostile input is bounded before it starts.
bool too_deep(std::string_view line) {
  constexpr auto kLimit = static_cast<std::size_t>(kMaxNestingDepth);
  return protocol::json_nesting_depth(line, kLimit) > kLimit;
}

IncomingMessage single(IncomingItem item) {
  IncomingMessage m;
  m.items.push_back(std::move(item));
  return m;
}

}  // namespace

IncomingMessage parse_incoming(std::string_view line) {
  if (line.size() > kMaxMessageBytes) {
    return single(error_item(nullptr, make_error(codes::invalid_request, reasons::message_too_large,
                                                 "message exceeds 1 MiB")));
  }
  // nlohmann's parser stops at a NUL as at the end of input, so `{"..."}\0garbage` would pass
  // as the JSON before it: a line with a NUL is not JSON text.
  if (line.find('\0') != std::string_view::npos) {
    return single(error_item(
        nullptr, make_error(codes::parse_error, reasons::parse_error, "NUL byte in the message")));
  }
  if (too_deep(line)) {
    return single(error_item(
        nullptr, make_error(codes::parse_error, reasons::parse_error, "nesting too deep")));
  }
  json message = json::parse(line.begin(), line.end(), nullptr, false);
  if (message.is_discarded()) {
    return single(
        error_item(nullptr, make_error(codes::parse_error, reasons::parse_error, "invalid JSON")));
  }
  if (!message.is_array()) return single(parse_one(message));
  if (message.empty()) {
    return single(error_item(
        nullptr, make_error(codes::invalid_request, reasons::invalid_request, "empty batch")));
  }
  if (message.size() > kMaxBatchSize) {
    return single(error_item(nullptr, make_error(codes::invalid_request, reasons::batch_too_large,
                                                 "batch has more than 128 requests")));
  }
  IncomingMessage batch;
  batch.batch = true;
  for (const auto& element : message) batch.items.push_back(parse_one(element));
  return batch;
}

json make_result_response(const json& id, json result) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json make_error_response(const json& id, const RpcError& error) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"error", error.to_json()}};
}

json make_request(const std::string& method, json params, std::optional<json> id) {
  json j = {{"jsonrpc", "2.0"}, {"method", method}};
  if (!params.is_null()) j["params"] = std::move(params);
  if (id) j["id"] = std::move(*id);
  return j;
}

std::string encode_line(const json& message) {
  std::string line = message.dump(-1, ' ', false, json::error_handler_t::replace);
  line.push_back('\n');
  return line;
}

Expected<ServerMessage, std::string> parse_server_message(std::string_view line) {
  if (line.size() > kMaxMessageBytes) return std::string("message exceeds 1 MiB");
  if (too_deep(line)) {
    return std::string("nesting too deep");
  }
  json message = json::parse(line.begin(), line.end(), nullptr, false);
  if (message.is_discarded()) return std::string("invalid JSON");
  if (!message.is_object()) return std::string("not a JSON object");
  auto version = message.find("jsonrpc");
  if (version == message.end() || !version->is_string() || *version != "2.0") {
    return std::string("jsonrpc is not \"2.0\"");
  }
  ServerMessage out;
  auto method = message.find("method");
  auto id = message.find("id");
  if (method != message.end()) {
    if (!method->is_string()) return std::string("method is not a string");
    if (id != message.end()) return std::string("server sent a request, not a notification");
    Notification n;
    n.method = method->get<std::string>();
    auto params = message.find("params");
    if (params != message.end()) {
      if (!params->is_object() && !params->is_array()) {
        return std::string("params is not an object or an array");
      }
      n.params = *params;
    }
    out.notification = std::move(n);
    return out;
  }
  if (id == message.end() || !valid_id(*id)) return std::string("response without a valid id");
  auto result = message.find("result");
  auto error = message.find("error");
  if ((result == message.end()) == (error == message.end())) {
    return std::string("response needs exactly one of result and error");
  }
  Response r;
  r.id = *id;
  if (result != message.end()) {
    r.result = *result;
  } else {
    if (!error->is_object()) return std::string("error is not an object");
    auto code = error->find("code");
    auto text = error->find("message");
    if (code == error->end() || !code->is_number_integer()) {
      return std::string("error.code is not an integer");
    }
    if (text == error->end() || !text->is_string()) {
      return std::string("error.message is not a string");
    }
    RpcError e;
    e.code = code->get<int>();
    e.message = text->get<std::string>();
    auto data = error->find("data");
    if (data != error->end()) e.data = *data;
    r.error = std::move(e);
  }
  out.response = std::move(r);
  return out;
}

}  // namespace kiosk::rpc
