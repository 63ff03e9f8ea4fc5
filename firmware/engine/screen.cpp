#include "firmware/engine/screen.hpp"

#include <algorithm>

namespace kiosk::engine {

bool Screen::allows(const std::string& action) const {
  return std::find(actions.begin(), actions.end(), action) != actions.end();
}

nlohmann::json to_json(const Screen& s) {
  nlohmann::json progress = {{"index", s.progress_index}, {"total", s.progress_total}};
  if (s.eta_seconds) progress["eta_seconds"] = *s.eta_seconds;
  nlohmann::json error = nullptr;
  if (s.error)
    error = {{"code", s.error->code}, {"reason", s.error->reason}, {"prompt", s.error->prompt}};
  return {{"session_id", s.session_id},
          {"service", s.service},
          {"step", s.step ? std::string(to_string(*s.step)) : std::string()},
          {"screen", s.screen},
          {"language", s.language},
          {"prompt", s.prompt},
          {"data", s.data},
          {"progress", progress},
          {"actions", s.actions},
          {"error", error},
          {"idle", {{"seconds_left", s.idle_seconds_left}, {"warning", s.idle_warning}}}};
}

}  // namespace kiosk::engine
