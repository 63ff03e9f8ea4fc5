#pragma once
// Shared set-up for the journal tests: a fresh directory, a kiosk signing key, a settable
// clock, and raw SQLite access to inspect or tamper with the file.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "firmware/journal/journal.hpp"
#include "protocol/crypto/keys.hpp"

namespace kiosk::journal::test {

struct FakeClock {
  std::shared_ptr<std::atomic<std::int64_t>> ms =
      std::make_shared<std::atomic<std::int64_t>>(1795852800000);  // 2026-11-28T08:00:00Z
  void advance(std::chrono::milliseconds d) const { *ms += d.count(); }
  std::function<std::chrono::system_clock::time_point()> fn() const {
    auto p = ms;
    return
        [p] { return std::chrono::system_clock::time_point(std::chrono::milliseconds(p->load())); };
  }
};

struct Fixture {
  explicit Fixture(const std::string& name);
  ~Fixture();
  JournalOptions options() const;
  std::unique_ptr<Journal> open() const;  // REQUIREs success

  std::filesystem::path dir;
  std::filesystem::path db;
  protocol::PrivateKey key;
  FakeClock clock;
};

// Raw access to the file, bypassing the journal (tests inspect and tamper with it).
std::string query_text(const std::filesystem::path& db, const std::string& sql);
void exec_sql(const std::filesystem::path& db, const std::string& sql);  // REQUIREs success
bool try_exec_sql(const std::filesystem::path& db, const std::string& sql);
std::string read_bytes(const std::filesystem::path& file);

StepRecord make_step(const std::string& name, Phase phase, nlohmann::json personal = nullptr);

}  // namespace kiosk::journal::test
