#include "firmware/engine/result.hpp"

namespace kiosk::engine {

std::string_view to_string(Errc code) {
  switch (code) {
    case Errc::unreachable:
      return "unreachable";
    case Errc::timeout:
      return "timeout";
    case Errc::circuit_open:
      return "circuit_open";
    case Errc::rejected:
      return "rejected";
    case Errc::disk_full:
      return "disk_full";
    case Errc::stock_empty:
      return "stock_empty";
    case Errc::storage:
      return "storage";
    case Errc::not_found:
      return "not_found";
    case Errc::invalid_state:
      return "invalid_state";
    case Errc::invalid_argument:
      return "invalid_argument";
    case Errc::out_of_service:
      return "out_of_service";
    case Errc::central_unavailable:
      return "central_unavailable";
    case Errc::busy:
      return "busy";
    case Errc::unauthorised:
      return "unauthorised";
    case Errc::locked_out:
      return "locked_out";
    case Errc::device:
      return "device";
  }
  return "unknown";
}

}  // namespace kiosk::engine
