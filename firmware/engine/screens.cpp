#include "firmware/engine/screens.hpp"

#include <algorithm>
#include <cctype>

#include "firmware/engine/address.hpp"
#include "firmware/engine/licence_terms.hpp"

namespace kiosk::engine {

Screen idle_screen() {
  Screen s;
  s.screen = screens::kIdle;
  s.prompt = "screen.idle";
  s.actions = {"start"};
  return s;
}

Screen unavailable_screen(const std::string& reason, const std::string& language) {
  Screen s;
  s.screen = screens::kUnavailable;
  s.prompt = "screen.unavailable";
  s.language = (language == "en") ? "en" : "zh";
  s.actions = {"start"};
  s.error = ScreenError{reason, reason, "error." + reason};
  return s;
}

Screen session_screen(const std::string& session_id, Service service, std::optional<Step> step,
                      const char* name, std::vector<std::string> actions, nlohmann::json data) {
  Screen s;
  s.session_id = session_id;
  s.service = std::string(to_string(service));
  s.step = step;
  s.screen = name;
  s.prompt = std::string("screen.") + name;
  s.data = std::move(data);
  s.actions = std::move(actions);
  const auto steps = progress_steps(service);
  s.progress_total = static_cast<int>(steps.size());
  auto it = step ? std::find(steps.begin(), steps.end(), *step) : steps.end();
  s.progress_index = it == steps.end() ? 0 : static_cast<int>(it - steps.begin()) + 1;
  return s;
}

std::string transaction_reference(std::string_view txn) {
  if (txn.rfind("tx-", 0) == 0) txn.remove_prefix(3);
  if (txn.size() < 8) return {};
  std::string hex;
  for (char c : txn.substr(0, 8))
    hex += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return hex.substr(0, 4) + "-" + hex.substr(4);
}

std::string mask_id(const std::string& id) {
  if (id.size() < 8) return std::string(id.size(), '*');
  return id.substr(0, 4) + std::string(id.size() - 8, '*') + id.substr(id.size() - 4);
}

nlohmann::json licence_info_data(const LicenceSummary& l) {
  return {{"name", l.holder_name},
          {"file_number", l.file_number},
          {"classes", l.classes},
          {"class_list", class_list_json(l.classes)},
          {"valid_from", l.valid_from},
          {"valid_to", l.valid_to},
          {"state", l.state},
          {"points", l.points},
          {"points_limit", kPointsLimit}};
}

nlohmann::json confirm_details_data(const std::string& name, const std::string& id_number,
                                    const std::string& address, const EligibilityDecision& d) {
  return {{"name", name},
          {"id_number", mask_id(id_number)},
          {"address", address},
          {"address_max_bytes", kAddressMaxBytes},
          {"classes", d.licence.classes},
          {"class_list", class_list_json(d.licence.classes)},
          {"valid_from", d.new_valid_from},
          {"valid_to", d.new_valid_to},
          {"fee_fen", d.fee_fen}};
}

nlohmann::json end_screen_data(nlohmann::json data, const SessionSummary& s) {
  data["outcome"] = std::string(to_string(s.outcome));
  data["refunded"] = s.refunded_now;
  data["money"] = to_json(s.money);
  data["reference"] = transaction_reference(s.txn);
  if (s.card_serial) data["card_serial"] = *s.card_serial;
  if (!s.receipt_qr.empty()) data["receipt_qr"] = s.receipt_qr;
  return data;
}

}  // namespace kiosk::engine
