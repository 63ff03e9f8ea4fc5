#pragma once
// In-memory JournalPort for tests: the same contract as kiosk::journal::Journal (steps in
// order, stock accounting, settings, audit), plus fault switches: disk_full now, or after N
// more step records (a crash at a step boundary looks like that from the engine's side: no
// further write, so no further side effect).

#include <functional>
#include <map>
#include <mutex>
#include <optional>

#include "firmware/engine/ports.hpp"

namespace kiosk::testing {

// The fakes implement the engine's ports and speak its vocabulary.
using namespace engine;

class FakeJournal final : public JournalPort {
 public:
  Result<std::string> begin_transaction(const std::string& service) override;
  Result<std::uint64_t> record_step(const std::string& txn, const StepRecord& step) override;
  Result<Done> finish_transaction(const std::string& txn, Outcome outcome) override;
  Result<std::vector<TransactionSummary>> unfinished_transactions() override;
  Result<TransactionDetail> transaction(const std::string& txn) override;
  Result<std::string> reserve_card(const std::string& txn) override;
  Result<std::optional<std::string>> reserved_card(const std::string& txn) override;
  Result<Done> record_card_outcome(const std::string& serial, CardOutcome outcome,
                                   const std::string& reason) override;
  Result<StockCounts> stock_counts() override;
  Result<std::uint64_t> append_event(const std::string& type,
                                     const nlohmann::json& payload) override;
  Result<Done> audit(const std::string& actor, const std::string& action,
                     const nlohmann::json& details) override;
  Result<std::optional<std::string>> get_setting(const std::string& key) override;
  Result<Done> set_setting(const std::string& key, const std::string& value) override;

  // ---- test controls ----
  void load_stock(std::uint64_t count);
  void set_disk_full(bool full);
  // After `n` more successful record_step calls every write fails with disk_full.
  void fail_after_steps(std::uint64_t n);
  void clear_faults();
  // Called after each successful record_step with the running count (outside the lock).
  void on_step(std::function<void(std::uint64_t, const StepRecord&)>
                   hook);  // writes succeed again (the disk was cleaned, kioskd restarted)
  std::uint64_t steps_recorded() const;
  // Copies transactions, stock and settings (not the fault switches): a journal as a crashed
  // kioskd leaves it on disk.
  std::unique_ptr<FakeJournal> snapshot() const;

  struct CardRecord {
    std::string txn;
    std::optional<CardOutcome> outcome;
    std::string reason;
  };
  std::map<std::string, CardRecord> cards() const;
  std::vector<nlohmann::json> audit_log() const;
  std::vector<std::pair<std::string, nlohmann::json>> events() const;
  std::vector<StepRecord> steps(const std::string& txn) const;
  std::vector<std::string> transaction_ids() const;

 private:
  Result<Done> writable();
  struct Txn {
    TransactionSummary summary;
    std::vector<StepRecord> steps;
  };
  mutable std::mutex m_;
  std::map<std::string, Txn> txns_;
  std::vector<std::string> order_;
  std::uint64_t next_txn_ = 1;
  std::uint64_t seq_ = 0;
  std::uint64_t loaded_ = 0;
  std::uint64_t next_serial_ = 1;
  std::map<std::string, CardRecord> cards_;
  std::vector<nlohmann::json> audit_;
  std::vector<std::pair<std::string, nlohmann::json>> events_;
  std::map<std::string, std::string> settings_;
  bool disk_full_ = false;
  std::optional<std::uint64_t> steps_left_;
  std::uint64_t steps_recorded_ = 0;
  std::function<void(std::uint64_t, const StepRecord&)> hook_;
};

}  // namespace kiosk::testing
