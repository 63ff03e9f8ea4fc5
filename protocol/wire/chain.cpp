#include "protocol/wire/chain.hpp"

namespace kiosk::protocol::wire {

ChainCheck check_chain(const ChainHead& head, std::span<const ChainLink> links) {
  std::uint64_t seq = head.seq;
  std::string_view hash = head.hash;
  for (std::size_t i = 0; i < links.size(); ++i) {
    const ChainLink& link = links[i];
    if (link.seq != seq + 1) return ChainCheck{ChainFault::sequence_gap, i, seq + 1};
    if (link.prev_hash != hash) return ChainCheck{ChainFault::broken_link, i, seq + 1};
    seq = link.seq;
    hash = link.hash;
  }
  return ChainCheck{};
}

bool consecutive(std::span<const Record> records) {
  for (std::size_t i = 1; i < records.size(); ++i) {
    if (records[i].seq != records[i - 1].seq + 1) return false;
  }
  return true;
}

}  // namespace kiosk::protocol::wire
