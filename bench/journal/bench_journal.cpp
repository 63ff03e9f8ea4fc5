// Usage: bench_journal [directory] [steps]
// Prints the commit latency of record_step (one step row + one signed outbox record per
// SQLite transaction, WAL, synchronous=FULL) and the resulting throughput.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include "firmware/journal/journal.hpp"
#include "protocol/crypto/keys.hpp"

using namespace kiosk::journal;
namespace protocol = kiosk::protocol;
using Clock = std::chrono::steady_clock;

namespace {

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  return v[i];
}

int run(const char* label, Journal& j, int steps, bool personal) {
  auto txn = j.begin_transaction("renewal");
  if (!txn) return 1;
  StepRecord s;
  s.phase = Phase::done;
  s.data = {{"attempt", 1}, {"screen", "confirm_details"}};
  if (personal) {
    s.personal = {{"name", "Bench Citizen"},
                  {"id_number", "110101199001011234"},
                  {"address", std::string(200, 'a')}};
  }
  std::vector<double> ms;
  ms.reserve(static_cast<std::size_t>(steps));
  const auto start = Clock::now();
  for (int i = 0; i < steps; ++i) {
    s.step = "step" + std::to_string(i % 13);
    s.idempotency_key = *txn + "-" + std::to_string(i);
    const auto t0 = Clock::now();
    auto r = j.record_step(*txn, s);
    const auto t1 = Clock::now();
    if (!r) {
      std::fprintf(stderr, "record_step failed: %s %s\n", to_string(r.error().code),
                   r.error().message.c_str());
      return 1;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  const double total = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("%-28s n=%d p50=%.3f ms p99=%.3f ms max=%.3f ms throughput=%.0f steps/s\n", label,
              steps, percentile(ms, 0.50), percentile(ms, 0.99),
              *std::max_element(ms.begin(), ms.end()), steps / total);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  const fs::path base = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path();
  const int steps = argc > 2 ? std::max(10, std::atoi(argv[2])) : 500;
  const fs::path dir = base / ("bench_journal_" + std::to_string(::getpid()));
  fs::create_directories(dir);

  auto key = protocol::PrivateKey::generate_p256();
  if (!key) return 1;
  JournalOptions o;
  o.path = dir / "journal.db";
  o.data_key.fill(0x5a);
  o.kiosk_id = "k-bench";
  o.signing_key_pem = key->to_pem();
  auto j = Journal::open(o);
  if (!j) {
    std::fprintf(stderr, "open failed: %s\n", j.error().message.c_str());
    return 1;
  }
  std::printf("journal at %s (WAL, synchronous=FULL)\n", o.path.c_str());
  {
    // The CPU part of a step: building and signing its ECDSA P-256 outbox record.
    std::vector<double> ms;
    for (int i = 0; i < 200; ++i) {
      const auto t0 = Clock::now();
      auto r = kiosk::protocol::wire::make_signed_record(
          "k-bench", static_cast<std::uint64_t>(i + 1), "txn.step", "2026-11-28T08:00:00.000Z",
          {{"txn", "tx-0"}, {"step", "identified"}},
          std::string(kiosk::protocol::wire::kGenesisHash), *key);
      if (!r) return 1;
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::printf("%-28s n=200 p50=%.3f ms p99=%.3f ms\n", "sign record only", percentile(ms, 0.5),
                percentile(ms, 0.99));
  }
  int rc = run("record_step (no personal)", **j, steps, false);
  if (rc == 0) rc = run("record_step (personal, AES)", **j, steps, true);
  j->reset();
  fs::remove_all(dir);
  return rc;
}
