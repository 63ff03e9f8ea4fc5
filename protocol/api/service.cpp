#include "protocol/api/service.hpp"

namespace kiosk::protocol {

std::string_view to_string(Service service) {
  switch (service) {
    case Service::renewal:
      return "renewal";
    case Service::replace_lost:
      return "replace_lost";
    case Service::replace_damaged:
      return "replace_damaged";
    case Service::info_query:
      return "info_query";
  }
  return "unknown";
}

std::optional<Service> service_from_string(std::string_view name) {
  for (const Service s : kAllServices) {
    if (to_string(s) == name) return s;
  }
  return std::nullopt;
}

}  // namespace kiosk::protocol
