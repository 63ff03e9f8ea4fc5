// kiosk-central: argument parsing only; the commands live in central/server/admin.cpp.
#include <signal.h>

#include <atomic>
#include <cstring>
#include <ctime>
#include <iostream>
#include <map>
#include <string>
#include <thread>

#include "central/server/admin.hpp"

namespace {

constexpr const char* kUsage = R"(usage: kiosk-central COMMAND [options]
  serve --db URL --pki DIR [--listen 127.0.0.1:8443] [--threads N] [--retention-days 30]
        [--fault-file F]              (F, dev only: while it exists, answer 503)
  dev [--dir ./kiosk-central-dev] [--listen 127.0.0.1:8443]   pki init + seed + serve
  pki init DIR                        development CA, server, office and dev kiosk certificates
  pki operator DIR NAME               office operator certificate (CN=admin.NAME) for /v1/fleet
  seed --db URL [--pki DIR] [--today YYYY-MM-DD]
  config publish --db URL --pki DIR --file doc.json   sign and publish a newer configuration
  kiosks --db URL                     kiosks and their health
  transactions --db URL [--limit N]   issuances and journal events
  reconcile --db URL [--json]         payments, authorisations, refunds, cards, stock per kiosk;
                                      exit 1 on a discrepancy
  verify-chain KIOSK --db URL         re-checks the kiosk's stored journal (seqs, hashes, links)
  token --db URL --kiosk ID [--ttl-hours 24]   one-time enrolment token
  revoke --db URL --serial HEX [--kiosk ID]
  purge --db URL [--retention-days 30] [--now 2026-12-05T17:00:00Z]
                                      strips personal data past its retention (serve does it hourly)
URL: sqlite:/path/to/central.db | postgresql://user@host:port/db
)";

std::map<std::string, std::string> parse_options(int argc, char** argv, int first) {
  std::map<std::string, std::string> opts;
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--json") {  // the one option without a value
      opts["json"] = "1";
    } else if (a.rfind("--", 0) == 0 && i + 1 < argc) {
      opts[a.substr(2)] = argv[++i];
    } else {
      opts["_" + std::to_string(i)] = a;
    }
  }
  return opts;
}

// SIGINT/SIGTERM are blocked in every thread and taken by one waiting thread: the server
// stops cleanly without doing anything in a signal handler.
std::atomic<bool> g_stop{false};

void wait_for_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([set] {
    int sig = 0;
    sigwait(&set, &sig);
    g_stop = true;
  }).detach();
}

template <class Get>
int retention_days(Get&& get) {
  const int days = std::stoi(
      get("retention-days", std::to_string(kiosk::central::admin::kDefaultRetentionDays)));
  if (days < 1) throw std::invalid_argument("--retention-days must be at least 1");
  return days;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kiosk::central;
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  const std::string cmd = argv[1];
  try {
    if (cmd == "pki") {
      if (argc == 4 && std::strcmp(argv[2], "init") == 0)
        return admin::pki_init(argv[3], std::cout);
      if (argc == 5 && std::strcmp(argv[2], "operator") == 0) {
        return admin::pki_operator(argv[3], argv[4], std::cout);
      }
      std::cerr << kUsage;
      return 2;
    }
    auto opts = parse_options(argc, argv, 2);
    auto need = [&](const char* name) -> std::string {
      auto it = opts.find(name);
      if (it == opts.end()) throw std::invalid_argument(std::string("missing --") + name);
      return it->second;
    };
    auto get = [&](const char* name, std::string fallback) {
      auto it = opts.find(name);
      return it == opts.end() ? fallback : it->second;
    };
    if (cmd == "serve") {
      wait_for_signals();
      admin::ServeOptions serve{need("db"),
                                need("pki"),
                                get("listen", "127.0.0.1:8443"),
                                std::stoi(get("threads", "64")),
                                &g_stop,
                                nullptr,
                                get("fault-file", "")};
      serve.retention_days = retention_days(get);
      return admin::serve(serve, std::cout);
    }
    if (cmd == "dev") {
      wait_for_signals();
      return admin::dev(get("dir", "kiosk-central-dev"), get("listen", "127.0.0.1:8443"), &g_stop,
                        std::cout);
    }
    auto db = store::open_store(need("db"));
    if (cmd == "seed") {
      admin::SeedOptions o;
      o.today = get("today", "");
      if (opts.count("pki") != 0) o.pki_dir = opts["pki"];
      return admin::seed(*db, o, std::cout);
    }
    if (cmd == "config") {
      if (opts.count("_2") == 0 || opts["_2"] != "publish")
        throw std::invalid_argument("config publish");
      return admin::publish_config(*db, need("pki"), need("file"), std::cout);
    }
    if (cmd == "kiosks") return admin::list_kiosks(*db, std::cout);
    if (cmd == "transactions")
      return admin::list_transactions(*db, std::stoul(get("limit", "20")), std::cout);
    if (cmd == "reconcile") return admin::reconcile(*db, std::cout, opts.count("json") > 0);
    if (cmd == "verify-chain") {
      if (opts.count("_2") == 0) throw std::invalid_argument("verify-chain KIOSK");
      return admin::verify_chain(*db, opts["_2"], std::cout);
    }
    if (cmd == "token")
      return admin::issue_token(*db, need("kiosk"), std::stoi(get("ttl-hours", "24")), std::cout);
    if (cmd == "purge") {
      std::int64_t now = std::time(nullptr);
      if (opts.count("now") != 0) {
        const auto at = admin::parse_utc(opts["now"]);
        if (!at) throw std::invalid_argument("--now must be YYYY-MM-DDTHH:MM:SSZ");
        now = *at;
      }
      return admin::purge(*db, retention_days(get), now, std::cout);
    }
    if (cmd == "revoke") return admin::revoke(*db, need("serial"), get("kiosk", ""), std::cout);
    std::cerr << kUsage;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "kiosk-central: " << e.what() << '\n';
    return 1;
  }
}
