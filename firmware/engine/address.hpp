#pragma once
// The citizen's new address (confirm_details' change_address): kioskd validates it and
// composes the text that is journalled and printed, so no client repeats the rules.
//
// The value is either
//  * a JSON object (a string starting with '{'), the UI's structured address:
//      {"province", "city", "district", "street", "house", "building"?, "unit"?, "room"?}
//    province..street are names (no control characters), house/building/unit/room digits
//    only; other members are ignored. Composed as the Chinese postal form
//    <province><city, unless it repeats the province><district><street><house>号
//    [<building>号楼][<unit>单元][<room>室], e.g. "北京市东城区王府井大街88号3号楼2单元501室";
//  * or a plain text (kioskctl, older clients), taken as it is.
// Either way the result is 1..kAddressMaxBytes bytes of UTF-8 without control characters.

#include <cstddef>
#include <string>
#include <string_view>

#include "firmware/engine/result.hpp"

namespace kiosk::engine {

// Longest address in bytes (UTF-8): what the card layout and the journal accept.
inline constexpr std::size_t kAddressMaxBytes = 300;

enum class AddressProblem {
  incomplete,  // empty, or a required part missing (province, city, district, street, house)
  too_long,    // more than kAddressMaxBytes once composed
  invalid,     // not UTF-8, a control character, a number with other than digits, bad JSON
};
// "address_incomplete", "address_too_long", "address_invalid": the error reason.
std::string_view to_string(AddressProblem problem);

// The address text for `value`. Errors: invalid_argument with reason to_string(problem) and a
// message naming the part (never the address itself: it is personal data).
Result<std::string> address_from_value(std::string_view value);

}  // namespace kiosk::engine
