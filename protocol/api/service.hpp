#pragma once
// The kiosk services: what a citizen starts at the kiosk and what the office decides on,
// prices and enables. One enum for both sides; the names are the wire spelling.
#include <array>
#include <optional>
#include <string_view>

namespace kiosk::protocol {

enum class Service { renewal, replace_lost, replace_damaged, info_query };

inline constexpr std::array<Service, 4> kAllServices{Service::renewal, Service::replace_lost,
                                                     Service::replace_damaged, Service::info_query};

std::string_view to_string(Service service);
// nullopt for any other spelling.
std::optional<Service> service_from_string(std::string_view name);

}  // namespace kiosk::protocol
