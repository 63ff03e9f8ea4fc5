#include "central/registry/licence.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "protocol/documents/json_reader.hpp"
#include "protocol/enum_names.hpp"

namespace kiosk::central::registry {

constexpr auto kLicenceStateNames =
    KIOSK_ENUM_NAMES(LicenceState, valid, expired, suspended, revoked, lost_reported);

std::string_view to_string(LicenceState v) {
  return protocol::name_of(kLicenceStateNames, v);
}

Result<LicenceState> parse_licence_state(std::string_view text) {
  if (auto v = protocol::value_of(kLicenceStateNames, text)) return *v;
  return make_error(Errc::unknown_value, "unknown licence state");
}

Result<std::string> make_file_number(int area_code, std::int64_t sequence) {
  if (area_code < 0 || area_code > 9999 || sequence < 0 || sequence > 99'999'999) {
    return make_error(Errc::bad_file_number, "area code must be 0..9999 and sequence 0..99999999");
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%08lld", area_code, static_cast<long long>(sequence));
  return std::string(buf);
}

nlohmann::json to_json(const Licence& l) {
  return {{"holder", protocol::to_json(l.holder)},
          {"first_issue_date", format_date(l.first_issue_date)},
          {"classes", protocol::classes_to_json(l.classes)},
          {"validity", protocol::to_json(l.validity)},
          {"issuing_authority", l.issuing_authority},
          {"file_number", l.file_number},
          {"state", to_string(l.state)},
          {"points", l.points},
          {"reached_12_points_in_term", l.reached_12_points_in_term},
          {"health_exam_date", l.health_exam_date ? nlohmann::json(format_date(*l.health_exam_date))
                                                  : nlohmann::json(nullptr)}};
}

Result<Licence> licence_from_json(const nlohmann::json& json) {
  protocol::JsonReader r(json, "licence");
  Licence l;
  if (const auto* h = r.field("holder")) {
    auto holder = protocol::holder_from_json(*h);
    if (holder)
      l.holder = *holder;
    else
      r.fail(holder.error());
  }
  l.first_issue_date = r.date("first_issue_date");
  if (r.ok()) {
    auto classes = protocol::classes_from_json(r);
    if (classes)
      l.classes = *classes;
    else
      r.fail(classes.error());
  }
  if (const auto* v = r.field("validity")) {
    auto validity = protocol::validity_from_json(*v);
    if (validity)
      l.validity = *validity;
    else
      r.fail(validity.error());
  }
  l.issuing_authority = r.string("issuing_authority", 256);
  l.file_number = r.string("file_number", 12);
  l.state = r.enumeration<LicenceState>("state", parse_licence_state);
  l.points = static_cast<int>(r.integer("points", 0, 1000));
  l.reached_12_points_in_term = r.boolean("reached_12_points_in_term");
  l.health_exam_date = r.optional_date("health_exam_date");
  if (r.ok() && !is_valid_file_number(l.file_number))
    r.fail(protocol::Errc::bad_file_number, "file_number must be 12 digits");
  if (!r.ok()) return from_protocol(r.error());
  return l;
}

}  // namespace kiosk::central::registry
