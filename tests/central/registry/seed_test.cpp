#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "central/registry/eligibility.hpp"
#include "central/registry/seed.hpp"
#include "protocol/documents/id_number.hpp"
#include "support.hpp"

using namespace registry_test;

TEST_CASE("the seed is deterministic for a given day", "[registry][seed]") {
  const auto a = seed_registry(kToday);
  const auto b = seed_registry(kToday);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].scenario == b[i].scenario);
    CHECK(to_json(a[i].licence) == to_json(b[i].licence));
  }
}

TEST_CASE("seeded citizens are synthetic, valid and unique", "[registry][seed]") {
  const auto citizens = seed_registry(kToday);
  CHECK(citizens.size() >= 12);
  std::set<std::string> ids;
  std::set<std::string> files;
  std::set<std::string> scenarios;
  for (const auto& c : citizens) {
    INFO(c.scenario);
    const auto& h = c.licence.holder;
    CHECK(h.name.rfind("测试", 0) == 0);
    CHECK(h.address.rfind("测试", 0) == 0);
    CHECK(kiosk::protocol::is_valid_id_number(h.id_number));
    CHECK(is_valid_file_number(c.licence.file_number));
    CHECK(h.photo_ref == "photo:" + h.id_number);
    // The ID number carries the birth date and the sex (odd = male).
    CHECK(h.id_number.substr(6, 8) == format_date(h.birth_date).erase(7, 1).erase(4, 1));
    CHECK(((h.id_number[16] - '0') % 2 == 1) == (h.sex == Sex::male));
    CHECK(!c.licence.classes.empty());
    ids.insert(h.id_number);
    files.insert(c.licence.file_number);
    scenarios.insert(c.scenario);
  }
  CHECK(ids.size() == citizens.size());
  CHECK(files.size() == citizens.size());
  CHECK(scenarios.size() == citizens.size());
}

TEST_CASE("the seed covers every scenario the issue asks for", "[registry][seed]") {
  for (const char* s : {"due_for_renewal", "not_yet_due", "expired_in_grace", "suspended",
                        "no_health_exam", "first_licence_6y", "ten_year", "long_term",
                        "aged_over_70", "lost_reported", "foreign_resident"}) {
    INFO(s);
    CHECK_NOTHROW(seeded(s));
  }
  CHECK(age_on(seeded("aged_over_70").holder.birth_date, kToday) == 75);
  CHECK(seeded("foreign_resident").holder.id_number[0] == '9');
  CHECK(seeded("foreign_resident").holder.nationality == "USA");
  CHECK(seeded("long_term").validity.term == ValidityTerm::long_term);
  CHECK(seeded("first_licence_6y").first_issue_date ==
        seeded("first_licence_6y").validity.valid_from);
}

TEST_CASE("scenarios stay in their state whatever day the registry is seeded", "[registry][seed]") {
  for (const Date today :
       {Date{year{2024}, month{2}, day{29}}, Date{year{2030}, month{1}, day{1}}}) {
    const auto l = seeded("due_for_renewal", today);
    CHECK(decide(l, Service::renewal, today).eligible);
    CHECK(age_on(seeded("aged_over_70", today).holder.birth_date, today) == 75);
    CHECK(age_on(seeded("first_licence_6y", today).holder.birth_date, today) == 19);
  }
}
