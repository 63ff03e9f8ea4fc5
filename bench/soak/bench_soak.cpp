// bench_soak [--renewals N] [--sample-every K] [--kioskd PATH] [--keep]
// One kiosk-central in-process (dev PKI, seeded registry) and one kioskd child process
// (emulators at time scale 0) for the whole run; the scripted citizen renews N licences back
// to back (default 10 000); when the stock runs out the technician loads 100 more cards
// (stock.load) and puts them in the printer's feeder with a new ribbon. Every K
// renewals (default N/50) kioskd's resident memory, open file descriptors and threads are
// sampled on the attract screen and printed as a table with the renewals/s of the window;
// the verdict fits a slope over the second half of the RSS samples (KiB per 1 000 renewals)
// and requires the fds to be exactly flat. Stops at the first renewal that does not complete,
// with its reason. Exit status: 0 when every renewal completed and the fds stayed flat (what
// the ctest smoke checks), 1 otherwise; the RSS slope is a printed number, not a pass/fail.
//
// The registry is the office's: once a licence is renewed it is no longer due. Between
// renewals the bench, as the registry's keeper, puts the citizen's licence back as seeded, so
// one synthetic citizen renews again and again. The printed cards are taken away (their PNGs
// deleted) so the disk does not fill.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

#include "bench/soak/soak_curve.hpp"
#include "central/store/store.hpp"
#include "firmware/citizen/citizen.hpp"
#include "firmware/rpc/client.hpp"
#include "tests/firmware/kioskd/fixtures.hpp"
#include "tests/support/proc_stats.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;
using namespace kiosk;

namespace {

struct Options {
  int renewals = 10'000;
  int sample_every = 0;  // 0: renewals / 50
  std::string kioskd = KIOSKD_BINARY;
  bool keep = false;      // keep the run's directory (journal, logs)
  int stock_batch = 100;  // what the card printer's feeder holds
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const bool more = i + 1 < argc;
    if (std::strcmp(argv[i], "--renewals") == 0 && more)
      o.renewals = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--sample-every") == 0 && more)
      o.sample_every = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--kioskd") == 0 && more)
      o.kioskd = argv[++i];
    else if (std::strcmp(argv[i], "--keep") == 0)
      o.keep = true;
  }
  if (o.sample_every <= 0) o.sample_every = std::max(1, o.renewals / 50);
  return o;
}

// The technician loads `count` more blank cards, serials following the ones loaded before.
bool load_stock(rpc::Client& c, int first, int count) {
  const std::string token = testing::technician_token(c);
  if (token.empty()) return false;
  char a[16], b[16];
  std::snprintf(a, sizeof a, "C%07d", first);
  std::snprintf(b, sizeof b, "C%07d", first + count - 1);
  const bool ok = static_cast<bool>(
      c.call("stock.load",
             json{{"token", token}, {"count", count}, {"first_serial", a}, {"last_serial", b}}));
  (void)c.call("maintenance.logout", json{{"token", token}});
  // The same cards go into the printer's feeder (it holds 100), with a new ribbon.
  return ok && static_cast<bool>(c.call("emulator.refill_card_printer"));
}

std::uint64_t loaded_cards_left(rpc::Client& c) {
  auto s = c.call("stock.status");
  return s ? s.value().value("remaining", std::uint64_t{0}) : 0;
}

// Waits until kioskd shows the attract screen again (the session's end is done).
bool back_on_attract_screen(rpc::Client& c) {
  for (int i = 0; i < 10'000; ++i) {
    auto r = c.call("session.get");
    if (r && r.value().value("screen", "") == "idle") return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

// The registry's keeper: the citizen's licence as it was seeded, put back after each renewal.
class LicenceReset {
 public:
  LicenceReset(const std::string& db_url, std::string id_number)
      : store_(central::store::open_store(db_url)), id_(std::move(id_number)) {
    if (auto l = store_->citizen(id_)) seeded_ = *l;
  }
  bool ok() const { return !seeded_.empty(); }
  bool reset() {
    const auto now = store_->citizen(id_);
    if (!now) return false;
    return *now == seeded_ || store_->update_citizen(id_, *now, seeded_);
  }

 private:
  std::unique_ptr<central::store::Store> store_;
  std::string id_;
  std::string seeded_;
};

void take_away(const citizen::CitizenReport& r) {
  std::error_code ec;
  for (const auto& p : r.card_images) fs::remove(p, ec);
  if (!r.receipt_image.empty()) fs::remove(r.receipt_image, ec);
}

void print_log_tail(const fs::path& log, std::size_t lines) {
  const std::string text = testing::file_text(log);
  std::size_t pos = text.size();
  for (std::size_t n = 0; n <= lines && pos != std::string::npos && pos > 0; ++n)
    pos = text.rfind('\n', pos - 1);
  std::printf("--- kioskd log (last lines, %s) ---\n%s\n", log.c_str(),
              text.substr(pos == std::string::npos ? 0 : pos + 1).c_str());
}

// Open fds once kioskd is idle: the least of a few readings 20 ms apart, so a sync request
// that happens to be in flight (its socket) is not counted; a leaked fd is in every reading.
int settled_fds(pid_t pid) {
  int least = testing::open_fds(pid);
  for (int i = 0; i < 4; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    least = std::min(least, testing::open_fds(pid));
  }
  return least;
}

// SIGINT / SIGTERM: stop after the renewal in progress and print the curve so far.
volatile std::sig_atomic_t g_stop = 0;
extern "C" void on_stop_signal(int) {
  g_stop = 1;
}

struct Run {
  int completed = 0;
  int failed = 0;
  std::vector<bench::SoakSample> samples;
  double seconds = 0;
};

Run soak(const Options& o, const fs::path& dir, testing::InProcessCentral& central, pid_t pid,
         rpc::Client& client) {
  Run run;
  std::string id;
  if (auto cs = client.call("emulator.citizens"))
    for (const auto& c : cs.value()["citizens"])
      if (c.value("label", "") == "due_for_renewal") id = c.value("id_number", "");
  LicenceReset registry(central.db_url(), id);
  if (id.empty() || !registry.ok()) {
    std::printf("no due_for_renewal citizen in the registry\n");
    ++run.failed;
    return run;
  }
  int next_serial = 1;
  citizen::CitizenOptions co;
  co.socket = dir / "kioskd.sock";
  co.who = id;
  co.timeout = std::chrono::seconds(120);
  const auto t0 = Clock::now();
  auto window = t0;
  bench::print_sample_header();
  while (run.completed < o.renewals && g_stop == 0) {
    if (loaded_cards_left(client) == 0) {
      if (!load_stock(client, next_serial, o.stock_batch)) {
        std::printf("FAILED: the technician could not load card stock\n");
        ++run.failed;
        break;
      }
      next_serial += o.stock_batch;
    }
    const auto r = citizen::run_citizen(co);
    take_away(r);
    if (!r.completed) {
      ++run.failed;
      std::printf("FAILED at renewal %d: final screen %s, reason: %s\n", run.completed + 1,
                  r.final_screen.c_str(), r.error.c_str());
      print_log_tail(dir / "kioskd.log", 30);
      break;
    }
    ++run.completed;
    if (!registry.reset()) {
      ++run.failed;
      std::printf("FAILED: the registry could not put the licence back after renewal %d\n",
                  run.completed);
      break;
    }
    if (run.completed % o.sample_every == 0 || run.completed == o.renewals || g_stop != 0) {
      if (!back_on_attract_screen(client)) {
        ++run.failed;
        std::printf("FAILED: kioskd did not return to the attract screen after renewal %d\n",
                    run.completed);
        break;
      }
      const int in_window =
          run.samples.empty() ? run.completed : run.completed - run.samples.back().renewal;
      bench::SoakSample s;
      s.renewal = run.completed;
      s.rss_mib = testing::memory_mib(pid, "VmRSS");
      s.fds = settled_fds(pid);
      s.threads = testing::thread_count(pid);
      s.renewals_per_s = in_window / std::chrono::duration<double>(Clock::now() - window).count();
      window = Clock::now();
      run.samples.push_back(s);
      bench::print_sample(s);
    }
  }
  run.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return run;
}

// Waits (up to 60 s) until central has acknowledged everything kioskd's journal holds.
void outbox_check(testing::InProcessCentral& central, rpc::Client& client) {
  std::uint64_t head = 0, acked = 0;
  for (int i = 0; i < 600; ++i) {
    auto s = client.call("sync.status");
    if (s) head = s.value().value("last_sequence", std::uint64_t{0});
    acked = central.acknowledged("kiosk-dev-001");
    if (head != 0 && acked == head) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::printf("outbox: journal head seq %llu, acknowledged by central %llu (%s)\n",
              static_cast<unsigned long long>(head), static_cast<unsigned long long>(acked),
              head == acked ? "all" : "NOT all");
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  ::signal(SIGPIPE, SIG_IGN);
  ::signal(SIGINT, on_stop_signal);
  ::signal(SIGTERM, on_stop_signal);
  spdlog::set_level(spdlog::level::warn);  // central's request log would drown the curve
  char tmpl[] = "/tmp/bench-soak-XXXXXX";
  const fs::path dir = ::mkdtemp(tmpl);
  Run run;
  {
    testing::InProcessCentral central(dir / "central");
    auto c = testing::kioskd_config(dir, &central);
    c.simulation.time_scale = 0;
    c.sync_interval = kioskd::KioskdConfig{}.sync_interval;  // kioskd's own default
    testing::write_kioskd_conf(c, dir / "kioskd.conf");
    const pid_t pid =
        testing::spawn_kioskd(o.kioskd.c_str(), dir / "kioskd.conf", dir / "kioskd.log");
    auto client = testing::connect_when_ready(dir / "kioskd.sock");
    std::printf(
        "soak: %d renewals back to back, kioskd pid %d, time scale 0, sample every %d (%s)\n",
        o.renewals, static_cast<int>(pid), o.sample_every, dir.c_str());
    if (client) {
      run = soak(o, dir, central, pid, *client);
      outbox_check(central, *client);
    } else {
      std::printf("kioskd never answered\n");
      run.failed = 1;
    }
    client.reset();
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
  }
  const auto v = bench::judge(run.samples);
  std::printf("renewals completed: %d of %d, failures: %d, %.0f s, %.2f renewals/s overall\n",
              run.completed, o.renewals, run.failed, run.seconds,
              run.seconds > 0 ? run.completed / run.seconds : 0.0);
  // Below a few hundred renewals the slope is mostly the allocator settling: printed, not judged.
  const char* rss = run.completed < 500                ? "not judged (too few renewals)"
                    : v.rss_slope_kib_per_1000 > 100.0 ? "GROWING"
                                                       : "flat";
  std::printf(
      "verdict: RSS %s (slope over the second half %+.0f KiB per 1 000 renewals), fds %s, "
      "threads %s\n",
      rss, v.rss_slope_kib_per_1000, v.fds_flat ? "flat" : "NOT FLAT",
      v.threads_flat ? "flat" : "not flat");
  std::error_code ec;
  if (!o.keep && run.failed == 0) fs::remove_all(dir, ec);
  return run.failed == 0 && v.fds_flat && (run.completed == o.renewals || g_stop != 0) ? 0 : 1;
}
