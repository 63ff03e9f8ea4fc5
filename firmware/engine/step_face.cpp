// Stages consent and face: the citizen agrees to face verification (or asks for staff), then
// the camera takes a frame that central matches against the ID photo. Journals `consent`
// (done, or failed when declined) and `face_verified` (intent before the call to central, done
// or failed after). Nothing to recover: a face match changes nothing at central, and the
// frame is wiped with the session.
#include "firmware/engine/session_run.hpp"

namespace kiosk::engine {

void Engine::SessionRun::consent() {
  auto [action, value] =
      wait_action(make(screens::kConsent, {"consent", "call_staff", "cancel"},
                       {{"purpose", "face_verification"}, {"alternative", "call_staff"}}));
  if (action == "cancel") throw SessionEnd{Outcome::cancelled, "citizen"};
  if (action == "call_staff") {
    record(Step::consent, Phase::failed, {{"face_verification", false}, {"choice", "call_staff"}});
    throw SessionEnd{Outcome::call_staff, "face_consent_declined", screens::kCallStaff};
  }
  record(Step::consent, Phase::done, {{"face_verification", true}});
}

hal::Result<hal::RgbImage> Engine::SessionRun::capture() {
  hal::CaptureOptions o;
  return device<hal::RgbImage>(
      *e_.devices_.camera,
      [&](hal::Completion<hal::RgbImage> done) {
        return e_.devices_.camera->capture_still(o, std::move(done));
      },
      false);
}

// Shows face_capture for the positioning period (data.countdown_ms), then again with
// "capturing": true just before the capture. Cancel (a stop request) ends the wait at once.
void Engine::SessionRun::position_face(nlohmann::json data) {
  const auto period = e_.options_.capture_countdown;
  data["countdown_ms"] = period.count() > 0 ? period.count() : 0;
  data["capturing"] = period.count() <= 0;
  show(make(screens::kFaceCapture, {"cancel"}, data), false);
  if (period.count() <= 0) return;
  const auto until = e_.clock_.steady() + period;
  for (;;) {
    tick(false);
    const auto left = until - e_.clock_.steady();
    if (left <= std::chrono::steady_clock::duration::zero()) break;
    std::unique_lock lock(m_);
    cv_.wait_for(lock,
                 std::min<std::chrono::steady_clock::duration>(left, e_.options_.poll_interval),
                 [&] { return stop_.has_value(); });
  }
  data["countdown_ms"] = 0;
  data["capturing"] = true;
  show(make(screens::kFaceCapture, {"cancel"}, data), false);
}

void Engine::SessionRun::verify_face() {
  position_face(nlohmann::json::object());
  check_id_card();
  auto img = capture();
  if (!img.ok()) throw SessionEnd{Outcome::device_failure, "camera_" + img.error().reason};
  record(Step::face_verified, Phase::intent);
  auto r = e_.central_.face_match(FaceMatchRequest{card_.id_number, std::move(img.value())},
                                  key(Step::face_verified));
  if (!r.ok()) {
    if (is_transient(r.error())) central_down(Step::face_verified, r.error());
    record(Step::face_verified, Phase::failed, {{"reason", r.error().reason}});
    throw SessionEnd{Outcome::face_check_failed, r.error().reason};
  }
  if (!r.value().match) {
    record(Step::face_verified, Phase::failed,
           {{"match", false}, {"score_permille", r.value().score_permille}});
    throw SessionEnd{Outcome::face_mismatch, "no_match"};
  }
  record(Step::face_verified, Phase::done,
         {{"match", true}, {"score_permille", r.value().score_permille}});
}

}  // namespace kiosk::engine
