#pragma once
// The journal's closed error type and its Result (the project's one Expected,
// protocol/expected.hpp). Every SQLite result code is mapped to an Errc in one place
// (sqlite.cpp, map_sqlite). Messages name the operation, never personal data.
#include <string>
#include <utility>

#include "protocol/expected.hpp"

namespace kiosk::journal {

enum class Errc {
  disk_full,         // SQLITE_FULL (disk or the max_pages cap): nothing was written
  io,                // SQLITE_IOERR, CANTOPEN, READONLY, PERM, PROTOCOL: the file cannot be used
  corrupt,           // SQLITE_CORRUPT / NOTADB, or a failed integrity check
  busy,              // SQLITE_BUSY / LOCKED after the busy timeout and retries
  newer_schema,      // the file's user_version is newer than this firmware knows
  constraint,        // an invariant enforced in SQL was violated (a bug in the caller)
  not_found,         // unknown transaction, card serial or setting
  invalid_argument,  // bad input: unknown transaction state, float in a payload, bad serials
  already_finished,  // the transaction is finished (or finished with another outcome)
  stock_empty,       // no loaded card left to reserve
  card_state,        // the card is not in a state allowing this (reserved twice, outcome twice)
  bad_key,           // the signing key PEM or the kiosk id is unusable
  kiosk_mismatch,    // the journal file belongs to another kiosk id
  crypto,            // sealing, opening (tampered/wrong key) or signing failed
  internal,          // any other SQLite code (MISUSE, NOMEM, ...) or an unexpected state
};

const char* to_string(Errc code);

using Error = protocol::CodedError<Errc>;

// The project's one Expected (protocol/expected.hpp); the error type above stays this layer's own.
using Done = protocol::Done;
template <class T>
using Result = protocol::Expected<T, Error>;

inline Error make_error(Errc code, std::string message) {
  return Error{code, std::move(message)};
}

}  // namespace kiosk::journal
