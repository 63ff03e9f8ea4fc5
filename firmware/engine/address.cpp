#include "firmware/engine/address.hpp"

#include <array>
#include <optional>

#include <nlohmann/json.hpp>

#include "protocol/enum_names.hpp"

namespace kiosk::engine {
namespace {

Error problem(AddressProblem p, std::string message) {
  return make_error(Errc::invalid_argument, std::string(to_string(p)), std::move(message));
}

// Well-formed UTF-8 without C0/C1 control characters or DEL.
bool printable_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    const bool overlong =
        (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    if (cp >= 0x80 && cp <= 0x9F) return false;  // C1 controls
    i += len;
  }
  return true;
}

bool blank(std::string_view s) {
  return s.find_first_not_of(" \t") == std::string_view::npos;
}

bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

Result<std::string> plain_address(std::string_view value) {
  if (blank(value)) return problem(AddressProblem::incomplete, "address: empty");
  if (value.size() > kAddressMaxBytes)
    return problem(AddressProblem::too_long, "address: longer than 300 bytes");
  if (!printable_utf8(value))
    return problem(AddressProblem::invalid, "address: not UTF-8 or a control character");
  return std::string(value);
}

Result<std::string> structured_address(std::string_view value) {
  const auto j = nlohmann::json::parse(value, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return problem(AddressProblem::invalid, "address: not a JSON object");
  struct Part {
    const char* name;
    bool number;  // digits only
    bool required;
    std::string text;
  };
  std::array<Part, 8> parts{{{"province", false, true, {}},
                             {"city", false, true, {}},
                             {"district", false, true, {}},
                             {"street", false, true, {}},
                             {"house", true, true, {}},
                             {"building", true, false, {}},
                             {"unit", true, false, {}},
                             {"room", true, false, {}}}};
  for (auto& p : parts) {
    const auto it = j.find(p.name);
    if (it == j.end() || it->is_null()) continue;
    if (!it->is_string())
      return problem(AddressProblem::invalid, std::string(p.name) + ": not text");
    p.text = it->get<std::string>();
    if (blank(p.text)) {
      p.text.clear();
      continue;
    }
    if (p.number ? !digits(p.text) : !printable_utf8(p.text))
      return problem(AddressProblem::invalid,
                     std::string(p.name) + (p.number ? ": digits only" : ": control character"));
  }
  for (const auto& p : parts)
    if (p.required && p.text.empty())
      return problem(AddressProblem::incomplete, std::string(p.name) + ": missing");
  const auto& [province, city, district, street, house, building, unit, room] = parts;
  std::string text = province.text;
  if (city.text != province.text) text += city.text;  // 北京市北京市 is 北京市
  text += district.text + street.text + house.text + "号";
  if (!building.text.empty()) text += building.text + "号楼";
  if (!unit.text.empty()) text += unit.text + "单元";
  if (!room.text.empty()) text += room.text + "室";
  if (text.size() > kAddressMaxBytes)
    return problem(AddressProblem::too_long, "address: longer than 300 bytes");
  return text;
}

}  // namespace

constexpr protocol::EnumNames<AddressProblem, 3> kAddressProblemNames{
    {{AddressProblem::incomplete, "address_incomplete"},
     {AddressProblem::too_long, "address_too_long"},
     {AddressProblem::invalid, "address_invalid"}}};

std::string_view to_string(AddressProblem p) {
  return protocol::name_of(kAddressProblemNames, p, "address_invalid");
}

Result<std::string> address_from_value(std::string_view value) {
  const auto first = value.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && value[first] == '{') return structured_address(value);
  return plain_address(value);
}

}  // namespace kiosk::engine
