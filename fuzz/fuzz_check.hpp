#pragma once
// What the fuzz targets share: invariant checks that stop the run with a message, so libFuzzer
// keeps the input as a crash reproducer (a failed check is a bug like a crash).

#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string_view>

namespace kiosk::fuzz {

// Aborts (a libFuzzer crash) with `what` unless `ok`.
inline void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

// Aborts unless `reason` is one of the `promised` reasons a parser documents for its errors.
inline void require_reason(std::string_view reason,
                           std::initializer_list<std::string_view> promised, const char* where) {
  for (std::string_view p : promised) {
    if (reason == p) return;
  }
  std::fprintf(stderr, "fuzz invariant broken: %s failed with undocumented reason \"%.*s\"\n",
               where, static_cast<int>(reason.size()), reason.data());
  std::abort();
}

}  // namespace kiosk::fuzz
