#include <libpq-fe.h>

#include "central/store/sql.hpp"

namespace kiosk::central::store::sql {
namespace {

// `?` placeholders (outside string literals) become $1, $2, ...
std::string number_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool in_literal = false;
  for (const char c : sql) {
    if (c == '\'') in_literal = !in_literal;
    if (c == '?' && !in_literal) {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

std::string unhex_bytea(const char* text, int len) {
  // PostgreSQL's bytea text output: "\x" followed by hex digits.
  std::string out;
  if (len < 2 || text[0] != '\\' || text[1] != 'x')
    return std::string(text, static_cast<std::size_t>(len));
  auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  for (int i = 2; i + 1 < len; i += 2)
    out += static_cast<char>(nibble(text[i]) << 4 | nibble(text[i + 1]));
  return out;
}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = conn_ != nullptr ? PQerrorMessage(conn_) : "out of memory";
      PQfinish(conn_);
      conn_ = nullptr;
      throw StoreError(StoreError::Kind::unavailable, "postgresql connect: " + msg);
    }
    exec("SET client_min_messages = warning; SET synchronous_commit = on");
  }
  ~PostgresConnection() override { PQfinish(conn_); }
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Dialect dialect() const override { return Dialect::postgresql; }

  void exec(std::string_view sql) override {
    const std::string text(sql);
    PGresult* res = PQexec(conn_, text.c_str());
    check(res, "exec");
    PQclear(res);
  }

  void begin_write() override { exec("BEGIN"); }

  QueryResult query(std::string_view sql, const Params& params) override {
    const std::string text = number_placeholders(sql);
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0);
    std::vector<int> formats(params.size(), 0);
    for (std::size_t i = 0; i < params.size(); ++i) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
              values[i] = nullptr;
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
              storage[i] = std::to_string(v);
              values[i] = storage[i].c_str();
            } else if constexpr (std::is_same_v<T, std::string>) {
              values[i] = v.c_str();
            } else {
              values[i] = v.bytes.data();
              lengths[i] = static_cast<int>(v.bytes.size());
              formats[i] = 1;
            }
          },
          params[i]);
    }
    PGresult* res = PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), nullptr,
                                 values.data(), lengths.data(), formats.data(), 0);
    check(res, "query");
    QueryResult result;
    const int rows = PQntuples(res), cols = PQnfields(res);
    result.rows.reserve(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
      Row row;
      row.reserve(static_cast<std::size_t>(cols));
      for (int c = 0; c < cols; ++c) {
        if (PQgetisnull(res, r, c) != 0) {
          row.emplace_back(std::nullopt);
        } else if (PQftype(res, c) == 17) {  // BYTEAOID
          row.emplace_back(unhex_bytea(PQgetvalue(res, r, c), PQgetlength(res, r, c)));
        } else {
          row.emplace_back(
              std::string(PQgetvalue(res, r, c), static_cast<std::size_t>(PQgetlength(res, r, c))));
        }
      }
      result.rows.push_back(std::move(row));
    }
    const char* affected = PQcmdTuples(res);
    result.affected = (affected != nullptr && *affected != '\0') ? std::stoll(affected) : 0;
    PQclear(res);
    return result;
  }

 private:
  void check(PGresult* res, const char* what) {
    const auto status = PQresultStatus(res);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    auto field = [res](int code) {
      const char* v = PQresultErrorField(res, code);
      return std::string(v != nullptr ? v : "");
    };
    const std::string sqlstate = field(PG_DIAG_SQLSTATE);
    // Never the DETAIL ("Key (id_number)=(...)", "Failing row contains (...)"): it quotes row
    // values, which may be personal data, and this message is logged. Class 22 (data
    // exceptions) quotes the offending value in the primary message too. What is left names
    // the operation, the constraint, the table and the column.
    std::string msg =
        sqlstate.rfind("22", 0) == 0 ? "data exception" : field(PG_DIAG_MESSAGE_PRIMARY);
    for (const auto& [label, code] :
         {std::pair{"constraint", PG_DIAG_CONSTRAINT_NAME}, std::pair{"table", PG_DIAG_TABLE_NAME},
          std::pair{"column", PG_DIAG_COLUMN_NAME}}) {
      if (const std::string v = field(code); !v.empty()) msg += std::string(" ") + label + "=" + v;
    }
    PQclear(res);
    const bool gone = PQstatus(conn_) != CONNECTION_OK;
    const auto kind = gone ? StoreError::Kind::unavailable
                      : (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03")
                          ? StoreError::Kind::busy
                          : StoreError::Kind::failed;
    throw StoreError(kind, std::string("postgresql ") + what + " (" + sqlstate + "): " + msg);
  }

  PGconn* conn_;
};

}  // namespace

std::unique_ptr<Connection> open_postgres(const std::string& conninfo) {
  return std::make_unique<PostgresConnection>(conninfo);
}

}  // namespace kiosk::central::store::sql
