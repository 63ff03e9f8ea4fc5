// The fault campaign (issue 11): whole services with kioskd and kiosk-central as real child
// processes, random faults per run (seeded: run i of seed S uses seed S+i, and
// `--seed S+i --runs 1` replays it), then the invariants through the product's interfaces.
//
// usage: kiosk-campaign [--runs N] [--seed S] [--span-ms MS] [--dir DIR]
//                       [--kioskd PATH] [--central PATH]
// Exit status 0 when no run broke an invariant, 1 otherwise, 2 on a usage or setup error.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "firmware/citizen/citizen.hpp"
#include "tests/campaign/checks.hpp"
#include "tests/campaign/faults.hpp"
#include "tests/campaign/site.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kiosk::campaign;
using nlohmann::json;

namespace {

struct Options {
  int runs = 30;
  std::uint64_t seed = 0;
  int span_ms = 4000;  // faults land in the first span_ms of a service
  std::string kioskd = KIOSKD_BINARY;
  std::string central = KIOSK_CENTRAL_BINARY;
};

constexpr int kRunsPerSite = 200;  // a fresh office and kiosk after so many (bounded files)

// Blank cards: loaded 20 at a time when fewer than 3 remain.
class Stock {
 public:
  bool top_up(Kiosk& kiosk) {
    auto* api = kiosk.api();
    if (api == nullptr) return false;
    auto st = api->call("stock.status");
    if (st && st.value().value("remaining", 0) >= 3) return true;
    auto login = api->call("maintenance.login", {{"user", "tech"}, {"password", "kiosk24-dev"}});
    for (int i = 0; i < 200 && !login; ++i) {  // the signed config (credentials) comes by sync
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      login = api->call("maintenance.login", {{"user", "tech"}, {"password", "kiosk24-dev"}});
    }
    if (!login) return false;
    const std::string token = login.value()["token"];
    char first[16], last[16];
    std::snprintf(first, sizeof first, "C%07d", next_);
    std::snprintf(last, sizeof last, "C%07d", next_ + 19);
    auto loaded = api->call(
        "stock.load",
        {{"token", token}, {"count", 20}, {"first_serial", first}, {"last_serial", last}});
    (void)api->call("maintenance.logout", {{"token", token}});
    if (loaded) next_ += 20;
    return static_cast<bool>(loaded);
  }

 private:
  int next_ = 1;
};

struct Site {
  kiosk::testing::TempDir dir;
  std::unique_ptr<Office> office;
  std::unique_ptr<Kiosk> kiosk;
  Stock stock;
  std::set<std::string> known;  // discrepancies already reported
};

std::unique_ptr<Site> open_site(const Options& o, double time_scale) {
  auto site = std::make_unique<Site>();
  site->office = std::make_unique<Office>(site->dir.path / "central", o.central);
  site->kiosk =
      std::make_unique<Kiosk>(site->dir.path / "kiosk", o.kioskd, *site->office, time_scale);
  if (!site->kiosk->start())
    throw std::runtime_error("kioskd did not start:\n" + site->kiosk->log());
  return site;
}

Options parse(int argc, char** argv) {
  Options o;
  o.seed = static_cast<std::uint64_t>(std::random_device{}());
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has = i + 1 < argc;
    if (a == "--runs" && has)
      o.runs = std::stoi(argv[++i]);
    else if (a == "--seed" && has)
      o.seed = std::stoull(argv[++i]);
    else if (a == "--span-ms" && has)
      o.span_ms = std::stoi(argv[++i]);
    else if (a == "--kioskd" && has)
      o.kioskd = argv[++i];
    else if (a == "--central" && has)
      o.central = argv[++i];
    else
      throw std::invalid_argument("unknown option " + a);
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  try {
    o = parse(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << e.what()
              << "\nusage: kiosk-campaign [--runs N] [--seed S] [--span-ms MS] "
                 "[--kioskd PATH] [--central PATH]\n";
    return 2;
  }
  const char* scale_env = std::getenv("KIOSK_EMU_TIME_SCALE");
  const double time_scale = scale_env != nullptr ? std::atof(scale_env) : 0.01;
  std::cout << "campaign: " << o.runs << " runs, seed " << o.seed << ", time scale " << time_scale
            << std::endl;

  std::map<std::string, int> injected, broken;
  int runs_broken = 0;
  std::unique_ptr<Site> site;
  for (int run = 0; run < o.runs; ++run) {
    try {
      if (run % kRunsPerSite == 0) {
        site.reset();
        site = open_site(o, time_scale);
        if (!site->kiosk->own_filesystem())
          std::cout << "disk_full: skipped (no tmpfs could be mounted for kioskd's data)"
                    << std::endl;
      }
    } catch (const std::exception& e) {
      std::cout << "setup failed: " << e.what() << std::endl;
      return 2;
    }
    Office& office = *site->office;
    Kiosk& kiosk = *site->kiosk;
    const std::uint64_t run_seed = o.seed + static_cast<std::uint64_t>(run);
    std::mt19937_64 rng(run_seed);
    office.reseed();
    site->stock.top_up(kiosk);
    kiosk.clear_artifacts();
    const bool replacement = std::uniform_int_distribution<int>(0, 4)(rng) == 0;
    const auto faults = choose_faults(rng, o.span_ms, kiosk.own_filesystem());

    kiosk::citizen::CitizenReport report;
    std::thread citizen([&] {
      kiosk::citizen::CitizenOptions c;
      c.socket = kiosk.socket();
      c.service = replacement ? "replace_lost" : "renewal";
      c.who = replacement ? "lost_reported" : "due_for_renewal";
      c.timeout = std::chrono::seconds(40);
      report = kiosk::citizen::run_citizen(c);
    });
    inject(faults, office, kiosk);
    citizen.join();

    Verdict v;
    std::string how;
    if (kiosk.died(how)) v.breaks.push_back("kioskd died by itself (" + how + ")");
    if (office.died(how)) v.breaks.push_back("kiosk-central died by itself (" + how + ")");
    clear_all(office, kiosk);
    auto checked = check_invariants(office, kiosk, std::chrono::seconds(60), site->known);
    v.breaks.insert(v.breaks.end(), checked.breaks.begin(), checked.breaks.end());
    v.notes = checked.notes;

    std::string names;
    for (const auto& f : faults) {
      ++injected[f.name()];
      names += (names.empty() ? "" : ",") + f.name() + "@" + std::to_string(f.at_ms);
    }
    std::cout << "run " << run << " seed " << run_seed << " "
              << (replacement ? "replace_lost" : "renewal") << " faults=[" << names
              << "] citizen=" << report.final_screen
              << (report.error.empty() ? "" : "(" + report.error + ")") << " "
              << (v.breaks.empty() ? "OK" : "BREAK");
    for (const auto& n : v.notes) std::cout << " [" << n << "]";
    std::cout << std::endl;
    for (const auto& b : v.breaks) {
      std::cout << "  BREAK " << b << std::endl;
      ++broken[b.substr(0, b.find(':'))];
    }
    if (!v.breaks.empty()) ++runs_broken;
  }

  std::cout << "summary: " << o.runs << " runs (seed " << o.seed << "), " << runs_broken
            << " with a break\n  faults injected:";
  int total = 0;
  for (const auto& [k, n] : injected) {
    std::cout << " " << k << "=" << n;
    total += n;
  }
  std::cout << " (total " << total << ")\n  breaks:";
  for (const auto& [k, n] : broken) std::cout << " " << k << "=" << n;
  std::cout << (broken.empty() ? " none" : "") << std::endl;
  return runs_broken == 0 ? 0 : 1;
}
