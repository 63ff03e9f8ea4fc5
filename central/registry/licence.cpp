#include "central/registry/licence.hpp"

#include <array>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "central/registry/id_number.hpp"
#include "central/registry/json_reader.hpp"

namespace kiosk::central::registry {

namespace chr = std::chrono;

namespace {

constexpr std::array<VehicleClass, 17> kAllClasses{
    VehicleClass::A1, VehicleClass::A2, VehicleClass::A3, VehicleClass::B1, VehicleClass::B2,
    VehicleClass::C1, VehicleClass::C2, VehicleClass::C3, VehicleClass::C4, VehicleClass::C5,
    VehicleClass::C6, VehicleClass::D,  VehicleClass::E,  VehicleClass::F,  VehicleClass::M,
    VehicleClass::N,  VehicleClass::P};

template <typename E, std::size_t N>
Result<E> parse_by_name(std::string_view text, const std::array<E, N>& all, const char* what) {
  for (E v : all) {
    if (to_string(v) == text) return v;
  }
  return make_error(Errc::unknown_value, std::string("unknown ") + what);
}

}  // namespace

std::string_view to_string(Sex v) {
  return v == Sex::male ? "male" : "female";
}

std::string_view to_string(VehicleClass v) {
  static constexpr std::array<std::string_view, 17> kNames{"A1", "A2", "A3", "B1", "B2", "C1",
                                                           "C2", "C3", "C4", "C5", "C6", "D",
                                                           "E",  "F",  "M",  "N",  "P"};
  return kNames[static_cast<std::size_t>(v)];
}

std::string_view to_string(LicenceState v) {
  switch (v) {
    case LicenceState::valid:
      return "valid";
    case LicenceState::expired:
      return "expired";
    case LicenceState::suspended:
      return "suspended";
    case LicenceState::revoked:
      return "revoked";
    case LicenceState::lost_reported:
      return "lost_reported";
  }
  return "unknown";
}

std::string_view to_string(ValidityTerm v) {
  switch (v) {
    case ValidityTerm::six_years:
      return "six_years";
    case ValidityTerm::ten_years:
      return "ten_years";
    case ValidityTerm::long_term:
      return "long_term";
  }
  return "unknown";
}

std::string_view to_string(Service v) {
  switch (v) {
    case Service::renewal:
      return "renewal";
    case Service::replace_lost:
      return "replace_lost";
    case Service::replace_damaged:
      return "replace_damaged";
    case Service::info_query:
      return "info_query";
  }
  return "unknown";
}

Result<Sex> parse_sex(std::string_view text) {
  return parse_by_name(text, std::array{Sex::male, Sex::female}, "sex");
}
Result<VehicleClass> parse_vehicle_class(std::string_view text) {
  return parse_by_name(text, kAllClasses, "vehicle class");
}
Result<LicenceState> parse_licence_state(std::string_view text) {
  return parse_by_name(
      text,
      std::array{LicenceState::valid, LicenceState::expired, LicenceState::suspended,
                 LicenceState::revoked, LicenceState::lost_reported},
      "licence state");
}
Result<ValidityTerm> parse_validity_term(std::string_view text) {
  return parse_by_name(
      text, std::array{ValidityTerm::six_years, ValidityTerm::ten_years, ValidityTerm::long_term},
      "validity term");
}
Result<Service> parse_service(std::string_view text) {
  return parse_by_name(text,
                       std::array{Service::renewal, Service::replace_lost, Service::replace_damaged,
                                  Service::info_query},
                       "service");
}

std::string classes_string(const std::vector<VehicleClass>& classes) {
  std::string out;
  for (VehicleClass c : kAllClasses) {
    for (VehicleClass have : classes) {
      if (have == c) {
        out += to_string(c);
        break;
      }
    }
  }
  return out;
}

std::string format_date(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

Result<Date> parse_date(std::string_view text) {
  auto bad = [] { return make_error(Errc::bad_date, "expected an existing date as YYYY-MM-DD"); };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lens[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (std::size_t k = 0; k < lens[i]; ++k) {
      const char c = text[starts[i] + k];
      if (c < '0' || c > '9') return bad();
      parts[i] = parts[i] * 10 + (c - '0');
    }
  }
  const Date d{chr::year{parts[0]}, chr::month{static_cast<unsigned>(parts[1])},
               chr::day{static_cast<unsigned>(parts[2])}};
  if (!d.ok() || parts[0] < 1900) return bad();
  return d;
}

int age_on(const Date& birth, const Date& today) {
  int age = static_cast<int>(today.year()) - static_cast<int>(birth.year());
  if (today.month() < birth.month() ||
      (today.month() == birth.month() && today.day() < birth.day()))
    --age;
  return age;
}

Date add_years(const Date& d, int years) {
  Date r = d + chr::years{years};
  if (!r.ok()) r = r.year() / r.month() / chr::last;
  return r;
}

Date add_days(const Date& d, int days) {
  return Date{chr::sys_days{d} + chr::days{days}};
}

int days_between(const Date& a, const Date& b) {
  return static_cast<int>((chr::sys_days{b} - chr::sys_days{a}).count());
}

bool is_valid_file_number(std::string_view file_number) {
  if (file_number.size() != 12) return false;
  for (char c : file_number) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

Result<std::string> make_file_number(int area_code, std::int64_t sequence) {
  if (area_code < 0 || area_code > 9999 || sequence < 0 || sequence > 99'999'999) {
    return make_error(Errc::bad_file_number, "area code must be 0..9999 and sequence 0..99999999");
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%08lld", area_code, static_cast<long long>(sequence));
  return std::string(buf);
}

namespace detail {
nlohmann::json holder_to_json(const Holder& h);
nlohmann::json classes_to_json(const std::vector<VehicleClass>& classes);
}  // namespace detail

nlohmann::json to_json(const Validity& v) {
  return {
      {"valid_from", format_date(v.valid_from)},
      {"valid_to", v.valid_to ? nlohmann::json(format_date(*v.valid_to)) : nlohmann::json(nullptr)},
      {"term", to_string(v.term)}};
}

Result<Validity> validity_from_json(const nlohmann::json& json) {
  detail::JsonReader r(json);
  Validity v;
  v.valid_from = r.date("valid_from");
  v.valid_to = r.optional_date("valid_to");
  v.term = r.enumeration<ValidityTerm>("term", parse_validity_term);
  if (r.ok() && (v.term == ValidityTerm::long_term) != !v.valid_to.has_value()) {
    r.fail(Errc::bad_json, "valid_to must be null exactly for a long-term licence");
  }
  if (r.ok() && v.valid_to && *v.valid_to < v.valid_from)
    r.fail(Errc::bad_json, "valid_to before valid_from");
  if (!r.ok()) return r.error();
  return v;
}

nlohmann::json to_json(const Licence& l) {
  return {{"holder", detail::holder_to_json(l.holder)},
          {"first_issue_date", format_date(l.first_issue_date)},
          {"classes", detail::classes_to_json(l.classes)},
          {"validity", to_json(l.validity)},
          {"issuing_authority", l.issuing_authority},
          {"file_number", l.file_number},
          {"state", to_string(l.state)},
          {"points", l.points},
          {"reached_12_points_in_term", l.reached_12_points_in_term},
          {"health_exam_date", l.health_exam_date ? nlohmann::json(format_date(*l.health_exam_date))
                                                  : nlohmann::json(nullptr)}};
}

namespace detail {

nlohmann::json holder_to_json(const Holder& h) {
  return {{"name", h.name},
          {"sex", to_string(h.sex)},
          {"nationality", h.nationality},
          {"address", h.address},
          {"birth_date", format_date(h.birth_date)},
          {"id_number", h.id_number},
          {"photo_ref", h.photo_ref}};
}

nlohmann::json classes_to_json(const std::vector<VehicleClass>& classes) {
  nlohmann::json out = nlohmann::json::array();
  for (VehicleClass c : classes) out.push_back(to_string(c));
  return out;
}

Result<Holder> holder_from_json(const nlohmann::json& json) {
  JsonReader r(json);
  Holder h;
  h.name = r.string("name", 128);
  h.sex = r.enumeration<Sex>("sex", parse_sex);
  h.nationality = r.string("nationality", 3);
  h.address = r.string("address", 512);
  h.birth_date = r.date("birth_date");
  h.id_number = r.string("id_number", 18);
  h.photo_ref = r.string("photo_ref", 256);
  if (r.ok() && !is_valid_id_number(h.id_number))
    r.fail(Errc::bad_id_number, "holder.id_number is not valid");
  if (r.ok() && (h.name.empty() || h.nationality.size() != 3))
    r.fail(Errc::bad_json, "holder name or nationality");
  if (!r.ok()) return r.error();
  return h;
}

Result<std::vector<VehicleClass>> classes_from_json(JsonReader& r) {
  std::vector<VehicleClass> classes;
  const auto* arr = r.array("classes", kAllClasses.size());
  if (arr == nullptr) return r.error();
  for (const auto& c : *arr) {
    if (!c.is_string()) return make_error(Errc::bad_json, "classes must be strings");
    auto v = parse_vehicle_class(c.get<std::string>());
    if (!v) return v.error();
    classes.push_back(*v);
  }
  if (classes.empty())
    return make_error(Errc::bad_json, "a licence has at least one vehicle class");
  return classes;
}

}  // namespace detail

Result<Licence> licence_from_json(const nlohmann::json& json) {
  detail::JsonReader r(json);
  Licence l;
  if (const auto* h = r.field("holder")) {
    auto holder = detail::holder_from_json(*h);
    if (holder)
      l.holder = *holder;
    else
      r.fail(holder.error());
  }
  l.first_issue_date = r.date("first_issue_date");
  if (r.ok()) {
    auto classes = detail::classes_from_json(r);
    if (classes)
      l.classes = *classes;
    else
      r.fail(classes.error());
  }
  if (const auto* v = r.field("validity")) {
    auto validity = validity_from_json(*v);
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
    r.fail(Errc::bad_file_number, "file_number must be 12 digits");
  if (!r.ok()) return r.error();
  return l;
}

}  // namespace kiosk::central::registry
