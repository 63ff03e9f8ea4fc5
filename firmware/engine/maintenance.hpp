#pragma once
// Maintenance access: technician credentials from central's signed configuration
// (PBKDF2-HMAC-SHA256, protocol/documents/technician.hpp), login with lockout, tokens that expire
// when idle, and every attempt and action audited through JournalPort::audit.

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "firmware/engine/ports.hpp"
#include "protocol/documents/technician.hpp"

namespace kiosk::engine {

// Credentials are the signed configuration's (protocol/documents/technician.hpp).
using protocol::TechnicianCredential;

struct MaintenanceOptions {
  int max_failures = 5;                   // failed logins before a lockout
  std::chrono::seconds lockout{15 * 60};  // per user
  std::chrono::seconds token_idle_expiry{5 * 60};
};

struct MaintenanceToken {
  std::string token;
  std::chrono::seconds expires_in{0};
  std::string user;
  std::string role;
};

class Maintenance {
 public:
  Maintenance(JournalPort& journal, const Clock& clock, MaintenanceOptions options = {});

  // Replaces the credential set (a newer signed config arrived). Audited.
  void set_credentials(std::vector<TechnicianCredential> credentials);

  // Errors: locked_out (reason "locked_out"), unauthorised ("bad_credentials"). Audited.
  Result<MaintenanceToken> login(const std::string& user, const std::string& password);
  Result<Done> logout(const std::string& token);
  // Checks a token and refreshes its idle timer. Errors: unauthorised ("maintenance_required").
  Result<MaintenanceToken> check(const std::string& token);
  // check() + an audit record of `action`; what every maintenance method calls first.
  Result<MaintenanceToken> authorise(const std::string& token, const std::string& action,
                                     const nlohmann::json& details = nlohmann::json::object());
  // The user of the most recently used technician session that has not expired, if any (for
  // kiosk.status). Does not refresh any idle timer.
  std::optional<std::string> active_user();

 private:
  struct Failures {
    int count = 0;
    std::chrono::steady_clock::time_point locked_until{};
  };
  struct Session {
    std::string user, role;
    std::chrono::steady_clock::time_point last_used{};
  };

  JournalPort& journal_;
  const Clock& clock_;
  const MaintenanceOptions options_;
  std::mutex m_;
  std::vector<TechnicianCredential> credentials_;
  std::map<std::string, Failures> failures_;
  std::map<std::string, Session> sessions_;
};

}  // namespace kiosk::engine
