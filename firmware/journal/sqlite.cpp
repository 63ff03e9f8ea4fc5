#include "firmware/journal/sqlite.hpp"

#include <sqlite3.h>

#include <chrono>
#include <thread>

namespace kiosk::journal::sql {
namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kBusyAttempts = 3;

bool is_busy(const Error& e) {
  return e.code == Errc::busy;
}

}  // namespace

Error map_sqlite(int rc, sqlite3* db, std::string_view what) {
  Errc code = Errc::internal;
  switch (rc & 0xff) {
    case SQLITE_FULL:
      code = Errc::disk_full;
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_PROTOCOL:
    case SQLITE_AUTH:
      code = Errc::io;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = Errc::corrupt;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = Errc::busy;
      break;
    case SQLITE_CONSTRAINT:
      code = Errc::constraint;
      break;
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
    case SQLITE_MISMATCH:
      code = Errc::invalid_argument;
      break;
    default:
      code = Errc::internal;
      break;  // NOMEM, MISUSE, INTERNAL, SCHEMA, ABORT, ...
  }
  std::string message(what);
  message += ": ";
  message += sqlite3_errstr(rc);
  // The connection's message adds detail (e.g. which trigger raised); it never holds bound
  // values, so it carries no personal data.
  if (db != nullptr && sqlite3_errcode(db) == rc) {
    message += " (";
    message += sqlite3_errmsg(db);
    message += ")";
  }
  return make_error(code, std::move(message));
}

Result<Db> Db::open(const std::filesystem::path& path) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Error e = map_sqlite(rc, raw, "open journal");
    sqlite3_close(raw);
    return e;
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  return Db(raw);
}

Db::Db(Db&& other) noexcept : db_(other.db_) {
  other.db_ = nullptr;
}
Db& Db::operator=(Db&& other) noexcept {
  if (this != &other) {
    if (db_ != nullptr) sqlite3_close_v2(db_);
    db_ = other.db_;
    other.db_ = nullptr;
  }
  return *this;
}
Db::~Db() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Result<Done> Db::exec(std::string_view sql, std::string_view what) {
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return map_sqlite(rc, db_, what);
  return Done{};
}

Result<Stmt> Db::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return map_sqlite(rc, db_, "prepare");
  return Stmt(stmt, db_);
}

Result<std::optional<std::int64_t>> Db::query_int(std::string_view sql) {
  auto st = prepare(sql);
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  if (!*row || st->is_null(0)) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{st->int64(0)};
}

Result<std::optional<std::string>> Db::query_text(std::string_view sql) {
  auto st = prepare(sql);
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>{};
  return st->opt_text(0);
}

bool Db::in_transaction() const {
  return sqlite3_get_autocommit(db_) == 0;
}

Result<Done> Db::write_transaction(const std::function<Result<Done>()>& body,
                                   std::string_view what) {
  Error last = make_error(Errc::busy, std::string(what) + ": busy");
  for (int attempt = 0; attempt < kBusyAttempts; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(10 * attempt));
    auto begin = exec("BEGIN IMMEDIATE", what);
    if (!begin) {
      if (is_busy(begin.error())) {
        last = begin.error();
        continue;
      }
      return begin.error();
    }
    auto r = body();
    if (r) r = exec("COMMIT", what);
    if (r) return Done{};
    // SQLite may already have rolled back (e.g. after SQLITE_FULL or an I/O error); a
    // transaction still open is rolled back here so that nothing is half-written.
    if (in_transaction()) (void)exec("ROLLBACK", what);
    if (!is_busy(r.error())) return r.error();
    last = r.error();
  }
  return last;
}

Stmt::Stmt(Stmt&& other) noexcept : stmt_(other.stmt_), db_(other.db_), bind_rc_(other.bind_rc_) {
  other.stmt_ = nullptr;
}
Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
    stmt_ = other.stmt_;
    db_ = other.db_;
    bind_rc_ = other.bind_rc_;
    other.stmt_ = nullptr;
  }
  return *this;
}
Stmt::~Stmt() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

namespace {
void keep_first(int& slot, int rc) {
  if (slot == SQLITE_OK && rc != SQLITE_OK) slot = rc;
}
}  // namespace

Stmt& Stmt::bind(int index, std::int64_t value) {
  keep_first(bind_rc_, sqlite3_bind_int64(stmt_, index, value));
  return *this;
}
Stmt& Stmt::bind(int index, std::string_view text) {
  keep_first(bind_rc_, sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                           SQLITE_UTF8));
  return *this;
}
Stmt& Stmt::bind_blob(int index, std::string_view bytes) {
  keep_first(bind_rc_,
             sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
  return *this;
}
Stmt& Stmt::bind_null(int index) {
  keep_first(bind_rc_, sqlite3_bind_null(stmt_, index));
  return *this;
}
Stmt& Stmt::bind(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Result<bool> Stmt::step() {
  if (bind_rc_ != SQLITE_OK) return map_sqlite(bind_rc_, db_, "bind");
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return map_sqlite(rc, db_, "step");
}

Result<Done> Stmt::run() {
  for (;;) {
    auto r = step();
    if (!r) return r.error();
    if (!*r) return Done{};
  }
}

void Stmt::reset() {
  sqlite3_reset(stmt_);
  bind_rc_ = SQLITE_OK;
}

bool Stmt::is_null(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}
std::int64_t Stmt::int64(int col) const {
  return sqlite3_column_int64(stmt_, col);
}
std::string Stmt::text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  const int n = sqlite3_column_bytes(stmt_, col);
  return p == nullptr ? std::string()
                      : std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
}
std::string Stmt::blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  const int n = sqlite3_column_bytes(stmt_, col);
  return p == nullptr ? std::string()
                      : std::string(static_cast<const char*>(p), static_cast<std::size_t>(n));
}
std::optional<std::string> Stmt::opt_text(int col) const {
  if (is_null(col)) return std::nullopt;
  return text(col);
}

}  // namespace kiosk::journal::sql
