// The sync wire format (protocol/wire/record.hpp, chain.hpp): a batch body as the office
// receives it on POST /v1/events, before any signature is checked.
//
// Checks: batch_from_body fails only with too_large, malformed_json, invalid_batch or
// invalid_record; an accepted batch has canonical bytes and a hash for every record, serialises
// (batch_to_body) to a body that parses to the same records, and its chain check never reads
// out of bounds.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.hpp"
#include "protocol/wire/chain.hpp"
#include "protocol/wire/record.hpp"

namespace {

using kiosk::fuzz::require;
namespace protocol = kiosk::protocol;
namespace wire = kiosk::protocol::wire;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  auto batch = wire::batch_from_body(body);
  if (!batch) {
    const auto code = batch.error().code;
    require(code == protocol::Errc::too_large || code == protocol::Errc::malformed_json ||
                code == protocol::Errc::invalid_batch || code == protocol::Errc::invalid_record,
            "batch_from_body error code");
    return 0;
  }
  const auto& records = batch.value();
  require(!records.empty(), "an accepted batch is empty");

  std::vector<std::string> hashes;
  for (const auto& r : records) {
    auto canonical = wire::canonical_bytes(r);
    require(canonical.ok(), "an accepted record has no canonical bytes");
    auto hash = wire::record_hash(r);
    require(hash.ok() && wire::valid_hash(hash.value()), "record hash");
    hashes.push_back(std::move(hash).value());
  }
  std::vector<wire::ChainLink> links;
  for (std::size_t i = 0; i < records.size(); ++i) {
    links.push_back(wire::ChainLink{records[i].seq, records[i].prev_hash, hashes[i]});
  }
  const auto check = wire::check_chain(wire::ChainHead{}, links);
  require(check || check.index < links.size(), "chain fault index out of range");
  (void)wire::consecutive(records);

  auto again = wire::batch_from_body(wire::batch_to_body(records));
  require(again.ok() && again.value() == records, "batch round trip");
  return 0;
}
