#include "protocol/documents/id_number.hpp"

#include <array>

#include "protocol/documents/date.hpp"

namespace kiosk::protocol {

namespace {
constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheck = "10X98765432";

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}
}  // namespace

std::optional<char> id_check_character(std::string_view first17) {
  if (first17.size() != 17 || !all_digits(first17)) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheck[static_cast<std::size_t>(sum % 11)];
}

std::string complete_id_number(std::string_view first17) {
  auto check = id_check_character(first17);
  if (!check) return {};
  return std::string(first17) + *check;
}

bool is_valid_id_number(std::string_view id) {
  if (id.size() != 18) return false;
  auto check = id_check_character(id.substr(0, 17));
  if (!check || *check != id[17]) return false;
  // Resident numbers carry the birth date at 6..13; the 2023 foreigner format at 6..13 too
  // ('9' + 2-digit province + 3-digit nationality code = 6 characters).
  const std::string birth = std::string(id.substr(6, 4)) + "-" + std::string(id.substr(10, 2)) +
                            "-" + std::string(id.substr(12, 2));
  return parse_date(birth).ok();
}

}  // namespace kiosk::protocol
