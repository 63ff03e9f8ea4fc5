#include "firmware/rpc/server.hpp"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <random>
#include <thread>

#include <catch2/catch.hpp>

#include "firmware/rpc/client.hpp"
#include "tests/firmware/rpc/rpc_test_support.hpp"

using namespace kiosk::rpc;
using kiosk::rpc::test::eventually;
using kiosk::rpc::test::RawConnection;
using kiosk::rpc::test::TempDir;
using nlohmann::json;

namespace {

// A gate a handler waits on until the test opens it.
struct Gate {
  std::mutex mu;
  std::condition_variable cv;
  bool open = false;
  int waiting = 0;
  void wait() {
    std::unique_lock lock(mu);
    ++waiting;
    cv.notify_all();
    cv.wait(lock, [&] { return open; });
  }
  void release() {
    std::lock_guard lock(mu);
    open = true;
    cv.notify_all();
  }
  bool someone_waiting() {
    std::lock_guard lock(mu);
    return waiting > 0;
  }
};

// A server on a temporary socket with sample methods.
struct Fixture {
  TempDir dir;
  std::atomic<int> notified{0};
  Gate gate;
  std::unique_ptr<Server> server;

  explicit Fixture(ServerOptions extra = {}) {
    extra.path = dir.socket();
    extra.validate_token = [](const std::string& token) -> std::optional<std::string> {
      if (token == "good-token") return std::string("tech1");
      return std::nullopt;
    };
    server = std::make_unique<Server>(extra);
    server->add_method("echo",
                       [](const json& p, const CallContext&) -> HandlerResult { return p; });
    server->add_method("add", [](const json& p, const CallContext&) -> HandlerResult {
      if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) {
        return invalid_params("add takes two numbers");
      }
      return json(p[0].get<double>() + p[1].get<double>());
    });
    server->add_method("fail", [](const json&, const CallContext&) -> HandlerResult {
      return application_error("stock_empty", "no blank cards left", -32010);
    });
    server->add_method("throw", [](const json&, const CallContext&) -> HandlerResult {
      throw std::runtime_error("secret detail");
    });
    server->add_method("count", [this](const json&, const CallContext&) -> HandlerResult {
      ++notified;
      return json(nullptr);
    });
    server->add_method("whoami", [](const json&, const CallContext& c) -> HandlerResult {
      return json{{"uid", c.peer.uid}, {"pid", c.peer.pid}, {"connection", c.connection_id}};
    });
    server->add_method("block", [this](const json&, const CallContext&) -> HandlerResult {
      gate.wait();
      return json("released");
    });
    server->add_method("big", [](const json& p, const CallContext&) -> HandlerResult {
      return json(std::string(p.at("n").get<std::size_t>(), 'x'));
    });
    server->add_method("size", [](const json& p, const CallContext&) -> HandlerResult {
      return json(p.at("s").get<std::string>().size());
    });
    server->add_method("stock.load",
                       [](const json& p, const CallContext& c) -> HandlerResult {
                         return json{{"actor", c.actor}, {"token", c.token}, {"params", p}};
                       },
                       {.maintenance = true});
    server->add_method("emulator.take_card",
                       [](const json&, const CallContext&) -> HandlerResult {
                         return json{{"taken", true}};
                       },
                       {.simulation_only = true});
    auto started = server->start();
    REQUIRE(started);
  }

  std::unique_ptr<Client> client() {
    auto c = Client::connect(dir.socket());
    REQUIRE(c);
    return std::move(*c);
  }
};

json read_json(RawConnection& raw) {
  auto line = raw.read_line();
  REQUIRE(line);
  return json::parse(*line);
}

}  // namespace

TEST_CASE("a call gets its result and api.version answers version 1", "[rpc][server]") {
  Fixture f;
  auto c = f.client();
  auto r = c->call("echo", json{{"a", 1}});
  REQUIRE(r);
  CHECK(*r == json{{"a", 1}});
  auto v = c->call("api.version");
  REQUIRE(v);
  CHECK(*v == json{{"version", 1}});
  auto sum = c->call("add", json::array({2, 3}));
  REQUIRE(sum);
  CHECK(sum->get<double>() == 5.0);
}

TEST_CASE("each JSON-RPC error class comes back with its code, reason and id", "[rpc][server]") {
  Fixture f;
  RawConnection raw(f.dir.socket());
  REQUIRE(raw.ok());
  struct Case {
    std::string line;
    int code;
    std::string reason;
    json id;
  };
  std::vector<Case> cases = {
      {"{not json", -32700, "parse_error", nullptr},
      {R"({"jsonrpc":"2.0","method":7,"id":1})", -32600, "invalid_request", 1},
      {R"({"jsonrpc":"2.0","method":"nope","id":2})", -32601, "method_not_found", 2},
      {R"({"jsonrpc":"2.0","method":"add","params":["a"],"id":"three"})", -32602, "invalid_params",
       "three"},
      {R"({"jsonrpc":"2.0","method":"throw","id":4})", -32603, "internal_error", 4},
      {R"({"jsonrpc":"2.0","method":"fail","id":5})", -32010, "stock_empty", 5},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    REQUIRE(raw.send(c.line + "\n"));
    json r = read_json(raw);
    CHECK(r["jsonrpc"] == "2.0");
    CHECK(r["id"] == c.id);
    CHECK(r["error"]["code"] == c.code);
    CHECK(r["error"]["data"]["reason"] == c.reason);
    CHECK(r["error"]["message"].get<std::string>().find("secret") == std::string::npos);
  }
}

TEST_CASE("a batch answers its requests in one array and skips its notifications",
          "[rpc][server]") {
  Fixture f;
  RawConnection raw(f.dir.socket());
  REQUIRE(raw.send(R"([{"jsonrpc":"2.0","method":"echo","params":[1],"id":1},)"
                   R"({"jsonrpc":"2.0","method":"count"},)"
                   R"("junk",)"
                   R"({"jsonrpc":"2.0","method":"nope","id":2}])"
                   "\n"));
  json r = read_json(raw);
  REQUIRE(r.is_array());
  REQUIRE(r.size() == 3);
  CHECK(r[0]["result"] == json::array({1}));
  CHECK(r[1]["error"]["code"] == -32600);
  CHECK(r[2]["error"]["code"] == -32601);
  CHECK(f.notified == 1);

  SECTION("a batch of notifications only gets no response at all") {
    REQUIRE(raw.send(R"([{"jsonrpc":"2.0","method":"count"},{"jsonrpc":"2.0","method":"count"}])"
                     "\n"
                     R"({"jsonrpc":"2.0","method":"echo","params":{"after":true},"id":9})"
                     "\n"));
    json next = read_json(raw);
    CHECK(next["id"] == 9);
    CHECK(f.notified == 3);
  }
  SECTION("an empty batch is one invalid request error") {
    REQUIRE(raw.send("[]\n"));
    json e = read_json(raw);
    CHECK(e["error"]["code"] == -32600);
    CHECK(e["id"].is_null());
  }
}

TEST_CASE("a notification runs its method and gets no response, even when it fails",
          "[rpc][server]") {
  Fixture f;
  RawConnection raw(f.dir.socket());
  REQUIRE(raw.send(R"({"jsonrpc":"2.0","method":"count"})"
                   "\n"
                   R"({"jsonrpc":"2.0","method":"nope"})"
                   "\n"
                   R"({"jsonrpc":"2.0","method":"count","params":{}})"
                   "\n"
                   R"({"jsonrpc":"2.0","method":"echo","params":[2],"id":1})"
                   "\n"));
  json r = read_json(raw);
  CHECK(r["id"] == 1);
  CHECK(f.notified == 2);
}

TEST_CASE("notify reaches the connections that subscribed and nobody else", "[rpc][server]") {
  Fixture f;
  auto subscriber = f.client();
  std::mutex mu;
  std::vector<std::pair<std::string, json>> received;
  subscriber->set_notification_handler([&](const std::string& m, const json& p) {
    std::lock_guard lock(mu);
    received.emplace_back(m, p);
  });
  REQUIRE(subscriber->call("events.subscribe"));
  RawConnection bystander(f.dir.socket());
  REQUIRE(bystander.send(R"({"jsonrpc":"2.0","method":"echo","id":1})"
                         "\n"));
  REQUIRE(read_json(bystander)["id"] == 1);
  REQUIRE(f.server->subscriber_count() == 1);

  f.server->notify("session.changed", json{{"screen", "welcome"}});
  f.server->notify("kiosk.changed", json{{"out_of_service", false}});
  REQUIRE(eventually([&] {
    std::lock_guard lock(mu);
    return received.size() == 2;
  }));
  CHECK(received[0].first == "session.changed");
  CHECK(received[0].second == json{{"screen", "welcome"}});
  CHECK(received[1].first == "kiosk.changed");

  // The bystander's next line is the answer to its next call, not a notification.
  REQUIRE(bystander.send(R"({"jsonrpc":"2.0","method":"echo","id":2})"
                         "\n"));
  CHECK(read_json(bystander)["id"] == 2);

  REQUIRE(subscriber->call("events.unsubscribe"));
  CHECK(f.server->subscriber_count() == 0);
}

TEST_CASE("maintenance methods need a valid token and never see it in params",
          "[rpc][server][maintenance]") {
  Fixture f;
  auto c = f.client();
  auto none = c->call("stock.load", json{{"count", 5}});
  REQUIRE(!none);
  CHECK(none.error().code == ClientErrc::remote);
  CHECK(none.error().remote.code == -32001);
  CHECK(none.error().reason() == "maintenance_required");

  auto bad = c->call("stock.load", json{{"count", 5}, {"token", "stale"}});
  REQUIRE(!bad);
  CHECK(bad.error().remote.code == -32001);

  auto array_params = c->call("stock.load", json::array({"good-token"}));
  REQUIRE(!array_params);
  CHECK(array_params.error().remote.code == -32001);

  auto good = c->call("stock.load", json{{"count", 5}, {"token", "good-token"}});
  REQUIRE(good);
  CHECK((*good)["actor"] == "tech1");
  CHECK((*good)["token"] == "good-token");
  CHECK((*good)["params"] == json{{"count", 5}});
}

TEST_CASE("without a token validator every maintenance method is refused",
          "[rpc][server][maintenance]") {
  TempDir dir;
  Server server(ServerOptions{.path = dir.socket()});
  server.add_method("audit.list",
                    [](const json&, const CallContext&) -> HandlerResult { return json::array(); },
                    {.maintenance = true});
  REQUIRE(server.start());
  auto c = Client::connect(dir.socket());
  REQUIRE(c);
  auto r = (*c)->call("audit.list", json{{"token", "anything"}});
  REQUIRE(!r);
  CHECK(r.error().reason() == "maintenance_required");
}

TEST_CASE("simulation-only methods do not exist outside simulation mode",
          "[rpc][server][simulation]") {
  Fixture f;
  auto c = f.client();
  auto off = c->call("emulator.take_card");
  REQUIRE(!off);
  CHECK(off.error().remote.code == -32601);
  CHECK(off.error().reason() == "simulation_only");
  f.server->set_simulation(true);
  auto on = c->call("emulator.take_card");
  REQUIRE(on);
  CHECK((*on)["taken"] == true);
}

TEST_CASE("a line over 1 MiB gets an error and the connection is closed", "[rpc][server]") {
  Fixture f;
  RawConnection raw(f.dir.socket());
  std::string huge(kMaxMessageBytes + 10, 'x');
  raw.send(huge);  // no newline: the limit applies before the line ends
  json r = read_json(raw);
  CHECK(r["error"]["code"] == -32600);
  CHECK(r["error"]["data"]["reason"] == "message_too_large");
  CHECK(r["id"].is_null());
  CHECK(raw.wait_closed());
  // The server is still fine for everyone else.
  auto c = f.client();
  CHECK(c->call("echo", json::array({1})));
}

TEST_CASE("a line of exactly 1 MiB is accepted", "[rpc][server]") {
  Fixture f;
  json req = {{"jsonrpc", "2.0"}, {"method", "size"}, {"id", 1}, {"params", {{"s", ""}}}};
  std::size_t overhead = req.dump().size();
  req["params"]["s"] = std::string(kMaxMessageBytes - overhead, 'a');
  std::string line = req.dump();
  REQUIRE(line.size() == kMaxMessageBytes);
  RawConnection raw(f.dir.socket());
  REQUIRE(raw.send(line + "\n"));
  json r = read_json(raw);
  CHECK(r["result"] == kMaxMessageBytes - overhead);
}

TEST_CASE("a response over the limit is replaced by an error", "[rpc][server]") {
  Fixture f;
  auto c = f.client();
  auto r = c->call("big", json{{"n", kMaxMessageBytes + 1}});
  REQUIRE(!r);
  CHECK(r.error().reason() == "message_too_large");
}

TEST_CASE("a client that stops reading is dropped and never blocks the others",
          "[rpc][server][slow]") {
  ServerOptions o;
  o.max_send_queue_bytes = 256 * 1024;
  Fixture f(o);
  RawConnection stalled(f.dir.socket());
  REQUIRE(stalled.send(R"({"jsonrpc":"2.0","method":"events.subscribe","id":1})"
                       "\n"));
  REQUIRE(read_json(stalled)["result"]["subscribed"] == true);
  // The stalled client never reads again.

  auto live = f.client();
  std::mutex mu;
  std::condition_variable cv;
  int got = 0;
  live->set_notification_handler([&](const std::string&, const json&) {
    std::lock_guard lock(mu);
    ++got;
    cv.notify_all();
  });
  REQUIRE(live->call("events.subscribe"));
  REQUIRE(f.server->connection_count() == 2);

  const std::string payload(32 * 1024, 'p');
  const int total = 200;  // 6.4 MiB: far past the socket buffer plus the 256 KiB queue
  for (int i = 0; i < total; ++i) {
    f.server->notify("session.changed", json{{"i", i}, {"pad", payload}});
    std::unique_lock lock(mu);
    REQUIRE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return got == i + 1; }));
  }
  CHECK(got == total);
  CHECK(eventually([&] { return f.server->connection_count() == 1; }));
  CHECK(live->call("echo", json::array({"still here"})));
}

TEST_CASE("a slow handler holds up only its own client", "[rpc][server]") {
  Fixture f;
  auto slow = f.client();
  auto fast = f.client();
  std::optional<Expected<json, ClientError>> slow_result;
  std::thread t([&] { slow_result = slow->call("block"); });
  REQUIRE(eventually([&] { return f.gate.someone_waiting(); }));
  auto r = fast->call("echo", json::array({1}));
  CHECK(r);
  f.gate.release();
  t.join();
  REQUIRE(slow_result);
  REQUIRE(*slow_result);
  CHECK(**slow_result == "released");
}

TEST_CASE("many clients calling at once each get their own answers", "[rpc][server]") {
  Fixture f;
  constexpr int kClients = 8;
  constexpr int kCalls = 50;
  std::atomic<int> correct{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kClients; ++t) {
    threads.emplace_back([&, t] {
      auto c = Client::connect(f.dir.socket());
      if (!c) return;
      for (int i = 0; i < kCalls; ++i) {
        json p = {{"client", t}, {"call", i}};
        auto r = (*c)->call("echo", p);
        if (r && *r == p) ++correct;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(correct == kClients * kCalls);
}

TEST_CASE("handlers see the caller's peer credentials", "[rpc][server]") {
  Fixture f;
  auto c = f.client();
  auto r = c->call("whoami");
  REQUIRE(r);
  CHECK((*r)["uid"] == ::getuid());
  CHECK((*r)["pid"] == ::getpid());
}

TEST_CASE("a client that half-closes after its request still gets the answer", "[rpc][server]") {
  Fixture f;
  RawConnection raw(f.dir.socket());
  REQUIRE(raw.send(R"({"jsonrpc":"2.0","method":"echo","params":[7],"id":1})"));  // no newline
  raw.shutdown_write();
  json r = read_json(raw);
  CHECK(r["result"] == json::array({7}));
  CHECK(raw.wait_closed());
}

TEST_CASE("stop closes every connection and removes the socket", "[rpc][server]") {
  Fixture f;
  auto a = f.client();
  auto b = f.client();
  REQUIRE(a->call("events.subscribe"));
  REQUIRE(b->call("echo"));
  f.server->stop();
  CHECK(!std::filesystem::exists(f.dir.socket()));
  CHECK(eventually([&] { return !a->connected() && !b->connected(); }));
  auto r = a->call("echo");
  REQUIRE(!r);
  CHECK(r.error().code == ClientErrc::disconnected);
  f.server->stop();  // idempotent
}

TEST_CASE("stop waits for a running handler and the caller sees the disconnect", "[rpc][server]") {
  Fixture f;
  auto c = f.client();
  std::optional<Expected<json, ClientError>> result;
  std::thread t([&] { result = c->call("block"); });
  REQUIRE(eventually([&] { return f.gate.someone_waiting(); }));
  std::thread stopper([&] { f.server->stop(); });
  f.gate.release();
  stopper.join();
  t.join();
  REQUIRE(result);
  // Either the answer made it out before the close, or the call saw the disconnect.
  if (!*result) CHECK(result->error().code == ClientErrc::disconnected);
}

TEST_CASE("the socket is created with mode 0660 and its directory on demand", "[rpc][server]") {
  TempDir dir;
  ServerOptions o;
  o.path = dir.path() / "run" / "kioskd" / "k.sock";
  Server server(o);
  REQUIRE(server.start());
  struct stat st {};
  REQUIRE(::stat(o.path.c_str(), &st) == 0);
  CHECK(S_ISSOCK(st.st_mode));
  CHECK((st.st_mode & 0777) == 0660);
}

TEST_CASE("a stale socket is replaced, a live one or a plain file is not", "[rpc][server]") {
  TempDir dir;
  auto path = dir.socket();
  {
    // A socket file left behind by a crashed kioskd.
    int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", path.c_str());
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0);
    ::close(fd);
  }
  Server first(ServerOptions{.path = path});
  REQUIRE(first.start());
  Server second(ServerOptions{.path = path});
  auto refused = second.start();
  REQUIRE(!refused);
  CHECK(refused.error().code == ServerErrc::listen_failed);
  CHECK(!first.start());  // already running
  first.stop();

  std::ofstream(path.string()) << "not a socket";
  Server third(ServerOptions{.path = path});
  CHECK(!third.start());
}

TEST_CASE("random bytes on the socket never take the server down", "[rpc][server][fuzz]") {
  Fixture f;
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int conn = 0; conn < 20; ++conn) {
    RawConnection raw(f.dir.socket());
    std::string noise(static_cast<std::size_t>(1000 + conn * 500), '\0');
    for (auto& ch : noise) ch = static_cast<char>(byte(rng));
    raw.send(noise);
    raw.send("\n");
  }
  auto c = f.client();
  auto r = c->call("echo", json::array({"alive"}));
  REQUIRE(r);
  CHECK(*r == json::array({"alive"}));
}

TEST_CASE("a handler may broadcast a notification to subscribers, itself included",
          "[rpc][server]") {
  Fixture f;
  f.server->add_method("session.action", [&f](const json& p, const CallContext&) -> HandlerResult {
    f.server->notify("session.changed", json{{"step", p.value("action", "")}});
    return json{{"ok", true}};
  });
  RawConnection raw(f.dir.socket());
  REQUIRE(
      raw.send(R"({"jsonrpc":"2.0","method":"events.subscribe","id":1})"
               "\n"
               R"({"jsonrpc":"2.0","method":"session.action","params":{"action":"consent"},"id":2})"
               "\n"));
  CHECK(read_json(raw)["id"] == 1);
  // The notification is queued while the handler runs, so it precedes the response.
  json note = read_json(raw);
  CHECK(note["method"] == "session.changed");
  CHECK(note["params"]["step"] == "consent");
  CHECK(!note.contains("id"));
  CHECK(read_json(raw)["id"] == 2);
}

TEST_CASE("connections beyond the limit are closed at once", "[rpc][server]") {
  ServerOptions o;
  o.max_connections = 2;
  Fixture f(o);
  auto a = f.client();
  auto b = f.client();
  REQUIRE(eventually([&] { return f.server->connection_count() == 2; }));
  RawConnection third(f.dir.socket());
  CHECK(third.wait_closed());
  CHECK(a->call("echo", json::array({1})));
}
