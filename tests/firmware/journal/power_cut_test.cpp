// A child process writes transactions in a loop and is SIGKILLed at random points (often in
// the middle of a commit); the parent then reopens the file and checks that what was
// committed is whole and consistent. SIGKILL loses the process, not the page cache: this
// checks SQLite's atomic commit as used by the journal, not the disk's fsync behaviour.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <random>

#include "firmware/journal/journal.hpp"
#include "protocol/wire/record.hpp"
#include "tests/firmware/journal/journal_fixture.hpp"

using namespace kiosk::journal;
using namespace kiosk::journal::test;
using nlohmann::json;
namespace wire = kiosk::protocol::wire;
namespace protocol = kiosk::protocol;

namespace {

// Child: writes forever, reporting each committed seq on `fd`. Never returns.
[[noreturn]] void writer(const JournalOptions& options, int fd) {
  auto opened = Journal::open(options);
  if (!opened) _exit(2);
  auto& j = **opened;
  for (std::uint64_t round = 0;; ++round) {
    auto txn = j.begin_transaction("renewal");
    if (!txn) _exit(3);
    for (int i = 0; i < 4; ++i) {
      auto seq = j.record_step(*txn, make_step("step" + std::to_string(i), Phase::done,
                                               json{{"name", "Power Cut"}, {"round", round}}));
      if (!seq) _exit(4);
      const std::uint64_t v = *seq;
      if (::write(fd, &v, sizeof v) != sizeof v) _exit(5);
    }
    if (!j.finish_transaction(*txn, "completed")) _exit(6);
  }
}

}  // namespace

TEST_CASE("a journal killed at random points reopens whole, chained and paired",
          "[journal][power_cut]") {
  Fixture fx("powercut");
  std::mt19937 rng(Catch::rngSeed());
  std::uint64_t last_reported = 0;
  for (int round = 0; round < 6; ++round) {
    int pipefd[2];
    REQUIRE(::pipe(pipefd) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::close(pipefd[0]);
      writer(fx.options(), pipefd[1]);
    }
    ::close(pipefd[1]);
    const int reports = std::uniform_int_distribution<int>(1, 25)(rng);
    for (int i = 0; i < reports; ++i) {
      std::uint64_t seq = 0;
      REQUIRE(::read(pipefd[0], &seq, sizeof seq) == sizeof seq);
      CHECK(seq > last_reported);
      last_reported = seq;
    }
    // Land somewhere inside the next transaction or commit.
    ::usleep(static_cast<useconds_t>(std::uniform_int_distribution<int>(0, 3000)(rng)));
    ::kill(pid, SIGKILL);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK(WIFSIGNALED(status));
    ::close(pipefd[0]);

    auto j = fx.open();
    INFO("round " << round);
    REQUIRE(j->check_integrity());  // integrity_check, chain links, step/record pairing
    const auto state = j->outbox_state();
    CHECK(state.last_seq >= last_reported);  // everything reported as committed survived
    auto recs = j->outbox_after(0, 100000);
    REQUIRE(recs);
    REQUIRE(recs->size() == state.last_seq);
    auto pub = protocol::PublicKey::from_pem(fx.key.public_key_pem());
    std::string prev(wire::kGenesisHash);
    for (std::size_t i = 0; i < recs->size(); ++i) {
      const auto& r = (*recs)[i];
      CHECK(r.seq == i + 1);
      CHECK(r.prev_hash == prev);
      CHECK(wire::verify_record(r, *pub));
      prev = wire::record_hash(r).value();
    }
    CHECK(query_text(fx.db,
                     "SELECT COUNT(*) FROM steps s JOIN outbox o ON o.seq = s.outbox_seq"
                     " WHERE o.type = 'txn.step' AND json_extract(o.payload, '$.txn') = s.txn"
                     " AND json_extract(o.payload, '$.step') = s.step") ==
          query_text(fx.db, "SELECT COUNT(*) FROM steps"));
    CHECK(query_text(fx.db, "SELECT COUNT(*) FROM outbox WHERE type = 'txn.step'") ==
          query_text(fx.db, "SELECT COUNT(*) FROM steps"));
    // Personal data of every committed step still decrypts.
    auto unfinished = j->unfinished_transactions();
    REQUIRE(unfinished);
    for (const auto& t : *unfinished) {
      auto d = j->transaction(t.id);
      REQUIRE(d);
      for (const auto& s : d->steps) CHECK(s.personal["name"] == "Power Cut");
    }
    last_reported = state.last_seq;
  }
}
