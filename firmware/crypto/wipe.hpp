#pragma once
// Wiping secrets and personal data from memory with a store the compiler may not elide
// (OPENSSL_cleanse).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::crypto {

void secure_wipe(void* data, std::size_t size);

// Overwrites the whole capacity's used part, then clears the string.
void secure_wipe(std::string& s);
void secure_wipe(std::vector<std::uint8_t>& v);

template <std::size_t N>
void secure_wipe(std::array<std::uint8_t, N>& a) {
  secure_wipe(a.data(), a.size());
}

}  // namespace kiosk::crypto
