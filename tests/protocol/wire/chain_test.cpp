#include <catch2/catch.hpp>

#include <vector>

#include "protocol/wire/chain.hpp"

using namespace kiosk::protocol::wire;

namespace {

std::string h(char c) {
  return std::string(64, c);
}

}  // namespace

TEST_CASE("records that continue the head one by one form a chain", "[protocol][wire]") {
  const std::string a = h('a'), b = h('b'), c = h('c');
  const std::vector<ChainLink> links{{1, kGenesisHash, a}, {2, a, b}, {3, b, c}};
  CHECK(check_chain({}, links));
  const std::vector<ChainLink> later{{3, b, c}};
  CHECK(check_chain({2, b}, later));
  CHECK(check_chain({5, c}, {}));
}

TEST_CASE("a gap in the sequence is found at the first missing record", "[protocol][wire]") {
  const std::string a = h('a'), b = h('b');
  const std::vector<ChainLink> skips_first{{2, kGenesisHash, a}};
  auto r = check_chain({}, skips_first);
  CHECK(r.fault == ChainFault::sequence_gap);
  CHECK(r.index == 0);
  CHECK(r.expected_seq == 1);
  const std::vector<ChainLink> skips_later{{1, kGenesisHash, a}, {3, a, b}};
  r = check_chain({}, skips_later);
  CHECK(r.fault == ChainFault::sequence_gap);
  CHECK(r.index == 1);
  CHECK(r.expected_seq == 2);
  const std::vector<ChainLink> repeats{{4, h('d'), a}};
  CHECK(check_chain({4, h('d')}, repeats).fault == ChainFault::sequence_gap);
}

TEST_CASE("a record whose prev_hash is not its predecessor's hash breaks the chain",
          "[protocol][wire]") {
  const std::string a = h('a'), b = h('b'), c = h('c');
  const std::vector<ChainLink> wrong_first{{1, a, b}};
  auto r = check_chain({}, wrong_first);
  CHECK(r.fault == ChainFault::broken_link);
  CHECK(r.index == 0);
  const std::vector<ChainLink> wrong_middle{{3, b, c}, {4, a, h('d')}};
  r = check_chain({2, b}, wrong_middle);
  CHECK(r.fault == ChainFault::broken_link);
  CHECK(r.index == 1);
  CHECK(r.expected_seq == 4);
}

TEST_CASE("a batch must hold consecutive sequence numbers", "[protocol][wire]") {
  std::vector<Record> records(3);
  records[0].seq = 7;
  records[1].seq = 8;
  records[2].seq = 9;
  CHECK(consecutive(records));
  records[2].seq = 10;
  CHECK_FALSE(consecutive(records));
  records[1].seq = 7;
  CHECK_FALSE(consecutive(records));
  CHECK(consecutive(std::vector<Record>{}));
}
