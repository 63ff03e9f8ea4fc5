#include "central/pki/errors.hpp"

namespace kiosk::central::pki {

std::string_view to_string(Errc code) {
  switch (code) {
    case Errc::openssl:
      return "openssl";
    case Errc::bad_pem:
      return "bad_pem";
    case Errc::bad_csr:
      return "bad_csr";
    case Errc::unsupported_key:
      return "unsupported_key";
    case Errc::bad_signature:
      return "bad_signature";
    case Errc::bad_encoding:
      return "bad_encoding";
    case Errc::invalid_argument:
      return "invalid_argument";
    case Errc::not_issued_by:
      return "not_issued_by";
    case Errc::io:
      return "io";
  }
  return "unknown";
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
