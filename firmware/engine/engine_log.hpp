#pragma once
// The engine's spdlog logger ("engine"). kioskd registers the real one with its sinks; without
// it (tests) a sink-less logger stands in. Log lines are key=value and never carry personal
// data (STYLE.md rule 12).

#include <memory>

#include <spdlog/spdlog.h>

namespace kiosk::engine {

inline std::shared_ptr<spdlog::logger> engine_log() {
  auto l = spdlog::get("engine");
  if (!l) {
    l = std::make_shared<spdlog::logger>("engine");
    spdlog::register_logger(l);
  }
  return l;
}

}  // namespace kiosk::engine
