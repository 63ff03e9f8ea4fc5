#include "central/store/schema.hpp"

#include <string>

namespace kiosk::central::store::sql {
namespace {

// Version 1. {BLOB} and {AUTOID} are the two spellings that differ between the dialects.
constexpr std::string_view kV1 = R"SQL(
CREATE TABLE kiosks (kiosk_id TEXT PRIMARY KEY, status TEXT NOT NULL, cert_serial TEXT NOT NULL,
  enrolled_at BIGINT NOT NULL);
CREATE TABLE revoked_serials (serial TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, revoked_at BIGINT NOT NULL);
CREATE TABLE enrolment_tokens (id {AUTOID}, kiosk_id TEXT NOT NULL, salt TEXT NOT NULL,
  hash TEXT NOT NULL, expires_at BIGINT NOT NULL, used_at BIGINT);
CREATE INDEX enrolment_tokens_kiosk ON enrolment_tokens (kiosk_id);
CREATE TABLE event_heads (kiosk_id TEXT PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE events (kiosk_id TEXT NOT NULL, seq BIGINT NOT NULL, type TEXT NOT NULL,
  occurred_at TEXT NOT NULL, payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,
  signature TEXT NOT NULL, received_at BIGINT NOT NULL, PRIMARY KEY (kiosk_id, seq));
CREATE INDEX events_type ON events (type, kiosk_id);
CREATE INDEX events_received ON events (received_at);
CREATE TABLE idempotency (kiosk_id TEXT NOT NULL, scope TEXT NOT NULL, key TEXT NOT NULL,
  request_hash TEXT NOT NULL, state TEXT NOT NULL, http_status INTEGER, body TEXT,
  claimed_at BIGINT NOT NULL, PRIMARY KEY (kiosk_id, scope, key));
CREATE TABLE payments (order_id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, document TEXT NOT NULL,
  created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
CREATE TABLE citizens (id_number TEXT PRIMARY KEY, scenario TEXT NOT NULL, licence TEXT NOT NULL);
CREATE TABLE photos (photo_ref TEXT PRIMARY KEY, bytes {BLOB} NOT NULL);
CREATE TABLE issuances (authorisation_id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL,
  id_number TEXT NOT NULL, state TEXT NOT NULL, document TEXT NOT NULL, created_at BIGINT NOT NULL);
CREATE TABLE elicence_reissues (reissue_id TEXT PRIMARY KEY, authorisation_id TEXT NOT NULL,
  document TEXT NOT NULL, created_at BIGINT NOT NULL);
CREATE TABLE config_documents (version BIGINT PRIMARY KEY, document TEXT NOT NULL, created_at BIGINT NOT NULL);
CREATE TABLE heartbeats (kiosk_id TEXT PRIMARY KEY, document TEXT NOT NULL, received_at BIGINT NOT NULL);
)SQL";

std::string render(std::string_view text, Dialect d) {
  std::string out(text);
  auto replace = [&](std::string_view from, std::string_view to) {
    for (std::size_t pos = 0; (pos = out.find(from, pos)) != std::string::npos; pos += to.size()) {
      out.replace(pos, from.size(), to);
    }
  };
  replace("{BLOB}", d == Dialect::sqlite ? "BLOB" : "BYTEA");
  replace("{AUTOID}",
          d == Dialect::sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY");
  return out;
}

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> all{kV1};
  return all;
}

}  // namespace

int latest_version() {
  return static_cast<int>(migrations().size());
}

int migrate(Connection& c) {
  const int latest = latest_version();
  c.begin_write();
  try {
    int current = 0;
    if (c.dialect() == Dialect::sqlite) {
      current = static_cast<int>(to_int(c.query("PRAGMA user_version").rows.at(0).at(0)));
    } else {
      // Several server instances may start at once: one migrates, the others wait here.
      c.query("SELECT pg_advisory_xact_lock(724242)");
      c.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
      auto rows = c.query("SELECT COALESCE(MAX(version), 0) FROM schema_version").rows;
      current = static_cast<int>(to_int(rows.at(0).at(0)));
    }
    if (current > latest) {
      throw StoreError(StoreError::Kind::schema_too_new,
                       "database schema version " + std::to_string(current) +
                           " is newer than this server's " + std::to_string(latest));
    }
    for (int v = current + 1; v <= latest; ++v) {
      c.exec(render(migrations()[static_cast<std::size_t>(v - 1)], c.dialect()));
    }
    if (current != latest) {
      if (c.dialect() == Dialect::sqlite) {
        c.exec("PRAGMA user_version = " + std::to_string(latest));
      } else {
        c.query("INSERT INTO schema_version (version) VALUES (?)", {std::int64_t{latest}});
      }
    }
    c.commit();
    return latest;
  } catch (...) {
    c.rollback();
    throw;
  }
}

}  // namespace kiosk::central::store::sql
