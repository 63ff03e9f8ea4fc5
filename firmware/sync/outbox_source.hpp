#pragma once
// What SyncEngine reads the outbox through. The journal (kiosk_journal) is the real source;
// kioskd adapts Journal::outbox_after / mark_acknowledged / outbox_state to this interface.
//
// Contract for implementations:
// * outbox_after(seq, limit): the signed, hash-chained records with sequence > seq, ascending,
//   consecutive, at most `limit`; empty when there are none.
// * mark_acknowledged(seq): persist that the office holds everything up to seq (never
//   called with a smaller seq than last_acknowledged()).
// * last_acknowledged(), last_sequence(): the persisted positions (0 when none).
// * Thread-safe: the engine thread and SyncEngine::status() callers use it concurrently.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "firmware/sync/errors.hpp"
#include "protocol/wire/record.hpp"

namespace kiosk::sync {

class OutboxSource {
 public:
  virtual ~OutboxSource() = default;
  virtual Result<std::vector<protocol::wire::Record>> outbox_after(std::uint64_t seq,
                                                                   std::size_t limit) = 0;
  virtual Result<Done> mark_acknowledged(std::uint64_t seq) = 0;
  virtual std::uint64_t last_acknowledged() = 0;
  virtual std::uint64_t last_sequence() = 0;
};

// Adapts the journal (or anything with the same shape) without kiosk_sync depending on it:
//   Result-like outbox_after(seq, limit) -> vector<Record>, mark_acknowledged(seq),
//   outbox_state() -> {last_seq, last_acknowledged, ...}; results have ok(), value(),
//   error().message. Usage in kioskd: JournalOutboxSource<journal::Journal> source(journal);
template <typename JournalT>
class JournalOutboxSource final : public OutboxSource {
 public:
  explicit JournalOutboxSource(JournalT& journal) : journal_(journal) {}

  Result<std::vector<protocol::wire::Record>> outbox_after(std::uint64_t seq,
                                                           std::size_t limit) override {
    auto r = journal_.outbox_after(seq, limit);
    if (!r.ok()) return make_error(Errc::outbox, "journal: " + std::string(r.error().message));
    return std::move(r).value();
  }
  Result<Done> mark_acknowledged(std::uint64_t seq) override {
    auto r = journal_.mark_acknowledged(seq);
    if (!r.ok()) return make_error(Errc::outbox, "journal: " + std::string(r.error().message));
    return Done{};
  }
  std::uint64_t last_acknowledged() override { return journal_.outbox_state().last_acknowledged; }
  std::uint64_t last_sequence() override { return journal_.outbox_state().last_seq; }

 private:
  JournalT& journal_;
};

}  // namespace kiosk::sync
