#include "protocol/synthetic/citizens.hpp"

#include <cstdio>

#include "protocol/documents/id_number.hpp"

namespace kiosk::protocol::synthetic {

namespace {

// Who each scenario's citizen is. Ages are on `today`.
struct Person {
  const char* scenario;
  const char* name;
  Sex sex;
  int age;
  const char* area;  // 6-digit area code of the ID number
  const char* nationality;
};

const std::vector<Person>& people() {
  // One citizen per row reads as a table.
  // clang-format off
  static const std::vector<Person> kPeople{
      {"due_for_renewal", "测试张伟", Sex::male, 30, "110101", "CHN"},
      {"due_for_renewal_10y", "测试王芳", Sex::female, 45, "310104", "CHN"},
      {"not_yet_due", "测试李娜", Sex::female, 35, "440305", "CHN"},
      {"expired_in_grace", "测试刘洋", Sex::male, 40, "320106", "CHN"},
      {"expired_beyond_grace", "测试陈静", Sex::female, 50, "330106", "CHN"},
      {"suspended", "测试杨勇", Sex::male, 38, "420102", "CHN"},
      {"revoked", "测试赵磊", Sex::male, 42, "510104", "CHN"},
      {"no_health_exam", "测试黄敏", Sex::female, 28, "610102", "CHN"},
      {"health_exam_expired", "测试周杰", Sex::male, 33, "120101", "CHN"},
      {"points_cycle", "测试吴强", Sex::male, 36, "500103", "CHN"},
      {"first_licence_6y", "测试徐丽", Sex::female, 19, "370102", "CHN"},
      {"ten_year", "测试孙涛", Sex::male, 48, "210102", "CHN"},
      {"long_term", "测试马超", Sex::male, 60, "230102", "CHN"},
      {"aged_over_70", "测试朱华", Sex::male, 75, "350102", "CHN"},
      {"aged_over_70_no_annual_exam", "测试胡秀英", Sex::female, 72, "360102", "CHN"},
      {"lost_reported", "测试郭敏", Sex::female, 31, "410102", "CHN"},
      {"reached_12_points", "测试林峰", Sex::male, 29, "450102", "CHN"},
      // 2023 foreign permanent resident ID: '9', province 11, nationality 840 (USA).
      {"foreign_resident", "测试·约翰·史密斯", Sex::male, 41, "911840", "USA"},
  };
  // clang-format on
  return kPeople;
}

std::string id_number_for(const Person& person, const Date& birth, int index) {
  char first17[64];
  // Resident: 3-digit sequence, odd for men. Foreigner: 2-digit sequence + 1 digit, odd for men.
  const int seq = 2 * (index + 11) + (person.sex == Sex::male ? 1 : 0);
  std::snprintf(first17, sizeof first17, "%s%04d%02u%02u%03d", person.area,
                static_cast<int>(birth.year()) % 10000, static_cast<unsigned>(birth.month()) % 100,
                static_cast<unsigned>(birth.day()) % 100, seq % 1000);
  return complete_id_number(std::string_view(first17, 17));
}

}  // namespace

std::vector<Citizen> registry_citizens(const Date& today) {
  std::vector<Citizen> out;
  int index = 0;
  for (const Person& person : people()) {
    Holder h;
    // Born 1..300 days before the birthday that gives exactly `age` on today.
    const Date birth = add_days(add_years(today, -person.age), -(1 + (index * 37) % 300));
    h.name = person.name;
    h.sex = person.sex;
    h.nationality = person.nationality;
    char address[128];
    std::snprintf(address, sizeof address, "测试省测试市测试区测试路%d号", 100 + index * 7);
    h.address = address;
    h.birth_date = birth;
    h.id_number = id_number_for(person, birth, index);
    h.photo_ref = "photo:" + h.id_number;
    out.push_back({person.scenario, std::move(h)});
    ++index;
  }
  return out;
}

}  // namespace kiosk::protocol::synthetic
