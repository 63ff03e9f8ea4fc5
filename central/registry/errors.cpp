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

RegistryError from_protocol(const protocol::Error& e) {
  switch (e.code) {
    case protocol::Errc::bad_date:
      return make_error(Errc::bad_date, e.message);
    case protocol::Errc::bad_id_number:
      return make_error(Errc::bad_id_number, e.message);
    case protocol::Errc::bad_file_number:
      return make_error(Errc::bad_file_number, e.message);
    case protocol::Errc::unknown_value:
      return make_error(Errc::unknown_value, e.message);
    case protocol::Errc::bad_signature:
    case protocol::Errc::unsupported_key:
    case protocol::Errc::invalid_base64:
    case protocol::Errc::crypto:
      return make_error(Errc::signature, e.message);
    default:
      return make_error(Errc::bad_json, e.message);
  }
}

}  // namespace kiosk::central::registry
