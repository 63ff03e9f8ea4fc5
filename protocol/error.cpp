#include "protocol/error.hpp"

namespace kiosk::protocol {

std::string_view to_string(Errc code) {
  switch (code) {
    case Errc::malformed_json:
      return "malformed_json";
    case Errc::invalid_record:
      return "invalid_record";
    case Errc::invalid_batch:
      return "invalid_batch";
    case Errc::invalid_document:
      return "invalid_document";
    case Errc::bad_date:
      return "bad_date";
    case Errc::bad_id_number:
      return "bad_id_number";
    case Errc::bad_file_number:
      return "bad_file_number";
    case Errc::unknown_value:
      return "unknown_value";
    case Errc::too_large:
      return "too_large";
    case Errc::invalid_base64:
      return "invalid_base64";
    case Errc::invalid_hex:
      return "invalid_hex";
    case Errc::bad_pem:
      return "bad_pem";
    case Errc::unsupported_key:
      return "unsupported_key";
    case Errc::bad_signature:
      return "bad_signature";
    case Errc::not_issued_by:
      return "not_issued_by";
    case Errc::invalid_image:
      return "invalid_image";
    case Errc::bad_image:
      return "bad_image";
    case Errc::invalid_argument:
      return "invalid_argument";
    case Errc::io:
      return "io";
    case Errc::codec:
      return "codec";
    case Errc::crypto:
      return "crypto";
  }
  return "unknown";
}

}  // namespace kiosk::protocol
