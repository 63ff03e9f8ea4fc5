#pragma once
// The engine's closed error type and its small Result (the Expected pattern of
// central/wire/expected.hpp). Ports report failures with it; messages never carry personal data.

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace kiosk::engine {

enum class Errc {
  // central (CentralPort): the first three mean "we do not know / could not ask"
  unreachable,
  timeout,
  circuit_open,
  rejected,  // central answered no: `reason` carries its api code, `http_status` its status
  // journal (JournalPort)
  disk_full,
  stock_empty,
  storage,
  not_found,
  // engine
  invalid_state,  // no session, wrong screen, action not allowed here
  invalid_argument,
  out_of_service,
  central_unavailable,
  busy,          // a session is already running
  unauthorised,  // maintenance: bad credential or token
  locked_out,    // maintenance: too many failures
  device,        // a device command failed
};

std::string_view to_string(Errc code);

struct Error {
  Errc code = Errc::storage;
  std::string reason;   // short machine-readable cause ("payment_declined", "not_found")
  std::string message;  // for the operator
  int http_status = 0;  // rejected only
};

inline Error make_error(Errc code, std::string reason, std::string message = {}) {
  return Error{code, std::move(reason), std::move(message), 0};
}

// True for central errors after which the outcome of a state-changing call is unknown or the
// call did not happen: retry with the same idempotency key, or query.
inline bool is_transient(const Error& e) {
  return e.code == Errc::unreachable || e.code == Errc::timeout || e.code == Errc::circuit_open;
}

struct Done {};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
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
  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

}  // namespace kiosk::engine
