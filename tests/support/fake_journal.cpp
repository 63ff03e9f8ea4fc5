#include "tests/support/fake_journal.hpp"

#include <cstdio>

namespace kiosk::testing {

Result<Done> FakeJournal::writable() {
  if (disk_full_ || (steps_left_ && *steps_left_ == 0))
    return make_error(Errc::disk_full, "disk_full");
  return Done{};
}

Result<std::string> FakeJournal::begin_transaction(const std::string& service) {
  std::lock_guard lock(m_);
  if (auto w = writable(); !w.ok()) return w.error();
  char buf[40];
  std::snprintf(buf, sizeof buf, "tx-%032llx", static_cast<unsigned long long>(next_txn_++));
  Txn t;
  t.summary.id = buf;
  t.summary.service = service;
  txns_[buf] = t;
  order_.emplace_back(buf);
  ++seq_;
  return std::string(buf);
}

Result<std::uint64_t> FakeJournal::record_step(const std::string& txn, const StepRecord& step) {
  std::function<void(std::uint64_t, const StepRecord&)> hook;
  std::uint64_t count = 0;
  std::uint64_t seq = 0;
  {
    std::lock_guard lock(m_);
    if (auto w = writable(); !w.ok()) return w.error();
    auto it = txns_.find(txn);
    if (it == txns_.end()) return make_error(Errc::not_found, "no_transaction");
    it->second.steps.push_back(step);
    count = ++steps_recorded_;
    if (steps_left_) --*steps_left_;
    seq = ++seq_;
    hook = hook_;
  }
  if (hook) hook(count, step);
  return seq;
}

void FakeJournal::on_step(std::function<void(std::uint64_t, const StepRecord&)> hook) {
  std::lock_guard lock(m_);
  hook_ = std::move(hook);
}

Result<Done> FakeJournal::finish_transaction(const std::string& txn, Outcome outcome) {
  std::lock_guard lock(m_);
  if (auto w = writable(); !w.ok()) return w.error();
  auto it = txns_.find(txn);
  if (it == txns_.end()) return make_error(Errc::not_found, "no_transaction");
  it->second.summary.finished = true;
  it->second.summary.outcome = outcome;
  ++seq_;
  return Done{};
}

Result<std::vector<TransactionSummary>> FakeJournal::unfinished_transactions() {
  std::lock_guard lock(m_);
  std::vector<TransactionSummary> out;
  for (const auto& id : order_)
    if (!txns_.at(id).summary.finished) out.push_back(txns_.at(id).summary);
  return out;
}

Result<TransactionDetail> FakeJournal::transaction(const std::string& txn) {
  std::lock_guard lock(m_);
  auto it = txns_.find(txn);
  if (it == txns_.end()) return make_error(Errc::not_found, "no_transaction");
  return TransactionDetail{it->second.summary, it->second.steps};
}

Result<std::string> FakeJournal::reserve_card(const std::string& txn) {
  std::lock_guard lock(m_);
  if (auto w = writable(); !w.ok()) return w.error();
  if (next_serial_ > loaded_) return make_error(Errc::stock_empty, "stock_empty");
  char buf[24];
  std::snprintf(buf, sizeof buf, "C%08llu", static_cast<unsigned long long>(next_serial_++));
  cards_[buf] = CardRecord{txn, std::nullopt, ""};
  return std::string(buf);
}

Result<std::optional<std::string>> FakeJournal::reserved_card(const std::string& txn) {
  std::lock_guard lock(m_);
  for (const auto& [serial, card] : cards_) {
    if (card.txn == txn && !card.outcome) return std::optional<std::string>{serial};
  }
  return std::optional<std::string>{};
}

Result<Done> FakeJournal::record_card_outcome(const std::string& serial, CardOutcome outcome,
                                              const std::string& reason) {
  std::lock_guard lock(m_);
  if (auto w = writable(); !w.ok()) return w.error();
  auto it = cards_.find(serial);
  if (it == cards_.end()) return make_error(Errc::not_found, "unknown_serial");
  if (it->second.outcome) return make_error(Errc::invalid_state, "outcome_already_recorded");
  it->second.outcome = outcome;
  it->second.reason = reason;
  return Done{};
}

Result<StockCounts> FakeJournal::stock_counts() {
  std::lock_guard lock(m_);
  StockCounts c;
  c.loaded = loaded_;
  for (const auto& [serial, card] : cards_) {
    if (!card.outcome)
      ++c.reserved;
    else if (*card.outcome == CardOutcome::issued)
      ++c.issued;
    else if (*card.outcome == CardOutcome::spoiled)
      ++c.spoiled;
    else
      ++c.retained;
  }
  c.remaining = loaded_ - cards_.size();
  return c;
}

Result<std::uint64_t> FakeJournal::append_event(const std::string& type,
                                                const nlohmann::json& payload) {
  std::lock_guard lock(m_);
  if (auto w = writable(); !w.ok()) return w.error();
  events_.emplace_back(type, payload);
  return ++seq_;
}

Result<Done> FakeJournal::audit(const std::string& actor, const std::string& action,
                                const nlohmann::json& details) {
  std::lock_guard lock(m_);
  if (auto w = writable(); !w.ok()) return w.error();
  audit_.push_back({{"actor", actor}, {"action", action}, {"details", details}});
  return Done{};
}

Result<std::optional<std::string>> FakeJournal::get_setting(const std::string& key) {
  std::lock_guard lock(m_);
  auto it = settings_.find(key);
  if (it == settings_.end()) return std::optional<std::string>{};
  return std::optional<std::string>{it->second};
}

Result<Done> FakeJournal::set_setting(const std::string& key, const std::string& value) {
  std::lock_guard lock(m_);
  if (auto w = writable(); !w.ok()) return w.error();
  settings_[key] = value;
  return Done{};
}

void FakeJournal::load_stock(std::uint64_t count) {
  std::lock_guard lock(m_);
  loaded_ += count;
}

void FakeJournal::set_disk_full(bool full) {
  std::lock_guard lock(m_);
  disk_full_ = full;
}

void FakeJournal::fail_after_steps(std::uint64_t n) {
  std::lock_guard lock(m_);
  steps_left_ = n;
}

void FakeJournal::clear_faults() {
  std::lock_guard lock(m_);
  disk_full_ = false;
  steps_left_.reset();
}

std::uint64_t FakeJournal::steps_recorded() const {
  std::lock_guard lock(m_);
  return steps_recorded_;
}

std::unique_ptr<FakeJournal> FakeJournal::snapshot() const {
  std::lock_guard lock(m_);
  auto j = std::make_unique<FakeJournal>();
  j->txns_ = txns_;
  j->order_ = order_;
  j->next_txn_ = next_txn_;
  j->seq_ = seq_;
  j->loaded_ = loaded_;
  j->next_serial_ = next_serial_;
  j->cards_ = cards_;
  j->audit_ = audit_;
  j->events_ = events_;
  j->settings_ = settings_;
  return j;
}

std::map<std::string, FakeJournal::CardRecord> FakeJournal::cards() const {
  std::lock_guard lock(m_);
  return cards_;
}

std::vector<nlohmann::json> FakeJournal::audit_log() const {
  std::lock_guard lock(m_);
  return audit_;
}

std::vector<std::pair<std::string, nlohmann::json>> FakeJournal::events() const {
  std::lock_guard lock(m_);
  return events_;
}

std::vector<StepRecord> FakeJournal::steps(const std::string& txn) const {
  std::lock_guard lock(m_);
  auto it = txns_.find(txn);
  return it == txns_.end() ? std::vector<StepRecord>{} : it->second.steps;
}

std::vector<std::string> FakeJournal::transaction_ids() const {
  std::lock_guard lock(m_);
  return order_;
}

}  // namespace kiosk::testing
