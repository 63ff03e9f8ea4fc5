#include "firmware/kioskd/maintenance.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "central/wire/crypto.hpp"

namespace kiosk::kioskd {
namespace {
std::string random_hex(int bytes) {
  std::string raw(static_cast<std::size_t>(bytes), '\0');
  RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), bytes);
  return central::wire::to_hex(raw);
}
constexpr int kMaxFailures = 5;
constexpr std::chrono::minutes kLockout{5};
}  // namespace

MaintenanceSessions::MaintenanceSessions(journal::Journal& journal, std::chrono::seconds idle,
                                         Clock clock)
    : journal_(journal), idle_(idle), clock_(std::move(clock)) {}

std::chrono::steady_clock::time_point MaintenanceSessions::now() const {
  return clock_ ? clock_() : std::chrono::steady_clock::now();
}

std::string MaintenanceSessions::make_credential(const std::string& password) {
  const std::string salt = random_hex(16);
  return salt + ":" + central::wire::sha256_hex(salt + password);
}

bool MaintenanceSessions::set_credential(const std::string& user, const std::string& password) {
  return journal_.set_setting("maintenance.credential." + user, make_credential(password)).ok();
}

std::variant<std::string, std::string> MaintenanceSessions::login(const std::string& user,
                                                                  const std::string& password) {
  std::lock_guard lock(m_);
  auto& f = failures_[user];
  if (now() < f.locked_until) return std::variant<std::string, std::string>(std::in_place_index<1>, "locked_out");
  bool ok = false;
  auto stored = journal_.get_setting("maintenance.credential." + user);
  if (stored.ok() && stored.value()) {
    const std::string& cred = *stored.value();
    const auto colon = cred.find(':');
    if (colon != std::string::npos) {
      const std::string expect = cred.substr(colon + 1);
      const std::string got = central::wire::sha256_hex(cred.substr(0, colon) + password);
      ok = expect.size() == got.size() && CRYPTO_memcmp(expect.data(), got.data(), got.size()) == 0;
    }
  }
  if (!ok) {
    if (++f.count >= kMaxFailures) {
      f.count = 0;
      f.locked_until = now() + kLockout;
    }
    return std::variant<std::string, std::string>(std::in_place_index<1>, "bad_credentials");
  }
  f.count = 0;
  std::string token = random_hex(16);
  sessions_[token] = Session{user, now()};
  return std::variant<std::string, std::string>(std::in_place_index<0>, token);
}

std::optional<std::string> MaintenanceSessions::validate(const std::string& token) {
  std::lock_guard lock(m_);
  auto it = sessions_.find(token);
  if (it == sessions_.end()) return std::nullopt;
  if (now() - it->second.last_used > idle_) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_used = now();
  return it->second.user;
}

void MaintenanceSessions::logout(const std::string& token) {
  std::lock_guard lock(m_);
  sessions_.erase(token);
}

}  // namespace kiosk::kioskd
