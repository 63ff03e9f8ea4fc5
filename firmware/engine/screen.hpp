#pragma once
// The screen model the engine publishes (docs/screen-model.md lists every screen, its data,
// prompt keys, actions and error reasons). The UI and `kioskctl citizen` only render it and
// send actions back; no rule lives there.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "firmware/engine/step.hpp"

namespace kiosk::engine {

struct ScreenError {
  std::string code;    // "central_unavailable", "not_eligible", "payment_declined", ...
  std::string reason;  // finer cause ("points_cycle", "card_jam", "insufficient_funds")
  std::string prompt;  // i18n key, "error.<code>"
};

struct Screen {
  std::string session_id;  // empty when no session
  std::string service;
  std::optional<Step> step;  // the last journal step of the session (none when no session)
  std::string screen;        // "idle", "insert_id_card", ... (docs/screen-model.md)
  std::string language = "zh";
  std::string prompt;  // i18n key, "screen.<screen>"
  nlohmann::json data = nlohmann::json::object();
  int progress_index = 0;
  int progress_total = 0;
  std::optional<int> eta_seconds;
  std::vector<std::string> actions;
  std::optional<ScreenError> error;
  int idle_seconds_left = -1;  // -1: no idle timer on this screen
  bool idle_warning = false;

  bool allows(const std::string& action) const;
};

// {"session_id", "service", "step" ("" when none), "screen", "language", "prompt", "data",
// "progress":
//  {"index", "total", "eta_seconds"?}, "actions", "error", "idle": {"seconds_left", "warning"}}
nlohmann::json to_json(const Screen& screen);

// Screen names.
namespace screens {
inline constexpr const char* kIdle = "idle";
inline constexpr const char* kUnavailable = "unavailable";
inline constexpr const char* kInsertIdCard = "insert_id_card";
inline constexpr const char* kConsent = "consent";
inline constexpr const char* kFaceCapture = "face_capture";
inline constexpr const char* kChecking = "checking";
inline constexpr const char* kLicenceInfo = "licence_info";
inline constexpr const char* kPhotoReview = "photo_review";
inline constexpr const char* kConfirmDetails = "confirm_details";
inline constexpr const char* kReturnOldCard = "return_old_card";
inline constexpr const char* kPayment = "payment";
inline constexpr const char* kPaymentDeclined = "payment_declined";
inline constexpr const char* kPrinting = "printing";
inline constexpr const char* kTakeCard = "take_card";
inline constexpr const char* kCompleted = "completed";
inline constexpr const char* kCallStaff = "call_staff";
inline constexpr const char* kEnded = "ended";
}  // namespace screens

}  // namespace kiosk::engine
