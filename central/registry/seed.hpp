#pragma once
// The deterministic synthetic registry behind `kiosk-central seed`: the licences of the
// SYNTHETIC citizens of protocol/synthetic/citizens.hpp (who they are is shared with the
// kiosk's simulator; what their licences say is the office's). Dates are relative to `today`,
// so the same `today` always gives the same registry and every scenario is in its intended
// state on that day.
//
// Scenarios (SeededCitizen::scenario), at least one citizen each:
//   due_for_renewal        6-year licence expiring in 30 days, recent health exam
//   due_for_renewal_10y    10-year licence expiring in 60 days (renewal grants long-term)
//   not_yet_due            expires in 2 years
//   expired_in_grace       expired 40 days ago (state expired), still renewable
//   expired_beyond_grace   expired 2 years ago
//   suspended              state suspended
//   revoked                state revoked
//   no_health_exam         due for renewal, no health-exam record
//   health_exam_expired    due for renewal, exam 400 days old
//   points_cycle           due for renewal, 12 points in the current cycle
//   first_licence_6y       recently issued first licence (6 years), not due
//   ten_year               10-year licence, not due
//   long_term              long-term licence
//   aged_over_70           75 years old, due, annual health exam on file
//   aged_over_70_no_annual_exam  72 years old, exam 500 days old
//   lost_reported          state lost_reported (lost-card replacement)
//   reached_12_points      due, 12 points reached earlier in the term (6 years again)
//   foreign_resident       foreign permanent resident (ID number starting with 9)
// The photo reference is "photo:<id number>"; the server renders the registry photo with
// protocol::synthetic::render_synthetic_face(traits_from_seed(id_number), ...).

#include <string>
#include <vector>

#include "central/registry/licence.hpp"

namespace kiosk::central::registry {

struct SeededCitizen {
  std::string scenario;
  Licence licence;
};

std::vector<SeededCitizen> seed_registry(const Date& today);

}  // namespace kiosk::central::registry
