#include "firmware/rpc/errors.hpp"

#include <utility>

#include "protocol/enum_names.hpp"

namespace kiosk::rpc {

std::string RpcError::reason() const {
  if (data.is_object()) {
    auto it = data.find("reason");
    if (it != data.end() && it->is_string()) return it->get<std::string>();
  }
  return "";
}

nlohmann::json RpcError::to_json() const {
  nlohmann::json j = {{"code", code}, {"message", message}};
  if (!data.is_null()) j["data"] = data;
  return j;
}

RpcError make_error(int code, std::string reason, std::string message, nlohmann::json extra) {
  nlohmann::json data = nlohmann::json::object();
  if (extra.is_object()) data = std::move(extra);
  data["reason"] = std::move(reason);
  return RpcError{code, std::move(message), std::move(data)};
}

RpcError application_error(std::string reason, std::string message, int code,
                           nlohmann::json extra) {
  if (code < codes::application_first || code > codes::application_last) {
    code = codes::application_error;
  }
  return make_error(code, std::move(reason), std::move(message), std::move(extra));
}

RpcError invalid_params(std::string message) {
  return make_error(codes::invalid_params, reasons::invalid_params, std::move(message));
}

constexpr auto kClientErrcNames = KIOSK_ENUM_NAMES(ClientErrc, unreachable, disconnected, timeout,
                                                   too_large, invalid_response, remote);

const char* to_string(ClientErrc code) {
  return protocol::name_of(kClientErrcNames, code).data();
}

std::string ClientError::reason() const {
  if (code == ClientErrc::remote) return remote.reason();
  return to_string(code);
}

}  // namespace kiosk::rpc
