#include "protocol/documents/card_data.hpp"

#include <array>

#include <nlohmann/json.hpp>

#include "protocol/documents/id_number.hpp"
#include "protocol/enum_names.hpp"

namespace kiosk::protocol {

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

constexpr auto kValidityTermNames = KIOSK_ENUM_NAMES(ValidityTerm, six_years, ten_years, long_term);

std::string_view to_string(ValidityTerm v) {
  return protocol::name_of(kValidityTermNames, v);
}

Result<Sex> parse_sex(std::string_view text) {
  return parse_by_name(text, std::array{Sex::male, Sex::female}, "sex");
}
Result<VehicleClass> parse_vehicle_class(std::string_view text) {
  return parse_by_name(text, kAllClasses, "vehicle class");
}
Result<ValidityTerm> parse_validity_term(std::string_view text) {
  if (auto v = value_of(kValidityTermNames, text)) return *v;
  return make_error(Errc::unknown_value, "unknown validity term");
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

bool is_valid_file_number(std::string_view file_number) {
  if (file_number.size() != 12) return false;
  for (char c : file_number) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

nlohmann::json to_json(const Holder& h) {
  return {{"name", h.name},
          {"sex", to_string(h.sex)},
          {"nationality", h.nationality},
          {"address", h.address},
          {"birth_date", format_date(h.birth_date)},
          {"id_number", h.id_number},
          {"photo_ref", h.photo_ref}};
}

Result<Holder> holder_from_json(const nlohmann::json& json) {
  JsonReader r(json, "holder");
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
  if (r.ok() && (h.name.empty() || h.nationality.size() != 3)) r.fail("holder name or nationality");
  if (!r.ok()) return r.error();
  return h;
}

nlohmann::json to_json(const Validity& v) {
  return {
      {"valid_from", format_date(v.valid_from)},
      {"valid_to", v.valid_to ? nlohmann::json(format_date(*v.valid_to)) : nlohmann::json(nullptr)},
      {"term", to_string(v.term)}};
}

Result<Validity> validity_from_json(const nlohmann::json& json) {
  JsonReader r(json, "validity");
  Validity v;
  v.valid_from = r.date("valid_from");
  v.valid_to = r.optional_date("valid_to");
  v.term = r.enumeration<ValidityTerm>("term", parse_validity_term);
  if (r.ok() && (v.term == ValidityTerm::long_term) != !v.valid_to.has_value()) {
    r.fail("valid_to must be null exactly for a long-term licence");
  }
  if (r.ok() && v.valid_to && *v.valid_to < v.valid_from) r.fail("valid_to before valid_from");
  if (!r.ok()) return r.error();
  return v;
}

nlohmann::json classes_to_json(const std::vector<VehicleClass>& classes) {
  nlohmann::json out = nlohmann::json::array();
  for (VehicleClass c : classes) out.push_back(to_string(c));
  return out;
}

Result<std::vector<VehicleClass>> classes_from_json(JsonReader& r) {
  std::vector<VehicleClass> classes;
  const auto* arr = r.array("classes", kAllClasses.size());
  if (arr == nullptr) return r.error();
  for (const auto& c : *arr) {
    if (!c.is_string()) return make_error(Errc::invalid_document, "classes must be strings");
    auto v = parse_vehicle_class(c.get<std::string>());
    if (!v) return v.error();
    classes.push_back(*v);
  }
  if (classes.empty())
    return make_error(Errc::invalid_document, "a licence has at least one vehicle class");
  return classes;
}

nlohmann::json to_json(const CardData& c) {
  return {{"holder", to_json(c.holder)},
          {"first_issue_date", format_date(c.first_issue_date)},
          {"classes", classes_to_json(c.classes)},
          {"validity", to_json(c.validity)},
          {"issuing_authority", c.issuing_authority},
          {"file_number", c.file_number}};
}

Result<CardData> card_from_json(const nlohmann::json& json) {
  JsonReader r(json, "card");
  CardData c;
  if (const auto* h = r.field("holder")) {
    auto holder = holder_from_json(*h);
    if (holder)
      c.holder = *holder;
    else
      r.fail(holder.error());
  }
  c.first_issue_date = r.date("first_issue_date");
  if (r.ok()) {
    auto classes = classes_from_json(r);
    if (classes)
      c.classes = *classes;
    else
      r.fail(classes.error());
  }
  if (const auto* v = r.field("validity")) {
    auto validity = validity_from_json(*v);
    if (validity)
      c.validity = *validity;
    else
      r.fail(validity.error());
  }
  c.issuing_authority = r.string("issuing_authority", 256);
  c.file_number = r.string("file_number", 12);
  if (r.ok() && !is_valid_file_number(c.file_number))
    r.fail(Errc::bad_file_number, "file_number must be 12 digits");
  if (!r.ok()) return r.error();
  return c;
}

}  // namespace kiosk::protocol
