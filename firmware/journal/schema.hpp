#pragma once
// The journal schema and its migrations. The version lives in PRAGMA user_version; each
// migration runs in its own BEGIN IMMEDIATE transaction together with the version bump, so a
// failed or interrupted migration leaves the previous version intact.
#include <cstdint>
#include <span>
#include <string_view>

#include "firmware/journal/sqlite.hpp"

namespace kiosk::journal {

// migrations()[i] takes the schema from version i to version i+1.
std::span<const std::string_view> migrations();
inline std::int64_t current_schema_version() {
  return static_cast<std::int64_t>(migrations().size());
}

// Sets the connection pragmas (WAL, synchronous=FULL, foreign keys, secure_delete) and migrates
// to the current version. Errors: newer_schema, corrupt, io, busy, disk_full.
Result<Done> prepare_schema(sql::Db& db);

// Same, with an explicit migration list (tests exercise a failing migration with it).
Result<Done> prepare_schema(sql::Db& db, std::span<const std::string_view> steps);

}  // namespace kiosk::journal
