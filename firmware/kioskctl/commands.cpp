// kioskctl's command table: each command maps its arguments to one local API method
// (docs/local-api.md) and prints the result.
#include <istream>
#include <ostream>
#include <sstream>

#include "firmware/kioskctl/arguments.hpp"
#include "firmware/kioskctl/kioskctl.hpp"
#include "firmware/kioskctl/render.hpp"

namespace kiosk::kioskctl {
namespace {

using nlohmann::json;

// Parses `args` or prints the error; the caller returns exit_usage when it is empty.
std::optional<Arguments> arguments(Context& ctx, const std::vector<std::string>& args,
                                   const std::set<std::string>& valued,
                                   const std::set<std::string>& switches, std::size_t min_pos,
                                   std::size_t max_pos) {
  auto parsed = parse_arguments(args, valued, switches, min_pos, max_pos);
  if (!parsed.arguments) ctx.err() << "kioskctl: " << parsed.error << '\n';
  return parsed.arguments;
}

// A command that takes no arguments and prints the method's result.
Command simple(std::vector<std::string> words, std::string method, std::string summary,
               bool maintenance) {
  std::string usage;
  for (const auto& w : words) usage += (usage.empty() ? "" : " ") + w;
  return Command{std::move(words), usage, std::move(summary),
                 [method, maintenance](Context& ctx, const std::vector<std::string>& args) {
                   if (!arguments(ctx, args, {}, {}, 0, 0)) return int{exit_usage};
                   auto r = ctx.call(method, json::object(), maintenance);
                   if (!r) return ctx.exit_code();
                   ctx.print(*r);
                   return int{exit_ok};
                 }};
}

int selftest(Context& ctx, const std::vector<std::string>& args) {
  auto a = arguments(ctx, args, {"--device"}, {}, 0, 0);
  if (!a) return exit_usage;
  json params = json::object();
  if (auto d = a->value("--device")) params["device"] = *d;
  auto r = ctx.call("devices.selftest", params, true);
  if (!r) return ctx.exit_code();
  ctx.print(*r);
  return exit_ok;
}

int txn_list(Context& ctx, const std::vector<std::string>& args) {
  auto a = arguments(ctx, args, {"--limit"}, {}, 0, 0);
  if (!a) return exit_usage;
  std::uint64_t limit = 20;
  if (auto l = a->value("--limit")) {
    auto n = parse_count(*l);
    if (!n || *n == 0) return ctx.fail(exit_usage, "--limit must be a positive number");
    limit = *n;
  }
  auto r = ctx.call("txn.list", json{{"limit", limit}}, true);
  if (!r) return ctx.exit_code();
  ctx.print(*r);
  return exit_ok;
}

int txn_show(Context& ctx, const std::vector<std::string>& args) {
  auto a = arguments(ctx, args, {}, {}, 1, 1);
  if (!a) return exit_usage;
  auto r = ctx.call("txn.show", json{{"id", a->positional[0]}}, true);
  if (!r) return ctx.exit_code();
  ctx.print(*r);
  return exit_ok;
}

int stock_load(Context& ctx, const std::vector<std::string>& args) {
  auto a = arguments(ctx, args, {"--count", "--first", "--last"}, {}, 0, 0);
  if (!a) return exit_usage;
  auto count = a->value("--count");
  auto first = a->value("--first");
  auto last = a->value("--last");
  if (!count || !first || !last) {
    return ctx.fail(exit_usage, "stock load needs --count, --first and --last");
  }
  auto n = parse_count(*count);
  if (!n || *n == 0) return ctx.fail(exit_usage, "--count must be a positive number");
  if (first->empty() || last->empty()) return ctx.fail(exit_usage, "serials must not be empty");
  auto r = ctx.call("stock.load",
                    json{{"count", *n}, {"first_serial", *first}, {"last_serial", *last}}, true);
  if (!r) return ctx.exit_code();
  ctx.print(*r, "Loaded " + std::to_string(*n) + " cards (" + *first + " .. " + *last + ").\n" +
                    render_human(*r));
  return exit_ok;
}

std::string trim_newline(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

int login(Context& ctx, const std::vector<std::string>& args) {
  auto a = arguments(ctx, args, {"--user"}, {"--password-stdin"}, 0, 0);
  if (!a) return exit_usage;
  auto user = a->value("--user");
  if (!user || user->empty()) return ctx.fail(exit_usage, "maintenance login needs --user");
  std::optional<std::string> password;
  if (a->has("--password-stdin")) {
    std::string line;
    if (ctx.env().in != nullptr && std::getline(*ctx.env().in, line)) password = trim_newline(line);
  } else if (ctx.env().read_password) {
    password = ctx.env().read_password("Password for " + *user + ": ");
    if (!password) {
      return ctx.fail(exit_usage, "no terminal to ask for the password; use --password-stdin");
    }
  }
  if (!password || password->empty()) return ctx.fail(exit_usage, "empty password");
  auto r = ctx.call("maintenance.login", json{{"user", *user}, {"password", *password}});
  if (!r) return ctx.exit_code();
  if (!r->is_object() || !(*r)["token"].is_string() || (*r)["token"].get<std::string>().empty()) {
    return ctx.fail(exit_failed, "maintenance.login answered without a token");
  }
  if (!ctx.save_token((*r)["token"].get<std::string>())) return ctx.exit_code();
  json shown = *r;
  shown.erase("token");  // the secret stays in the token file
  shown["user"] = *user;
  shown["token_file"] = token_path(ctx.env()).string();
  std::string human = "Logged in as " + *user;
  if (r->contains("expires_in"))
    human += " (session expires in " + render_scalar((*r)["expires_in"]) + " s)";
  ctx.print(shown, human + ".\n");
  return exit_ok;
}

int logout(Context& ctx, const std::vector<std::string>& args) {
  if (!arguments(ctx, args, {}, {}, 0, 0)) return exit_usage;
  if (!ctx.load_token()) return ctx.fail(exit_failed, "not logged in");
  auto r = ctx.call("maintenance.logout", json::object(), true);
  ctx.clear_token();  // whatever kioskd says, this token is done with
  if (!r) return ctx.exit_code();
  ctx.print(*r, "Logged out.\n");
  return exit_ok;
}

int out_of_service(Context& ctx, const std::vector<std::string>& args) {
  auto a = arguments(ctx, args, {"--reason"}, {}, 1, 1);
  if (!a) return exit_usage;
  const std::string& mode = a->positional[0];
  if (mode != "on" && mode != "off") return ctx.fail(exit_usage, "say `on` or `off`");
  bool enabled = mode == "on";
  json params = {{"enabled", enabled}};
  std::string reason = a->value("--reason").value_or("");
  if (!reason.empty()) params["reason"] = reason;
  auto r = ctx.call("maintenance.set_out_of_service", params, true);
  if (!r) return ctx.exit_code();
  std::string human =
      enabled ? "Kiosk is out of service" + (reason.empty() ? "" : " (" + reason + ")") + ".\n"
              : std::string("Kiosk is back in service.\n");
  ctx.print(*r, human);
  return exit_ok;
}

int audit(Context& ctx, const std::vector<std::string>& args) {
  auto a = arguments(ctx, args, {"--limit"}, {}, 0, 0);
  if (!a) return exit_usage;
  json params = json::object();
  if (auto l = a->value("--limit")) {
    auto n = parse_count(*l);
    if (!n || *n == 0) return ctx.fail(exit_usage, "--limit must be a positive number");
    params["limit"] = *n;
  }
  auto r = ctx.call("audit.list", params, true);
  if (!r) return ctx.exit_code();
  ctx.print(*r);
  return exit_ok;
}

// An emulator command: `positional` names the params taken from the positional arguments, in
// order; `done` is the human line printed on success.
Command emulator(std::vector<std::string> words, std::string usage, std::string method,
                 std::vector<std::string> positional, std::string summary, std::string done) {
  return Command{std::move(words), std::move(usage), std::move(summary),
                 [method, positional, done](Context& ctx, const std::vector<std::string>& args) {
                   auto a = arguments(ctx, args, {}, {}, positional.size(), positional.size());
                   if (!a) return int{exit_usage};
                   json params = json::object();
                   for (std::size_t i = 0; i < positional.size(); ++i) {
                     params[positional[i]] = a->positional[i];
                   }
                   auto r = ctx.call(method, params);
                   if (!r) return ctx.exit_code();
                   if (done.empty()) {
                     ctx.print(*r);
                   } else {
                     ctx.print(*r, done);
                   }
                   return int{exit_ok};
                 }};
}

int emulator_pay(Context& ctx, const std::vector<std::string>& args) {
  auto a = arguments(ctx, args, {"--wallet"}, {}, 0, 1);
  if (!a) return exit_usage;
  auto wallet = a->value("--wallet");
  if (a->positional.empty() == !wallet) {
    return ctx.fail(exit_usage, "give a payment CODE or --wallet NAME (not both)");
  }
  json params = wallet ? json{{"wallet", *wallet}} : json{{"code", a->positional[0]}};
  auto r = ctx.call("emulator.present_payment_code", params);
  if (!r) return ctx.exit_code();
  ctx.print(*r, "Payment code presented.\n");
  return exit_ok;
}

}  // namespace

std::vector<Command> builtin_commands() {
  std::vector<Command> t;
  t.push_back(simple({"status"}, "kiosk.status", "kiosk state, session, supplies, sync", false));
  t.push_back(simple({"devices"}, "devices.list", "every device's status", false));
  t.push_back(
      {{"selftest"}, "selftest [--device D]", "run device self-tests (maintenance)", selftest});
  t.push_back(
      {{"txn", "list"}, "txn list [--limit N]", "recent transactions (maintenance)", txn_list});
  t.push_back({{"txn", "show"}, "txn show ID", "one transaction's steps (maintenance)", txn_show});
  t.push_back(simple({"sync", "status"}, "sync.status", "outbox and central connection", false));
  t.push_back(simple({"sync", "now"}, "sync.now", "upload the outbox now (maintenance)", true));
  t.push_back(simple({"stock", "status"}, "stock.status", "card stock counts", false));
  t.push_back({{"stock", "load"},
               "stock load --count N --first SERIAL --last SERIAL",
               "record loaded blank cards (maintenance)",
               stock_load});
  t.push_back(simple({"stock", "reconcile"}, "stock.reconcile",
                     "compare stock with the printer's counter (maintenance)", true));
  t.push_back({{"maintenance", "login"},
               "maintenance login --user U [--password-stdin]",
               "start a technician session",
               login});
  t.push_back(
      {{"maintenance", "logout"}, "maintenance logout", "end the technician session", logout});
  t.push_back({{"out-of-service"},
               "out-of-service on|off [--reason R]",
               "take the kiosk out of / back into service (maintenance)",
               out_of_service});
  t.push_back({{"audit"}, "audit [--limit N]", "maintenance audit log (maintenance)", audit});
  t.push_back(emulator({"emulator", "citizens"}, "emulator citizens", "emulator.citizens", {},
                       "synthetic citizens of the emulated ID reader (simulation)", ""));
  t.push_back(emulator({"emulator", "place-id"}, "emulator place-id ID_NUMBER",
                       "emulator.place_id_card", {"id_number"},
                       "place a synthetic citizen's ID card (simulation)", "ID card placed.\n"));
  t.push_back(emulator({"emulator", "remove-id"}, "emulator remove-id", "emulator.remove_id_card",
                       {}, "remove the ID card (simulation)", "ID card removed.\n"));
  t.push_back({{"emulator", "pay"},
               "emulator pay CODE | --wallet NAME",
               "present a payment code (simulation)",
               emulator_pay});
  t.push_back(emulator({"emulator", "take-card"}, "emulator take-card", "emulator.take_card", {},
                       "take the printed card from the slot (simulation)", "Card taken.\n"));
  t.push_back(emulator({"emulator", "fault"}, "emulator fault DEVICE FAULT",
                       "emulator.inject_fault", {"device", "fault"},
                       "inject a device fault (simulation)", "Fault injected.\n"));
  t.push_back(emulator({"emulator", "clear"}, "emulator clear DEVICE", "emulator.clear_faults",
                       {"device"}, "clear a device's faults (simulation)", "Faults cleared.\n"));
  // The same helper as the emulator commands: a method without params and a one-line answer.
  t.push_back(emulator({"session", "keep-alive"}, "session keep-alive", "session.keep_alive", {},
                       "restart the citizen's idle timer (\"I'm still here\")",
                       "Session kept alive.\n"));
  t.push_back(simple({"version"}, "api.version", "the local API version", false));
  // `citizen` (the scripted citizen) is not built in: the engine's library supplies it through
  // run_kioskctl's `extra` commands, e.g. {{"citizen"}, "citizen [--service S] ...", ...}.
  return t;
}

}  // namespace kiosk::kioskctl
