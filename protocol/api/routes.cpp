#include "protocol/api/routes.hpp"

#include <algorithm>

namespace kiosk::protocol::routes {
namespace {

bool is_alnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string payment(std::string_view order_id, std::string_view action) {
  std::string path(kPayments);
  path += '/';
  path += order_id;
  if (!action.empty()) {
    path += '/';
    path += action;
  }
  return path;
}

bool valid_idempotency_key(std::string_view key) {
  return !key.empty() && key.size() <= 128 && std::all_of(key.begin(), key.end(), [](char c) {
    return is_alnum(c) || c == '.' || c == '_' || c == ':' || c == '-';
  });
}

bool valid_object_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return is_alnum(c) || c == '_' || c == '-';
  });
}

}  // namespace kiosk::protocol::routes
