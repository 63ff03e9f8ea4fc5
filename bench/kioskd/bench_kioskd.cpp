// bench_kioskd [--runs N] [--realistic]
// Each run: a fresh kiosk-central in-process (dev PKI, seeded registry) and a fresh kioskd
// child process (emulators at time scale 0), stock loaded, then one renewal by the scripted
// citizen through the local API. Prints startup-to-ready, renewal time (median, max), kioskd's
// own CPU time over the renewal and its RSS after it; then journal commit latency (record_step,
// synchronous=FULL) p50/p99; with --realistic one more renewal at time scale 1 (the citizen's
// end-to-end time).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "bench/kioskd/bench_support.hpp"
#include "firmware/citizen/citizen.hpp"
#include "firmware/crypto/key_file.hpp"
#include "firmware/journal/journal.hpp"
#include "firmware/rpc/client.hpp"
#include "tests/firmware/kioskd/fixtures.hpp"
#include "tests/support/proc_stats.hpp"

namespace fs = std::filesystem;
using kiosk::bench::Clock;
using kiosk::bench::ms_since;
using kiosk::bench::percentile;
using nlohmann::json;

namespace {

// kioskd's configuration for a run in `dir` against `central`, emulators at `scale`.
fs::path write_config(const fs::path& dir, const kiosk::testing::InProcessCentral& central,
                      double scale) {
  auto c = kiosk::testing::kioskd_config(dir, &central);
  c.simulation.time_scale = scale;
  c.sync_interval = kiosk::kioskd::KioskdConfig{}.sync_interval;  // kioskd's own default
  const fs::path conf = dir / "kioskd.conf";
  kiosk::testing::write_kioskd_conf(c, conf);
  return conf;
}

struct RunNumbers {
  double ready_ms = 0, renewal_ms = 0;
  double rss_mib = 0;
  double cpu_ms = 0;  // kioskd's own CPU time (user + system) over the renewal
  bool ok = false;
};

RunNumbers one_run(double scale) {
  RunNumbers n;
  char tmpl[] = "/tmp/bench-kioskd-XXXXXX";
  const fs::path dir = ::mkdtemp(tmpl);
  {
    kiosk::testing::InProcessCentral central(dir / "central");
    const fs::path conf = write_config(dir, central, scale);
    const auto t0 = Clock::now();
    const pid_t pid = kiosk::testing::spawn_kioskd(KIOSKD_BINARY, conf, dir / "kioskd.log");
    auto client = kiosk::testing::connect_when_ready(dir / "kioskd.sock", std::chrono::seconds(10),
                                                     std::chrono::microseconds(500));
    n.ready_ms = ms_since(t0);
    const std::string token = client ? kiosk::testing::technician_token(*client) : "";
    if (client && !token.empty() &&
        client->call("stock.load", kiosk::testing::blank_cards(token, 10))) {
      kiosk::citizen::CitizenOptions o;
      o.socket = dir / "kioskd.sock";
      o.timeout = std::chrono::seconds(300);
      const double cpu_before = kiosk::testing::cpu_ms(pid);
      const auto r = kiosk::citizen::run_citizen(o);
      n.ok = r.completed;
      n.renewal_ms = r.elapsed_seconds * 1000;
      n.cpu_ms = kiosk::testing::cpu_ms(pid) - cpu_before;
      n.rss_mib = kiosk::testing::memory_mib(pid, "VmRSS");
      if (!r.completed)
        std::printf("  renewal failed: %s %s\n", r.final_screen.c_str(), r.error.c_str());
    }
    client.reset();
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  return n;
}

void journal_commits() {
  char tmpl[] = "/tmp/bench-journal-XXXXXX";
  const fs::path dir = ::mkdtemp(tmpl);
  {
    // Any valid P-256 key signs; make one with the central dev PKI.
    kiosk::testing::InProcessCentral central(dir / "central");
    auto key = kiosk::crypto::load_or_create_key(dir / "data.key");
    std::ifstream f(dir / "central" / "pki" / "kiosks" / "kiosk-dev-001.key");
    std::ostringstream pem;
    pem << f.rdbuf();
    kiosk::journal::JournalOptions o;
    o.path = dir / "journal.db";
    o.data_key = key.value();
    o.kiosk_id = "kiosk-dev-001";
    o.signing_key_pem = pem.str();
    auto j = kiosk::journal::Journal::open(std::move(o));
    if (!j) return;
    auto txn = j.value()->begin_transaction("renewal");
    std::vector<double> lat;
    for (int i = 0; i < 300; ++i) {
      kiosk::journal::StepRecord s;
      s.step = "bench";
      s.phase = kiosk::journal::Phase::done;
      s.data = json{{"i", i}};
      s.personal = json{{"name", "测试"}};
      s.idempotency_key = txn.value() + ":bench:" + std::to_string(i);
      const auto t0 = Clock::now();
      (void)j.value()->record_step(txn.value(), s);
      lat.push_back(ms_since(t0));
    }
    std::printf(
        "journal commit (record_step, personal sealed, fsync): p50 %.2f ms  p99 %.2f ms  (n=300)\n",
        percentile(lat, 0.5), percentile(lat, 0.99));
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 5;
  bool realistic = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
      runs = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--realistic") == 0)
      realistic = true;
  }
  ::signal(SIGPIPE, SIG_IGN);
  std::vector<double> ready, renewal, cpu;
  double rss = 0;
  for (int i = 0; i < runs; ++i) {
    const auto n = one_run(0.0);
    if (!n.ok) continue;
    ready.push_back(n.ready_ms);
    renewal.push_back(n.renewal_ms);
    cpu.push_back(n.cpu_ms);
    rss = std::max(rss, n.rss_mib);
  }
  std::printf("runs ok: %zu/%d (emulators at time scale 0; central on loopback TLS)\n",
              renewal.size(), runs);
  std::printf("kioskd startup to ready (spawn -> local API answers): median %.1f ms  max %.1f ms\n",
              percentile(ready, 0.5), percentile(ready, 1.0));
  std::printf(
      "renewal, scripted citizen end to end (kioskd + central + rpc): median %.1f ms  max %.1f "
      "ms\n",
      percentile(renewal, 0.5), percentile(renewal, 1.0));
  std::printf(
      "kioskd CPU time per renewal (user + system, in-process emulators): median %.0f ms  "
      "max %.0f ms\n",
      percentile(cpu, 0.5), percentile(cpu, 1.0));
  std::printf("kioskd RSS after a renewal: %.1f MiB\n", rss);
  journal_commits();
  if (realistic) {
    const auto n = one_run(1.0);
    std::printf("renewal with realistic emulator timings (time scale 1): %.1f s (%s)\n",
                n.renewal_ms / 1000, n.ok ? "completed" : "FAILED");
  }
  return 0;
}
