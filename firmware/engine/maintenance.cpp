#include "firmware/engine/maintenance.hpp"

#include "protocol/crypto/signature.hpp"
#include "protocol/encoding/hex.hpp"

namespace kiosk::engine {
namespace {

// 24 random bytes: a session token nobody can guess.
std::string random_token() {
  return protocol::hex_encode(protocol::random_bytes(24));
}

}  // namespace

Maintenance::Maintenance(JournalPort& journal, const Clock& clock, MaintenanceOptions options)
    : journal_(journal), clock_(clock), options_(options) {}

void Maintenance::set_credentials(std::vector<TechnicianCredential> credentials) {
  std::lock_guard lock(m_);
  const auto count = credentials.size();
  credentials_ = std::move(credentials);
  sessions_.clear();  // a new credential set ends every technician session
  (void)journal_.audit("system", "maintenance.credentials_updated", {{"count", count}});
}

Result<MaintenanceToken> Maintenance::login(const std::string& user, const std::string& password) {
  std::lock_guard lock(m_);
  const auto now = clock_.steady();
  auto& f = failures_[user];
  if (f.locked_until > now) {
    (void)journal_.audit(user, "maintenance.login_refused", {{"reason", "locked_out"}});
    return make_error(Errc::locked_out, "locked_out", "too many failed logins");
  }
  const TechnicianCredential* match = nullptr;
  for (const auto& c : credentials_) {
    if (c.user == user && protocol::verify_technician_password(c, password)) match = &c;
  }
  if (match == nullptr) {
    if (++f.count >= options_.max_failures) {
      f.locked_until = now + options_.lockout;
      f.count = 0;
      (void)journal_.audit(user, "maintenance.locked_out", {{"seconds", options_.lockout.count()}});
    } else {
      (void)journal_.audit(user, "maintenance.login_failed", {{"failures", f.count}});
    }
    return make_error(Errc::unauthorised, "bad_credentials", "unknown user or wrong password");
  }
  f = Failures{};
  const std::string token = random_token();
  sessions_[token] = Session{match->user, match->role, now};
  (void)journal_.audit(user, "maintenance.login", {{"role", match->role}});
  return MaintenanceToken{token, options_.token_idle_expiry, match->user, match->role};
}

Result<Done> Maintenance::logout(const std::string& token) {
  std::lock_guard lock(m_);
  auto it = sessions_.find(token);
  if (it == sessions_.end()) return make_error(Errc::unauthorised, "maintenance_required");
  (void)journal_.audit(it->second.user, "maintenance.logout", nlohmann::json::object());
  sessions_.erase(it);
  return Done{};
}

Result<MaintenanceToken> Maintenance::check(const std::string& token) {
  std::lock_guard lock(m_);
  const auto now = clock_.steady();
  auto it = sessions_.find(token);
  if (it == sessions_.end()) return make_error(Errc::unauthorised, "maintenance_required");
  if (now - it->second.last_used > options_.token_idle_expiry) {
    (void)journal_.audit(it->second.user, "maintenance.expired", nlohmann::json::object());
    sessions_.erase(it);
    return make_error(Errc::unauthorised, "maintenance_required", "technician session expired");
  }
  it->second.last_used = now;
  return MaintenanceToken{token, options_.token_idle_expiry, it->second.user, it->second.role};
}

std::optional<std::string> Maintenance::active_user() {
  std::lock_guard lock(m_);
  const auto now = clock_.steady();
  const Session* latest = nullptr;
  for (const auto& [token, session] : sessions_) {
    if (now - session.last_used > options_.token_idle_expiry) continue;
    if (latest == nullptr || session.last_used > latest->last_used) latest = &session;
  }
  if (latest == nullptr) return std::nullopt;
  return latest->user;
}

Result<MaintenanceToken> Maintenance::authorise(const std::string& token, const std::string& action,
                                                const nlohmann::json& details) {
  auto t = check(token);
  if (!t.ok()) return t;
  auto a = journal_.audit(t.value().user, action, details);
  if (!a.ok()) return a.error();  // an action that cannot be audited is not done
  return t;
}

}  // namespace kiosk::engine
