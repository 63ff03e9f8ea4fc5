// Central goes away in the middle of a renewal's payment and comes back while kioskd keeps
// running: the charge left in doubt is settled by kioskd's periodic settling (a compare-and-set
// cancel at central), without a restart, and citizens are served again at once. (The refund
// of a charge that did land is the same settling; the engine's tests drive it with a fake.)
#include <catch2/catch.hpp>

#include <optional>
#include <thread>

#include "central/store/store.hpp"
#include "firmware/citizen/citizen.hpp"
#include "firmware/journal/journal.hpp"
#include "firmware/kioskd/kioskd.hpp"
#include "firmware/kioskd/simulated_devices.hpp"
#include "tests/firmware/kioskd/fixtures.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

// The order a transaction paid with (its payment_created step), "" when none.
std::string order_of(journal::Journal& j, const std::string& txn) {
  auto detail = j.transaction(txn);
  REQUIRE(detail.ok());
  for (const auto& s : detail.value().steps)
    if (s.step == "payment_created" && s.phase == journal::Phase::done)
      return s.data.value("order_id", std::string{});
  return {};
}

}  // namespace

TEST_CASE("a renewal cut by a central outage is settled while kioskd runs once central is back",
          "[kioskd][integration][central]") {
  testing::TempDir dir;
  std::optional<testing::InProcessCentral> central;
  central.emplace(dir.path / "central");
  REQUIRE(central->port() != 0);
  const int port = central->port();
  auto config = testing::kioskd_config(dir.path / "kiosk", &*central);
  config.settle_interval = 1s;
  std::filesystem::create_directories(dir.path / "kiosk");
  std::string error;
  auto daemon = kioskd::Kioskd::create(config, &error, kioskd::simulation());
  REQUIRE(daemon);
  REQUIRE(daemon->start(&error));
  {
    auto c = rpc::Client::connect(config.socket_path);
    REQUIRE(c.ok());
    const std::string token = testing::technician_token(*c.value());
    REQUIRE_FALSE(token.empty());
    REQUIRE(c.value()->call("stock.load", testing::blank_cards(token, 5)).ok());
  }

  // The office goes away as the citizen shows the payment code: the charge cannot be answered.
  citizen::CitizenOptions co;
  co.socket = config.socket_path;
  co.timeout = 60s;
  co.on_screen = [&](const std::string& screen) {
    if (screen == "payment" && central) central.reset();
  };
  const auto report = citizen::run_citizen(co);
  CHECK_FALSE(report.completed);
  REQUIRE_FALSE(central.has_value());
  auto txns = daemon->journal().recent_transactions(1);
  REQUIRE(txns.ok());
  REQUIRE(txns.value().size() == 1);
  const std::string txn = txns.value()[0].id;
  CHECK_FALSE(txns.value()[0].outcome.has_value());  // in doubt or owed: not finished

  // Back on the same port: kioskd settles it on its own, well before any restart.
  central.emplace(dir.path / "central", port);
  REQUIRE(central->port() == port);
  std::optional<std::string> outcome;
  for (int i = 0; i < 300 && !outcome; ++i) {
    std::this_thread::sleep_for(100ms);
    auto now = daemon->journal().recent_transactions(1);
    if (now.ok() && !now.value().empty()) outcome = now.value()[0].outcome;
  }
  REQUIRE(outcome.has_value());
  const std::string order = order_of(daemon->journal(), txn);
  REQUIRE_FALSE(order.empty());
  auto store = central::store::open_store(central->db_url());
  auto document = store->payment(order, nullptr);
  REQUIRE(document.has_value());
  const std::string state = json::parse(*document).value("state", "");
  INFO("outcome " << *outcome << ", order " << state);
  // Cancelled at central, so that no late charge can land: nobody is charged without a card.
  CHECK(state == "cancelled");
  CHECK(*outcome != "refunded");

  // The next citizen is served (the breaker closed when central answered again).
  citizen::CitizenOptions next;
  next.socket = config.socket_path;
  next.timeout = 60s;
  CHECK(citizen::run_citizen(next).completed);
  daemon->stop();
}
