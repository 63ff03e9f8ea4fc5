#include "firmware/journal/journal.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

#include "firmware/crypto/aead.hpp"
#include "firmware/crypto/wipe.hpp"
#include "firmware/journal/journal_internal.hpp"
#include "firmware/journal/schema.hpp"
#include "protocol/encoding/hex.hpp"
#include "protocol/enum_names.hpp"

namespace kiosk::journal {

namespace wire = protocol::wire;
using nlohmann::json;

namespace detail {

std::shared_ptr<spdlog::logger> log() {
  static const std::shared_ptr<spdlog::logger> logger = [] {
    if (auto existing = spdlog::get("journal")) return existing;
    auto created = spdlog::default_logger()->clone("journal");
    return created;
  }();
  return logger;
}

Error from_wire(const protocol::Error& e, std::string_view what) {
  const bool input = e.code == protocol::Errc::invalid_record ||
                     e.code == protocol::Errc::too_large ||
                     e.code == protocol::Errc::malformed_json;
  return make_error(
      input ? Errc::invalid_argument : Errc::crypto,
      std::string(what) + ": " + std::string(protocol::to_string(e.code)) + ": " + e.message);
}

}  // namespace detail

namespace {

// Creates the file with mode 0600 before SQLite does (SQLite would use 0644 & ~umask; its
// -wal and -shm files copy the main file's mode).
Result<Done> create_private_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return Done{};
    return make_error(Errc::io, std::string("cannot create journal file: ") + std::strerror(errno));
  }
  ::close(fd);
  return Done{};
}

std::string format_rfc3339(std::chrono::system_clock::time_point tp) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(tp.time_since_epoch());
  const std::time_t secs = static_cast<std::time_t>(ms.count() / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(((ms.count() % 1000) + 1000) % 1000));
  return buf;
}

Result<json> parse_stored_json(const std::string& text, std::string_view what) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded())
    return make_error(Errc::corrupt, std::string(what) + ": stored JSON unreadable");
  return j;
}

Result<std::string> new_transaction_id() {
  std::array<std::uint8_t, 16> raw{};
  if (auto r = crypto::random_bytes(raw.data(), raw.size()); !r) {
    return make_error(Errc::crypto, "random source failed");
  }
  return "tx-" + protocol::hex_encode(raw);
}

}  // namespace

constexpr auto kErrcNames = KIOSK_ENUM_NAMES(
    Errc, disk_full, io, corrupt, busy, newer_schema, constraint, not_found, invalid_argument,
    already_finished, stock_empty, card_state, bad_key, kiosk_mismatch, crypto, internal);

const char* to_string(Errc code) {
  return protocol::name_of(kErrcNames, code).data();
}

constexpr auto kPhaseNames = KIOSK_ENUM_NAMES(Phase, intent, done, failed, compensated);

const char* to_string(Phase phase) {
  return protocol::name_of(kPhaseNames, phase).data();
}

std::optional<Phase> phase_from_string(std::string_view text) {
  return protocol::value_of(kPhaseNames, text);
}

constexpr auto kCardOutcomeNames = KIOSK_ENUM_NAMES(CardOutcome, issued, spoiled, retained);

const char* to_string(CardOutcome outcome) {
  return protocol::name_of(kCardOutcomeNames, outcome).data();
}

Result<std::unique_ptr<Journal>> Journal::open(JournalOptions options) {
  if (!wire::valid_kiosk_id(options.kiosk_id)) return make_error(Errc::bad_key, "invalid kiosk id");
  auto key = protocol::PrivateKey::from_pem(options.signing_key_pem);
  if (!key) return make_error(Errc::bad_key, "signing key: " + key.error().message);
  if (auto r = create_private_file(options.path); !r) return r.error();
  auto db = sql::Db::open(options.path);
  if (!db) return db.error();
  if (options.max_pages > 0) {
    if (auto r = db->exec("PRAGMA max_page_count=" + std::to_string(options.max_pages),
                          "set max_page_count");
        !r) {
      return r.error();
    }
  }
  if (auto r = prepare_schema(*db); !r) return r.error();

  // The file is bound to one kiosk id: its outbox chain is that kiosk's.
  auto bound = db->write_transaction(
      [&]() -> Result<Done> {
        auto st = db->prepare("SELECT value FROM meta WHERE key = 'kiosk_id'");
        if (!st) return st.error();
        auto row = st->step();
        if (!row) return row.error();
        if (*row) {
          if (st->text(0) != options.kiosk_id) {
            return make_error(Errc::kiosk_mismatch, "journal belongs to another kiosk id");
          }
          return Done{};
        }
        auto ins = db->prepare("INSERT INTO meta (key, value) VALUES ('kiosk_id', ?1)");
        if (!ins) return ins.error();
        return ins->bind(1, std::string_view(options.kiosk_id)).run();
      },
      "bind kiosk id");
  if (!bound) return bound.error();

  std::unique_ptr<Journal> journal(new Journal(std::move(options), std::move(*db), *key));
  {
    std::lock_guard lock(journal->mutex_);
    if (auto r = journal->load_state_locked(); !r) return r.error();
  }
  detail::log()->info("journal opened schema={} last_seq={} acknowledged={}",
                      current_schema_version(), journal->tail_.seq, journal->acknowledged_);
  return journal;
}

Journal::Journal(JournalOptions options, sql::Db db, protocol::PrivateKey key)
    : options_(std::move(options)), db_(std::move(db)), signing_key_(std::move(key)) {}

Journal::~Journal() {
  crypto::secure_wipe(options_.data_key);
}

std::string Journal::now_rfc3339() const {
  return format_rfc3339(options_.clock ? options_.clock() : std::chrono::system_clock::now());
}

std::int64_t Journal::now_ms() const {
  const auto tp = options_.clock ? options_.clock() : std::chrono::system_clock::now();
  return std::chrono::duration_cast<std::chrono::milliseconds>(tp.time_since_epoch()).count();
}

Result<Done> Journal::load_state_locked() {
  auto st = db_.prepare("SELECT seq, hash FROM outbox ORDER BY seq DESC LIMIT 1");
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  tail_ = Tail{};
  if (*row) tail_ = Tail{static_cast<std::uint64_t>(st->int64(0)), st->text(1)};
  auto ack = db_.query_int("SELECT acknowledged_seq FROM sync_state WHERE id = 1");
  if (!ack) return ack.error();
  acknowledged_ = static_cast<std::uint64_t>(ack->value_or(0));
  return Done{};
}

Result<Done> Journal::write(const std::function<Result<Done>()>& body, std::string_view what) {
  pending_tail_ = tail_;
  auto r = db_.write_transaction(
      [&]() -> Result<Done> {
        pending_tail_ = tail_;
        return body();
      },
      what);
  if (!r) {
    detail::log()->warn("journal write failed op={} code={} message={}", what,
                        to_string(r.error().code), r.error().message);
    // Another process may have appended meanwhile; re-read rather than trust the cache.
    (void)load_state_locked();
    return r.error();
  }
  tail_ = pending_tail_;
  return Done{};
}

Result<std::uint64_t> Journal::append_record_locked(std::string type, json payload,
                                                    const std::string& occurred_at) {
  // Read the tail inside the transaction: BEGIN IMMEDIATE holds the write lock, so no other
  // writer can move it, and the triggers double-check contiguity.
  auto st = db_.prepare("SELECT seq, hash FROM outbox ORDER BY seq DESC LIMIT 1");
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  Tail prev;
  if (*row) prev = Tail{static_cast<std::uint64_t>(st->int64(0)), st->text(1)};
  const std::uint64_t seq = prev.seq + 1;
  auto rec = wire::make_signed_record(options_.kiosk_id, seq, std::move(type), occurred_at,
                                      std::move(payload), prev.hash, signing_key_);
  if (!rec) return detail::from_wire(rec.error(), "outbox record");
  auto hash = wire::record_hash(*rec);
  if (!hash) return detail::from_wire(hash.error(), "outbox hash");
  auto ins = db_.prepare(
      "INSERT INTO outbox (seq, kiosk_id, type, occurred_at, payload, prev_hash, hash, signature)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!ins) return ins.error();
  ins->bind(1, static_cast<std::int64_t>(seq))
      .bind(2, std::string_view(rec->kiosk_id))
      .bind(3, std::string_view(rec->type))
      .bind(4, std::string_view(rec->occurred_at))
      .bind(5, std::string_view(rec->payload.dump()))
      .bind(6, std::string_view(rec->prev_hash))
      .bind(7, std::string_view(*hash))
      .bind(8, std::string_view(rec->signature));
  if (auto r = ins->run(); !r) return r.error();
  pending_tail_ = Tail{seq, *hash};
  return seq;
}

// ---- transactions -------------------------------------------------------------------------

Result<std::string> Journal::begin_transaction(std::string service) {
  if (service.empty()) return make_error(Errc::invalid_argument, "empty service");
  auto id = new_transaction_id();
  if (!id) return id.error();
  std::lock_guard lock(mutex_);
  const std::string at = now_rfc3339();
  auto r = write(
      [&]() -> Result<Done> {
        auto ins =
            db_.prepare("INSERT INTO transactions (id, service, started_at) VALUES (?1, ?2, ?3)");
        if (!ins) return ins.error();
        if (auto e = ins->bind(1, std::string_view(*id))
                         .bind(2, std::string_view(service))
                         .bind(3, std::string_view(at))
                         .run();
            !e) {
          return e.error();
        }
        auto seq =
            append_record_locked("txn.started", json{{"txn", *id}, {"service", service}}, at);
        if (!seq) return seq.error();
        return Done{};
      },
      "begin_transaction");
  if (!r) return r.error();
  detail::log()->info("transaction started txn={} service={}", *id, service);
  return *id;
}

Result<std::uint64_t> Journal::record_step(const std::string& txn, const StepRecord& step) {
  if (step.step.empty()) return make_error(Errc::invalid_argument, "empty step name");
  if (!step.data.is_object() && !step.data.is_null()) {
    return make_error(Errc::invalid_argument, "step data must be an object");
  }
  std::optional<std::string> sealed;
  if (!step.personal.is_null()) {
    std::string plain = step.personal.dump();
    auto s = crypto::seal(options_.data_key, plain, crypto::step_associated_data(txn, step.step));
    crypto::secure_wipe(plain);
    if (!s) return make_error(Errc::crypto, "sealing personal data failed");
    sealed = std::move(*s);
  }
  const json data = step.data.is_null() ? json::object() : step.data;
  std::lock_guard lock(mutex_);
  const std::string at = now_rfc3339();
  std::uint64_t seq = 0;
  auto r = write(
      [&]() -> Result<Done> {
        auto st = db_.prepare("SELECT service, outcome FROM transactions WHERE id = ?1");
        if (!st) return st.error();
        auto row = st->bind(1, std::string_view(txn)).step();
        if (!row) return row.error();
        if (!*row) return make_error(Errc::not_found, "unknown transaction");
        if (!st->is_null(1)) return make_error(Errc::already_finished, "transaction is finished");
        const std::string service = st->text(0);
        auto s = append_record_locked("txn.step",
                                      json{{"txn", txn},
                                           {"service", service},
                                           {"step", step.step},
                                           {"phase", to_string(step.phase)},
                                           {"data", data},
                                           {"idempotency_key", step.idempotency_key}},
                                      at);
        if (!s) return s.error();
        seq = *s;
        auto ins = db_.prepare(
            "INSERT INTO steps (txn, step, phase, data, personal, idempotency_key, recorded_at,"
            " outbox_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        if (!ins) return ins.error();
        ins->bind(1, std::string_view(txn))
            .bind(2, std::string_view(step.step))
            .bind(3, std::string_view(to_string(step.phase)))
            .bind(4, std::string_view(data.dump()))
            .bind(6, std::string_view(step.idempotency_key))
            .bind(7, std::string_view(at))
            .bind(8, static_cast<std::int64_t>(seq));
        if (sealed) {
          ins->bind_blob(5, *sealed);
        } else {
          ins->bind_null(5);
        }
        return ins->run();
      },
      "record_step");
  if (!r) return r.error();
  detail::log()->debug("step recorded txn={} step={} phase={} seq={}", txn, step.step,
                       to_string(step.phase), seq);
  return seq;
}

Result<Done> Journal::finish_transaction(const std::string& txn, std::string outcome) {
  if (outcome.empty()) return make_error(Errc::invalid_argument, "empty outcome");
  std::lock_guard lock(mutex_);
  const std::string at = now_rfc3339();
  const std::int64_t at_ms = now_ms();
  bool repeated = false;
  auto r = write(
      [&]() -> Result<Done> {
        repeated = false;
        auto st = db_.prepare("SELECT service, outcome FROM transactions WHERE id = ?1");
        if (!st) return st.error();
        auto row = st->bind(1, std::string_view(txn)).step();
        if (!row) return row.error();
        if (!*row) return make_error(Errc::not_found, "unknown transaction");
        if (!st->is_null(1)) {
          if (st->text(1) == outcome) {
            repeated = true;
            return Done{};
          }
          return make_error(Errc::already_finished, "transaction finished with another outcome");
        }
        const std::string service = st->text(0);
        auto seq = append_record_locked(
            "txn.finished", json{{"txn", txn}, {"service", service}, {"outcome", outcome}}, at);
        if (!seq) return seq.error();
        // An ended transaction needs no personal data: recovery and central work from the
        // non-personal step data. Dropped in the same write, so no crash leaves it behind
        // (secure_delete overwrites the freed bytes).
        auto wipe = db_.prepare("UPDATE steps SET personal = NULL WHERE txn = ?1");
        if (!wipe) return wipe.error();
        if (auto e = wipe->bind(1, std::string_view(txn)).run(); !e) return e.error();
        auto up = db_.prepare(
            "UPDATE transactions SET finished_at = ?2, finished_at_ms = ?3, outcome = ?4,"
            " finished_seq = ?5, purged = 1 WHERE id = ?1");
        if (!up) return up.error();
        return up->bind(1, std::string_view(txn))
            .bind(2, std::string_view(at))
            .bind(3, at_ms)
            .bind(4, std::string_view(outcome))
            .bind(5, static_cast<std::int64_t>(*seq))
            .run();
      },
      "finish_transaction");
  if (!r) return r.error();
  if (!repeated) detail::log()->info("transaction finished txn={} outcome={}", txn, outcome);
  return Done{};
}

namespace {

constexpr std::string_view kSummarySelect =
    "SELECT t.id, t.service, t.started_at, t.finished_at, t.outcome, t.purged,"
    " (SELECT COUNT(*) FROM steps s WHERE s.txn = t.id),"
    " (SELECT s.step FROM steps s WHERE s.txn = t.id ORDER BY s.id DESC LIMIT 1),"
    " (SELECT s.phase FROM steps s WHERE s.txn = t.id ORDER BY s.id DESC LIMIT 1)"
    " FROM transactions t ";

TransactionSummary summary_from_row(const sql::Stmt& st) {
  TransactionSummary s;
  s.id = st.text(0);
  s.service = st.text(1);
  s.started_at = st.text(2);
  s.finished_at = st.opt_text(3);
  s.outcome = st.opt_text(4);
  s.personal_data_purged = st.int64(5) != 0;
  s.step_count = static_cast<std::size_t>(st.int64(6));
  s.last_step = st.opt_text(7);
  if (auto p = st.opt_text(8)) s.last_phase = phase_from_string(*p);
  return s;
}

Result<std::vector<TransactionSummary>> summaries(sql::Db& db, const std::string& tail,
                                                  std::optional<std::int64_t> limit) {
  auto st = db.prepare(std::string(kSummarySelect) + tail);
  if (!st) return st.error();
  if (limit) st->bind(1, *limit);
  std::vector<TransactionSummary> out;
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(summary_from_row(*st));
  }
  return out;
}

}  // namespace

Result<std::vector<TransactionSummary>> Journal::unfinished_transactions() {
  std::lock_guard lock(mutex_);
  return summaries(db_, "WHERE t.outcome IS NULL ORDER BY t.rowid", std::nullopt);
}

Result<std::vector<TransactionSummary>> Journal::recent_transactions(int limit) {
  if (limit <= 0) return std::vector<TransactionSummary>{};
  std::lock_guard lock(mutex_);
  return summaries(db_, "ORDER BY t.rowid DESC LIMIT ?1", limit);
}

Result<TransactionSummary> Journal::summary_locked(const std::string& txn) {
  auto st = db_.prepare(std::string(kSummarySelect) + "WHERE t.id = ?1");
  if (!st) return st.error();
  auto row = st->bind(1, std::string_view(txn)).step();
  if (!row) return row.error();
  if (!*row) return make_error(Errc::not_found, "unknown transaction");
  return summary_from_row(*st);
}

Result<TransactionDetail> Journal::transaction(const std::string& txn) {
  std::lock_guard lock(mutex_);
  auto summary = summary_locked(txn);
  if (!summary) return summary.error();
  TransactionDetail detail{std::move(*summary), {}};
  auto st = db_.prepare(
      "SELECT step, phase, data, personal, idempotency_key, recorded_at, outbox_seq"
      " FROM steps WHERE txn = ?1 ORDER BY id");
  if (!st) return st.error();
  st->bind(1, std::string_view(txn));
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    StepEntry e;
    e.step = st->text(0);
    auto phase = phase_from_string(st->text(1));
    if (!phase) return make_error(Errc::corrupt, "unknown phase in a step row");
    e.phase = *phase;
    auto data = parse_stored_json(st->text(2), "step data");
    if (!data) return data.error();
    e.data = std::move(*data);
    if (!st->is_null(3)) {
      auto plain =
          crypto::open(options_.data_key, st->blob(3), crypto::step_associated_data(txn, e.step));
      if (!plain) return make_error(Errc::crypto, "personal data failed to authenticate");
      e.personal = json::parse(*plain, nullptr, false);
      crypto::secure_wipe(*plain);
      if (e.personal.is_discarded()) return make_error(Errc::corrupt, "personal data unreadable");
    }
    e.idempotency_key = st->text(4);
    e.recorded_at = st->text(5);
    e.outbox_seq = static_cast<std::uint64_t>(st->int64(6));
    detail.steps.push_back(std::move(e));
  }
  return detail;
}

// ---- outbox -------------------------------------------------------------------------------

Result<std::vector<wire::Record>> Journal::outbox_after(std::uint64_t seq, std::size_t limit) {
  std::vector<wire::Record> out;
  if (limit == 0) return out;
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(
      "SELECT seq, kiosk_id, type, occurred_at, payload, prev_hash, signature FROM outbox"
      " WHERE seq > ?1 ORDER BY seq LIMIT ?2");
  if (!st) return st.error();
  st->bind(1, static_cast<std::int64_t>(seq))
      .bind(2, static_cast<std::int64_t>(std::min<std::size_t>(limit, 1u << 30)));
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    wire::Record r;
    r.seq = static_cast<std::uint64_t>(st->int64(0));
    r.kiosk_id = st->text(1);
    r.type = st->text(2);
    r.occurred_at = st->text(3);
    auto payload = parse_stored_json(st->text(4), "outbox payload");
    if (!payload) return payload.error();
    r.payload = std::move(*payload);
    r.prev_hash = st->text(5);
    r.signature = st->text(6);
    out.push_back(std::move(r));
  }
  return out;
}

Result<Done> Journal::mark_acknowledged(std::uint64_t seq) {
  std::lock_guard lock(mutex_);
  if (seq > tail_.seq) {
    // The cache may lag another writer; check the file before refusing.
    if (auto r = load_state_locked(); !r) return r.error();
    if (seq > tail_.seq) {
      return make_error(Errc::invalid_argument, "acknowledged seq beyond the outbox");
    }
  }
  if (seq <= acknowledged_) return Done{};
  auto r = write(
      [&]() -> Result<Done> {
        auto up = db_.prepare(
            "UPDATE sync_state SET acknowledged_seq = ?1 WHERE id = 1 AND acknowledged_seq < ?1");
        if (!up) return up.error();
        return up->bind(1, static_cast<std::int64_t>(seq)).run();
      },
      "mark_acknowledged");
  if (!r) return r.error();
  return load_state_locked();
}

std::uint64_t Journal::last_acknowledged() {
  std::lock_guard lock(mutex_);
  return acknowledged_;
}

std::uint64_t Journal::last_sequence() {
  std::lock_guard lock(mutex_);
  return tail_.seq;
}

OutboxState Journal::outbox_state() {
  std::lock_guard lock(mutex_);
  return OutboxState{tail_.seq, acknowledged_, tail_.seq - std::min(acknowledged_, tail_.seq)};
}

Result<std::uint64_t> Journal::append_event(std::string type, json payload) {
  if (!wire::valid_event_type(type))
    return make_error(Errc::invalid_argument, "invalid event type");
  std::lock_guard lock(mutex_);
  const std::string at = now_rfc3339();
  std::uint64_t seq = 0;
  auto r = write(
      [&]() -> Result<Done> {
        auto s = append_record_locked(type, payload, at);
        if (!s) return s.error();
        seq = *s;
        return Done{};
      },
      "append_event");
  if (!r) return r.error();
  return seq;
}

// ---- settings -----------------------------------------------------------------------------

Result<std::optional<std::string>> Journal::get_setting(std::string key) {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare("SELECT value FROM settings WHERE key = ?1");
  if (!st) return st.error();
  auto row = st->bind(1, std::string_view(key)).step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>{};
  return std::optional<std::string>{st->text(0)};
}

Result<Done> Journal::set_setting(std::string key, std::string value) {
  if (key.empty()) return make_error(Errc::invalid_argument, "empty setting key");
  std::lock_guard lock(mutex_);
  return write(
      [&]() -> Result<Done> {
        auto st = db_.prepare(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        if (!st) return st.error();
        return st->bind(1, std::string_view(key)).bind(2, std::string_view(value)).run();
      },
      "set_setting");
}

// ---- retention and maintenance ------------------------------------------------------------

Result<std::size_t> Journal::purge_personal_data(std::chrono::hours retention) {
  std::lock_guard lock(mutex_);
  const std::int64_t cutoff =
      now_ms() - std::chrono::duration_cast<std::chrono::milliseconds>(retention).count();
  std::size_t purged = 0;
  auto r = write(
      [&]() -> Result<Done> {
        // finished_seq is the transaction's last outbox record (no step can follow it), so
        // finished_seq <= acknowledged means central holds every record of the transaction.
        constexpr std::string_view kEligible =
            "SELECT id FROM transactions WHERE outcome IS NOT NULL AND purged = 0"
            " AND finished_at_ms <= ?1"
            " AND finished_seq <= (SELECT acknowledged_seq FROM sync_state WHERE id = 1)";
        auto wipe = db_.prepare("UPDATE steps SET personal = NULL WHERE txn IN (" +
                                std::string(kEligible) + ")");
        if (!wipe) return wipe.error();
        if (auto e = wipe->bind(1, cutoff).run(); !e) return e.error();
        auto mark = db_.prepare("UPDATE transactions SET purged = 1 WHERE id IN (" +
                                std::string(kEligible) + ")");
        if (!mark) return mark.error();
        if (auto e = mark->bind(1, cutoff).run(); !e) return e.error();
        auto n = db_.query_int("SELECT changes()");
        if (!n) return n.error();
        purged = static_cast<std::size_t>(n->value_or(0));
        return Done{};
      },
      "purge_personal_data");
  if (!r) return r.error();
  if (purged > 0) detail::log()->info("personal data purged transactions={}", purged);
  return purged;
}

Result<Done> Journal::check_integrity() {
  std::lock_guard lock(mutex_);
  auto ok = db_.query_text("PRAGMA integrity_check");
  if (!ok) return ok.error();
  if (!*ok || **ok != "ok") return make_error(Errc::corrupt, "integrity_check failed");
  auto broken = db_.query_int(
      "SELECT COUNT(*) FROM outbox o LEFT JOIN outbox p ON p.seq = o.seq - 1"
      " WHERE (o.seq > 1 AND (p.seq IS NULL OR p.hash <> o.prev_hash))"
      " OR (o.seq = 1 AND o.prev_hash <> '" +
      std::string(wire::kGenesisHash) + "')");
  if (!broken) return broken.error();
  if (broken->value_or(0) != 0) return make_error(Errc::corrupt, "outbox chain broken");
  auto unpaired = db_.query_int(
      "SELECT COUNT(*) FROM steps s LEFT JOIN outbox o ON o.seq = s.outbox_seq"
      " WHERE o.seq IS NULL OR o.type <> 'txn.step'");
  if (!unpaired) return unpaired.error();
  if (unpaired->value_or(0) != 0) return make_error(Errc::corrupt, "step without its record");
  return Done{};
}

}  // namespace kiosk::journal
