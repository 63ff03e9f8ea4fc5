#pragma once
// The invariants after a campaign run, read through the product's own interfaces only: the
// local API of kioskd, `kiosk-central reconcile --json` and `kiosk-central verify-chain`.
#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "tests/campaign/site.hpp"

namespace kiosk::campaign {

struct Verdict {
  std::vector<std::string> breaks;  // "kind: detail", one per broken invariant
  std::vector<std::string> notes;   // what the technician had to do (e.g. a device selftest)
};

// Waits (up to `limit`) until kioskd is in service with an empty outbox, nothing reserved and
// central's reconciliation clean, then checks every invariant once more:
//  * every charge ends in a delivered card or a refund; at most one card and one charge per
//    authorisation; a refund voids its authorisation (reconcile --json);
//  * every blank card is accounted for (stock.status: nothing reserved, loaded = issued +
//    spoiled + retained + remaining);
//  * every journal record reached central exactly once with the chain intact (verify-chain
//    intact and its head seq equal to kioskd's last seq, all acknowledged);
//  * kioskd back in service.
// `known` holds the discrepancies already reported by earlier runs (reported once).
Verdict check_invariants(Office& office, Kiosk& kiosk, std::chrono::seconds limit,
                         std::set<std::string>& known);

}  // namespace kiosk::campaign
