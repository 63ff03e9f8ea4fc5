#pragma once
// The names of an enumeration's values as one table: the text that logs, JSON, the journal and
// the local API carry. A layer writes its table once and derives to_string and the parsing
// from it, instead of a switch one way and a loop or a second switch the other. Standard
// library only: hal/ includes it (docs/architecture.md).
//
// Where every name is the enumerator's own spelling, list the enumerators once and the names
// are taken from their spelling (as BOOST_DESCRIBE_ENUM does):
//
//   constexpr auto kWalletNames = KIOSK_ENUM_NAMES(Wallet, wechat, alipay, unionpay);
//   std::string_view to_string(Wallet w) { return protocol::name_of(kWalletNames, w); }
//
// Where a name differs from the spelling, write the pairs:
//
//   constexpr std::array<protocol::EnumName<Problem>, 2> kProblemNames{
//       {{Problem::too_long, "address_too_long"}, {Problem::invalid, "address_invalid"}}};
//
// Every name ends in a NUL, so name_of(...).data() serves callers that hand out a const char*.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace kiosk::protocol {

template <typename E>
struct EnumName {
  E value{};
  std::string_view name;
};

template <typename E, std::size_t N>
using EnumNames = std::array<EnumName<E>, N>;

// The name of `value` in `names`, or `otherwise` when the table does not list it (a value
// cast from an out-of-range integer).
template <typename E, std::size_t N>
constexpr std::string_view name_of(const EnumNames<E, N>& names, E value,
                                   std::string_view otherwise = "unknown") {
  for (const auto& entry : names) {
    if (entry.value == value) return entry.name;
  }
  return otherwise;
}

// The value named `name` in `names`, or nullopt.
template <typename E, std::size_t N>
constexpr std::optional<E> value_of(const EnumNames<E, N>& names, std::string_view name) {
  for (const auto& entry : names) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

namespace detail {

// A string literal as a template argument.
template <std::size_t L>
struct Spelling {
  char text[L]{};
  consteval Spelling(const char (&s)[L]) {  // NOLINT(google-explicit-constructor)
    for (std::size_t i = 0; i < L; ++i) text[i] = s[i];
  }
};

// The spelling "a, b, c" with every comma and space turned into a NUL: each name points into
// this static buffer and ends in a NUL.
template <Spelling S>
inline constexpr auto kSeparated = [] {
  std::array<char, sizeof(S.text)> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    const char c = S.text[i];
    out[i] = c == ',' || c == ' ' ? '\0' : c;
  }
  return out;
}();

// Pairs `values` with the names spelled in S, in order. Evaluated by the compiler only: a
// count that does not match fails the build.
template <Spelling S, typename E, std::size_t N>
consteval EnumNames<E, N> spelled_names(const std::array<E, N>& values) {
  const auto& text = kSeparated<S>;
  EnumNames<E, N> out{};
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (text[pos] == '\0') continue;
    std::size_t end = pos;
    while (text[end] != '\0') ++end;  // the literal's own NUL ends the last name
    if (count == N) throw "KIOSK_ENUM_NAMES: more names than values";
    out[count] = {values[count], std::string_view(text.data() + pos, end - pos)};
    ++count;
    pos = end;
  }
  if (count != N) throw "KIOSK_ENUM_NAMES: fewer names than values";
  return out;
}

}  // namespace detail
}  // namespace kiosk::protocol

// The EnumNames of enumeration `E` for the listed enumerators, each named by its spelling.
#define KIOSK_ENUM_NAMES(E, ...)                              \
  ::kiosk::protocol::detail::spelled_names<#__VA_ARGS__>([] { \
    using enum E;                                             \
    return std::array{__VA_ARGS__};                           \
  }())
