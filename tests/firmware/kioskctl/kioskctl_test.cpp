#include "firmware/kioskctl/kioskctl.hpp"

#include <sys/stat.h>

#include <fstream>
#include <mutex>
#include <sstream>

#include <catch2/catch.hpp>

#include "firmware/rpc/server.hpp"
#include "tests/firmware/rpc/rpc_test_support.hpp"

using namespace kiosk;
using kiosk::kioskctl::Environment;
using kiosk::kioskctl::run_kioskctl;
using kiosk::rpc::test::TempDir;
using nlohmann::json;

namespace {

struct Call {
  std::string method;
  json params;
  std::string token;  // what the server validated, for maintenance methods
};

struct Result {
  int code;
  std::string out;
  std::string err;
};

// A stand-in kioskd: every documented method answers canned data and records what it got.
struct FakeKiosk {
  TempDir dir;
  rpc::Server server{
      rpc::ServerOptions{.path = dir.socket(),
                         .simulation = true,
                         .validate_token = [](const std::string& t) -> std::optional<std::string> {
                           if (t == "tok-123") return std::string("tech1");
                           return std::nullopt;
                         }}};
  std::mutex mu;
  std::vector<Call> calls;
  Environment env;
  std::istringstream stdin_text;

  FakeKiosk() {
    auto canned = [this](const std::string& name, json answer, bool maintenance = false,
                         bool simulation = false) {
      server.add_method(
          name,
          [this, name, answer](const json& p, const rpc::CallContext& c) -> rpc::HandlerResult {
            std::lock_guard lock(mu);
            calls.push_back({name, p, c.token});
            return answer;
          },
          {.maintenance = maintenance, .simulation_only = simulation});
    };
    canned("kiosk.status", {{"state", "ready"}, {"out_of_service", false}, {"session", nullptr}});
    canned("devices.list",
           {{"devices", json::array({{{"device", "card_printer"}, {"state", "online"}},
                                     {{"device", "id_reader"}, {"state", "offline"}}})}});
    canned("devices.selftest", {{"passed", true}}, true);
    canned("txn.list",
           {{"transactions", json::array({{{"id", "tx-1"}, {"outcome", "completed"}}})}}, true);
    canned("txn.show", {{"id", "tx-1"}, {"steps", json::array()}}, true);
    canned("sync.status", {{"depth", 0}, {"last_acknowledged", 41}}, false);
    canned("sync.now", {{"started", true}}, true);
    canned("stock.status", {{"loaded", 500}, {"remaining", 498}});
    canned("stock.reconcile", {{"difference", 0}}, true);
    canned("maintenance.logout", {{"logged_out", true}}, true);
    canned("maintenance.set_out_of_service", {{"out_of_service", true}}, true);
    canned("audit.list", json::array(), true);
    canned("emulator.citizens", json::array({{{"id_number", "11010119900307001X"}}}), false, true);
    canned("emulator.place_id_card", {{"placed", true}}, false, true);
    canned("emulator.remove_id_card", {{"removed", true}}, false, true);
    canned("emulator.present_payment_code", {{"presented", true}}, false, true);
    canned("emulator.take_card", {{"taken", true}}, false, true);
    canned("emulator.inject_fault", {{"injected", true}}, false, true);
    canned("emulator.clear_faults", {{"cleared", true}}, false, true);
    canned("session.keep_alive", json::object());
    server.add_method("stock.load",
                      [this](const json& p, const rpc::CallContext& c) -> rpc::HandlerResult {
                        std::lock_guard lock(mu);
                        calls.push_back({"stock.load", p, c.token});
                        if (p.value("count", 0) > 1000) {
                          return rpc::application_error("stock_overflow",
                                                        "more cards than the hopper holds");
                        }
                        return json{{"loaded", p["count"]}};
                      },
                      {.maintenance = true});
    server.add_method("maintenance.login",
                      [this](const json& p, const rpc::CallContext&) -> rpc::HandlerResult {
                        std::lock_guard lock(mu);
                        calls.push_back({"maintenance.login", p, ""});
                        if (p.value("user", "") == "tech1" && p.value("password", "") == "s3cret") {
                          return json{{"token", "tok-123"}, {"expires_in", 900}};
                        }
                        return rpc::application_error("bad_credentials", "wrong user or password");
                      });
    REQUIRE(server.start());
    env.kioskd_socket = dir.socket().string();
    env.xdg_runtime_dir = (dir.path() / "xdg").string();
    env.home = (dir.path() / "home").string();
    env.in = &stdin_text;
    env.read_password = [](const std::string&) -> std::optional<std::string> {
      return std::nullopt;
    };
  }

  Result run(const std::vector<std::string>& args,
             const std::vector<kioskctl::Command>& extra = {}) {
    std::ostringstream out, err;
    int code = run_kioskctl(args, out, err, env, extra);
    return {code, out.str(), err.str()};
  }

  Call last() {
    std::lock_guard lock(mu);
    REQUIRE(!calls.empty());
    return calls.back();
  }
  std::size_t call_count() {
    std::lock_guard lock(mu);
    return calls.size();
  }

  std::filesystem::path token_file() const { return dir.path() / "xdg" / "kioskctl" / "token"; }
  void write_token(const std::string& token) {
    std::filesystem::create_directories(token_file().parent_path());
    std::ofstream(token_file()) << token << "\n";
  }
};

}  // namespace

TEST_CASE("status prints kiosk.status for people and as JSON", "[kioskctl]") {
  FakeKiosk k;
  auto human = k.run({"status"});
  CHECK(human.code == 0);
  CHECK(human.err.empty());
  CHECK(human.out ==
        "out_of_service:  no\n"
        "session:         -\n"
        "state:           ready\n");
  CHECK(k.last().method == "kiosk.status");
  CHECK(k.last().params == json::object());

  auto machine = k.run({"--json", "status"});
  CHECK(machine.code == 0);
  CHECK(json::parse(machine.out) ==
        json{{"state", "ready"}, {"out_of_service", false}, {"session", nullptr}});
}

TEST_CASE("devices prints a table", "[kioskctl]") {
  FakeKiosk k;
  auto r = k.run({"devices"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "devices:\n"
        "  DEVICE        STATE\n"
        "  card_printer  online\n"
        "  id_reader     offline\n");
}

TEST_CASE("every command sends its documented method and params", "[kioskctl]") {
  FakeKiosk k;
  k.write_token("tok-123");
  struct Case {
    std::vector<std::string> args;
    std::string method;
    json params;
    bool maintenance;
  };
  std::vector<Case> cases = {
      {{"devices"}, "devices.list", json::object(), false},
      {{"selftest"}, "devices.selftest", json::object(), true},
      {{"selftest", "--device", "card_printer"},
       "devices.selftest",
       {{"device", "card_printer"}},
       true},
      {{"txn", "list"}, "txn.list", {{"limit", 20}}, true},
      {{"txn", "list", "--limit", "5"}, "txn.list", {{"limit", 5}}, true},
      {{"txn", "show", "tx-1"}, "txn.show", {{"id", "tx-1"}}, true},
      {{"sync", "status"}, "sync.status", json::object(), false},
      {{"sync", "now"}, "sync.now", json::object(), true},
      {{"stock", "status"}, "stock.status", json::object(), false},
      {{"stock", "load", "--count", "500", "--first", "C000001", "--last", "C000500"},
       "stock.load",
       {{"count", 500}, {"first_serial", "C000001"}, {"last_serial", "C000500"}},
       true},
      {{"stock", "reconcile"}, "stock.reconcile", json::object(), true},
      {{"out-of-service", "on", "--reason", "ribbon change"},
       "maintenance.set_out_of_service",
       {{"enabled", true}, {"reason", "ribbon change"}},
       true},
      {{"out-of-service", "off"}, "maintenance.set_out_of_service", {{"enabled", false}}, true},
      {{"audit"}, "audit.list", json::object(), true},
      {{"audit", "--limit", "3"}, "audit.list", {{"limit", 3}}, true},
      {{"emulator", "citizens"}, "emulator.citizens", json::object(), false},
      {{"emulator", "place-id", "11010119900307001X"},
       "emulator.place_id_card",
       {{"id_number", "11010119900307001X"}},
       false},
      {{"emulator", "remove-id"}, "emulator.remove_id_card", json::object(), false},
      {{"emulator", "pay", "284712345678901234"},
       "emulator.present_payment_code",
       {{"code", "284712345678901234"}},
       false},
      {{"emulator", "pay", "--wallet", "alipay"},
       "emulator.present_payment_code",
       {{"wallet", "alipay"}},
       false},
      {{"emulator", "take-card"}, "emulator.take_card", json::object(), false},
      {{"emulator", "fault", "card_printer", "ribbon_out"},
       "emulator.inject_fault",
       {{"device", "card_printer"}, {"fault", "ribbon_out"}},
       false},
      {{"emulator", "clear", "card_printer"},
       "emulator.clear_faults",
       {{"device", "card_printer"}},
       false},
      {{"session", "keep-alive"}, "session.keep_alive", json::object(), false},
  };
  for (const auto& c : cases) {
    INFO(c.method);
    auto r = k.run(c.args);
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    auto call = k.last();
    CHECK(call.method == c.method);
    CHECK(call.params == c.params);
    CHECK(call.token == (c.maintenance ? "tok-123" : ""));
    auto json_args = c.args;
    json_args.push_back("--json");  // global options may also follow the command
    auto j = k.run(json_args);
    CHECK(j.code == 0);
    CHECK_NOTHROW(json::parse(j.out));
  }
}

TEST_CASE("action commands confirm in one line", "[kioskctl]") {
  FakeKiosk k;
  k.write_token("tok-123");
  CHECK(k.run({"out-of-service", "on", "--reason", "ribbon change"}).out ==
        "Kiosk is out of service (ribbon change).\n");
  CHECK(k.run({"out-of-service", "off"}).out == "Kiosk is back in service.\n");
  CHECK(k.run({"emulator", "take-card"}).out == "Card taken.\n");
  CHECK(k.run({"session", "keep-alive"}).out == "Session kept alive.\n");
  CHECK(k.run({"stock", "load", "--count", "2", "--first", "A1", "--last", "A2"}).out ==
        "Loaded 2 cards (A1 .. A2).\nloaded:  2\n");
}

TEST_CASE("maintenance login stores the token with mode 0600 and never prints it",
          "[kioskctl][maintenance]") {
  FakeKiosk k;
  k.stdin_text.str("s3cret\n");
  auto r = k.run({"maintenance", "login", "--user", "tech1", "--password-stdin"});
  CHECK(r.code == 0);
  CHECK(r.out == "Logged in as tech1 (session expires in 900 s).\n");
  CHECK(k.last().params == json{{"user", "tech1"}, {"password", "s3cret"}});
  std::ifstream in(k.token_file());
  std::string stored;
  std::getline(in, stored);
  CHECK(stored == "tok-123");
  struct stat st {};
  REQUIRE(::stat(k.token_file().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(::stat(k.token_file().parent_path().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);

  // The stored token now goes with maintenance methods.
  CHECK(k.run({"sync", "now"}).code == 0);
  CHECK(k.last().token == "tok-123");

  SECTION("--json shows the session but not the token") {
    k.stdin_text.clear();
    k.stdin_text.str("s3cret\n");
    auto j = k.run({"--json", "maintenance", "login", "--user", "tech1", "--password-stdin"});
    CHECK(j.code == 0);
    json out = json::parse(j.out);
    CHECK(out["user"] == "tech1");
    CHECK(out["expires_in"] == 900);
    CHECK(!out.contains("token"));
    CHECK(out["token_file"] == k.token_file().string());
  }
}

TEST_CASE("maintenance login asks on the terminal when no --password-stdin",
          "[kioskctl][maintenance]") {
  FakeKiosk k;
  std::string asked;
  k.env.read_password = [&](const std::string& prompt) -> std::optional<std::string> {
    asked = prompt;
    return std::string("s3cret");
  };
  auto r = k.run({"maintenance", "login", "--user", "tech1"});
  CHECK(r.code == 0);
  CHECK(asked == "Password for tech1: ");

  SECTION("and refuses without a terminal") {
    k.env.read_password = [](const std::string&) -> std::optional<std::string> {
      return std::nullopt;
    };
    auto no_tty = k.run({"maintenance", "login", "--user", "tech1"});
    CHECK(no_tty.code == 2);
    CHECK(no_tty.err.find("--password-stdin") != std::string::npos);
  }
}

TEST_CASE("a wrong password fails with the reason and stores nothing", "[kioskctl][maintenance]") {
  FakeKiosk k;
  k.stdin_text.str("guess\n");
  auto r = k.run({"maintenance", "login", "--user", "tech1", "--password-stdin"});
  CHECK(r.code == 1);
  CHECK(r.err == "kioskctl: maintenance.login failed: wrong user or password (bad_credentials)\n");
  CHECK(!std::filesystem::exists(k.token_file()));
}

TEST_CASE("maintenance commands without a session say how to log in", "[kioskctl][maintenance]") {
  FakeKiosk k;
  auto r = k.run({"stock", "reconcile"});
  CHECK(r.code == 1);
  CHECK(r.err ==
        "kioskctl: maintenance login required (run `kioskctl maintenance login --user NAME`)\n");
  CHECK(r.out.empty());

  SECTION("an expired token is forgotten") {
    k.write_token("expired");
    auto e = k.run({"--json", "txn", "list"});
    CHECK(e.code == 1);
    CHECK(json::parse(e.out)["error"]["reason"] == "maintenance_required");
    CHECK(json::parse(e.out)["error"]["code"] == -32001);
    CHECK(!std::filesystem::exists(k.token_file()));
  }
}

TEST_CASE("logout ends the session on kioskd and removes the token", "[kioskctl][maintenance]") {
  FakeKiosk k;
  k.write_token("tok-123");
  auto r = k.run({"maintenance", "logout"});
  CHECK(r.code == 0);
  CHECK(r.out == "Logged out.\n");
  CHECK(k.last().method == "maintenance.logout");
  CHECK(k.last().token == "tok-123");
  CHECK(!std::filesystem::exists(k.token_file()));
  CHECK(k.run({"maintenance", "logout"}).code == 1);
}

TEST_CASE("an application error is one line and exit code 1", "[kioskctl]") {
  FakeKiosk k;
  k.write_token("tok-123");
  auto r = k.run({"stock", "load", "--count", "5000", "--first", "A", "--last", "B"});
  CHECK(r.code == 1);
  CHECK(r.err ==
        "kioskctl: stock.load failed: more cards than the hopper holds (stock_overflow)\n");
}

TEST_CASE("emulator commands outside simulation fail with the reason", "[kioskctl]") {
  FakeKiosk k;
  k.server.set_simulation(false);
  auto r = k.run({"emulator", "take-card"});
  CHECK(r.code == 1);
  CHECK(r.err.find("(simulation_only)") != std::string::npos);
}

TEST_CASE("bad command lines are usage errors that reach no method", "[kioskctl]") {
  FakeKiosk k;
  k.write_token("tok-123");
  std::vector<std::vector<std::string>> bad = {
      {},
      {"frobnicate"},
      {"txn", "show"},
      {"txn", "list", "--limit", "many"},
      {"stock", "load", "--count", "5"},
      {"stock", "load", "--count", "-5", "--first", "A", "--last", "B"},
      {"status", "extra"},
      {"out-of-service", "maybe"},
      {"emulator", "pay"},
      {"emulator", "pay", "123", "--wallet", "alipay"},
      {"emulator", "fault", "card_printer"},
      {"maintenance", "login"},
      {"--socket"},
      {"devices", "--verbose"},
  };
  for (const auto& args : bad) {
    auto r = k.run(args);
    INFO(r.err);
    CHECK(r.code == 2);
    CHECK(!r.err.empty());
  }
  CHECK(k.call_count() == 0);
}

TEST_CASE("kioskd unreachable is exit code 3 with one line", "[kioskctl]") {
  FakeKiosk k;
  auto missing = (k.dir.path() / "nope.sock").string();
  auto r = k.run({"--socket", missing, "status"});
  CHECK(r.code == 3);
  CHECK(r.err.rfind("kioskctl: kioskd unreachable (", 0) == 0);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  auto j = k.run({"--json", "--socket", missing, "devices"});
  CHECK(j.code == 3);
  CHECK(json::parse(j.out)["error"]["reason"] == "unreachable");
}

TEST_CASE("the socket comes from --socket, else KIOSKD_SOCKET, else the default", "[kioskctl]") {
  FakeKiosk k;
  k.env.kioskd_socket = (k.dir.path() / "elsewhere.sock").string();
  CHECK(k.run({"status"}).code == 3);
  CHECK(k.run({"status", "--socket", k.dir.socket().string()}).code == 0);
  CHECK(k.run({"--socket=" + k.dir.socket().string(), "status"}).code == 0);
  Environment bare;
  CHECK(kioskctl::kDefaultSocket == std::string("/run/kioskd/kioskd.sock"));
  CHECK(kioskctl::token_path(bare) == "/tmp/.cache/kioskctl/token");
  bare.home = "/home/tech";
  CHECK(kioskctl::token_path(bare) == "/home/tech/.cache/kioskctl/token");
  bare.xdg_runtime_dir = "/run/user/1000";
  CHECK(kioskctl::token_path(bare) == "/run/user/1000/kioskctl/token");
}

TEST_CASE("extra commands such as citizen join the table", "[kioskctl]") {
  FakeKiosk k;
  kioskctl::Command citizen{{"citizen"},
                            "citizen",
                            "scripted citizen",
                            [](kioskctl::Context& ctx, const std::vector<std::string>& args) {
                              auto r = ctx.call("kiosk.status");
                              if (!r) return ctx.exit_code();
                              ctx.out() << "citizen " << args.size() << "\n";
                              return 0;
                            }};
  auto r = k.run({"citizen", "--", "x"}, {citizen});
  CHECK(r.code == 0);
  CHECK(r.out == "citizen 2\n");
  auto help = k.run({"help"}, {citizen});
  CHECK(help.out.find("scripted citizen") != std::string::npos);
}

TEST_CASE("version prints the API version", "[kioskctl]") {
  FakeKiosk k;
  auto r = k.run({"version"});
  CHECK(r.code == 0);
  CHECK(r.out == "version:  1\n");
}
