#pragma once
// Adapter: the journal's outbox as the sync engine's OutboxSource (same contract, 1:1).
#include "firmware/journal/journal.hpp"
#include "firmware/sync/outbox_source.hpp"

namespace kiosk::kioskd {

class JournalOutbox final : public sync::OutboxSource {
 public:
  explicit JournalOutbox(journal::Journal& journal) : journal_(journal) {}

  sync::Result<std::vector<protocol::wire::Record>> outbox_after(std::uint64_t seq,
                                                                 std::size_t limit) override {
    auto r = journal_.outbox_after(seq, limit);
    if (!r) return sync::make_error(sync::Errc::outbox, r.error().message);
    return std::move(r).value();
  }
  sync::Result<sync::Done> mark_acknowledged(std::uint64_t seq) override {
    auto r = journal_.mark_acknowledged(seq);
    if (!r) return sync::make_error(sync::Errc::outbox, r.error().message);
    return sync::Done{};
  }
  std::uint64_t last_acknowledged() override { return journal_.outbox_state().last_acknowledged; }
  std::uint64_t last_sequence() override { return journal_.outbox_state().last_seq; }

 private:
  journal::Journal& journal_;
};

}  // namespace kiosk::kioskd
