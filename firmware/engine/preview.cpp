// The citizen's live camera preview (face_capture) and the licence photo under review
// (photo_review), answered on the caller's thread beside the running session. Personal data:
// the caller encodes the image, never logs it, and wipes it.
#include "firmware/engine/engine.hpp"
#include "firmware/engine/session_run.hpp"
#include "firmware/engine/wipe.hpp"

namespace kiosk::engine {

Result<hal::RgbImage> Engine::camera_preview() {
  auto allowed = [this]() -> std::optional<Error> {
    std::lock_guard lock(m_);
    if (!running_ || !run_) return make_error(Errc::invalid_state, "no_session");
    if (screen_.screen != screens::kFaceCapture)
      return make_error(Errc::invalid_state, "action_not_allowed");
    return std::nullopt;
  };
  if (auto refused = allowed()) return *refused;
  if (devices_.camera == nullptr) return make_error(Errc::device, "device_offline", "no camera");
  std::unique_lock preview(preview_m_, std::try_to_lock);
  if (!preview.owns_lock())
    return make_error(Errc::device, "device_busy", "a preview is already being taken");
  struct Wait {
    std::mutex m;
    std::condition_variable cv;
    std::optional<hal::Result<hal::RgbImage>> result;
  };
  auto w = std::make_shared<Wait>();
  hal::CaptureOptions o;
  o.warmup_frames = 0;  // the stream restarts per capture; a preview need not settle exposure
  const hal::RequestId id =
      devices_.camera->capture_still(o, [w](hal::RequestId, hal::Result<hal::RgbImage> r) {
        std::lock_guard lock(w->m);
        w->result.emplace(std::move(r));
        w->cv.notify_all();
      });
  {
    std::unique_lock lock(w->m);
    // The camera serialises commands: an engine capture in progress finishes first.
    if (!w->cv.wait_for(lock, options_.device_timeout, [&] { return w->result.has_value(); })) {
      lock.unlock();
      devices_.camera->cancel(id);
      return make_error(Errc::device, "device_busy", "no preview frame in time");
    }
  }
  hal::Result<hal::RgbImage> frame = std::move(*w->result);
  if (!frame.ok()) {
    const auto code = frame.error().code;
    const bool offline = code == hal::CompletionCode::deviceNotReady;
    return make_error(Errc::device, offline ? "device_offline" : "device_error",
                      "camera: " + frame.error().reason);
  }
  // The session may have moved on (or ended) while the frame was taken.
  if (auto refused = allowed()) {
    wipe(frame.value());
    return *refused;
  }
  return std::move(frame.value());
}

Result<hal::RgbImage> Engine::photo_under_review() const {
  std::shared_ptr<SessionRun> run;
  {
    std::lock_guard lock(m_);
    if (!running_ || !run_) return make_error(Errc::invalid_state, "no_session");
    if (screen_.screen != screens::kPhotoReview)
      return make_error(Errc::invalid_state, "action_not_allowed");
    run = run_;
  }
  hal::RgbImage photo = run->photo_copy();
  if (photo.pixels.empty()) return make_error(Errc::invalid_state, "action_not_allowed");
  return photo;
}

}  // namespace kiosk::engine
