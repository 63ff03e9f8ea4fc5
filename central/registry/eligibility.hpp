#pragma once
// Eligibility of a licence for a kiosk service: a pure function of (licence, service, today,
// policy). No storage, no clock: the server passes today's date (Asia/Shanghai calendar day).
//
// Rules (each failing rule adds its reason; a decision lists every reason that applies, in
// the order of the Reason enum; eligible == reasons.empty()):
//  all services except info_query
//    service_disabled     the service is listed in policy.disabled
//    revoked              state == revoked
//    suspended            state == suspended
//  renewal
//    points_cycle         points >= 12 in the current scoring cycle (driving is suspended
//                         until the study course and exam are passed)
//    long_term_no_renewal the licence is long-term (no valid_to): nothing to renew
//    not_in_renewal_window today < valid_to - 90 days
//    expired_beyond_grace today > valid_to + 365 days (the grace year: a licence expired less
//                         than a year ago is still renewed at the kiosk; later it needs the
//                         office and a theory test)
//    no_health_exam       no health-exam record
//    health_exam_expired  the record is older than 180 days on `today` (a health
//                         certificate is valid for six months)
//    (state lost_reported or expired within the grace year does not block renewal: a new
//    card is printed anyway)
//  replace_lost / replace_damaged (the card is re-printed with the same validity)
//    expired              today > valid_to or state == expired (renew instead)
//    lost_reported        replace_damaged only: a card reported lost cannot be handed in
//    no_health_exam / health_exam_expired
//                         holders aged 70 or more only: their annual health certificate
//                         (a record within the last 365 days) must be on file
//  info_query             always eligible, fee 0
//
// Fee table (fen; 1 yuan = 100 fen), overridable by the signed configuration:
//    renewal 1000, replace_lost 1000, replace_damaged 1000, info_query 0.
//
// New validity on renewal:
//    valid_from = old valid_to when renewing on or before it, else today (expired, in grace);
//    term: six_years -> ten_years -> long_term; when 12 points were reached in any cycle of
//    the ending term (reached_12_points_in_term) the same term is granted again
//    (six stays six, ten stays ten); valid_to = valid_from + 6 or 10 years, none for long-term.
//    Holders aged 70 or more on valid_from keep the same term rules; the decision flags
//    annual_health_certificate (we do not model the shortened validity some provinces apply).
// Replacements keep the current validity; new_validity is that validity.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "central/registry/licence.hpp"
#include "protocol/documents/config.hpp"

namespace kiosk::central::registry {

enum class Reason {
  service_disabled,
  revoked,
  suspended,
  points_cycle,
  long_term_no_renewal,
  not_in_renewal_window,
  expired_beyond_grace,
  expired,
  lost_reported,
  no_health_exam,
  health_exam_expired,
};

std::string_view to_string(Reason reason);
Result<Reason> parse_reason(std::string_view text);

inline constexpr int kRenewalWindowDays = 90;
inline constexpr int kRenewalGraceDays = 365;
inline constexpr int kHealthExamValidityDays = 180;
inline constexpr int kAnnualHealthExamDays = 365;
inline constexpr int kAnnualHealthCertificateAge = 70;

// The fee table is the configuration document's (protocol/documents/config.hpp).
using protocol::FeeTable;

struct Policy {
  FeeTable fees{};
  std::vector<Service> disabled;
};

struct Decision {
  Service service = Service::info_query;
  bool eligible = false;
  std::vector<Reason> reasons;
  std::int64_t fee_fen = 0;              // what the citizen pays when eligible (0 when not)
  std::optional<Validity> new_validity;  // set when eligible (except info_query)
  bool requires_card_return = false;     // replace_damaged: the old card goes in the recovery slot
  bool annual_health_certificate = false;  // holder is 70 or more on today
};

Decision decide(const Licence& licence, Service service, const Date& today,
                const Policy& policy = {});

// The validity a renewal on `today` grants (the rule above), ignoring eligibility.
// nullopt for a long-term licence.
std::optional<Validity> renewed_validity(const Licence& licence, const Date& today);

nlohmann::json to_json(const Decision& decision);
Result<Decision> decision_from_json(const nlohmann::json& json);

}  // namespace kiosk::central::registry
