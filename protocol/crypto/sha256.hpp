#pragma once
// SHA-256 as the protocol uses it: the record chain, idempotency fingerprints, the audit log.
#include <string>
#include <string_view>

namespace kiosk::protocol {

// The raw 32-byte digest.
std::string sha256(std::string_view data);
// Its lower-case hex form (64 characters).
std::string sha256_hex(std::string_view data);

}  // namespace kiosk::protocol
