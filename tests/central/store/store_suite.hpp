#pragma once
// The store conformance suite, run against every backend. `fresh()` returns a new, empty,
// migrated store each time it is called.
#include <functional>
#include <memory>

#include "central/store/store.hpp"

namespace kiosk::central::testing {

using StoreFactory = std::function<std::unique_ptr<store::Store>()>;

void run_store_suite(const StoreFactory& fresh);

}  // namespace kiosk::central::testing
