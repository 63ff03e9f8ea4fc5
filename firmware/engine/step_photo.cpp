// Stage photo: the licence photo, taken after a positioning countdown, checked for quality and
// shown for review; the citizen accepts it or retakes (one capture and up to three retakes).
// Journals `photo_accepted` (done). The photo is personal data: kept in memory only for the
// card print, wiped on retake and at the end of the session. Nothing to recover.
#include "firmware/engine/photo_quality.hpp"
#include "firmware/engine/session_run.hpp"
#include "firmware/engine/wipe.hpp"

namespace kiosk::engine {

void Engine::SessionRun::photo() {
  PhotoQualityRules rules{e_.options_.photo_min_mean, e_.options_.photo_max_mean,
                          e_.options_.photo_min_stddev};
  for (int attempt = 0;; ++attempt) {
    if (attempt >= e_.options_.max_photo_attempts)
      throw SessionEnd{Outcome::photo_failed, "retake_limit"};
    position_face({{"purpose", "licence_photo"}});
    auto img = capture();
    if (!img.ok()) throw SessionEnd{Outcome::device_failure, "camera_" + img.error().reason};
    const PhotoQuality q = check_photo(img.value(), rules);
    const int retakes_left = e_.options_.max_photo_attempts - attempt - 1;
    Screen s =
        make(screens::kPhotoReview,
             q.ok ? std::vector<std::string>{"accept", "retake", "cancel"}
                  : std::vector<std::string>{"retake", "cancel"},
             {{"attempt", attempt + 1}, {"retakes_left", retakes_left}, {"quality_ok", q.ok}});
    if (!q.ok) s.error = ScreenError{"photo_quality", q.reason, "error.photo_quality"};
    if (!q.ok && retakes_left == 0) {
      wipe(img.value());
      throw SessionEnd{Outcome::photo_failed, q.reason};
    }
    set_photo(std::move(img.value()));
    auto [action, value] = wait_action(std::move(s));
    (void)value;
    if (action == "cancel") throw SessionEnd{Outcome::cancelled, "citizen"};
    if (action == "accept") {
      record(Step::photo_accepted, Phase::done,
             {{"attempts", attempt + 1}, {"quality_mean", static_cast<int>(q.mean)}});
      return;
    }
    clear_photo();
  }
}

void Engine::SessionRun::set_photo(hal::RgbImage image) {
  std::lock_guard lock(photo_m_);
  wipe(photo_);
  photo_ = std::move(image);
}

void Engine::SessionRun::clear_photo() {
  std::lock_guard lock(photo_m_);
  wipe(photo_);
}

}  // namespace kiosk::engine
