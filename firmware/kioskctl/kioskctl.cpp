#include "firmware/kioskctl/kioskctl.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <ostream>
#include <sstream>

#include "firmware/kioskctl/render.hpp"

namespace kiosk::kioskctl {
using json = nlohmann::json;

namespace {

int exit_for(const rpc::ClientError& e) {
  switch (e.code) {
    case rpc::ClientErrc::unreachable:
    case rpc::ClientErrc::disconnected:
      return exit_unreachable;
    default:
      return exit_failed;
  }
}

void print_help(std::ostream& out, const std::vector<Command>& table) {
  out << "usage: kioskctl [--socket PATH] [--json] COMMAND [ARGS]\n"
         "  --socket PATH  kioskd's socket (default $KIOSKD_SOCKET or "
      << kDefaultSocket
      << ")\n"
         "  --json         print results as JSON\n"
         "commands:\n";
  std::size_t width = 0;
  for (const auto& c : table) width = std::max(width, c.usage.size());
  for (const auto& c : table) {
    out << "  " << c.usage << std::string(width + 2 - c.usage.size(), ' ') << c.summary << '\n';
  }
  out << "exit codes: 0 ok, 1 failed, 2 usage, 3 kioskd unreachable\n";
}

}  // namespace

std::filesystem::path token_path(const Environment& env) {
  if (env.xdg_runtime_dir && !env.xdg_runtime_dir->empty()) {
    return std::filesystem::path(*env.xdg_runtime_dir) / "kioskctl" / "token";
  }
  std::string home = env.home.value_or("");
  if (home.empty()) home = "/tmp";
  return std::filesystem::path(home) / ".cache" / "kioskctl" / "token";
}

Context::Context(std::filesystem::path socket, bool json_output, std::ostream& out,
                 std::ostream& err, const Environment& env)
    : socket_(std::move(socket)), json_(json_output), out_(out), err_(err), env_(env) {}

Context::~Context() = default;

int Context::fail(int code, const std::string& message) {
  err_ << "kioskctl: " << message << '\n';
  exit_code_ = code;
  return code;
}

rpc::Client* Context::client() {
  if (client_ && client_->connected()) return client_.get();
  client_.reset();
  auto c = rpc::Client::connect(socket_);
  if (!c) {
    fail(exit_unreachable, "kioskd unreachable (" + c.error().message + ")");
    if (json_) {
      out_ << json{{"error", {{"reason", "unreachable"}, {"message", c.error().message}}}}.dump(2)
           << '\n';
    }
    return nullptr;
  }
  client_ = std::move(*c);
  return client_.get();
}

std::optional<json> Context::call(const std::string& method, json params, bool maintenance) {
  rpc::Client* c = client();
  if (c == nullptr) return std::nullopt;
  if (maintenance) {
    if (auto token = load_token()) params["token"] = *token;
  }
  auto r = c->call(method, std::move(params), env_.call_timeout);
  if (r) return std::move(r).value();
  const auto& e = r.error();
  std::string reason = e.reason();
  if (e.code == rpc::ClientErrc::remote && reason == rpc::reasons::maintenance_required) {
    if (load_token()) clear_token();  // expired or revoked: forget it
    fail(exit_failed, "maintenance login required (run `kioskctl maintenance login --user NAME`)");
  } else if (e.code == rpc::ClientErrc::remote) {
    fail(exit_failed,
         method + " failed: " + e.message + (reason.empty() ? "" : " (" + reason + ")"));
  } else if (exit_for(e) == exit_unreachable) {
    fail(exit_unreachable, "kioskd unreachable (" + e.message + ")");
  } else {
    fail(exit_failed, method + " failed: " + e.message + " (" + reason + ")");
  }
  if (json_) {
    json err = {{"reason", reason}, {"message", e.message}};
    if (e.code == rpc::ClientErrc::remote) err["code"] = e.remote.code;
    out_ << json{{"error", err}}.dump(2) << '\n';
  }
  return std::nullopt;
}

void Context::print(const json& result, const std::optional<std::string>& human) {
  if (json_) {
    out_ << result.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
  } else if (human) {
    out_ << *human;
    if (!human->empty() && human->back() != '\n') out_ << '\n';
  } else {
    out_ << render_human(result);
  }
}

std::optional<std::string> Context::load_token() const {
  std::ifstream in(token_path(env_));
  std::string token;
  if (!in || !std::getline(in, token) || token.empty()) return std::nullopt;
  return token;
}

bool Context::save_token(const std::string& token) {
  auto path = token_path(env_);
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) {
    fail(exit_failed, "cannot create " + path.parent_path().string() + ": " + ec.message());
    return false;
  }
  ::chmod(path.parent_path().c_str(), 0700);
  std::string tmp = path.string() + ".new";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    fail(exit_failed, "cannot write " + tmp + ": " + std::strerror(errno));
    return false;
  }
  std::string line = token + "\n";
  bool ok = ::fchmod(fd, 0600) == 0 &&
            ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    fail(exit_failed, "cannot write " + path.string());
    return false;
  }
  return true;
}

void Context::clear_token() {
  std::error_code ec;
  std::filesystem::remove(token_path(env_), ec);
}

int run_kioskctl(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                 const Environment& env, const std::vector<Command>& extra) {
  std::vector<Command> table = builtin_commands();
  table.insert(table.end(), extra.begin(), extra.end());

  // Global options may come before or after the command words.
  bool json_output = false;
  std::string socket = env.kioskd_socket.value_or("");
  if (socket.empty()) socket = kDefaultSocket;
  std::vector<std::string> rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json") {
      json_output = true;
    } else if (args[i] == "--socket") {
      if (i + 1 >= args.size()) {
        err << "kioskctl: --socket needs a path\n";
        return exit_usage;
      }
      socket = args[++i];
    } else if (args[i].rfind("--socket=", 0) == 0) {
      socket = args[i].substr(9);
    } else if (args[i] == "--help" || args[i] == "-h") {
      rest.insert(rest.begin(), "help");
    } else {
      rest.push_back(args[i]);
    }
  }
  if (rest.empty() || rest[0] == "help") {
    print_help(rest.empty() ? err : out, table);
    return rest.empty() ? exit_usage : exit_ok;
  }

  // The longest command whose words start the line.
  const Command* chosen = nullptr;
  for (const auto& c : table) {
    if (c.words.size() > rest.size()) continue;
    if (!std::equal(c.words.begin(), c.words.end(), rest.begin())) continue;
    if (chosen == nullptr || c.words.size() > chosen->words.size()) chosen = &c;
  }
  if (chosen == nullptr) {
    err << "kioskctl: unknown command '" << rest[0] << "' (see `kioskctl help`)\n";
    return exit_usage;
  }
  std::vector<std::string> command_args(
      rest.begin() + static_cast<std::ptrdiff_t>(chosen->words.size()), rest.end());
  Context ctx(socket, json_output, out, err, env);
  int code = chosen->run(ctx, command_args);
  if (code == exit_usage) err << "usage: kioskctl " << chosen->usage << '\n';
  return code;
}

}  // namespace kiosk::kioskctl
