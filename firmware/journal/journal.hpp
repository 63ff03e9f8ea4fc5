#pragma once
// The kiosk journal: transactions and their steps, the signed hash-chained outbox read by
// sync, card stock, the audit log and settings, in one SQLite file (WAL, synchronous=FULL).
//
// Threading contract: a Journal owns ONE SQLite connection guarded by one mutex. Every public
// method may be called from any thread; calls are serialised (each holds the mutex for its
// whole SQLite transaction) and block on disk I/O (an fsync per write). Do not call from a
// latency-critical thread. Several processes may open the same file: SQLite's locks plus the
// busy timeout and the bounded retry on SQLITE_BUSY keep them consistent, and the outbox
// triggers refuse a non-contiguous seq whatever the writer. kioskd is meant to be the only
// writer; with other writers, the cached positions (outbox_state, last_sequence,
// last_acknowledged) lag until this Journal's next write.
//
// Atomicity: every write (a step and its outbox record, a card outcome and its record, an
// audit row and its record...) is one BEGIN IMMEDIATE transaction: after a crash, a power
// cut or SQLITE_FULL either all of it is in the file or none of it.
//
// Errors: journal::Result<T> / journal::Error (firmware/journal/error.hpp). Personal data
// never appears in an error message, a log line or the outbox.
#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "firmware/journal/error.hpp"
#include "firmware/journal/sqlite.hpp"
#include "protocol/crypto/keys.hpp"
#include "protocol/wire/record.hpp"

namespace kiosk::journal {

struct JournalOptions {
  std::filesystem::path path;               // created (mode 0600) when missing
  std::array<std::uint8_t, 32> data_key{};  // AES-256-GCM key for personal data
  std::string kiosk_id;         // protocol::wire::valid_kiosk_id; fixed for the file's life
  std::string signing_key_pem;  // kiosk's ECDSA P-256 key (PEM), signs outbox records
  std::function<std::chrono::system_clock::time_point()> clock;  // null = system clock
  // Cap on the file in SQLite pages (PRAGMA max_page_count); 0 = no cap. Reaching it gives
  // disk_full exactly like a full disk (tests use it to simulate one).
  std::uint32_t max_pages = 0;
};

enum class Phase { intent, done, failed, compensated };
const char* to_string(Phase phase);
std::optional<Phase> phase_from_string(std::string_view text);

struct StepRecord {
  std::string step;
  Phase phase = Phase::intent;
  nlohmann::json data = nlohmann::json::object();  // non-personal; goes to central; no floats
  nlohmann::json personal;  // encrypted at rest (AES-256-GCM), may be null; never leaves
  std::string idempotency_key;
};

struct StepEntry {
  std::string step;
  Phase phase = Phase::intent;
  nlohmann::json data;
  nlohmann::json personal;  // decrypted; null when none was recorded or it was purged
  std::string idempotency_key;
  std::string recorded_at;  // RFC 3339 UTC
  std::uint64_t outbox_seq = 0;
};

struct TransactionSummary {
  std::string id;
  std::string service;
  std::string started_at;
  std::optional<std::string> finished_at;
  std::optional<std::string> outcome;
  std::optional<std::string> last_step;
  std::optional<Phase> last_phase;
  std::size_t step_count = 0;
  bool personal_data_purged = false;
};

struct TransactionDetail {
  TransactionSummary summary;
  std::vector<StepEntry> steps;  // in the order recorded
};

struct OutboxState {
  std::uint64_t last_seq = 0;
  std::uint64_t last_acknowledged = 0;
  std::uint64_t depth = 0;  // last_seq - last_acknowledged
};

enum class CardOutcome { issued, spoiled, retained };
const char* to_string(CardOutcome outcome);

struct StockCounts {
  std::uint64_t loaded = 0;  // every card ever loaded
  std::uint64_t issued = 0;
  std::uint64_t spoiled = 0;
  std::uint64_t retained = 0;
  std::uint64_t reserved = 0;   // taken for a transaction, no outcome yet
  std::uint64_t remaining = 0;  // loaded and not yet reserved
};

// The printer counts every card it picks. The journal expects
//   printer_counter - base == issued + spoiled + retained (+ up to `reserved` in flight),
// where base is the setting "stock.printer_counter_base" (default 0; set it when a printer is
// replaced or its counter reset).
struct Reconciliation {
  std::uint64_t printer_counter = 0;
  std::uint64_t printer_counter_base = 0;
  std::uint64_t consumed = 0;   // issued + spoiled + retained
  std::int64_t difference = 0;  // (printer_counter - base) - consumed
  bool mismatch = false;        // difference < 0 or difference > reserved
  StockCounts counts;
};

struct AuditEntry {
  std::uint64_t id = 0;
  std::string at;
  std::string actor;
  std::string action;
  nlohmann::json details;
  std::string prev_hash;
  std::string hash;
};

class Journal {
 public:
  // Opens or creates the journal, migrates the schema. Errors: newer_schema, corrupt, io,
  // busy, disk_full, bad_key (kiosk id or PEM), kiosk_mismatch (file made for another kiosk).
  static Result<std::unique_ptr<Journal>> open(JournalOptions options);

  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;
  ~Journal();

  // --- transactions ---------------------------------------------------------------------
  // => "tx-<32 lowercase hex>"; appends outbox "txn.started" {txn, service}.
  Result<std::string> begin_transaction(std::string service);
  // Writes the step row (personal data sealed) and outbox "txn.step" {txn, service, step,
  // phase, data, idempotency_key} in one transaction; => the record's outbox seq.
  // Errors: not_found, already_finished, invalid_argument (float or invalid data), crypto,
  // disk_full, io, busy.
  Result<std::uint64_t> record_step(const std::string& txn, const StepRecord& step);
  // Sets the outcome and appends outbox "txn.finished" {txn, service, outcome}. Finishing again
  // with the same outcome is a no-op (safe retry after a crash); another outcome is
  // already_finished. The transaction's sealed personal data is deleted in the same write
  // (an ended transaction is settled from non-personal step data only).
  Result<Done> finish_transaction(const std::string& txn, std::string outcome);
  Result<std::vector<TransactionSummary>> unfinished_transactions();       // oldest first
  Result<std::vector<TransactionSummary>> recent_transactions(int limit);  // newest first
  // Steps in order with personal data decrypted. Errors: not_found, crypto (tampered row or
  // wrong key).
  Result<TransactionDetail> transaction(const std::string& txn);

  // --- outbox (read by sync; maps 1:1 onto sync::OutboxSource) ---------------------------
  // Records with seq > `seq`, ascending, at most `limit`: signed, chained, seq from 1, no gaps.
  Result<std::vector<protocol::wire::Record>> outbox_after(std::uint64_t seq, std::size_t limit);
  // Central stored everything up to `seq`. Lower or equal to the current value: no-op.
  // Above the last seq: invalid_argument.
  Result<Done> mark_acknowledged(std::uint64_t seq);
  // The committed positions, from memory (kept in step with every commit); never fail.
  std::uint64_t last_acknowledged();
  std::uint64_t last_sequence();
  OutboxState outbox_state();
  // A non-transaction event (stock, maintenance, faults). `type` per valid_event_type;
  // payload without floats and without personal data. => its outbox seq.
  Result<std::uint64_t> append_event(std::string type, nlohmann::json payload);

  // --- card stock -----------------------------------------------------------------------
  // Loads `count` cards with serials first_serial..last_serial: same prefix, numeric suffix of
  // equal width, and last - first + 1 == count (invalid_argument otherwise, or when a serial
  // was already loaded). Appends outbox "card.stock_loaded" {count, first_serial,
  // last_serial, actor}.
  Result<Done> load_stock(std::uint64_t count, std::string first_serial, std::string last_serial,
                          std::string actor);
  // Reserves the next loaded card (lowest batch, lowest serial) for an unfinished
  // transaction; a transaction holding a reserved card without outcome gets that same card
  // back (safe retry). Appends "card.reserved" {serial, txn}. Errors: stock_empty,
  // not_found, already_finished.
  Result<std::string> reserve_card(const std::string& txn);
  // The card this transaction holds reserved (no outcome yet), if any. Read-only: recovery
  // uses it to account for a card reserved just before a crash.
  Result<std::optional<std::string>> reserved_card(const std::string& txn);
  // reserved -> issued | spoiled | retained, once. Repeating the same outcome is a no-op;
  // another outcome, or a card never reserved, is card_state. Appends "card.issued" |
  // "card.spoiled" | "card.retained" {serial, txn, reason}.
  Result<Done> record_card_outcome(const std::string& serial, CardOutcome outcome,
                                   std::string reason);
  Result<StockCounts> stock_counts();
  // Compares with the printer's counter (see Reconciliation) and appends "stock.reconciled".
  Result<Reconciliation> reconcile(std::uint64_t printer_counter);

  // --- audit log of maintenance actions ---------------------------------------------------
  // Appends a hash-chained row and outbox "audit" {audit_id, actor, action, details, hash}.
  Result<Done> audit(std::string actor, std::string action, nlohmann::json details);
  // false when any row was altered, reordered or removed from inside the chain. Removing the
  // newest rows leaves a valid prefix: that shows only against the "audit" records (with
  // their hashes) already in the outbox and at central.
  Result<bool> verify_audit_chain();
  Result<std::vector<AuditEntry>> audit_entries(int limit);  // newest first

  // --- retention --------------------------------------------------------------------------
  // Deletes the sealed personal data of transactions that are finished more than `retention`
  // ago AND whose every outbox record is acknowledged. => number of transactions purged.
  // finish_transaction already purges; this sweep catches transactions finished by builds
  // that kept personal data until acknowledgement plus retention.
  Result<std::size_t> purge_personal_data(std::chrono::hours retention);

  // --- settings ---------------------------------------------------------------------------
  Result<std::optional<std::string>> get_setting(std::string key);
  Result<Done> set_setting(std::string key, std::string value);

  // --- maintenance ------------------------------------------------------------------------
  // PRAGMA integrity_check plus the outbox chain's linkage. Errors: corrupt.
  Result<Done> check_integrity();

 private:
  struct Tail {
    std::uint64_t seq = 0;
    std::string hash{protocol::wire::kGenesisHash};
  };

  Journal(JournalOptions options, sql::Db db, protocol::PrivateKey key);
  std::string now_rfc3339() const;
  std::int64_t now_ms() const;
  // Inside an open write transaction: signs and inserts the next outbox record.
  Result<std::uint64_t> append_record_locked(std::string type, nlohmann::json payload,
                                             const std::string& occurred_at);
  // Runs `body` as one write transaction; on success refreshes the cached outbox tail.
  Result<Done> write(const std::function<Result<Done>()>& body, std::string_view what);
  Result<Done> load_state_locked();
  Result<TransactionSummary> summary_locked(const std::string& txn);
  Result<StockCounts> stock_counts_locked();

  JournalOptions options_;
  sql::Db db_;
  protocol::PrivateKey signing_key_;
  std::mutex mutex_;
  Tail tail_;                       // committed outbox tail
  Tail pending_tail_;               // tail inside the open write transaction
  std::uint64_t acknowledged_ = 0;  // committed acknowledged seq
};

}  // namespace kiosk::journal
