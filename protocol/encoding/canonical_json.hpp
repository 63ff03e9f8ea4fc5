#pragma once
// The canonical JSON encoding every office signature covers (configuration documents,
// issuance authorisations; the wire record uses the same rules, protocol/wire/record.hpp):
// UTF-8; objects with keys sorted by their UTF-8 bytes; no insignificant whitespace;
// numbers are integers only (floating point is refused: it has no single spelling);
// strings escaped as JSON requires with non-ASCII characters kept as UTF-8 (no \u escapes
// except control characters, written \u00XX lower-case, and \b \f \n \r \t \" \\).
// This is what nlohmann::json::dump() prints for such documents.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "protocol/error.hpp"

namespace kiosk::protocol {

// Errors: invalid_argument (a floating-point number or invalid UTF-8 anywhere in `value`).
Result<std::string> canonical_json(const nlohmann::json& value);

}  // namespace kiosk::protocol
