#pragma once
// The data key file: exactly 32 raw random bytes, mode 0600, owned by the kiosk user.
#include <filesystem>

#include "firmware/crypto/aead.hpp"

namespace kiosk::crypto {

// Reads the key. Errors: key_file (missing/unreadable), insecure_permissions (any group or
// other permission bit set: a key others can read is treated as leaked), bad_key (not 32 bytes).
Result<DataKey> load_key(const std::filesystem::path& path);

// Loads the key, or when the file does not exist creates it atomically (O_CREAT|O_EXCL, 0600,
// fsync of file and directory) with 32 fresh random bytes. Same errors as load_key.
Result<DataKey> load_or_create_key(const std::filesystem::path& path);

}  // namespace kiosk::crypto
