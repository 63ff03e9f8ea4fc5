#pragma once
// A value or a typed error, shared by the central domain libraries (pki, registry, face,
// payment, config). Each library pairs it with its own closed error type, e.g.
// `pki::Result<T> = Expected<T, pki::PkiError>`. Header-only (target kiosk_central_expected):
// C++20 has no std::expected.

#include <cassert>
#include <utility>
#include <variant>

namespace kiosk::central {

// The value of an operation that returns nothing but can fail.
struct Done {};

template <typename T, typename E>
class [[nodiscard]] Expected {
 public:
  Expected(T value)
      : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Expected(E error)
      : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const E& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, E> v_;
};

}  // namespace kiosk::central
