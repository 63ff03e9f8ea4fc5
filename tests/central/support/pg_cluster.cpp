#include "tests/central/support/pg_cluster.hpp"

#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>

namespace kiosk::central::testing {
namespace {

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

std::string find_bin() {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const int v : {17, 16, 15, 14, 13}) {
    const fs::path p = "/usr/lib/postgresql/" + std::to_string(v) + "/bin";
    if (fs::exists(p / "initdb", ec) && fs::exists(p / "pg_ctl", ec)) return p.string();
  }
  return {};
}

}  // namespace

struct PgClusterReaper {
  std::unique_ptr<PgCluster> cluster;
  ~PgClusterReaper() {
    if (cluster) cluster->stop();
  }
};

PgCluster* PgCluster::instance(std::string* why) {
  static std::mutex mutex;
  static PgClusterReaper reaper;
  static bool tried = false;
  static std::string reason;
  std::lock_guard lock(mutex);
  if (!tried) {
    tried = true;
    auto cluster = std::unique_ptr<PgCluster>(new PgCluster());
    if (cluster->start(reason)) {
      reaper.cluster = std::move(cluster);
    } else {
      cluster->stop();
    }
  }
  if (why != nullptr) *why = reason;
  return reaper.cluster.get();
}

bool PgCluster::start(std::string& why) {
  bin_ = find_bin();
  if (bin_.empty()) {
    why = "PostgreSQL server binaries not found under /usr/lib/postgresql";
    return false;
  }
  char tmpl[] = "/tmp/kiosk-pg-XXXXXX";
  if (::mkdtemp(tmpl) == nullptr) {
    why = "mkdtemp failed";
    return false;
  }
  dir_ = tmpl;
  as_postgres_ = ::geteuid() == 0;
  if (as_postgres_) {
    const passwd* pw = ::getpwnam("postgres");
    if (pw == nullptr || ::chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
      why = "running as root but there is no postgres user to run the cluster";
      return false;
    }
  }
  const std::string prefix = as_postgres_ ? "runuser -u postgres -- " : "";
  const std::string initdb = prefix + bin_ + "/initdb -D " + dir_ +
                             "/data -A trust -U kiosk -E UTF8 --no-sync >" + dir_ +
                             "/initdb.log 2>&1";
  if (std::system(initdb.c_str()) != 0) {
    why = "initdb failed (see " + dir_ + "/initdb.log)";
    return false;
  }
  for (int attempt = 0; attempt < 3; ++attempt) {
    port_ = free_port();
    const std::string start = prefix + bin_ + "/pg_ctl -D " + dir_ + "/data -l " + dir_ +
                              "/log -w -t 30 -o \"-k " + dir_ + " -p " + std::to_string(port_) +
                              " -c listen_addresses=127.0.0.1 -c fsync=off -c "
                              "max_connections=200\" start >/dev/null 2>&1";
    if (std::system(start.c_str()) == 0) return true;
  }
  why = "pg_ctl start failed (see " + dir_ + "/log)";
  return false;
}

void PgCluster::stop() {
  if (dir_.empty()) return;
  if (port_ != 0) {
    const std::string prefix = as_postgres_ ? "runuser -u postgres -- " : "";
    const std::string stop =
        prefix + bin_ + "/pg_ctl -D " + dir_ + "/data -m immediate stop >/dev/null 2>&1";
    [[maybe_unused]] const int rc = std::system(stop.c_str());
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
  dir_.clear();
}

std::string PgCluster::create_database() {
  // A fresh schema in one shared database: much cheaper than CREATE DATABASE, and just as
  // isolated for the store (every statement resolves through search_path).
  const std::string base = "postgresql://kiosk@127.0.0.1:" + std::to_string(port_) + "/postgres";
  const std::string name = "t" + std::to_string(++databases_);
  PGconn* conn = PQconnectdb(base.c_str());
  PQclear(PQexec(conn, ("CREATE SCHEMA " + name).c_str()));
  PQfinish(conn);
  return base + "?options=-csearch_path%3D" + name;
}

}  // namespace kiosk::central::testing
