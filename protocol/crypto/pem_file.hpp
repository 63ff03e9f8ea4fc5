#pragma once
// Reading the PEM files a kiosk or the office keeps on disk (certificates, keys).

#include <filesystem>
#include <string>

#include "protocol/crypto/keys.hpp"

namespace kiosk::protocol {

// At most 1 MiB. Errors: io (missing, unreadable or too large).
Result<std::string> read_text_file(const std::filesystem::path& path);
// Errors: io, bad_pem.
Result<Certificate> read_certificate(const std::filesystem::path& path);
// Errors: io, bad_pem, unsupported_key.
Result<PrivateKey> read_private_key(const std::filesystem::path& path);

}  // namespace kiosk::protocol
