// Ingest throughput and batch latency of the central office: N kiosks, each on its own thread
// and TLS connection, upload pre-signed journal batches to an in-process server over loopback
// mTLS. Prints records/s and p50/p99 batch latency per backend.
//
// usage: bench_central_ingest [--kiosks 50] [--batches 10] [--batch-size 100] [--threads N]
//                             [--backend sqlite|postgresql|both]
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "central/server/api.hpp"
#include "central/server/https_server.hpp"
#include "tests/central/support/kiosk_client.hpp"
#include "tests/central/support/pg_cluster.hpp"
#include "tests/central/support/test_pki.hpp"

using namespace kiosk::central;
namespace protocol = kiosk::protocol;
using Clock = std::chrono::steady_clock;

namespace {

struct Params {
  int kiosks = 50;
  int batches = 10;
  int batch_size = 100;
  int threads = 0;  // server threads; 0 = one per kiosk (keep-alive holds a thread per connection)
  std::string backend = "both";
};

struct KioskLoad {
  std::string id;
  testing::TestCert cert;
  std::vector<std::string> bodies;  // pre-serialised batches
};

std::vector<KioskLoad> prepare(const Params& p, const testing::TestCert& ca) {
  std::vector<KioskLoad> loads;
  for (int k = 0; k < p.kiosks; ++k) {
    KioskLoad load;
    load.id = "bench-" + std::to_string(k);
    load.cert = testing::issue_cert(ca, load.id);
    auto key = protocol::PrivateKey::from_pem(load.cert.key_pem).value();
    std::string prev(wire::kGenesisHash);
    std::uint64_t seq = 0;
    for (int b = 0; b < p.batches; ++b) {
      std::vector<wire::Record> batch;
      for (int i = 0; i < p.batch_size; ++i) {
        auto r = wire::make_signed_record(
            load.id, ++seq, "session.step", "2026-11-28T09:00:00Z",
            nlohmann::json{{"step", seq}, {"transaction", "tx-" + std::to_string(seq / 13)}}, prev,
            key);
        prev = wire::record_hash(*r).value();
        batch.push_back(std::move(*r));
      }
      load.bodies.push_back(wire::batch_to_body(batch));
    }
    loads.push_back(std::move(load));
  }
  return loads;
}

void run(const std::string& label, const std::string& url, const Params& p,
         const testing::TestCert& ca, const testing::TestCert& server_cert,
         const std::vector<KioskLoad>& loads) {
  auto db = store::open_store(url);
  server::Api api(*db, nullptr);
  server::HttpsOptions o;
  o.port = 0;
  o.server_cert_pem = server_cert.cert_pem;
  o.server_key_pem = server_cert.key_pem;
  o.client_ca_pem = ca.cert_pem;
  o.threads = p.threads > 0 ? p.threads : p.kiosks + 2;
  server::HttpsServer https(api, o);
  const int port = https.start();

  std::vector<std::vector<double>> latencies(loads.size());
  std::atomic<int> failures{0};
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < loads.size(); ++k) {
    threads.emplace_back([&, k] {
      const auto& load = loads[k];
      testing::KioskClient client(port, ca.cert_pem, load.cert.cert_pem, load.cert.key_pem);
      client.get("/v1/events/ack");  // TLS handshake outside the measured phase
      ++ready;
      while (!go) std::this_thread::yield();
      for (const auto& body : load.bodies) {
        const auto t0 = Clock::now();
        auto r = client.post("/v1/events", body);
        latencies[k].push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (r.status != 200) ++failures;
      }
    });
  }
  while (ready < static_cast<int>(loads.size()))
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const auto start = Clock::now();
  go = true;
  for (auto& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  https.stop();

  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  auto pct = [&](double q) {
    return all.empty() ? 0.0
                       : all[std::min(all.size() - 1, static_cast<std::size_t>(q * all.size()))];
  };
  const double records = static_cast<double>(p.kiosks) * p.batches * p.batch_size;
  std::printf("%-10s kiosks=%d batches=%d batch_size=%d records=%.0f stored=%llu failures=%d\n",
              label.c_str(), p.kiosks, p.batches, p.batch_size, records,
              static_cast<unsigned long long>(db->event_count()), failures.load());
  std::printf(
      "%-10s %.0f records/s  %.1f batches/s  batch latency p50=%.1f ms p99=%.1f ms max=%.1f ms "
      "(%.2f s)\n",
      label.c_str(), records / seconds, all.size() / seconds, pct(0.50), pct(0.99),
      all.empty() ? 0.0 : all.back(), seconds);
}

}  // namespace

int main(int argc, char** argv) {
  Params p;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--kiosks")
      p.kiosks = std::stoi(v);
    else if (a == "--batches")
      p.batches = std::stoi(v);
    else if (a == "--batch-size")
      p.batch_size = std::stoi(v);
    else if (a == "--threads")
      p.threads = std::stoi(v);
    else if (a == "--backend")
      p.backend = v;
  }
  spdlog::set_level(spdlog::level::warn);  // one log line per request would measure the logger
  const auto ca = testing::make_ca("Bench CA");
  const auto server_cert = testing::issue_cert(ca, "localhost", true);
  std::printf("preparing %d kiosks x %d batches x %d signed records...\n", p.kiosks, p.batches,
              p.batch_size);
  const auto loads = prepare(p, ca);

  if (p.backend == "sqlite" || p.backend == "both") {
    char tmpl[] = "/tmp/kiosk-bench-XXXXXX";
    const std::filesystem::path dir = ::mkdtemp(tmpl);
    run("sqlite", "sqlite:" + (dir / "central.db").string(), p, ca, server_cert, loads);
    std::filesystem::remove_all(dir);
  }
  if (p.backend == "postgresql" || p.backend == "both") {
    std::string why;
    auto* pg = testing::PgCluster::instance(&why);
    if (pg == nullptr) {
      std::printf("postgresql skipped: %s\n", why.c_str());
    } else {
      run("postgresql", pg->create_database(), p, ca, server_cert, loads);
    }
  }
  return 0;
}
