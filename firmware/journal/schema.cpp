#include "firmware/journal/schema.hpp"

#include <array>
#include <string>

namespace kiosk::journal {
namespace {

// Version 1. Invariants the firmware relies on are enforced here, not only in C++:
// * outbox seq is contiguous from 1 and each record's prev_hash is its predecessor's hash;
//   outbox rows are never updated and never deleted;
// * a card serial moves loaded -> reserved -> (issued | spoiled | retained) exactly once;
// * a step row names the outbox record written in the same transaction (outbox_seq UNIQUE);
// * audit rows are append-only and chained by prev_hash.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE outbox (
  seq         INTEGER PRIMARY KEY CHECK (seq >= 1),
  kiosk_id    TEXT NOT NULL,
  type        TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  payload     TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL,
  signature   TEXT NOT NULL
);
CREATE TRIGGER outbox_contiguous BEFORE INSERT ON outbox
WHEN NEW.seq <> (SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox)
  OR NEW.prev_hash <> COALESCE((SELECT hash FROM outbox WHERE seq = NEW.seq - 1),
                               '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'outbox seq or prev_hash not contiguous'); END;
CREATE TRIGGER outbox_no_update BEFORE UPDATE ON outbox
BEGIN SELECT RAISE(ABORT, 'outbox records are immutable'); END;
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
BEGIN SELECT RAISE(ABORT, 'outbox records are never deleted'); END;

CREATE TABLE sync_state (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  acknowledged_seq INTEGER NOT NULL CHECK (acknowledged_seq >= 0)
);
INSERT INTO sync_state (id, acknowledged_seq) VALUES (1, 0);
CREATE TRIGGER ack_monotonic BEFORE UPDATE ON sync_state
WHEN NEW.acknowledged_seq < OLD.acknowledged_seq
  OR NEW.acknowledged_seq > (SELECT COALESCE(MAX(seq), 0) FROM outbox)
BEGIN SELECT RAISE(ABORT, 'acknowledged seq must grow and stay within the outbox'); END;

CREATE TABLE transactions (
  id             TEXT PRIMARY KEY,
  service        TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  finished_at    TEXT,
  finished_at_ms INTEGER,
  outcome        TEXT,
  finished_seq   INTEGER REFERENCES outbox (seq),  -- the txn.finished record: its last
  purged         INTEGER NOT NULL DEFAULT 0,
  CHECK ((finished_at IS NULL) = (outcome IS NULL))
);
CREATE INDEX transactions_started ON transactions (started_at);

CREATE TABLE steps (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  txn             TEXT NOT NULL REFERENCES transactions (id),
  step            TEXT NOT NULL,
  phase           TEXT NOT NULL CHECK (phase IN ('intent', 'done', 'failed', 'compensated')),
  data            TEXT NOT NULL,
  personal        BLOB,  -- AES-256-GCM sealed JSON, associated data "<txn>\n<step>"; NULL once purged
  idempotency_key TEXT NOT NULL,
  recorded_at     TEXT NOT NULL,
  outbox_seq      INTEGER NOT NULL UNIQUE REFERENCES outbox (seq)
);
CREATE INDEX steps_txn ON steps (txn, id);

CREATE TABLE stock_batches (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  count        INTEGER NOT NULL CHECK (count > 0),
  first_serial TEXT NOT NULL,
  last_serial  TEXT NOT NULL,
  actor        TEXT NOT NULL,
  loaded_at    TEXT NOT NULL
);

CREATE TABLE cards (
  serial      TEXT PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES stock_batches (id),
  state       TEXT NOT NULL DEFAULT 'loaded'
              CHECK (state IN ('loaded', 'reserved', 'issued', 'spoiled', 'retained')),
  txn         TEXT REFERENCES transactions (id),
  reason      TEXT,
  reserved_at TEXT,
  outcome_at  TEXT,
  CHECK ((state = 'loaded') = (txn IS NULL))
) WITHOUT ROWID;
CREATE INDEX cards_state ON cards (state, batch_id, serial);
CREATE TRIGGER cards_transition BEFORE UPDATE OF state ON cards
WHEN NOT ((OLD.state = 'loaded' AND NEW.state = 'reserved')
       OR (OLD.state = 'reserved' AND NEW.state IN ('issued', 'spoiled', 'retained')))
BEGIN SELECT RAISE(ABORT, 'card state transition not allowed'); END;
CREATE TRIGGER cards_no_delete BEFORE DELETE ON cards
BEGIN SELECT RAISE(ABORT, 'cards are never deleted'); END;

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY CHECK (id >= 1),
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  details   TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE TRIGGER audit_contiguous BEFORE INSERT ON audit_log
WHEN NEW.id <> (SELECT COALESCE(MAX(id), 0) + 1 FROM audit_log)
  OR NEW.prev_hash <> COALESCE((SELECT hash FROM audit_log WHERE id = NEW.id - 1),
                               '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'audit chain not contiguous'); END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit rows are immutable'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit rows are never deleted'); END;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)sql";

constexpr std::array<std::string_view, 1> kMigrations{kV1};

Result<Done> set_pragmas(sql::Db& db) {
  auto mode = db.query_text("PRAGMA journal_mode=WAL");
  if (!mode) return mode.error();
  if (!*mode || **mode != "wal") return make_error(Errc::io, "journal cannot use WAL mode");
  return db.exec(
      "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;"
      " PRAGMA wal_autocheckpoint=1000;",
      "set pragmas");
}

}  // namespace

std::span<const std::string_view> migrations() {
  return kMigrations;
}

Result<Done> prepare_schema(sql::Db& db) {
  return prepare_schema(db, migrations());
}

Result<Done> prepare_schema(sql::Db& db, std::span<const std::string_view> steps) {
  // Reading the header first turns "not a database" into a typed error before WAL setup.
  auto version = db.query_int("PRAGMA user_version");
  if (!version) return version.error();
  const std::int64_t known = static_cast<std::int64_t>(steps.size());
  if (version->value_or(0) > known) {
    return make_error(Errc::newer_schema,
                      "journal schema version " + std::to_string(version->value_or(0)) +
                          " is newer than this firmware's " + std::to_string(known));
  }
  if (auto r = set_pragmas(db); !r) return r.error();
  for (;;) {
    // Re-read inside the transaction: another process may have migrated meanwhile.
    bool finished = false;
    auto r = db.write_transaction(
        [&]() -> Result<Done> {
          auto v = db.query_int("PRAGMA user_version");
          if (!v) return v.error();
          const std::int64_t at = v->value_or(0);
          if (at > known) return make_error(Errc::newer_schema, "journal schema is newer");
          if (at == known) {
            finished = true;
            return Done{};
          }
          if (auto e = db.exec(steps[static_cast<std::size_t>(at)], "migrate"); !e) {
            return e.error();
          }
          return db.exec("PRAGMA user_version=" + std::to_string(at + 1), "set user_version");
        },
        "migrate journal");
    if (!r) return r.error();
    if (finished) return Done{};
  }
}

}  // namespace kiosk::journal
