#pragma once
// The engine's closed error type and its Result (the project's one Expected,
// protocol/expected.hpp). Ports report failures with it; messages never carry personal data.

#include <string>
#include <string_view>
#include <utility>

#include "protocol/expected.hpp"

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

// The project's one Expected (protocol/expected.hpp); the error type above stays the engine's own.
using Done = protocol::Done;
template <typename T>
using Result = protocol::Expected<T, Error>;

}  // namespace kiosk::engine
