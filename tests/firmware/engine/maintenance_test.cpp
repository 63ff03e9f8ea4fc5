#include <catch2/catch.hpp>

#include "firmware/engine/maintenance.hpp"
#include "tests/support/fake_journal.hpp"

namespace kiosk::engine::test {
namespace {

using namespace std::chrono_literals;

class ManualClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::time_point{} + t_;
  }
  std::chrono::steady_clock::time_point steady() const override {
    return std::chrono::steady_clock::time_point{} + t_;
  }
  void advance(std::chrono::seconds d) { t_ += d; }

 private:
  std::chrono::seconds t_{1'000'000};
};

struct Fixture {
  Fixture() {
    // Few iterations keep the test fast; the check is the same PBKDF2 as central's config.
    m.set_credentials(
        {kiosk::protocol::make_technician_credential("tech1", "correct horse", "technician", 1000)
             .value()});
  }
  testing::FakeJournal journal;
  ManualClock clock;
  MaintenanceOptions options{3, 600s, 300s};
  Maintenance m{journal, clock, options};
};

}  // namespace

TEST_CASE("a technician logs in with the credential from central's config and gets a token",
          "[maintenance]") {
  Fixture f;
  auto t = f.m.login("tech1", "correct horse");
  REQUIRE(t.ok());
  CHECK(t.value().token.size() == 48);
  CHECK(t.value().expires_in == 300s);
  CHECK(t.value().role == "technician");
  CHECK(f.m.check(t.value().token).ok());
  CHECK(f.journal.audit_log().back().at("action") == "maintenance.login");
}

TEST_CASE("a credential made by central's format is verified; a wrong password or user is not",
          "[maintenance]") {
  // Known vector: PBKDF2-HMAC-SHA256("password", "salt", 1000, 32), computed independently (Python
  // hashlib).
  TechnicianCredential c{"u", "technician", "c2FsdA==", 1000,
                         "YywoEuRtRgQQK6dhjp1tfS+BKPYma0oDJk0qBGC33LM="};
  CHECK(kiosk::protocol::verify_technician_password(c, "password"));
  CHECK_FALSE(kiosk::protocol::verify_technician_password(c, "passwore"));
  c.hash_b64 = "not base64";
  CHECK_FALSE(kiosk::protocol::verify_technician_password(c, "password"));
  Fixture f;
  CHECK(f.m.login("tech1", "wrong").error().reason == "bad_credentials");
  CHECK(f.m.login("nobody", "correct horse").error().reason == "bad_credentials");
}

TEST_CASE("repeated failures lock the user out for the lockout period", "[maintenance]") {
  Fixture f;
  for (int i = 0; i < 3; ++i) CHECK_FALSE(f.m.login("tech1", "wrong").ok());
  auto locked = f.m.login("tech1", "correct horse");
  REQUIRE_FALSE(locked.ok());
  CHECK(locked.error().code == Errc::locked_out);
  f.clock.advance(599s);
  CHECK(f.m.login("tech1", "correct horse").error().code == Errc::locked_out);
  f.clock.advance(2s);
  CHECK(f.m.login("tech1", "correct horse").ok());
  bool audited_lockout = false;
  for (const auto& a : f.journal.audit_log())
    audited_lockout |= a.at("action") == "maintenance.locked_out";
  CHECK(audited_lockout);
}

TEST_CASE("a technician token expires when idle and is refreshed by use", "[maintenance]") {
  Fixture f;
  const std::string token = f.m.login("tech1", "correct horse").value().token;
  f.clock.advance(200s);
  CHECK(f.m.check(token).ok());
  f.clock.advance(200s);
  CHECK(f.m.check(token).ok());  // 200 s since the last use
  f.clock.advance(301s);
  auto expired = f.m.check(token);
  REQUIRE_FALSE(expired.ok());
  CHECK(expired.error().reason == "maintenance_required");
}

TEST_CASE("every maintenance action is audited, and one that cannot be audited is refused",
          "[maintenance]") {
  Fixture f;
  const std::string token = f.m.login("tech1", "correct horse").value().token;
  REQUIRE(f.m.authorise(token, "stock.load", {{"count", 100}}).ok());
  CHECK(f.journal.audit_log().back().at("action") == "stock.load");
  CHECK(f.journal.audit_log().back().at("actor") == "tech1");
  f.journal.set_disk_full(true);
  CHECK_FALSE(f.m.authorise(token, "stock.load", {{"count", 100}}).ok());
  f.journal.set_disk_full(false);
  REQUIRE(f.m.logout(token).ok());
  CHECK(f.m.authorise(token, "stock.load").error().reason == "maintenance_required");
}

TEST_CASE("a new credential set ends every technician session", "[maintenance]") {
  Fixture f;
  const std::string token = f.m.login("tech1", "correct horse").value().token;
  f.m.set_credentials(
      {kiosk::protocol::make_technician_credential("tech2", "other", "technician", 1000).value()});
  CHECK_FALSE(f.m.check(token).ok());
  CHECK_FALSE(f.m.login("tech1", "correct horse").ok());
  CHECK(f.m.login("tech2", "other").ok());
}

}  // namespace kiosk::engine::test
