#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "central/registry/eligibility.hpp"
#include "support.hpp"

using namespace registry_test;
using R = Reason;

namespace {

struct Row {
  const char* scenario;
  Service service;
  std::vector<Reason> reasons;
};

std::set<Reason>& seen() {
  static std::set<Reason> s;
  return s;
}

Decision check_row(const Row& row, const Policy& policy = {}) {
  INFO(row.scenario << " / " << to_string(row.service));
  const Decision d = decide(seeded(row.scenario), row.service, kToday, policy);
  std::vector<std::string> got;
  std::vector<std::string> want;
  for (Reason r : d.reasons) got.emplace_back(to_string(r));
  for (Reason r : row.reasons) want.emplace_back(to_string(r));
  CHECK(got == want);
  CHECK(d.eligible == row.reasons.empty());
  seen().insert(d.reasons.begin(), d.reasons.end());
  return d;
}

}  // namespace

TEST_CASE("renewal decisions for every seeded citizen follow the rule table",
          "[registry][eligibility]") {
  const std::vector<Row> rows{
      {"due_for_renewal", Service::renewal, {}},
      {"due_for_renewal_10y", Service::renewal, {}},
      {"not_yet_due", Service::renewal, {R::not_in_renewal_window, R::health_exam_expired}},
      {"expired_in_grace", Service::renewal, {}},
      {"expired_beyond_grace", Service::renewal, {R::expired_beyond_grace}},
      {"suspended", Service::renewal, {R::suspended}},
      {"revoked", Service::renewal, {R::revoked, R::not_in_renewal_window}},
      {"no_health_exam", Service::renewal, {R::no_health_exam}},
      {"health_exam_expired", Service::renewal, {R::health_exam_expired}},
      {"points_cycle", Service::renewal, {R::points_cycle}},
      {"first_licence_6y", Service::renewal, {R::not_in_renewal_window}},
      {"ten_year", Service::renewal, {R::not_in_renewal_window, R::health_exam_expired}},
      {"long_term", Service::renewal, {R::long_term_no_renewal, R::health_exam_expired}},
      {"aged_over_70", Service::renewal, {}},
      {"aged_over_70_no_annual_exam",
       Service::renewal,
       {R::long_term_no_renewal, R::health_exam_expired}},
      {"lost_reported", Service::renewal, {R::not_in_renewal_window, R::health_exam_expired}},
      {"reached_12_points", Service::renewal, {}},
      {"foreign_resident", Service::renewal, {}},
  };
  for (const auto& row : rows) check_row(row);
  CHECK(rows.size() == seed_registry(kToday).size());
}

TEST_CASE("replacement decisions follow the rule table", "[registry][eligibility]") {
  const std::vector<Row> rows{
      {"lost_reported", Service::replace_lost, {}},
      {"due_for_renewal", Service::replace_lost, {}},
      {"long_term", Service::replace_lost, {}},  // under 70: no annual exam duty
      {"aged_over_70", Service::replace_lost, {}},
      {"aged_over_70_no_annual_exam", Service::replace_lost, {R::health_exam_expired}},
      {"expired_in_grace", Service::replace_lost, {R::expired}},
      {"suspended", Service::replace_lost, {R::suspended}},
      {"revoked", Service::replace_damaged, {R::revoked}},
      {"lost_reported", Service::replace_damaged, {R::lost_reported}},
      {"expired_beyond_grace", Service::replace_damaged, {R::expired}},
      {"points_cycle", Service::replace_damaged, {}},
  };
  for (const auto& row : rows) check_row(row);

  auto aged = seeded("aged_over_70");
  aged.health_exam_date.reset();
  const auto d = decide(aged, Service::replace_lost, kToday);
  REQUIRE(d.reasons == std::vector<Reason>{R::no_health_exam});
  seen().insert(R::no_health_exam);
}

TEST_CASE("a disabled service is refused with service_disabled", "[registry][eligibility]") {
  Policy policy;
  policy.disabled = {Service::renewal};
  check_row({"due_for_renewal", Service::renewal, {R::service_disabled}}, policy);
  check_row({"due_for_renewal", Service::replace_lost, {}}, policy);
}

TEST_CASE("every reason code is produced by some rule", "[registry][eligibility]") {
  // Runs after the rule-table cases (Catch2 runs in declaration order within a file); when
  // run alone, fill the table again.
  if (seen().size() < 11) {
    for (const auto& c : seed_registry(kToday)) {
      for (auto s : {Service::renewal, Service::replace_lost, Service::replace_damaged}) {
        const auto d = decide(c.licence, s, kToday, Policy{{}, {Service::replace_lost}});
        seen().insert(d.reasons.begin(), d.reasons.end());
      }
    }
    auto aged = seeded("aged_over_70");
    aged.health_exam_date.reset();
    const auto d = decide(aged, Service::replace_lost, kToday);
    seen().insert(d.reasons.begin(), d.reasons.end());
  }
  for (auto r : {R::service_disabled, R::revoked, R::suspended, R::points_cycle,
                 R::long_term_no_renewal, R::not_in_renewal_window, R::expired_beyond_grace,
                 R::expired, R::lost_reported, R::no_health_exam, R::health_exam_expired}) {
    INFO(to_string(r));
    CHECK(seen().count(r) == 1);
    CHECK(parse_reason(to_string(r)).value() == r);
  }
}

TEST_CASE("info queries are always eligible and free", "[registry][eligibility]") {
  for (const auto& c : seed_registry(kToday)) {
    const auto d =
        decide(c.licence, Service::info_query, kToday, Policy{{}, {Service::info_query}});
    CHECK(d.eligible);
    CHECK(d.fee_fen == 0);
    CHECK_FALSE(d.new_validity.has_value());
  }
}

TEST_CASE("renewal steps six years to ten and ten to long-term", "[registry][validity]") {
  const auto six = seeded("due_for_renewal");
  const auto d6 = decide(six, Service::renewal, kToday);
  REQUIRE(d6.new_validity);
  CHECK(d6.new_validity->term == ValidityTerm::ten_years);
  CHECK(d6.new_validity->valid_from == *six.validity.valid_to);
  CHECK(*d6.new_validity->valid_to == add_years(*six.validity.valid_to, 10));
  CHECK(d6.fee_fen == 1000);

  const auto d10 = decide(seeded("due_for_renewal_10y"), Service::renewal, kToday);
  REQUIRE(d10.new_validity);
  CHECK(d10.new_validity->term == ValidityTerm::long_term);
  CHECK_FALSE(d10.new_validity->valid_to.has_value());
}

TEST_CASE("reaching 12 points in the term grants the same term again", "[registry][validity]") {
  const auto l = seeded("reached_12_points");
  const auto d = decide(l, Service::renewal, kToday);
  REQUIRE(d.new_validity);
  CHECK(d.new_validity->term == ValidityTerm::six_years);
  CHECK(*d.new_validity->valid_to == add_years(*l.validity.valid_to, 6));
}

TEST_CASE("a renewal in the grace year starts today", "[registry][validity]") {
  const auto d = decide(seeded("expired_in_grace"), Service::renewal, kToday);
  REQUIRE(d.new_validity);
  CHECK(d.new_validity->valid_from == kToday);
  CHECK(*d.new_validity->valid_to == add_years(kToday, 10));
}

TEST_CASE("the renewal window opens 90 days before expiry and the grace year ends 365 days after",
          "[registry][eligibility]") {
  auto l = seeded("due_for_renewal");
  const Date expiry = *l.validity.valid_to;
  auto has = [&](const Date& today, Reason r) {
    const auto d = decide(l, Service::renewal, today);
    return std::find(d.reasons.begin(), d.reasons.end(), r) != d.reasons.end();
  };
  l.health_exam_date = add_days(expiry, -91);
  CHECK(has(add_days(expiry, -91), R::not_in_renewal_window));
  l.health_exam_date = add_days(expiry, -90);
  CHECK_FALSE(has(add_days(expiry, -90), R::not_in_renewal_window));
  l.health_exam_date = add_days(expiry, 365);
  CHECK_FALSE(has(add_days(expiry, 365), R::expired_beyond_grace));
  CHECK(has(add_days(expiry, 366), R::expired_beyond_grace));
  // The health certificate is valid 180 days.
  l.health_exam_date = add_days(kToday, -180);
  CHECK_FALSE(has(kToday, R::health_exam_expired));
  l.health_exam_date = add_days(kToday, -181);
  CHECK(has(kToday, R::health_exam_expired));
}

TEST_CASE("holders aged 70 or more are flagged for the annual health certificate",
          "[registry][eligibility]") {
  CHECK(decide(seeded("aged_over_70"), Service::renewal, kToday).annual_health_certificate);
  CHECK_FALSE(
      decide(seeded("due_for_renewal"), Service::renewal, kToday).annual_health_certificate);
}

TEST_CASE("replacements keep the validity; damaged cards must be handed in",
          "[registry][eligibility]") {
  const auto l = seeded("due_for_renewal");
  const auto lost = decide(l, Service::replace_lost, kToday);
  REQUIRE(lost.new_validity);
  CHECK(*lost.new_validity == l.validity);
  CHECK_FALSE(lost.requires_card_return);
  CHECK(decide(l, Service::replace_damaged, kToday).requires_card_return);
}

TEST_CASE("the fee table comes from the policy", "[registry][eligibility]") {
  Policy policy;
  policy.fees.renewal_fen = 2500;
  policy.fees.replace_lost_fen = 1500;
  CHECK(decide(seeded("due_for_renewal"), Service::renewal, kToday, policy).fee_fen == 2500);
  CHECK(decide(seeded("lost_reported"), Service::replace_lost, kToday, policy).fee_fen == 1500);
  CHECK(decide(seeded("suspended"), Service::renewal, kToday, policy).fee_fen == 0);
}

TEST_CASE("decisions round-trip through JSON and inconsistent ones are refused",
          "[registry][json]") {
  for (const auto& c : seed_registry(kToday)) {
    for (auto s :
         {Service::renewal, Service::replace_lost, Service::replace_damaged, Service::info_query}) {
      const auto d = decide(c.licence, s, kToday);
      auto back = decision_from_json(nlohmann::json::parse(to_json(d).dump()));
      REQUIRE(back.ok());
      CHECK(to_json(*back) == to_json(d));
    }
  }
  auto j = to_json(decide(seeded("suspended"), Service::renewal, kToday));
  j["eligible"] = true;
  CHECK(decision_from_json(j).error().code == Errc::bad_json);
  j["reasons"] = nlohmann::json::array({"bogus"});
  CHECK(decision_from_json(j).error().code == Errc::unknown_value);
}
