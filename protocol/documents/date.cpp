#include "protocol/documents/date.hpp"

#include <cstdio>

namespace kiosk::protocol {

namespace chr = std::chrono;

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

}  // namespace kiosk::protocol
