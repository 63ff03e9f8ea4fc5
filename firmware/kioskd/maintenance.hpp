#pragma once
// Technician sessions for the local API's maintenance methods.
// Credentials: journal setting "maintenance.credential.<user>" = "<salt hex>:<sha256 hex of
// salt+password>" (central's config pull writes it; tests and first setup use set_credential).
// Lockout: 5 failed logins for a user lock it for 5 minutes. Tokens: 128-bit random hex,
// expire after the configured idle time without use. Every login, failure and logout is
// audited by the caller (it owns the journal).
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

#include "firmware/journal/journal.hpp"

namespace kiosk::kioskd {

class MaintenanceSessions {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  MaintenanceSessions(journal::Journal& journal, std::chrono::seconds idle, Clock clock = {});

  static std::string make_credential(const std::string& password);  // "<salt>:<hash>"
  bool set_credential(const std::string& user, const std::string& password);

  // => token, or the reason: "bad_credentials" | "locked_out".
  std::variant<std::string, std::string> login(const std::string& user,
                                               const std::string& password);
  // The actor of a live token (and its idle clock restarts), or nullopt.
  std::optional<std::string> validate(const std::string& token);
  void logout(const std::string& token);

 private:
  std::chrono::steady_clock::time_point now() const;
  journal::Journal& journal_;
  std::chrono::seconds idle_;
  Clock clock_;
  std::mutex m_;
  struct Session {
    std::string user;
    std::chrono::steady_clock::time_point last_used;
  };
  std::map<std::string, Session> sessions_;
  struct Failures {
    int count = 0;
    std::chrono::steady_clock::time_point locked_until{};
  };
  std::map<std::string, Failures> failures_;
};

}  // namespace kiosk::kioskd
