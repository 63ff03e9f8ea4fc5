#pragma once
// The small SQL seam under SqlStore: one connection of either backend. Internal to the store.
// SQL is written once with `?` placeholders; the PostgreSQL connection rewrites them to $n.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "central/store/store.hpp"

namespace kiosk::central::store::sql {

enum class Dialect { sqlite, postgresql };

struct Blob {
  std::string bytes;
};
using Value = std::variant<std::nullptr_t, std::int64_t, std::string, Blob>;
using Params = std::vector<Value>;

// Text of each column (blobs as raw bytes), nullopt for NULL.
using Row = std::vector<std::optional<std::string>>;

struct QueryResult {
  std::vector<Row> rows;
  std::int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Statements without parameters (several allowed, separated by ';').
  virtual void exec(std::string_view sql) = 0;
  virtual QueryResult query(std::string_view sql, const Params& params = {}) = 0;
  // The statement that opens a write transaction which serialises with other writers.
  virtual void begin_write() = 0;
  void commit() { exec("COMMIT"); }
  void rollback() noexcept;
};

std::unique_ptr<Connection> open_sqlite(const std::string& path);
std::unique_ptr<Connection> open_postgres(const std::string& conninfo);

std::int64_t to_int(const std::optional<std::string>& text);

}  // namespace kiosk::central::store::sql
