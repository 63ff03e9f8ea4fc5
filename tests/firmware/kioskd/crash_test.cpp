// Crash tests: kioskd runs as a child process; a scripted citizen drives a renewal; the test
// SIGKILLs kioskd as soon as the journal shows step N (N = 1, 2, ... until a renewal finishes
// before step N appears), restarts it and checks the invariants after its recovery:
//  * no transaction left unfinished (central is up, so nothing waits);
//  * no charge without a card or a refund: every order paid at central belongs to a
//    transaction whose card was issued or retained; otherwise central shows it refunded;
//  * no second card for one authorisation (at most one card issued);
//  * every blank card accounted for: nothing reserved, loaded = issued+spoiled+retained+remaining;
//  * the outbox is acknowledged by central up to its last record, contiguous.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <thread>

#include "firmware/citizen/citizen.hpp"
#include "firmware/crypto/key_file.hpp"
#include "firmware/journal/journal.hpp"
#include "firmware/rpc/client.hpp"
#include "protocol/error.hpp"
#include "tests/firmware/kioskd/fixtures.hpp"

using namespace kiosk;
using nlohmann::json;

namespace {

std::unique_ptr<journal::Journal> open_journal(const kioskd::KioskdConfig& c) {
  auto key = crypto::load_key(c.data_key_file);
  const std::string pem = testing::file_text(c.central.key_file);
  if (!key) return nullptr;
  journal::JournalOptions o;
  o.path = c.journal_path;
  o.data_key = key.value();
  o.kiosk_id = c.kiosk_id;
  o.signing_key_pem = pem;
  auto j = journal::Journal::open(std::move(o));
  if (!j) return nullptr;
  return std::move(j).value();
}

bool has_step(const journal::TransactionDetail& d, const std::string& step, journal::Phase phase) {
  for (const auto& s : d.steps)
    if (s.step == step && s.phase == phase) return true;
  return false;
}

// Kills a kioskd child left running by a failed REQUIRE.
struct ChildGuard {
  pid_t* pid;
  ~ChildGuard() {
    if (*pid > 0) {
      ::kill(*pid, SIGKILL);
      ::waitpid(*pid, nullptr, 0);
    }
  }
};

struct RunResult {
  bool killed = false;     // step N appeared and kioskd was killed
  bool completed = false;  // the renewal completed before step N appeared
};

RunResult crash_at(std::size_t n) {
  testing::TempDir dir;
  testing::InProcessCentral central(dir.path / "central");
  REQUIRE(central.port() != 0);
  std::filesystem::create_directories(dir.path / "kiosk");
  const auto config = testing::kioskd_config(dir.path / "kiosk", &central);
  const auto conf = dir.path / "kioskd.conf";
  testing::write_kioskd_conf(config, conf);
  const auto log = dir.path / "kioskd.log";

  pid_t pid = testing::spawn_kioskd(KIOSKD_BINARY, conf, log);
  ChildGuard guard{&pid};
  auto client = testing::connect_when_ready(config.socket_path);
  INFO(testing::file_text(log));
  REQUIRE(client);
  const std::string token = testing::technician_token(*client);
  REQUIRE(!token.empty());
  auto loaded = client->call("stock.load", testing::blank_cards(token, 5));
  REQUIRE(loaded);
  auto j = open_journal(config);
  REQUIRE(j);

  citizen::CitizenReport report;
  std::thread citizen_thread([&] {
    citizen::CitizenOptions o;
    o.socket = config.socket_path;
    o.timeout = std::chrono::seconds(60);
    report = citizen::run_citizen(o);
  });
  RunResult result;
  std::string txn;
  for (int i = 0; i < 60000 && !result.killed; ++i) {
    auto recent = j->recent_transactions(1);
    if (recent.ok() && !recent.value().empty()) {
      txn = recent.value()[0].id;
      if (recent.value()[0].step_count >= n) {
        ::kill(pid, SIGKILL);
        result.killed = true;
        break;
      }
      if (recent.value()[0].finished_at) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (result.killed) {
    ::waitpid(pid, nullptr, 0);
    client.reset();
    citizen_thread.join();  // its connection broke
    pid = testing::spawn_kioskd(KIOSKD_BINARY, conf,
                                log);  // restart: recovery runs before the socket opens
    client = testing::connect_when_ready(config.socket_path);
    INFO(testing::file_text(log));
    REQUIRE(client);
  } else {
    citizen_thread.join();
    result.completed = report.completed;
    INFO("renewal without a kill ended on " << report.final_screen << " " << report.error);
    CHECK(report.completed);
  }

  INFO("killed at journal step " << n);
  // no transaction left unfinished
  auto unfinished = j->unfinished_transactions();
  REQUIRE(unfinished.ok());
  CHECK(unfinished.value().empty());
  // every blank card accounted for; at most one card for the one authorisation
  auto stock = j->stock_counts();
  REQUIRE(stock.ok());
  const auto& s = stock.value();
  std::string steps;
  if (auto last = j->recent_transactions(1); last.ok() && !last.value().empty()) {
    if (auto d = j->transaction(last.value()[0].id); d.ok())
      for (const auto& st : d.value().steps)
        steps += st.step + ":" + journal::to_string(st.phase) + " ";
  }
  INFO("journal steps after recovery: " << steps);
  CHECK(s.reserved == 0);
  CHECK(s.loaded == s.issued + s.spoiled + s.retained + s.remaining);
  CHECK(s.issued <= 1);
  // no charge without a card or a refund
  if (!txn.empty()) {
    auto detail = j->transaction(txn);
    REQUIRE(detail.ok());
    const bool card_out = has_step(detail.value(), "card_taken", journal::Phase::done) ||
                          has_step(detail.value(), "card_retained", journal::Phase::done);
    auto store = central::store::open_store(central.db_url());
    for (const auto& st : detail.value().steps) {
      if (st.step != "payment_created" || !st.data.contains("order_id")) continue;
      const auto doc = store->payment(st.data["order_id"].get<std::string>());
      if (!doc) continue;
      const std::string state = json::parse(*doc).value("state", "");
      INFO("order state " << state << " card handed out or retained " << card_out);
      CHECK((state != "paid" || card_out));
      CHECK(state != "unknown");
    }
  }
  // the outbox reaches central, contiguous, all of it (read from the file: this process's
  // Journal handle does not see the child's commits in outbox_state())
  std::uint64_t last = 0;
  std::uint64_t acked = 0;
  for (int i = 0; i < 400; ++i) {
    auto fresh = open_journal(config);  // reads the positions the child committed
    REQUIRE(fresh);
    last = fresh->outbox_state().last_seq;
    acked = fresh->outbox_state().last_acknowledged;
    if (acked == last && central.acknowledged("kiosk-dev-001") == last) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(acked == last);
  CHECK(central.acknowledged("kiosk-dev-001") == last);
  auto records = j->outbox_after(0, 100000);
  REQUIRE(records.ok());
  for (std::size_t i = 0; i < records.value().size(); ++i) CHECK(records.value()[i].seq == i + 1);

  client.reset();
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  pid = -1;
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  return result;
}

}  // namespace

TEST_CASE("kioskd killed at every step of a renewal recovers with every invariant intact",
          "[kioskd][crash][slow]") {
  std::size_t n = 1;
  for (; n < 60; ++n) {
    const auto r = crash_at(n);
    if (!r.killed) break;  // the renewal finished before step n: every step was covered
  }
  CHECK(n > 10);  // a renewal has more than ten journalled steps
}
