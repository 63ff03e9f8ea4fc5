#pragma once
// The one result type of the project: a value or a typed error, at every edge (devices,
// engine, journal, sync, local API, the office's domain libraries). C++20 has no
// std::expected. Each layer pairs it with its own closed error type (STYLE rule 5), e.g.
// `hal::Result<T> = Expected<T, hal::DeviceError>`. Standard library only: hal/ includes it.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace kiosk::protocol {

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

// The common shape of a layer's error: the layer's own closed code enum and a message for
// the operator (never personal data). Layers whose errors carry more (a device's reason, an
// HTTP status) keep their own struct with these two members first.
template <typename Code>
struct CodedError {
  Code code{};
  std::string message;
};

}  // namespace kiosk::protocol
