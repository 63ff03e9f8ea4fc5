#pragma once
// The canonical JSON encoding every signature in the central office covers:
// UTF-8; objects with keys sorted by their UTF-8 bytes; no insignificant whitespace;
// numbers are integers only (floating point is refused: it has no single spelling);
// strings escaped as JSON requires with non-ASCII characters kept as UTF-8 (no \u escapes
// except control characters, written \u00XX lower-case, and \b \f \n \r \t \" \\).
// This is what nlohmann::json::dump() prints for such documents.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "central/pki/errors.hpp"

namespace kiosk::central::pki {

// Errors: invalid_argument (a floating-point number or invalid UTF-8 anywhere in `value`).
Result<std::string> canonical_json(const nlohmann::json& value);

}  // namespace kiosk::central::pki
