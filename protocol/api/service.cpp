#include "protocol/api/service.hpp"

#include "protocol/enum_names.hpp"

namespace kiosk::protocol {

constexpr auto kServiceNames =
    KIOSK_ENUM_NAMES(Service, renewal, replace_lost, replace_damaged, info_query);

std::string_view to_string(Service service) {
  return protocol::name_of(kServiceNames, service);
}

std::optional<Service> service_from_string(std::string_view name) {
  return value_of(kServiceNames, name);
}

}  // namespace kiosk::protocol
