#include "central/registry/errors.hpp"

#include "protocol/enum_names.hpp"

namespace kiosk::central::registry {

constexpr auto kErrcNames =
    KIOSK_ENUM_NAMES(Errc, bad_json, bad_date, bad_id_number, bad_file_number, unknown_value,
                     not_eligible, mismatch, signature);

std::string_view to_string(Errc code) {
  return protocol::name_of(kErrcNames, code);
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
