#pragma once
// How the engine fills the screens it publishes (docs/screen-model.md): pure functions from
// what a session knows to a screen's data, so every rule the UI shows (money, classes, limits)
// is decided here and nowhere in a client.

#include <optional>
#include <string>
#include <string_view>

#include "firmware/engine/money.hpp"
#include "firmware/engine/outcome.hpp"
#include "firmware/engine/ports.hpp"
#include "firmware/engine/screen.hpp"
#include "firmware/engine/services.hpp"

namespace kiosk::engine {

// No session: the attract screen.
Screen idle_screen();
// session.start refused for `reason` (out_of_service, central_unavailable, ...).
Screen unavailable_screen(const std::string& reason, const std::string& language);

// The fields every screen of a running session carries, on the screen `name`: prompt, the
// service's progress for `step` (progress_steps), and no idle timer yet.
Screen session_screen(const std::string& session_id, Service service, std::optional<Step> step,
                      const char* name, std::vector<std::string> actions, nlohmann::json data);

// The transaction reference a citizen quotes at the counter: the first 8 hex digits of the
// transaction id after "tx-", upper case, as "XXXX-XXXX" ("" for an id too short).
std::string transaction_reference(std::string_view txn);

// An ID number as confirm_details shows it: the first 4 and last 4 characters.
std::string mask_id(const std::string& id);

// licence_info: the info query's answer. Personal data (the citizen's own licence).
nlohmann::json licence_info_data(const LicenceSummary& licence);

// confirm_details: what the new card will say. Personal data.
nlohmann::json confirm_details_data(const std::string& name, const std::string& id_number,
                                    const std::string& address,
                                    const EligibilityDecision& decision);

// What an end screen (completed, call_staff, ended) says beyond its error; no personal data.
struct SessionSummary {
  std::string txn;
  Outcome outcome = Outcome::pending;  // settled, or pending
  bool refunded_now = false;           // settle refunded during this session's end
  Money money;
  std::optional<std::string> card_serial;  // completed only: the card ("" for a query)
  std::string receipt_qr;                  // when a receipt printed
};
// `data` (the end's own members, e.g. not_eligible's reasons) plus outcome, refunded, money,
// reference, card_serial and receipt_qr where they apply.
nlohmann::json end_screen_data(nlohmann::json data, const SessionSummary& summary);

}  // namespace kiosk::engine
