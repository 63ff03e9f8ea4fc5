#include "central/pki/errors.hpp"

#include "protocol/enum_names.hpp"

namespace kiosk::central::pki {

constexpr auto kErrcNames =
    KIOSK_ENUM_NAMES(Errc, openssl, bad_pem, bad_csr, unsupported_key, bad_signature, bad_encoding,
                     invalid_argument, not_issued_by, io);

std::string_view to_string(Errc code) {
  return protocol::name_of(kErrcNames, code);
}

PkiError from_protocol(const protocol::Error& e) {
  switch (e.code) {
    case protocol::Errc::bad_pem:
      return make_error(Errc::bad_pem, e.message);
    case protocol::Errc::unsupported_key:
      return make_error(Errc::unsupported_key, e.message);
    case protocol::Errc::bad_signature:
      return make_error(Errc::bad_signature, e.message);
    case protocol::Errc::invalid_base64:
    case protocol::Errc::invalid_hex:
      return make_error(Errc::bad_encoding, e.message);
    case protocol::Errc::not_issued_by:
      return make_error(Errc::not_issued_by, e.message);
    case protocol::Errc::io:
      return make_error(Errc::io, e.message);
    case protocol::Errc::invalid_argument:
      return make_error(Errc::invalid_argument, e.message);
    default:
      return make_error(Errc::openssl, e.message);
  }
}

}  // namespace kiosk::central::pki
