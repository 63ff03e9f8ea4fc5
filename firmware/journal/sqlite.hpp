#pragma once
// A thin RAII layer over the SQLite C API for the journal. Not thread-safe: the Journal
// serialises all use of one Db with its mutex. map_sqlite() is the one place where SQLite
// result codes become journal errors.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "firmware/journal/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk::journal::sql {

Error map_sqlite(int rc, sqlite3* db, std::string_view what);

class Stmt;

class Db {
 public:
  // Opens (creating when missing) the file read-write, without SQLite's own mutex.
  static Result<Db> open(const std::filesystem::path& path);
  Db(Db&& other) noexcept;
  Db& operator=(Db&& other) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  // Runs one or more statements without results.
  Result<Done> exec(std::string_view sql, std::string_view what);
  Result<Stmt> prepare(std::string_view sql);
  // Runs a query returning one integer (e.g. a PRAGMA); nullopt when no row.
  Result<std::optional<std::int64_t>> query_int(std::string_view sql);
  Result<std::optional<std::string>> query_text(std::string_view sql);

  // Runs `body` inside BEGIN IMMEDIATE ... COMMIT. On any error the transaction is rolled back
  // (if SQLite has not already done so) and nothing is kept. Only SQLITE_BUSY is retried, a
  // bounded number of times, and only when `body` may safely run again (it has no effect
  // outside the database).
  Result<Done> write_transaction(const std::function<Result<Done>()>& body, std::string_view what);

  bool in_transaction() const;
  sqlite3* native() const { return db_; }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

class Stmt {
 public:
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  // Binding is by 1-based index; the statement keeps copies of text and blobs.
  Stmt& bind(int index, std::int64_t value);
  Stmt& bind(int index, std::string_view text);
  Stmt& bind_blob(int index, std::string_view bytes);
  Stmt& bind_null(int index);
  Stmt& bind(int index, const std::optional<std::string>& text);

  // true: a row is available; false: done. Errors mapped by map_sqlite.
  Result<bool> step();
  // Steps to completion, expecting no row.
  Result<Done> run();
  // Makes the statement runnable again (bindings are kept until rebound).
  void reset();

  bool is_null(int col) const;
  std::int64_t int64(int col) const;
  std::string text(int col) const;
  std::string blob(int col) const;
  std::optional<std::string> opt_text(int col) const;

 private:
  friend class Db;
  Stmt(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
  int bind_rc_ = 0;  // first bind failure, reported by step()
};

}  // namespace kiosk::journal::sql
