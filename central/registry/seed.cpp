#include "central/registry/seed.hpp"

#include <array>
#include <cstdio>
#include <optional>

#include "central/registry/id_number.hpp"

namespace kiosk::central::registry {

namespace {

using VC = VehicleClass;

// One row per synthetic citizen. Offsets are days relative to `today`.
struct Spec {
  const char* scenario;
  const char* name;
  Sex sex;
  int age;
  ValidityTerm term;
  int valid_to_offset;  // six/ten years: valid_to = today + offset; long-term: valid_from = today +
                        // offset
  LicenceState state;
  int points;
  bool reached_12;
  std::optional<int> exam_offset;  // nullopt = no record
  std::vector<VC> classes;
  const char* area;  // 6-digit area code of the ID number
  const char* nationality;
};

const std::vector<Spec>& specs() {
  // One citizen per row reads as a table.
  // clang-format off
  static const std::vector<Spec> kSpecs{
      {"due_for_renewal", "测试张伟", Sex::male, 30, ValidityTerm::six_years, 30, LicenceState::valid, 0, false, -20, {VC::C1}, "110101", "CHN"},
      {"due_for_renewal_10y", "测试王芳", Sex::female, 45, ValidityTerm::ten_years, 60, LicenceState::valid, 3, false, -30, {VC::C1}, "310104", "CHN"},
      {"not_yet_due", "测试李娜", Sex::female, 35, ValidityTerm::ten_years, 730, LicenceState::valid, 0, false, -400, {VC::C2}, "440305", "CHN"},
      {"expired_in_grace", "测试刘洋", Sex::male, 40, ValidityTerm::six_years, -40, LicenceState::expired, 0, false, -10, {VC::C1}, "320106", "CHN"},
      {"expired_beyond_grace", "测试陈静", Sex::female, 50, ValidityTerm::ten_years, -730, LicenceState::expired, 0, false, -10, {VC::C1}, "330106", "CHN"},
      {"suspended", "测试杨勇", Sex::male, 38, ValidityTerm::ten_years, 45, LicenceState::suspended, 6, false, -10, {VC::B2}, "420102", "CHN"},
      {"revoked", "测试赵磊", Sex::male, 42, ValidityTerm::ten_years, 1000, LicenceState::revoked, 0, false, -10, {VC::A2, VC::C1}, "510104", "CHN"},
      {"no_health_exam", "测试黄敏", Sex::female, 28, ValidityTerm::six_years, 50, LicenceState::valid, 0, false, std::nullopt, {VC::C1}, "610102", "CHN"},
      {"health_exam_expired", "测试周杰", Sex::male, 33, ValidityTerm::six_years, 20, LicenceState::valid, 0, false, -400, {VC::C1}, "120101", "CHN"},
      {"points_cycle", "测试吴强", Sex::male, 36, ValidityTerm::six_years, 70, LicenceState::valid, 12, true, -15, {VC::C1, VC::D}, "500103", "CHN"},
      {"first_licence_6y", "测试徐丽", Sex::female, 19, ValidityTerm::six_years, 2091, LicenceState::valid, 0, false, -130, {VC::C2}, "370102", "CHN"},
      {"ten_year", "测试孙涛", Sex::male, 48, ValidityTerm::ten_years, 1800, LicenceState::valid, 0, false, -700, {VC::A1, VC::C1}, "210102", "CHN"},
      {"long_term", "测试马超", Sex::male, 60, ValidityTerm::long_term, -2000, LicenceState::valid, 0, false, -900, {VC::C1}, "230102", "CHN"},
      {"aged_over_70", "测试朱华", Sex::male, 75, ValidityTerm::ten_years, 40, LicenceState::valid, 0, false, -60, {VC::C1}, "350102", "CHN"},
      {"aged_over_70_no_annual_exam", "测试胡秀英", Sex::female, 72, ValidityTerm::long_term, -3000, LicenceState::valid, 0, false, -500, {VC::C2}, "360102", "CHN"},
      {"lost_reported", "测试郭敏", Sex::female, 31, ValidityTerm::ten_years, 1500, LicenceState::lost_reported, 0, false, -800, {VC::C1}, "410102", "CHN"},
      {"reached_12_points", "测试林峰", Sex::male, 29, ValidityTerm::six_years, 25, LicenceState::valid, 2, true, -5, {VC::C1}, "450102", "CHN"},
      // 2023 foreign permanent resident ID: '9', province 11, nationality 840 (USA).
      {"foreign_resident", "测试·约翰·史密斯", Sex::male, 41, ValidityTerm::six_years, 80, LicenceState::valid, 0, false, -30, {VC::C1}, "911840", "USA"},
  };
  // clang-format on
  return kSpecs;
}

std::string id_number_for(const Spec& spec, const Date& birth, int index) {
  char first17[64];
  // Resident: 3-digit sequence, odd for men. Foreigner: 2-digit sequence + 1 digit, odd for men.
  const int seq = 2 * (index + 11) + (spec.sex == Sex::male ? 1 : 0);
  std::snprintf(first17, sizeof first17, "%s%04d%02u%02u%03d", spec.area,
                static_cast<int>(birth.year()) % 10000, static_cast<unsigned>(birth.month()) % 100,
                static_cast<unsigned>(birth.day()) % 100, seq % 1000);
  return complete_id_number(std::string_view(first17, 17));
}

int term_years(ValidityTerm term) {
  return term == ValidityTerm::six_years ? 6 : 10;
}

}  // namespace

std::vector<SeededCitizen> seed_registry(const Date& today) {
  std::vector<SeededCitizen> out;
  int index = 0;
  for (const Spec& spec : specs()) {
    Licence l;
    // Born 1..300 days before the birthday that gives exactly `age` on today.
    const Date birth = add_days(add_years(today, -spec.age), -(1 + (index * 37) % 300));
    l.holder.name = spec.name;
    l.holder.sex = spec.sex;
    l.holder.nationality = spec.nationality;
    char address[128];
    std::snprintf(address, sizeof address, "测试省测试市测试区测试路%d号", 100 + index * 7);
    l.holder.address = address;
    l.holder.birth_date = birth;
    l.holder.id_number = id_number_for(spec, birth, index);
    l.holder.photo_ref = "photo:" + l.holder.id_number;

    l.validity.term = spec.term;
    if (spec.term == ValidityTerm::long_term) {
      l.validity.valid_from = add_days(today, spec.valid_to_offset);
      l.validity.valid_to = std::nullopt;
      // Long-term follows a 6-year and a 10-year period.
      l.first_issue_date = add_years(l.validity.valid_from, -16);
    } else {
      l.validity.valid_to = add_days(today, spec.valid_to_offset);
      l.validity.valid_from = add_years(*l.validity.valid_to, -term_years(spec.term));
      l.first_issue_date = spec.term == ValidityTerm::six_years
                               ? l.validity.valid_from
                               : add_years(l.validity.valid_from, -6);
    }
    l.classes = spec.classes;
    l.issuing_authority = "测试市公安局交通警察支队";
    l.file_number = make_file_number(1101, 10'000'001 + index).value();
    l.state = spec.state;
    l.points = spec.points;
    l.reached_12_points_in_term = spec.reached_12;
    if (spec.exam_offset) l.health_exam_date = add_days(today, *spec.exam_offset);
    out.push_back({spec.scenario, std::move(l)});
    ++index;
  }
  return out;
}

}  // namespace kiosk::central::registry
