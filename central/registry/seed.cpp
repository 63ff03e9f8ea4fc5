#include "central/registry/seed.hpp"

#include <optional>
#include <stdexcept>

#include "protocol/synthetic/citizens.hpp"

namespace kiosk::central::registry {

namespace {

using VC = VehicleClass;

// What each scenario's licence says. Offsets are days relative to `today`.
struct LicenceSpec {
  const char* scenario;
  ValidityTerm term;
  int valid_to_offset;  // six/ten years: valid_to = today + offset; long-term: valid_from = today +
                        // offset
  LicenceState state;
  int points;
  bool reached_12;
  std::optional<int> exam_offset;  // nullopt = no record
  std::vector<VC> classes;
};

const std::vector<LicenceSpec>& specs() {
  // One licence per row reads as a table; the people are protocol::synthetic's.
  // clang-format off
  static const std::vector<LicenceSpec> kSpecs{
      {"due_for_renewal", ValidityTerm::six_years, 30, LicenceState::valid, 0, false, -20, {VC::C1}},
      {"due_for_renewal_10y", ValidityTerm::ten_years, 60, LicenceState::valid, 3, false, -30, {VC::C1}},
      {"not_yet_due", ValidityTerm::ten_years, 730, LicenceState::valid, 0, false, -400, {VC::C2}},
      {"expired_in_grace", ValidityTerm::six_years, -40, LicenceState::expired, 0, false, -10, {VC::C1}},
      {"expired_beyond_grace", ValidityTerm::ten_years, -730, LicenceState::expired, 0, false, -10, {VC::C1}},
      {"suspended", ValidityTerm::ten_years, 45, LicenceState::suspended, 6, false, -10, {VC::B2}},
      {"revoked", ValidityTerm::ten_years, 1000, LicenceState::revoked, 0, false, -10, {VC::A2, VC::C1}},
      {"no_health_exam", ValidityTerm::six_years, 50, LicenceState::valid, 0, false, std::nullopt, {VC::C1}},
      {"health_exam_expired", ValidityTerm::six_years, 20, LicenceState::valid, 0, false, -400, {VC::C1}},
      {"points_cycle", ValidityTerm::six_years, 70, LicenceState::valid, 12, true, -15, {VC::C1, VC::D}},
      {"first_licence_6y", ValidityTerm::six_years, 2091, LicenceState::valid, 0, false, -130, {VC::C2}},
      {"ten_year", ValidityTerm::ten_years, 1800, LicenceState::valid, 0, false, -700, {VC::A1, VC::C1}},
      {"long_term", ValidityTerm::long_term, -2000, LicenceState::valid, 0, false, -900, {VC::C1}},
      {"aged_over_70", ValidityTerm::ten_years, 40, LicenceState::valid, 0, false, -60, {VC::C1}},
      {"aged_over_70_no_annual_exam", ValidityTerm::long_term, -3000, LicenceState::valid, 0, false, -500, {VC::C2}},
      {"lost_reported", ValidityTerm::ten_years, 1500, LicenceState::lost_reported, 0, false, -800, {VC::C1}},
      {"reached_12_points", ValidityTerm::six_years, 25, LicenceState::valid, 2, true, -5, {VC::C1}},
      {"foreign_resident", ValidityTerm::six_years, 80, LicenceState::valid, 0, false, -30, {VC::C1}},
  };
  // clang-format on
  return kSpecs;
}

const LicenceSpec& spec_for(const std::string& scenario) {
  for (const auto& s : specs()) {
    if (scenario == s.scenario) return s;
  }
  // The two tables are edited together; a citizen without a licence is a programming error.
  throw std::logic_error("no licence for synthetic scenario " + scenario);
}

int term_years(ValidityTerm term) {
  return term == ValidityTerm::six_years ? 6 : 10;
}

}  // namespace

std::vector<SeededCitizen> seed_registry(const Date& today) {
  std::vector<SeededCitizen> out;
  int index = 0;
  for (auto& citizen : protocol::synthetic::registry_citizens(today)) {
    const LicenceSpec& spec = spec_for(citizen.scenario);
    Licence l;
    l.holder = std::move(citizen.holder);
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
    out.push_back({std::move(citizen.scenario), std::move(l)});
    ++index;
  }
  return out;
}

}  // namespace kiosk::central::registry
