// CircuitBreaker, Backoff and the error mapping alone (no network).
#include <catch2/catch.hpp>

#include <curl/curl.h>

#include <random>
#include <string>

#include "firmware/sync/backoff.hpp"
#include "firmware/sync/circuit_breaker.hpp"
#include "firmware/sync/errors.hpp"
#include "firmware/sync/outbox_source.hpp"

using namespace kiosk::sync;
using namespace std::chrono_literals;

namespace {
struct FakeClock {
  std::chrono::steady_clock::time_point t{};
  std::function<std::chrono::steady_clock::time_point()> fn() {
    return [this] { return t; };
  }
};
}  // namespace

TEST_CASE("the breaker opens after the threshold and fails fast while open", "[sync][breaker]") {
  FakeClock clock;
  CircuitBreaker b({3, 100ms, clock.fn()});
  CHECK(b.state() == CircuitState::closed);
  for (int i = 0; i < 2; ++i) {
    REQUIRE(b.allow());
    b.record_failure();
  }
  CHECK(b.state() == CircuitState::closed);
  REQUIRE(b.allow());
  b.record_failure();
  CHECK(b.state() == CircuitState::open);
  CHECK_FALSE(b.allow());
  clock.t += 99ms;
  CHECK_FALSE(b.allow());
  CHECK(b.times_opened() == 1);
}

TEST_CASE("an open breaker lets one trial through after the open duration", "[sync][breaker]") {
  FakeClock clock;
  CircuitBreaker b({1, 100ms, clock.fn()});
  REQUIRE(b.allow());
  b.record_failure();
  REQUIRE(b.state() == CircuitState::open);
  clock.t += 100ms;
  CHECK(b.allow());  // the trial
  CHECK(b.state() == CircuitState::half_open);
  CHECK_FALSE(b.allow());  // only one at a time

  SECTION("a failed trial opens it again for another period") {
    b.record_failure();
    CHECK(b.state() == CircuitState::open);
    CHECK_FALSE(b.allow());
    clock.t += 100ms;
    CHECK(b.allow());
    CHECK(b.times_opened() == 2);
  }
  SECTION("a successful trial closes it") {
    b.record_success();
    CHECK(b.state() == CircuitState::closed);
    CHECK(b.allow());
    CHECK(b.allow());
    CHECK(b.consecutive_failures() == 0);
  }
  SECTION("an abandoned trial frees the slot without a verdict") {
    b.abandon();
    CHECK(b.state() == CircuitState::half_open);
    CHECK(b.allow());
  }
}

TEST_CASE("a success in between resets the failure count", "[sync][breaker]") {
  CircuitBreaker b({2, 1s, nullptr});
  b.record_failure();
  b.record_success();
  b.record_failure();
  CHECK(b.state() == CircuitState::closed);
}

TEST_CASE("backoff doubles its ceiling up to the maximum and draws under it", "[sync][backoff]") {
  double r = 1.0;
  Backoff backoff({10ms, 100ms}, [&] { return r; });
  CHECK(backoff.next_delay() == 10ms);
  CHECK(backoff.next_delay() == 20ms);
  CHECK(backoff.next_delay() == 40ms);
  CHECK(backoff.next_delay() == 80ms);
  CHECK(backoff.next_delay() == 100ms);
  CHECK(backoff.next_delay() == 100ms);
  for (int i = 0; i < 100; ++i) backoff.next_delay();  // no overflow after many failures
  CHECK(backoff.current_ceiling() == 100ms);
  r = 0.5;
  CHECK(backoff.next_delay() == 50ms);
  r = 0.0;
  CHECK(backoff.next_delay() == 0ms);
  backoff.reset();
  r = 1.0;
  CHECK(backoff.next_delay() == 10ms);
}

TEST_CASE("default backoff jitter stays within the ceiling", "[sync][backoff]") {
  Backoff backoff({8ms, 64ms});
  for (int i = 0; i < 50; ++i) {
    const auto ceiling = backoff.current_ceiling();
    const auto d = backoff.next_delay();
    CHECK(d >= 0ms);
    CHECK(d <= ceiling);
  }
}

TEST_CASE("curl failures map to unreachable, timeout and tls", "[sync][errors]") {
  CHECK(from_curl_code(CURLE_COULDNT_CONNECT, "GET /v1/x").code == Errc::unreachable);
  CHECK(from_curl_code(CURLE_OPERATION_TIMEDOUT, "GET /v1/x").code == Errc::timeout);
  CHECK(from_curl_code(CURLE_SSL_CONNECT_ERROR, "GET /v1/x").code == Errc::tls);
  CHECK(from_curl_code(CURLE_PEER_FAILED_VERIFICATION, "GET /v1/x").code == Errc::tls);
  CHECK(from_curl_failure({CURLE_RECV_ERROR, false, "OpenSSL SSL_read: tlsv13 alert", false},
                          "GET /v1/x")
            .code == Errc::tls);
  CHECK(from_curl_failure({CURLE_RECV_ERROR, false, "Connection reset by peer", false}, "r").code ==
        Errc::unreachable);
  CHECK(
      from_curl_failure({CURLE_SEND_ERROR, false, "Transport endpoint is not connected", true}, "r")
          .code == Errc::tls);
  CHECK(from_curl_failure({CURLE_WRITE_ERROR, true, "", false}, "r").code ==
        Errc::invalid_response);
  CHECK(from_curl_code(CURLE_ABORTED_BY_CALLBACK, "GET /v1/x").code == Errc::cancelled);
  CHECK(from_curl_code(CURLE_COULDNT_CONNECT, "GET /v1/x").retryable());
}

TEST_CASE("HTTP errors carry the status, API code and expected sequence", "[sync][errors]") {
  auto gap = from_http_answer(
      409, R"({"error":{"code":"sequence_gap","message":"x","expected_sequence":42}})",
      "POST /v1/events");
  CHECK(gap.code == Errc::rejected);
  CHECK(gap.http_status == 409);
  CHECK(gap.api_code == "sequence_gap");
  CHECK(gap.expected_sequence == 42u);
  CHECK_FALSE(gap.retryable());
  auto busy = from_http_answer(503, R"({"error":{"code":"unavailable","message":"x"}})", "r");
  CHECK(busy.code == Errc::server);
  CHECK(busy.retryable());
  CHECK(from_http_answer(409, R"({"error":{"code":"idempotency_in_progress"}})", "r").retryable());
  CHECK(from_http_answer(302, "", "r").code == Errc::invalid_response);
}

TEST_CASE("error bodies that are truncated, oversized or random are survived", "[sync][errors]") {
  const std::string good = R"({"error":{"code":"conflict","message":"m","expected_sequence":7}})";
  for (std::size_t n = 0; n < good.size(); ++n) {
    auto e = from_http_answer(409, good.substr(0, n), "r");
    CHECK(e.code == Errc::rejected);
    CHECK(e.api_code.empty());
  }
  CHECK(from_http_answer(400, R"({"error":{"code":")" + std::string(1000, 'a') + R"("}})", "r")
            .api_code.empty());
  CHECK_FALSE(from_http_answer(409, R"({"error":{"code":"x","expected_sequence":-1}})", "r")
                  .expected_sequence.has_value());
  std::mt19937 rng(7);
  for (int i = 0; i < 200; ++i) {
    std::string junk(static_cast<std::size_t>(rng() % 64), '\0');
    for (auto& c : junk) c = static_cast<char>(rng() % 256);
    auto e = from_http_answer(500, junk, "r");
    CHECK(e.code == Errc::server);
  }
}

namespace {
// The journal's shape (FIRMWARE_BRIEF), to check the adapter compiles and maps errors.
struct FakeJournalError {
  std::string message;
};
template <typename T>
using FakeJournalResult = kiosk::protocol::Expected<T, FakeJournalError>;
struct FakeJournal {
  struct State {
    std::uint64_t last_seq = 3, last_acknowledged = 1, depth = 2;
  };
  bool fail = false;
  std::uint64_t marked = 0;
  FakeJournalResult<std::vector<kiosk::protocol::wire::Record>> outbox_after(std::uint64_t seq,
                                                                             std::size_t) {
    if (fail) return FakeJournalError{"disk"};
    kiosk::protocol::wire::Record r;
    r.seq = seq + 1;
    return std::vector<kiosk::protocol::wire::Record>{r};
  }
  FakeJournalResult<Done> mark_acknowledged(std::uint64_t seq) {
    if (fail) return FakeJournalError{"disk"};
    marked = seq;
    return Done{};
  }
  State outbox_state() { return {}; }
};
}  // namespace

TEST_CASE("the journal adapter forwards the outbox and maps its errors", "[sync][outbox]") {
  FakeJournal journal;
  JournalOutboxSource<FakeJournal> source(journal);
  CHECK(source.last_acknowledged() == 1);
  CHECK(source.last_sequence() == 3);
  auto records = source.outbox_after(1, 10);
  REQUIRE(records.ok());
  CHECK(records->front().seq == 2);
  REQUIRE(source.mark_acknowledged(2).ok());
  CHECK(journal.marked == 2);
  journal.fail = true;
  CHECK(source.outbox_after(1, 10).error().code == Errc::outbox);
  CHECK(source.mark_acknowledged(3).error().code == Errc::outbox);
}
