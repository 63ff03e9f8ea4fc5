// The local API's NDJSON lines (firmware/rpc/message.hpp): what kioskd reads from a client
// (parse_incoming) and what kioskctl and the UI read from kioskd (parse_server_message).
//
// Checks:
//  * parse_incoming always answers: at least one item, each exactly a request or an error with
//    a JSON-RPC code and a reason; a batch holds at most kMaxBatchSize items;
//  * every answer kioskd would send for it (encode_line) is one line: a single '\n', at the
//    end, whatever the request held (invalid UTF-8 included), and parses back as a response
//    with the same id;
//  * a request re-encoded by make_request parses to the same method, params and id;
//  * parse_server_message yields exactly one of response / notification, a response exactly
//    one of result / error.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "firmware/rpc/message.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using kiosk::fuzz::require;
using nlohmann::json;
namespace rpc = kiosk::rpc;

// The line as sent, then read back by a client; returns the parsed response.
rpc::Response send_and_read(const json& message) {
  const std::string line = rpc::encode_line(message);
  require(!line.empty() && line.find('\n') == line.size() - 1, "an encoded line is not one line");
  auto back = rpc::parse_server_message(std::string_view(line).substr(0, line.size() - 1));
  require(back.ok() && back.value().response.has_value(), "an encoded response does not parse");
  return *back.value().response;
}

void incoming(std::string_view line) {
  const rpc::IncomingMessage message = rpc::parse_incoming(line);
  require(!message.items.empty(), "parse_incoming returned nothing");
  require(message.items.size() <= rpc::kMaxBatchSize, "batch over the limit");
  for (const auto& item : message.items) {
    require(item.request.has_value() != item.error.has_value(), "item is not request xor error");
    if (item.error) {
      require(!item.error->reason().empty(), "an error without a reason");
      require(item.error->code <= -32000 && item.error->code >= -32768, "error code range");
      const auto r = send_and_read(rpc::make_error_response(item.error_id, *item.error));
      require(r.error.has_value() && !r.result.has_value(), "error response read back");
      continue;
    }
    const rpc::Request& req = *item.request;
    require(req.params.is_object() || req.params.is_array(), "params not structured");
    if (req.id) {
      const auto r = send_and_read(rpc::make_result_response(*req.id, req.params));
      require(r.result.has_value() && !r.error.has_value(), "result response read back");
    }
    const json again = rpc::make_request(req.method, req.params, req.id);
    const std::string encoded = rpc::encode_line(again);
    const auto reparsed =
        rpc::parse_incoming(std::string_view(encoded).substr(0, encoded.size() - 1));
    require(reparsed.items.size() == 1 && reparsed.items[0].request.has_value(),
            "a re-encoded request does not parse");
    const auto& r2 = *reparsed.items[0].request;
    require(r2.method == req.method && r2.params == req.params && r2.id == req.id,
            "request round trip");
  }
}

void from_server(std::string_view line) {
  auto message = rpc::parse_server_message(line);
  if (!message) return;
  const auto& m = message.value();
  require(m.response.has_value() != m.notification.has_value(), "not response xor notification");
  if (m.response) {
    require(m.response->result.has_value() != m.response->error.has_value(),
            "response not result xor error");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  incoming(line);
  from_server(line);
  return 0;
}
