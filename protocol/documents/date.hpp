#pragma once
// Calendar dates as the office's documents write them: "YYYY-MM-DD" (licence validity, birth
// dates, first issue), and the little calendar arithmetic the documents' rules need.
#include <chrono>
#include <string>
#include <string_view>

#include "protocol/error.hpp"

namespace kiosk::protocol {

using Date = std::chrono::year_month_day;

std::string format_date(const Date& d);  // YYYY-MM-DD
// An existing date from 1900 on. Errors: bad_date.
Result<Date> parse_date(std::string_view text);

// Whole years of age on `today`.
int age_on(const Date& birth, const Date& today);
// `d` plus whole years; 29 February becomes 28 February in a common year.
Date add_years(const Date& d, int years);
Date add_days(const Date& d, int days);
// Days from a to b (negative when b is before a).
int days_between(const Date& a, const Date& b);

}  // namespace kiosk::protocol
