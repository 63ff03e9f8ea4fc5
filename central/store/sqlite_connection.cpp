#include <sqlite3.h>

#include <charconv>
#include <map>

#include "central/store/sql.hpp"

namespace kiosk::central::store::sql {

void Connection::rollback() noexcept {
  try {
    exec("ROLLBACK");
  } catch (...) {  // NOLINT: nothing to do when there was no transaction
  }
}

std::int64_t to_int(const std::optional<std::string>& text) {
  if (!text) return 0;
  std::int64_t v = 0;
  std::from_chars(text->data(), text->data() + text->size(), v);
  return v;
}

namespace {

StoreError error_from(sqlite3* db, int rc, std::string_view what) {
  const auto kind = (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) ? StoreError::Kind::busy
                    : (rc == SQLITE_CANTOPEN || rc == SQLITE_IOERR || rc == SQLITE_FULL)
                        ? StoreError::Kind::unavailable
                        : StoreError::Kind::failed;
  return StoreError(kind, std::string("sqlite ") + std::string(what) + ": " +
                              (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    const int rc =
        sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      StoreError e = error_from(db_, rc, "open");
      sqlite3_close(db_);
      throw StoreError(StoreError::Kind::unavailable, e.what());
    }
    sqlite3_busy_timeout(db_, 5000);
    // secure_delete: a purged or overwritten value is zeroed in the file, not left in a free
    // block (the retention purge relies on it).
    exec(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
        " PRAGMA secure_delete=ON");
  }
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::sqlite; }

  void exec(std::string_view sql) override {
    char* err = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err != nullptr ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      const auto kind = (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) ? StoreError::Kind::busy
                                                                   : StoreError::Kind::failed;
      throw StoreError(kind, "sqlite exec: " + msg);
    }
  }

  void begin_write() override { exec("BEGIN IMMEDIATE"); }

  QueryResult query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* stmt = prepare(sql);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int idx = static_cast<int>(i + 1);
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
              sqlite3_bind_null(stmt, idx);
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
              sqlite3_bind_int64(stmt, idx, v);
            } else if constexpr (std::is_same_v<T, std::string>) {
              sqlite3_bind_text64(stmt, idx, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
            } else {
              sqlite3_bind_blob64(stmt, idx, v.bytes.data(), v.bytes.size(), SQLITE_STATIC);
            }
          },
          params[i]);
    }
    QueryResult result;
    const int columns = sqlite3_column_count(stmt);
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        StoreError e = error_from(db_, rc, "step");
        sqlite3_reset(stmt);
        throw e;
      }
      Row row;
      row.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) {
          row.emplace_back(std::nullopt);
        } else {
          const void* data = sqlite3_column_blob(stmt, c);
          const int n = sqlite3_column_bytes(stmt, c);
          row.emplace_back(
              std::string(static_cast<const char*>(data), static_cast<std::size_t>(n)));
        }
      }
      result.rows.push_back(std::move(row));
    }
    result.affected = sqlite3_changes64(db_);
    sqlite3_reset(stmt);
    return result;
  }

 private:
  sqlite3_stmt* prepare(std::string_view sql) {
    auto it = cache_.find(sql);
    if (it != cache_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) throw error_from(db_, rc, "prepare");
    cache_.emplace(std::string(sql), stmt);
    return stmt;
  }

  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::string& path) {
  return std::make_unique<SqliteConnection>(path);
}

}  // namespace kiosk::central::store::sql
