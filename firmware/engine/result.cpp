#include "firmware/engine/result.hpp"

#include "protocol/enum_names.hpp"

namespace kiosk::engine {

constexpr auto kErrcNames =
    KIOSK_ENUM_NAMES(Errc, unreachable, timeout, circuit_open, rejected, disk_full, stock_empty,
                     storage, not_found, invalid_state, invalid_argument, out_of_service,
                     central_unavailable, busy, unauthorised, locked_out, device);

std::string_view to_string(Errc code) {
  return protocol::name_of(kErrcNames, code);
}

}  // namespace kiosk::engine
