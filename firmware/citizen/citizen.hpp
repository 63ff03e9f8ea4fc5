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

// The citizen's hand on the devices. Left empty, each one is the emulator.* local-API method
// of kioskd in simulation mode; a test of real-device mode acts on its emulated kernel devices
// instead (kioskd has no emulator.* methods then).
struct CitizenHand {
  std::function<std::string(const std::string& label)> find_citizen;  // ID number, "" if none
  std::function<bool(const std::string& id_number)> place_id_card;
  std::function<void()> remove_id_card;
  std::function<bool(const std::string& code)> present_payment_code;
  std::function<bool()> take_card;  // false: no card in the mouth yet
  // The printed card sides and the receipt as PNG files (what the emulators wrote).
  std::function<void(std::vector<std::string>& cards, std::string& receipt)> artifacts;
};

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
  CitizenHand hand;
  // Called with each new screen before the citizen reacts to it (tests pull cables here).
  std::function<void(const std::string& screen)> on_screen;
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
