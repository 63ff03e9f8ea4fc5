#include "firmware/rpc/client.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <catch2/catch.hpp>

#include "firmware/rpc/server.hpp"
#include "tests/firmware/rpc/rpc_test_support.hpp"

using namespace kiosk::rpc;
using kiosk::rpc::test::eventually;
using kiosk::rpc::test::TempDir;
using nlohmann::json;

namespace {

std::unique_ptr<Server> echo_server(const std::filesystem::path& path) {
  auto s = std::make_unique<Server>(ServerOptions{.path = path});
  s->add_method("echo", [](const json& p, const CallContext&) -> HandlerResult { return p; });
  REQUIRE(s->start());
  return s;
}

}  // namespace

TEST_CASE("connecting where nobody listens is unreachable", "[rpc][client]") {
  TempDir dir;
  auto c = Client::connect(dir.socket());
  REQUIRE(!c);
  CHECK(c.error().code == ClientErrc::unreachable);
  CHECK(c.error().reason() == "unreachable");
}

TEST_CASE("a call without an answer in time times out and a late answer is discarded",
          "[rpc][client]") {
  TempDir dir;
  std::mutex mu;
  std::condition_variable cv;
  bool release = false;
  Server server(ServerOptions{.path = dir.socket()});
  server.add_method("wait", [&](const json&, const CallContext&) -> HandlerResult {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return release; });
    return json("late");
  });
  server.add_method("echo", [](const json& p, const CallContext&) -> HandlerResult { return p; });
  REQUIRE(server.start());
  auto c = Client::connect(dir.socket());
  REQUIRE(c);
  auto r = (*c)->call("wait", json::object(), std::chrono::milliseconds(20));
  REQUIRE(!r);
  CHECK(r.error().code == ClientErrc::timeout);
  {
    std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  // The late "late" answer arrives first on the wire; the next call still gets its own.
  auto next = (*c)->call("echo", json::array({"mine"}));
  REQUIRE(next);
  CHECK(*next == json::array({"mine"}));
}

TEST_CASE("a notification handler may call back into the client", "[rpc][client]") {
  TempDir dir;
  auto server = echo_server(dir.socket());
  auto c = Client::connect(dir.socket());
  REQUIRE(c);
  std::atomic<bool> answered{false};
  Client* client = c->get();
  client->set_notification_handler([&](const std::string& method, const json&) {
    if (method == "session.changed") {
      auto r = client->call("echo", json::array({1}));
      answered = r.ok();
    }
  });
  REQUIRE(client->call("events.subscribe"));
  server->notify("session.changed", json::object());
  CHECK(eventually([&] { return answered.load(); }));
}

TEST_CASE("a client can send a notification", "[rpc][client]") {
  TempDir dir;
  std::atomic<int> seen{0};
  Server server(ServerOptions{.path = dir.socket()});
  server.add_method("session.action", [&](const json& p, const CallContext& ctx) -> HandlerResult {
    if (ctx.notification && p.value("action", "") == "consent") ++seen;
    return json(nullptr);
  });
  REQUIRE(server.start());
  auto c = Client::connect(dir.socket());
  REQUIRE(c);
  REQUIRE((*c)->send_notification("session.action", json{{"action", "consent"}}));
  CHECK(eventually([&] { return seen == 1; }));
}

TEST_CASE("a request over 1 MiB is refused before it is sent", "[rpc][client]") {
  TempDir dir;
  auto server = echo_server(dir.socket());
  auto c = Client::connect(dir.socket());
  REQUIRE(c);
  auto r = (*c)->call("echo", json{{"s", std::string(kMaxMessageBytes, 'x')}});
  REQUIRE(!r);
  CHECK(r.error().code == ClientErrc::too_large);
  CHECK((*c)->call("echo", json::array({1})));
}

TEST_CASE("the reconnecting client comes back after kioskd restarts", "[rpc][client]") {
  TempDir dir;
  auto server = echo_server(dir.socket());
  std::atomic<int> connects{0};
  ReconnectingClient rc(dir.socket(), {}, [&](Client& c) -> Expected<Done, ClientError> {
    ++connects;
    auto r = c.call("events.subscribe");
    if (!r) return r.error();
    return Done{};
  });
  REQUIRE(rc.call("echo", json::array({1})));
  server->stop();
  auto down = rc.call("echo", json::array({2}));
  REQUIRE(!down);
  CHECK((down.error().code == ClientErrc::disconnected ||
         down.error().code == ClientErrc::unreachable));
  auto still_down = rc.call("echo", json::array({2}));
  REQUIRE(!still_down);
  CHECK(still_down.error().code == ClientErrc::unreachable);

  server = echo_server(dir.socket());
  REQUIRE(rc.wait_connected(std::chrono::steady_clock::now() + std::chrono::seconds(5)));
  auto back = rc.call("echo", json::array({3}));
  REQUIRE(back);
  CHECK(connects == 2);
  CHECK(server->subscriber_count() == 1);
}
