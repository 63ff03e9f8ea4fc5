#pragma once
// Resident ID numbers (GB 11643-1999) and the 2023 foreign permanent resident ID number:
// 18 characters, the last a check character computed over the first 17 digits with weights
// 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 indexing "10X98765432".
//   resident:  6-digit area code, 8-digit birth date, 3-digit sequence (odd = male), check.
//   foreigner: '9', 2-digit province of issue, 3-digit nationality code, 8-digit birth date,
//              2-digit sequence, 1 digit (odd = male in our synthetic data), check.

#include <optional>
#include <string>
#include <string_view>

namespace kiosk::protocol {

// The check character for 17 digits; nullopt when `first17` is not 17 ASCII digits.
std::optional<char> id_check_character(std::string_view first17);
// Length, digits, check character ('X' upper case only) and an existing birth date.
bool is_valid_id_number(std::string_view id_number);
// The 17 digits with their check character appended; empty when `first17` is malformed.
std::string complete_id_number(std::string_view first17);

}  // namespace kiosk::protocol
