// bench_outbox_drain [--records N]
// An outbox backlog reaching the office: N records (default 10 000, renewal steps with sealed
// personal fields) are written through the journal API into kioskd's journal while no kioskd
// runs, so none of them reached central; then kioskd starts as a child process against a real
// kiosk-central in-process (loopback mTLS) and the bench measures how long until central has
// acknowledged all of them. Checks that none was lost or doubled (central's stored count and
// head equal kioskd's last sequence) and that central's stored chain is intact (verify-chain).
// Goal (printed, not asserted): the backlog drained in <= 10 s. Exit status 1 when records were
// lost, doubled or the chain broke.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <spdlog/spdlog.h>

#include "central/server/admin.hpp"
#include "central/store/store.hpp"
#include "firmware/crypto/key_file.hpp"
#include "firmware/journal/journal.hpp"
#include "firmware/rpc/client.hpp"
#include "tests/firmware/kioskd/fixtures.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;
using namespace kiosk;

namespace {

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Writes `n` step records into the journal kioskd will open (same file, data key and signing
// key), as renewals would have while central was unreachable. Returns the last sequence.
std::uint64_t write_backlog(const kioskd::KioskdConfig& c, int n) {
  auto key = crypto::load_or_create_key(c.data_key_file);
  if (!key) return 0;
  journal::JournalOptions o;
  o.path = c.journal_path;
  o.data_key = key.value();
  o.kiosk_id = c.kiosk_id;
  o.signing_key_pem = testing::file_text(c.signing_key_file);
  auto j = journal::Journal::open(std::move(o));
  if (!j) return 0;
  std::string txn;
  for (int i = 0; i < n; ++i) {
    if (i % 25 == 0) {
      auto t = j.value()->begin_transaction("renewal");
      if (!t.ok()) return 0;
      txn = t.value();
    }
    journal::StepRecord s;
    s.step = "backlog";
    s.phase = journal::Phase::done;
    s.data = json{{"i", i}};
    s.personal = json{{"name", "测试"}};
    s.idempotency_key = txn + ":backlog:" + std::to_string(i);
    if (!j.value()->record_step(txn, s).ok()) return 0;
  }
  return j.value()->last_sequence();
}

}  // namespace

int main(int argc, char** argv) {
  int records = 10'000;
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--records") == 0 && i + 1 < argc) records = std::atoi(argv[++i]);
  ::signal(SIGPIPE, SIG_IGN);
  spdlog::set_level(spdlog::level::warn);  // central's request log
  char tmpl[] = "/tmp/bench-drain-XXXXXX";
  const fs::path dir = ::mkdtemp(tmpl);
  bool intact = false;
  {
    testing::InProcessCentral central(dir / "central");
    auto c = testing::kioskd_config(dir, &central);
    c.simulation.time_scale = 0;
    c.sync_interval = kioskd::KioskdConfig{}.sync_interval;  // kioskd's own default
    testing::write_kioskd_conf(c, dir / "kioskd.conf");
    const auto tw = Clock::now();
    const std::uint64_t backlog = write_backlog(c, records);
    std::printf("backlog: %d records written through the journal API in %.1f s (last seq %llu)\n",
                records, seconds_since(tw), static_cast<unsigned long long>(backlog));
    if (backlog == 0) return 1;

    const auto t0 = Clock::now();
    const pid_t pid = testing::spawn_kioskd(KIOSKD_BINARY, dir / "kioskd.conf", dir / "kioskd.log");
    auto client = testing::connect_when_ready(dir / "kioskd.sock");
    const double ready_s = seconds_since(t0);
    double drained_s = -1;
    std::uint64_t acked = 0;
    while (seconds_since(t0) < 300) {
      acked = central.acknowledged(c.kiosk_id);
      if (acked >= backlog) {
        drained_s = seconds_since(t0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    // kioskd journals a little of its own at start (config, audit): wait for those too.
    std::uint64_t last = 0;
    for (int i = 0; client && i < 500; ++i) {
      if (auto s = client->call("sync.status")) last = s.value().value("last_sequence", last);
      acked = central.acknowledged(c.kiosk_id);
      if (last != 0 && acked == last) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    client.reset();
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);

    auto store = central::store::open_store(central.db_url());
    const std::uint64_t stored = store->event_count();
    std::ostringstream chain;
    const int chain_rc = central::admin::verify_chain(*store, c.kiosk_id, chain);
    std::printf("kioskd start to local API ready: %.2f s\n", ready_s);
    if (drained_s < 0)
      std::printf("backlog NOT drained in 300 s (central acknowledged %llu of %llu)\n",
                  static_cast<unsigned long long>(acked), static_cast<unsigned long long>(backlog));
    else
      std::printf(
          "backlog of %llu records (%d steps and their transaction starts) acknowledged by "
          "central %.2f s after kioskd started (%.0f records/s, upload batches of 100; goal <= "
          "10 s: %s)\n",
          static_cast<unsigned long long>(backlog), records, drained_s,
          static_cast<double>(backlog) / drained_s, drained_s <= 10 ? "met" : "NOT met");
    std::printf(
        "kioskd last seq %llu, central head %llu, central stored %llu records (%s); chain: %s",
        static_cast<unsigned long long>(last), static_cast<unsigned long long>(acked),
        static_cast<unsigned long long>(stored),
        stored == last && acked == last ? "none lost or doubled" : "MISMATCH", chain.str().c_str());
    intact = stored == last && acked == last && chain_rc == 0;
  }
  std::error_code ec;
  if (intact) fs::remove_all(dir, ec);
  return intact ? 0 : 1;
}
