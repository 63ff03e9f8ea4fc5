#pragma once
// The store conformance suite, run against every backend. `fresh()` returns a new, empty,
// migrated store each time it is called.
#include <functional>
#include <memory>

#include "central/store/store.hpp"

namespace kiosk::central::testing {

using StoreFactory = std::function<std::unique_ptr<store::Store>()>;

void run_store_suite(const StoreFactory& fresh);

// A synthetic citizen's personal data as central stores it (protocol/synthetic: 测试 names).
inline constexpr const char* kOldName = "测试张伟";
inline constexpr const char* kOldIdNumber = "110101199601011233";
inline constexpr const char* kNewName = "测试王芳";
inline constexpr const char* kNewIdNumber = "310104198101011228";
// Stores an eligibility answer, an issuance and an e-licence reissue for the old citizen at
// t=1000 and for the new one at t=900000 (idempotency keys "old"/"new", authorisations
// "a-old"/"a-new"), as the server does.
void store_personal_records(store::Store& s);

}  // namespace kiosk::central::testing
