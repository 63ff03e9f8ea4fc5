#pragma once
// Shared fixtures for the registry tests.

#include <stdexcept>
#include <string>

#include "central/registry/seed.hpp"

namespace registry_test {

using namespace kiosk::central::registry;
using namespace std::chrono;

inline const Date kToday{year{2026}, month{11}, day{28}};

inline Licence seeded(const std::string& scenario, const Date& today = kToday) {
  for (auto& c : seed_registry(today)) {
    if (c.scenario == scenario) return c.licence;
  }
  throw std::runtime_error("no seeded scenario " + scenario);
}

}  // namespace registry_test
