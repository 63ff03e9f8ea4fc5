#include "central/registry/eligibility.hpp"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "protocol/documents/json_reader.hpp"
#include "protocol/enum_names.hpp"

namespace kiosk::central::registry {

namespace {

constexpr std::array<Reason, 11> kAllReasons{Reason::service_disabled,
                                             Reason::revoked,
                                             Reason::suspended,
                                             Reason::points_cycle,
                                             Reason::long_term_no_renewal,
                                             Reason::not_in_renewal_window,
                                             Reason::expired_beyond_grace,
                                             Reason::expired,
                                             Reason::lost_reported,
                                             Reason::no_health_exam,
                                             Reason::health_exam_expired};

// Adds no_health_exam / health_exam_expired when the latest record is missing or older than
// `max_age_days` on `today`.
void check_health_exam(const Licence& licence, const Date& today, int max_age_days,
                       std::vector<Reason>& reasons) {
  if (!licence.health_exam_date) {
    reasons.push_back(Reason::no_health_exam);
  } else if (days_between(*licence.health_exam_date, today) > max_age_days) {
    reasons.push_back(Reason::health_exam_expired);
  }
}

bool is_expired(const Licence& licence, const Date& today) {
  return licence.state == LicenceState::expired ||
         (licence.validity.valid_to && today > *licence.validity.valid_to);
}

}  // namespace

constexpr auto kReasonNames =
    KIOSK_ENUM_NAMES(Reason, service_disabled, revoked, suspended, points_cycle,
                     long_term_no_renewal, not_in_renewal_window, expired_beyond_grace, expired,
                     lost_reported, no_health_exam, health_exam_expired);

std::string_view to_string(Reason reason) {
  return protocol::name_of(kReasonNames, reason);
}

Result<Reason> parse_reason(std::string_view text) {
  if (auto r = protocol::value_of(kReasonNames, text)) return *r;
  return make_error(Errc::unknown_value, "unknown reason");
}

std::optional<Validity> renewed_validity(const Licence& licence, const Date& today) {
  const auto& current = licence.validity;
  if (!current.valid_to || current.term == ValidityTerm::long_term) return std::nullopt;
  Validity next;
  next.valid_from = today <= *current.valid_to ? *current.valid_to : today;
  if (licence.reached_12_points_in_term) {
    next.term = current.term;
  } else {
    next.term =
        current.term == ValidityTerm::six_years ? ValidityTerm::ten_years : ValidityTerm::long_term;
  }
  switch (next.term) {
    case ValidityTerm::six_years:
      next.valid_to = add_years(next.valid_from, 6);
      break;
    case ValidityTerm::ten_years:
      next.valid_to = add_years(next.valid_from, 10);
      break;
    case ValidityTerm::long_term:
      next.valid_to = std::nullopt;
      break;
  }
  return next;
}

Decision decide(const Licence& licence, Service service, const Date& today, const Policy& policy) {
  Decision d;
  d.service = service;
  const bool aged = age_on(licence.holder.birth_date, today) >= kAnnualHealthCertificateAge;
  d.annual_health_certificate = aged;
  std::vector<Reason>& reasons = d.reasons;

  if (service != Service::info_query) {
    if (std::find(policy.disabled.begin(), policy.disabled.end(), service) !=
        policy.disabled.end()) {
      reasons.push_back(Reason::service_disabled);
    }
    if (licence.state == LicenceState::revoked) reasons.push_back(Reason::revoked);
    if (licence.state == LicenceState::suspended) reasons.push_back(Reason::suspended);
  }

  switch (service) {
    case Service::renewal: {
      if (licence.points >= 12) reasons.push_back(Reason::points_cycle);
      const auto& valid_to = licence.validity.valid_to;
      if (!valid_to || licence.validity.term == ValidityTerm::long_term) {
        reasons.push_back(Reason::long_term_no_renewal);
      } else if (today < add_days(*valid_to, -kRenewalWindowDays)) {
        reasons.push_back(Reason::not_in_renewal_window);
      } else if (today > add_days(*valid_to, kRenewalGraceDays)) {
        reasons.push_back(Reason::expired_beyond_grace);
      }
      check_health_exam(licence, today, kHealthExamValidityDays, reasons);
      break;
    }
    case Service::replace_lost:
    case Service::replace_damaged:
      if (is_expired(licence, today)) reasons.push_back(Reason::expired);
      if (service == Service::replace_damaged && licence.state == LicenceState::lost_reported) {
        reasons.push_back(Reason::lost_reported);
      }
      if (aged) check_health_exam(licence, today, kAnnualHealthExamDays, reasons);
      d.requires_card_return = service == Service::replace_damaged;
      break;
    case Service::info_query:
      break;
  }

  // Reasons in enum order, each once.
  std::sort(reasons.begin(), reasons.end());
  reasons.erase(std::unique(reasons.begin(), reasons.end()), reasons.end());
  d.eligible = reasons.empty();
  if (d.eligible) {
    d.fee_fen = policy.fees.fee(service);
    if (service == Service::renewal) {
      d.new_validity = renewed_validity(licence, today);
    } else if (service != Service::info_query) {
      d.new_validity = licence.validity;
    }
  }
  return d;
}

nlohmann::json to_json(const Decision& d) {
  nlohmann::json reasons = nlohmann::json::array();
  for (Reason r : d.reasons) reasons.push_back(to_string(r));
  return {{"service", to_string(d.service)},
          {"eligible", d.eligible},
          {"reasons", reasons},
          {"fee_fen", d.fee_fen},
          {"new_validity",
           d.new_validity ? protocol::to_json(*d.new_validity) : nlohmann::json(nullptr)},
          {"requires_card_return", d.requires_card_return},
          {"annual_health_certificate", d.annual_health_certificate}};
}

Result<Decision> decision_from_json(const nlohmann::json& json) {
  protocol::JsonReader r(json, "decision");
  Decision d;
  d.service = r.enumeration<Service>("service", protocol::service_from_string);
  d.eligible = r.boolean("eligible");
  if (const auto* arr = r.array("reasons", kAllReasons.size())) {
    for (const auto& item : *arr) {
      if (!item.is_string()) {
        r.fail("reasons must be strings");
        break;
      }
      auto reason = parse_reason(item.get<std::string>());
      if (reason)
        d.reasons.push_back(*reason);
      else
        r.fail(protocol::Errc::unknown_value, "reasons has an unknown reason");
    }
  }
  d.fee_fen = r.integer("fee_fen", 0, 100'000'000);
  if (const auto* v = r.field("new_validity"); v != nullptr && !v->is_null()) {
    auto validity = protocol::validity_from_json(*v);
    if (validity)
      d.new_validity = *validity;
    else
      r.fail(validity.error());
  }
  d.requires_card_return = r.boolean("requires_card_return");
  d.annual_health_certificate = r.boolean("annual_health_certificate");
  if (r.ok() && d.eligible != d.reasons.empty()) r.fail("eligible must equal reasons being empty");
  if (!r.ok()) return from_protocol(r.error());
  return d;
}

}  // namespace kiosk::central::registry
