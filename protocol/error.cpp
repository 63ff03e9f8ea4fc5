#include "protocol/error.hpp"

#include "protocol/enum_names.hpp"

namespace kiosk::protocol {

constexpr auto kErrcNames =
    KIOSK_ENUM_NAMES(Errc, malformed_json, invalid_record, invalid_batch, invalid_document,
                     bad_date, bad_id_number, bad_file_number, unknown_value, too_large,
                     invalid_base64, invalid_hex, bad_pem, unsupported_key, bad_signature,
                     not_issued_by, invalid_image, bad_image, invalid_argument, io, codec, crypto);

std::string_view to_string(Errc code) {
  return protocol::name_of(kErrcNames, code);
}

}  // namespace kiosk::protocol
