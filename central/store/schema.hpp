#pragma once
// Versioned schema migrations (internal). SQLite: PRAGMA user_version inside BEGIN IMMEDIATE.
// PostgreSQL: a schema_version table under an advisory transaction lock. Both refuse a database
// whose version is newer than this build knows, and roll back a failed migration.
#include "central/store/sql.hpp"

namespace kiosk::central::store::sql {

int latest_version();
// Brings the database to latest_version(); returns it. Throws StoreError.
int migrate(Connection& connection);

}  // namespace kiosk::central::store::sql
