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

}  // namespace kiosk::central::pki
