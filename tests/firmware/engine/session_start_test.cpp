// Session starts that race: from two callers at once, and with a recovery pass.
#include <thread>
#include <vector>

#include "tests/firmware/engine/kiosk_fixture.hpp"

namespace kiosk::engine::test {

TEST_CASE("two session starts at the same moment start one session and refuse the other",
          "[engine][session]") {
  Kiosk k;
  for (int round = 0; round < 25; ++round) {
    INFO("round " << round);
    std::atomic<int> started{0}, busy{0};
    std::vector<std::thread> callers;
    for (int c = 0; c < 2; ++c) {
      callers.emplace_back([&] {
        auto r = k.engine->start_session("renewal", "zh");
        if (r.ok()) ++started;
        if (!r.ok() && r.error().code == Errc::busy) ++busy;
      });
    }
    for (auto& t : callers) t.join();
    CHECK(started == 1);
    CHECK(busy == 1);
    REQUIRE(k.engine->cancel().ok());
    REQUIRE(k.wait_end());
    k.engine->dismiss();
  }
  check_invariants(k);
}

TEST_CASE("a recovery pass while a session runs leaves that session's transaction alone",
          "[engine][session][recovery]") {
  Kiosk k;
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  REQUIRE(k.wait_screen("insert_id_card"));
  CHECK(k.engine->recover().empty());
  CHECK(k.journal.unfinished_transactions().value().size() == 1);
  REQUIRE(k.engine->cancel().ok());
  REQUIRE(k.wait_end());
  check_invariants(k);
}

}  // namespace kiosk::engine::test
