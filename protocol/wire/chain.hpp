#pragma once
// The chain of a kiosk's records (docs/sync-protocol.md): record n carries seq n and, as
// prev_hash, the hash of record n-1 (kGenesisHash for n = 1). The office checks a batch
// against the head it already holds before storing it; the same rule, in one place.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/wire/record.hpp"

namespace kiosk::protocol::wire {

// The last record of a chain so far: seq 0 and kGenesisHash before the first record.
struct ChainHead {
  std::uint64_t seq = 0;
  std::string hash{kGenesisHash};
};

// One record as the chain sees it: its seq, its prev_hash and its own hash (record_hash()).
struct ChainLink {
  std::uint64_t seq = 0;
  std::string_view prev_hash;
  std::string_view hash;
};

enum class ChainFault {
  none,
  sequence_gap,  // a record's seq is not its predecessor's + 1
  broken_link,   // a record's prev_hash is not its predecessor's hash
};

struct ChainCheck {
  ChainFault fault = ChainFault::none;
  std::size_t index = 0;           // the first offending link
  std::uint64_t expected_seq = 0;  // the seq that link should have had (its predecessor's + 1)
  explicit operator bool() const { return fault == ChainFault::none; }
};

// Checks that `links` continue `head` one by one.
ChainCheck check_chain(const ChainHead& head, std::span<const ChainLink> links);

// True when the records' seqs ascend by exactly one (what a batch must hold).
bool consecutive(std::span<const Record> records);

}  // namespace kiosk::protocol::wire
