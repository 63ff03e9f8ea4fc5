#pragma once
// kioskd's own spdlog logger ("kioskd", registered by main with its sinks); the default logger
// where kioskd's main did not run (tests). Lines are key=value, never personal data.
#include <spdlog/spdlog.h>

#include <memory>

namespace kiosk::kioskd {

inline std::shared_ptr<spdlog::logger> kioskd_log() {
  auto l = spdlog::get("kioskd");
  return l ? l : spdlog::default_logger();
}

}  // namespace kiosk::kioskd
