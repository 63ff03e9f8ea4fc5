// Personal data never leaks into logs or the journal's plaintext. kioskd runs as a child
// process (its stdout/stderr to a file), the real kiosk-central in-process (its spdlog output
// to a file); the scripted citizen drives one completed renewal, one refused by central and one
// killed half-way (kioskd SIGKILLed, restarted, the transaction settled by recovery). Then every
// log, any crash dump and the journal file bytes (with its WAL) are searched for the citizens'
// name, ID number and address in every encoding they could take. kioskd installs no crash
// handler and configures no core dumps (docs/kioskd.md): any core file in the test's
// directories is searched too. The UI is not run here (see docs/kioskd.md: its own e2e test).
#include <signal.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>
#include <catch2/catch.hpp>

#include <thread>

#include "firmware/citizen/citizen.hpp"
#include "firmware/crypto/key_file.hpp"
#include "firmware/journal/journal.hpp"
#include "protocol/encoding/base64.hpp"
#include "tests/firmware/kioskd/fixtures.hpp"
#include "tests/firmware/kioskd/personal_data_search.hpp"

using namespace kiosk;
using nlohmann::json;

namespace {

std::unique_ptr<journal::Journal> open_journal(const kioskd::KioskdConfig& c) {
  auto key = crypto::load_key(c.data_key_file);
  if (!key) return nullptr;
  journal::JournalOptions o;
  o.path = c.journal_path;
  o.data_key = key.value();
  o.kiosk_id = c.kiosk_id;
  o.signing_key_pem = testing::file_text(c.central.key_file);
  auto j = journal::Journal::open(std::move(o));
  if (!j) return nullptr;
  return std::move(j).value();
}

struct ChildGuard {
  pid_t* pid;
  ~ChildGuard() {
    if (*pid > 0) {
      ::kill(*pid, SIGKILL);
      ::waitpid(*pid, nullptr, 0);
    }
  }
};

citizen::CitizenReport serve_citizen(const kioskd::KioskdConfig& config, const std::string& who,
                                     std::string& citizen_log) {
  citizen::CitizenOptions o;
  o.socket = config.socket_path;
  o.who = who;
  o.timeout = std::chrono::seconds(60);
  o.log = [&](const std::string& line) { citizen_log += line + "\n"; };
  return citizen::run_citizen(o);
}

// The synthetic citizen's personal data as the registry holds it.
testing::PersonalData personal_data(const testing::InProcessCentral& central,
                                    const std::string& id_number) {
  auto licence = central::store::open_store(central.db_url())->citizen(id_number);
  REQUIRE(licence);
  const auto holder = json::parse(*licence)["holder"];
  return {holder["name"].get<std::string>(), id_number, holder["address"].get<std::string>()};
}

}  // namespace

TEST_CASE("the personal-data search finds a value planted in any of its encodings",
          "[kioskd][personal_data]") {
  testing::TempDir dir;
  const testing::PersonalData who{"测试张伟", "11010119960101123X", "测试省测试市测试路1号"};
  const auto forms = testing::encodings(who);
  REQUIRE(forms.size() >= 8);
  for (const auto& form : forms) {
    const auto log = dir.path / "planted.log";
    {
      std::ofstream f(log, std::ios::trunc);
      f << "2026-12-05 info event=x body={\"v\":\"" << form.bytes << "\"}\n";
    }
    INFO(form.label);
    // (hex of the ID number's digits reads the same in both cases: two labels may match)
    CHECK_FALSE(testing::find_personal_data({log}, {who}).empty());
  }
  // And nothing is found where nothing is.
  std::ofstream(dir.path / "clean.log") << "event=renewal_completed txn=tx-1\n";
  CHECK(testing::find_personal_data({dir.path / "clean.log"}, {who}).empty());
}

TEST_CASE("no log, crash dump or journal byte holds a citizen's name, ID number or address",
          "[kioskd][personal_data][slow]") {
  testing::TempDir dir;
  const auto central_log = dir.path / "central.log";
  // Central's loggers are cloned from the default logger on first use: send it to a file.
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(spdlog::basic_logger_mt("central-test", central_log.string()));
  spdlog::set_level(spdlog::level::debug);
  spdlog::flush_on(spdlog::level::debug);
  std::vector<testing::PersonalData> people;
  std::string citizen_log;
  {
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
    REQUIRE(client->call("stock.load", testing::blank_cards(token, 5)));

    // One completed renewal.
    const auto done = serve_citizen(config, "due_for_renewal", citizen_log);
    INFO(done.final_screen << " " << done.error);
    REQUIRE(done.completed);
    people.push_back(personal_data(central, done.id_number));
    // One refused by central (not eligible: the licence is suspended).
    const auto refused = serve_citizen(config, "suspended", citizen_log);
    CHECK_FALSE(refused.completed);
    REQUIRE(!refused.id_number.empty());
    people.push_back(personal_data(central, refused.id_number));

    // One killed once its personal data is journalled, settled by recovery after the restart.
    auto j = open_journal(config);
    REQUIRE(j);
    citizen::CitizenReport killed;
    std::thread citizen_thread([&] {
      std::string ignored;
      killed = serve_citizen(config, "due_for_renewal_10y", ignored);
    });
    std::string killed_txn;
    bool was_killed = false;
    for (int i = 0; i < 60000 && !was_killed; ++i) {
      auto recent = j->recent_transactions(1);
      if (recent.ok() && !recent.value().empty() && !recent.value()[0].finished_at) {
        auto d = j->transaction(recent.value()[0].id);
        if (d.ok()) {
          for (const auto& s : d.value().steps) {
            if (!s.personal.is_null()) {
              killed_txn = recent.value()[0].id;
              ::kill(pid, SIGKILL);
              was_killed = true;
              break;
            }
          }
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    REQUIRE(was_killed);
    ::waitpid(pid, nullptr, 0);
    client.reset();
    citizen_thread.join();
    pid = testing::spawn_kioskd(KIOSKD_BINARY, conf, log);
    client = testing::connect_when_ready(config.socket_path);
    REQUIRE(client);
    REQUIRE(!killed.id_number.empty());
    people.push_back(personal_data(central, killed.id_number));

    // Every transaction ended, and none keeps sealed personal data: the completed one, the
    // refused one and the one recovery settled.
    auto fresh = open_journal(config);
    REQUIRE(fresh);
    CHECK(fresh->unfinished_transactions().value().empty());
    const auto all = fresh->recent_transactions(10).value();
    CHECK(all.size() == 3);
    for (const auto& t : all) {
      INFO(t.id << (t.id == killed_txn ? " (settled by recovery)" : ""));
      CHECK(t.personal_data_purged);
      auto detail = fresh->transaction(t.id);
      REQUIRE(detail.ok());
      const auto steps = detail.value().steps;
      for (const auto& s : steps) CHECK(s.personal.is_null());
    }
    // Central's retention purge over the same store logs no personal data either.
    std::ostringstream purge_out;
    auto store = central::store::open_store(central.db_url());
    CHECK(central::admin::purge(*store, 1, std::time(nullptr) + 2 * 86400, purge_out) == 0);
    spdlog::info("purge: {}", purge_out.str());

    client.reset();
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
    pid = -1;
  }
  spdlog::default_logger()->flush();
  spdlog::set_default_logger(previous);
  std::ofstream(dir.path / "citizen.log") << citizen_log;

  // Every log, every core file anywhere under the test's directory, and the journal's bytes.
  std::vector<std::filesystem::path> files{
      dir.path / "kioskd.log", central_log, dir.path / "citizen.log",
      dir.path / "kiosk" / "journal.db", dir.path / "kiosk" / "journal.db-wal"};
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path)) {
    const auto name = e.path().filename().string();
    if (e.is_regular_file() && (name.rfind("core", 0) == 0 || e.path().extension() == ".log" ||
                                e.path().extension() == ".dmp"))
      files.push_back(e.path());
  }
  REQUIRE(testing::file_text(dir.path / "kioskd.log").size() > 0);
  REQUIRE(testing::file_text(central_log).size() > 0);
  const auto found = testing::find_personal_data(files, people);
  CHECK(found.empty());
  for (const auto& f : found) FAIL_CHECK(f);
}
