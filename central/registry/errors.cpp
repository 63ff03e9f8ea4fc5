#include "central/registry/errors.hpp"

namespace kiosk::central::registry {

std::string_view to_string(Errc code) {
  switch (code) {
    case Errc::bad_json:
      return "bad_json";
    case Errc::bad_date:
      return "bad_date";
    case Errc::bad_id_number:
      return "bad_id_number";
    case Errc::bad_file_number:
      return "bad_file_number";
    case Errc::unknown_value:
      return "unknown_value";
    case Errc::not_eligible:
      return "not_eligible";
    case Errc::mismatch:
      return "mismatch";
    case Errc::signature:
      return "signature";
  }
  return "unknown";
}

}  // namespace kiosk::central::registry
