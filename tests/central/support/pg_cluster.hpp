#pragma once
// A throw-away PostgreSQL cluster for tests (RECIPES.md): initdb in a temp dir, started on a
// free loopback port as user postgres (PostgreSQL refuses root), stopped and deleted when the
// process exits. One cluster per test process; each caller gets a fresh database.
#include <string>

namespace kiosk::central::testing {

class PgCluster {
 public:
  // The process's cluster, started on first use; nullptr when PostgreSQL is not installed or
  // would not start (`why` says which).
  static PgCluster* instance(std::string* why = nullptr);
  // A new empty schema (its own search_path); returns a postgresql:// URL that uses it.
  std::string create_database();
  int port() const { return port_; }
  std::string dir() const { return dir_; }

 private:
  PgCluster() = default;
  bool start(std::string& why);
  void stop();
  std::string dir_;
  std::string bin_;
  int port_ = 0;
  int databases_ = 0;
  bool as_postgres_ = false;
  friend struct PgClusterReaper;
};

// Exit code ctest treats as "skipped" (SKIP_RETURN_CODE).
inline constexpr int kSkipReturnCode = 77;

}  // namespace kiosk::central::testing
