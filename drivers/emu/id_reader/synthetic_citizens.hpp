#pragma once
// Synthetic ID cards for the emulator, tests and demos. Every person here is invented: names
// start with 测试 ("test") or TEST, photos and fingerprints are deterministic noise, and ID
// numbers are built from a real-format area code, the birth date and a sequence number, with
// the check character computed. The list and its order never change between runs.

#include <string>
#include <string_view>
#include <vector>

#include "hal/id_reader.hpp"

namespace kiosk::drivers::emu {

struct SyntheticCitizen {
  std::string label;             // what the entry exercises, e.g. "elderly, long-term card"
  hal::IdCard card;              // photo_wlt always 1024 bytes; fingerprint 1024 bytes or empty
  std::string appended_address;  // answered to 30 03; empty: "no content"
};

// At least 12 entries: residents of several ages (one over 70), long addresses, a long-term
// card, an ID number ending in X, and two foreign permanent-residence cards.
const std::vector<SyntheticCitizen>& synthetic_citizens();

// The citizen with this ID (or permanent-residence) number, or nullptr.
const SyntheticCitizen* find_citizen(std::string_view id_number);

// An ID number for `area6` + `birth8` (YYYYMMDD) + `seq3`, with its check character.
std::string make_id_number(std::string_view area6, std::string_view birth8, std::string_view seq3);

// Deterministic opaque bytes standing in for a WLT photo or a fingerprint template.
std::vector<std::uint8_t> synthetic_blob(std::string_view seed, std::size_t size);

}  // namespace kiosk::drivers::emu
