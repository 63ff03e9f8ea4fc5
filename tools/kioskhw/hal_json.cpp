#include "tools/kioskhw/hal_json.hpp"

namespace kiosk::tools {

nlohmann::json to_json(const hal::DeviceError& error) {
  return {
      {"code", hal::to_string(error.code)}, {"reason", error.reason}, {"message", error.message}};
}

nlohmann::json to_json(const hal::DeviceStatus& status) {
  nlohmann::json detail = nlohmann::json::object();
  for (const auto& [k, v] : status.detail) detail[k] = v;
  return {{"state", hal::to_string(status.state)}, {"detail", detail}, {"message", status.message}};
}

nlohmann::json to_json(const hal::DeviceInfo& info) {
  return {{"id", info.id},
          {"model", info.model},
          {"transport", info.transport},
          {"firmware", info.firmware},
          {"serial_number", info.serial_number}};
}

nlohmann::json to_json(const hal::Statistics& stats) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, v] : stats) out[k] = v;
  return out;
}

nlohmann::json to_json(const hal::IdCard& card) {
  const char* sex = card.sex == hal::Sex::male     ? "male"
                    : card.sex == hal::Sex::female ? "female"
                                                   : "unspecified";
  nlohmann::json j = {
      {"card_type", card.type == hal::IdCardType::resident ? "resident"
                    : card.type == hal::IdCardType::hkMacauTaiwanResident
                        ? "hk_macau_taiwan_resident"
                        : "foreign_permanent"},
      {"name", card.name},
      {"sex", sex},
      {"birth_date", card.birth_date},
      {"id_number", card.id_number},
      {"issuing_authority", card.issuing_authority},
      {"valid_from", card.valid_from},
      {"valid_to", card.valid_to},
      {"photo_bytes", card.photo_wlt.size()},
  };
  if (!card.pass_number.empty()) j["pass_number"] = card.pass_number;
  if (!card.issue_count.empty()) j["issue_count"] = card.issue_count;
  if (card.type != hal::IdCardType::foreignPermanent) {
    j["address"] = card.address;
    if (!card.appended_address.empty()) j["appended_address"] = card.appended_address;
    j["nation_code"] = card.nation_code;
  } else {
    j["address"] = "";
    j["chinese_name"] = card.chinese_name;
    j["nationality"] = card.nationality;
    j["card_version"] = card.card_version;
  }
  if (!card.fingerprint.empty()) j["fingerprint_bytes"] = card.fingerprint.size();
  return j;
}

}  // namespace kiosk::tools
