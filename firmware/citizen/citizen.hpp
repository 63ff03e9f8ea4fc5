#pragma once
// The scripted citizen: drives one whole service through the local API exactly as the UI
// would — session.start, then reacts to each "session.changed" screen with the citizen's hand
// on the emulators (emulator.place_id_card, emulator.present_payment_code, emulator.take_card)
// and the screen's actions (consent, accept, confirm, ...). Needs kioskd in simulation mode.
// For demos (`kioskctl citizen`), tests and field checks. Prints nothing itself: every step
// goes to the `log` callback.
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kiosk::citizen {

struct CitizenOptions {
  std::filesystem::path socket = "/run/kioskd/kioskd.sock";
  std::string service = "renewal";  // renewal | replace_lost | replace_damaged | info_query
  std::string language = "zh";
  // The citizen: an ID number, or a registry scenario label from emulator.citizens
  // ("due_for_renewal", "lost_reported", ...). Empty: the first "due_for_renewal".
  std::string who;
  std::string payment_code =
      "134012345678901234";                    // WeChat-format, approved by central's simulator
  std::chrono::milliseconds timeout{120'000};  // the whole service
  std::function<void(const std::string& line)> log;  // one line per step; null = silent
};

struct CitizenReport {
  bool completed = false;    // reached the "completed" screen
  std::string final_screen;  // "completed", "ended", "call_staff", ... or "timeout"
  std::string error;         // reason when not completed
  std::string id_number;     // the synthetic citizen used
  double elapsed_seconds = 0;
  std::vector<std::string> screens;  // every distinct screen seen, in order
  std::vector<std::string> card_images;
  std::string receipt_image;
};

CitizenReport run_citizen(const CitizenOptions& options);

}  // namespace kiosk::citizen
