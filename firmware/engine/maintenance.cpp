#include "firmware/engine/maintenance.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>

namespace kiosk::engine {
namespace {

std::vector<unsigned char> b64decode(const std::string& in) {
  if (in.empty() || in.size() % 4 != 0) return {};
  std::vector<unsigned char> out(in.size() / 4 * 3 + 1);
  const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(in.data()),
                                static_cast<int>(in.size()));
  if (n < 0) return {};
  std::size_t len = static_cast<std::size_t>(n);
  if (in.size() >= 1 && in[in.size() - 1] == '=') --len;
  if (in.size() >= 2 && in[in.size() - 2] == '=') --len;
  out.resize(len);
  return out;
}

std::string b64encode(const unsigned char* data, std::size_t size) {
  std::string out(4 * ((size + 2) / 3) + 1, '\0');
  const int n =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string random_token() {
  std::array<unsigned char, 24> bytes{};
  RAND_bytes(bytes.data(), static_cast<int>(bytes.size()));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
  }
  return out;
}

}  // namespace

bool verify_password(const TechnicianCredential& c, const std::string& password) {
  const auto salt = b64decode(c.salt_b64);
  const auto expected = b64decode(c.hash_b64);
  if (salt.empty() || expected.size() != 32 || c.iterations < 1 || password.empty()) return false;
  std::array<unsigned char, 32> got{};
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                        static_cast<int>(salt.size()), c.iterations, EVP_sha256(),
                        static_cast<int>(got.size()), got.data()) != 1) {
    return false;
  }
  return CRYPTO_memcmp(got.data(), expected.data(), got.size()) == 0;
}

TechnicianCredential make_credential(const std::string& user, const std::string& password,
                                     int iterations, const std::string& role) {
  std::array<unsigned char, 16> salt{};
  RAND_bytes(salt.data(), static_cast<int>(salt.size()));
  std::array<unsigned char, 32> key{};
  PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                    static_cast<int>(salt.size()), iterations, EVP_sha256(),
                    static_cast<int>(key.size()), key.data());
  return TechnicianCredential{user, role, b64encode(salt.data(), salt.size()), iterations,
                              b64encode(key.data(), key.size())};
}

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
    if (c.user == user && verify_password(c, password)) match = &c;
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
