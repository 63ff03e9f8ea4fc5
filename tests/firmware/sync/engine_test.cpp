// SyncEngine with an in-memory outbox against the real reference office.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "firmware/sync/sync_engine.hpp"
#include "tests/firmware/sync/office.hpp"

using namespace kiosk::sync;
using namespace kiosk::sync::testing;  // Office, FakeOutbox, DevKiosk
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

SyncOptions fast_options() {
  SyncOptions o;
  o.batch_size = 4;
  o.upload_interval = 20ms;
  o.backoff = {5ms, 40ms};
  o.heartbeat_interval = 1h;
  o.config_interval = 1h;
  return o;
}

// Polls `done` until true or 10 s pass (a bound for a failing test, not a timing assertion).
template <typename F>
bool eventually(F done) {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return done();
}

// The office holds exactly the kiosk's records, in order, byte for byte.
void check_office_holds(Office& office, const FakeOutbox& outbox) {
  const auto records = outbox.records();
  const auto stored = office.db().events(records.front().kiosk_id, 1, records.size() + 10);
  REQUIRE(stored.size() == records.size());
  CHECK(office.db().head(records.front().kiosk_id).hash ==
        kiosk::protocol::wire::record_hash(records.back()).value());
}

}  // namespace

TEST_CASE("the engine uploads a signed chain in batches and it is acknowledged", "[sync][engine]") {
  DevKiosk k;
  k.outbox.append(10);
  SyncEngine engine(k.client, k.outbox, fast_options());
  engine.start();
  REQUIRE(engine.wait_for_ack(10, 10s));
  auto s = engine.status();
  CHECK(s.last_acknowledged == 10);
  CHECK(s.depth == 0);
  CHECK(s.central_reachable);
  CHECK_FALSE(s.last_error.has_value());
  CHECK(s.batches_uploaded == 3);  // 4 + 4 + 2
  CHECK(s.records_uploaded == 10);
  CHECK(k.outbox.acknowledgements() == std::vector<std::uint64_t>{4, 8, 10});
  check_office_holds(k.office, k.outbox);

  k.outbox.append(3);  // new records are picked up by the poll or sync_now
  engine.sync_now();
  REQUIRE(engine.wait_for_ack(13, 10s));
  check_office_holds(k.office, k.outbox);
}

TEST_CASE("re-uploading records the office already holds is harmless", "[sync][engine]") {
  DevKiosk k;
  k.outbox.append(6);
  REQUIRE(k.client.upload_events(k.outbox.records()).ok());  // the kiosk lost its acknowledgement
  SyncEngine engine(k.client, k.outbox, fast_options());
  engine.start();
  REQUIRE(engine.wait_for_ack(6, 10s));
  CHECK(engine.status().records_uploaded == 0);  // nothing was new to the office
  check_office_holds(k.office, k.outbox);
}

TEST_CASE("after a restart the engine resumes after the last acknowledged record",
          "[sync][engine]") {
  DevKiosk k;
  k.outbox.append(5);
  {
    SyncEngine first(k.client, k.outbox, fast_options());
    first.start();
    REQUIRE(first.wait_for_ack(5, 10s));
    first.stop();
  }
  k.outbox.append(3);
  SyncEngine second(k.client, k.outbox, fast_options());
  second.start();
  REQUIRE(second.wait_for_ack(8, 10s));
  const auto s = second.status();
  CHECK(s.records_uploaded == 3);
  CHECK(s.batches_uploaded == 1);  // 6..8 only: nothing before 5 was sent again
  check_office_holds(k.office, k.outbox);
}

TEST_CASE("when the office disappears the engine backs off, loses nothing and resumes",
          "[sync][engine][network]") {
  Office office;
  auto breaker = std::make_shared<CircuitBreaker>(CircuitBreakerOptions{3, 30ms, nullptr});
  CentralClient client(office.endpoint(), breaker);
  FakeOutbox outbox(office.kiosk_id(), office.kiosk_key_pem());
  outbox.append(5);
  SyncEngine engine(client, outbox, fast_options());
  engine.start();
  REQUIRE(engine.wait_for_ack(5, 10s));

  office.stop();  // the network is cut
  outbox.append(7);
  engine.sync_now();
  REQUIRE(eventually([&] {
    const auto s = engine.status();
    return s.consecutive_failures >= 4 && s.next_attempt.has_value();
  }));
  auto s = engine.status();
  REQUIRE(s.last_error.has_value());
  CHECK((s.last_error->code == Errc::unreachable || s.last_error->code == Errc::circuit_open));
  CHECK_FALSE(s.central_reachable);
  CHECK(s.last_acknowledged == 5);
  CHECK(s.depth == 7);
  CHECK(breaker->times_opened() >= 1);
  const auto j = to_json(s);
  CHECK(j["depth"] == 7);
  CHECK(j["last_error"]["code"].is_string());
  CHECK(j["next_attempt_in_ms"].is_number_integer());

  office.start();  // back, same port
  REQUIRE(engine.wait_for_ack(12, 10s));
  s = engine.status();
  CHECK_FALSE(s.last_error.has_value());
  CHECK(s.central_reachable);
  CHECK(s.consecutive_failures == 0);
  CHECK_FALSE(s.next_attempt.has_value());
  check_office_holds(office, outbox);
  // Acknowledgements only ever moved forward.
  const auto marks = outbox.acknowledgements();
  CHECK(std::is_sorted(marks.begin(), marks.end()));
}

TEST_CASE("a sequence gap rewinds the upload to the office's expected sequence", "[sync][engine]") {
  DevKiosk k;
  k.outbox.append(8);
  // The kiosk believes 1..5 are acknowledged but this office holds none (restored from an
  // old backup): it must answer sequence_gap expected 1 and get everything again.
  k.outbox.set_last_acknowledged(5);
  SyncEngine engine(k.client, k.outbox, fast_options());
  engine.start();
  REQUIRE(engine.wait_for_ack(8, 10s));
  REQUIRE(eventually([&] { return k.office.db().head(k.office.kiosk_id()).seq == 8; }));
  check_office_holds(k.office, k.outbox);
}

TEST_CASE("records the office refuses stay in the outbox and the error is reported",
          "[sync][engine]") {
  Office office;
  CentralClient client(office.endpoint(1));
  FakeOutbox outbox(office.kiosk_id(1), office.kiosk_key_pem(2));  // wrong signing key
  outbox.append(2);
  SyncEngine engine(client, outbox, fast_options());
  engine.start();
  REQUIRE(eventually([&] { return engine.status().consecutive_failures >= 2; }));
  const auto s = engine.status();
  REQUIRE(s.last_error.has_value());
  CHECK(s.last_error->api_code == "bad_signature");
  CHECK(s.central_reachable);
  CHECK(s.last_acknowledged == 0);
  CHECK(s.depth == 2);
  CHECK(outbox.acknowledgements().empty());
}

TEST_CASE("heartbeats carry the provider's status and the outbox depth, and config is pulled once",
          "[sync][engine]") {
  DevKiosk k;
  std::atomic<int> heartbeats{0};
  std::atomic<int> configs{0};
  auto o = fast_options();
  o.heartbeat_interval = 20ms;
  o.heartbeat_provider = [&] {
    ++heartbeats;
    return json{{"software_version", "0.1.0"}, {"devices", {{"printer", "ok"}}}};
  };
  o.config_interval = 20ms;
  o.config_handler = [&](const ConfigUpdate& update) {
    ++configs;
    return update.document.version == 1;
  };
  SyncEngine engine(k.client, k.outbox, o);
  engine.start();
  REQUIRE(eventually([&] { return heartbeats >= 2 && engine.status().config_version == 1; }));
  // Later pulls find the kiosk up to date (304): the handler is not called again.
  const int seen = heartbeats;
  REQUIRE(eventually([&] { return heartbeats >= seen + 2; }));
  CHECK(configs == 1);
  engine.stop();
  CHECK(engine.status().last_heartbeat_server_time == "2026-11-28T12:00:00Z");
  bool found = false;
  for (const auto& row : k.office.db().fleet()) {
    if (row.kiosk_id == k.office.kiosk_id() && row.heartbeat) {
      const auto hb = json::parse(*row.heartbeat);
      found = hb["software_version"] == "0.1.0" && hb["outbox_depth"] == 0;
    }
  }
  CHECK(found);
}

TEST_CASE("stop returns promptly even while an upload waits on a silent office", "[sync][engine]") {
  Office office;
  office.stop();
  auto endpoint = office.endpoint();
  CentralClient client(endpoint);
  FakeOutbox outbox(office.kiosk_id(), office.kiosk_key_pem());
  outbox.append(1);
  auto o = fast_options();
  o.backoff = {1h, 1h};  // it would otherwise sleep for an hour
  SyncEngine engine(client, outbox, o);
  engine.start();
  REQUIRE(eventually([&] { return engine.status().next_attempt.has_value(); }));
  engine.stop();
  CHECK_FALSE(engine.status().running);
  engine.stop();  // idempotent
}
