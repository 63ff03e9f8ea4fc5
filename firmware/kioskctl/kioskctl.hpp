#pragma once
// kioskctl, the technician's command line for kioskd's local API, as a library so tests run
// its commands in-process. main.cpp only forwards argv and the process environment.
//
//   kioskctl [--socket PATH] [--json] COMMAND [ARGS]
//
// Exit codes: 0 ok, 1 the command failed (one-line reason on stderr), 2 usage error,
// 3 kioskd unreachable. Human-readable output by default; --json prints the result as JSON
// (and, on failure, {"error": {...}} on stdout besides the stderr line).
#include <chrono>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "firmware/rpc/client.hpp"

namespace kiosk::kioskctl {

inline constexpr const char* kDefaultSocket = "/run/kioskd/kioskd.sock";

enum ExitCode : int { exit_ok = 0, exit_failed = 1, exit_usage = 2, exit_unreachable = 3 };

// What kioskctl takes from its process; tests fill it by hand.
struct Environment {
  std::optional<std::string> kioskd_socket;    // $KIOSKD_SOCKET
  std::optional<std::string> xdg_runtime_dir;  // $XDG_RUNTIME_DIR
  std::optional<std::string> home;             // $HOME
  std::istream* in = nullptr;                  // standard input, for --password-stdin
  // Asks for a password on the terminal without echo; nullopt when there is no terminal.
  std::function<std::optional<std::string>(const std::string& prompt)> read_password;
  std::chrono::milliseconds call_timeout{60000};  // self-tests can take a while

  static Environment from_process();
};

// Where the maintenance token lives: $XDG_RUNTIME_DIR/kioskctl/token, else
// $HOME/.cache/kioskctl/token (directory 0700, file 0600).
std::filesystem::path token_path(const Environment& env);

// The state one command runs with: output streams, the connection (opened on first call),
// the --json flag and the token store.
class Context {
 public:
  Context(std::filesystem::path socket, bool json, std::ostream& out, std::ostream& err,
          const Environment& env);
  ~Context();

  bool json_output() const { return json_; }
  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }
  const Environment& env() const { return env_; }
  const std::filesystem::path& socket() const { return socket_; }

  // Calls `method`. With `maintenance`, the stored token is added as params.token. On failure
  // it prints the one-line error (and the JSON error with --json), remembers the exit code
  // (exit_code()) and returns nullopt.
  std::optional<nlohmann::json> call(const std::string& method,
                                     nlohmann::json params = nlohmann::json::object(),
                                     bool maintenance = false);
  int exit_code() const { return exit_code_; }

  // Prints `result`: as JSON with --json, else `human` when given, else a generic rendering.
  void print(const nlohmann::json& result, const std::optional<std::string>& human = {});

  // Fails the command with a one-line message; returns the exit code to return.
  int fail(int code, const std::string& message);

  // The connection, for commands that need more than call() (notifications, many calls).
  // nullptr after printing the error when kioskd is unreachable.
  rpc::Client* client();

  std::optional<std::string> load_token() const;
  bool save_token(const std::string& token);  // prints the error itself on failure
  void clear_token();

 private:
  std::filesystem::path socket_;
  bool json_;
  std::ostream& out_;
  std::ostream& err_;
  const Environment& env_;
  std::unique_ptr<rpc::Client> client_;
  int exit_code_ = exit_ok;
};

// One command of the table: the words that select it ("txn", "list"), a usage line, a summary
// for `kioskctl help`, and the function that runs it with the remaining arguments.
struct Command {
  std::vector<std::string> words;
  std::string usage;
  std::string summary;
  std::function<int(Context&, const std::vector<std::string>& args)> run;
};

// The built-in commands (status, devices, selftest, txn, sync, stock, maintenance,
// out-of-service, audit, emulator, version).
std::vector<Command> builtin_commands();

// Runs one kioskctl command line (without the program name). `extra` commands are added to
// the table (the scripted `citizen` command comes in this way).
int run_kioskctl(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                 const Environment& env, const std::vector<Command>& extra = {});

}  // namespace kiosk::kioskctl
