#include "drivers/registry/udev_rules.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <regex>
#include <sstream>
#include <string>

using namespace kiosk::drivers;

namespace {

std::vector<std::string> rule_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') out.push_back(line);
  return out;
}

bool has_line_with(const std::string& text, const std::vector<std::string>& parts) {
  for (const auto& line : rule_lines(text)) {
    bool all = true;
    for (const auto& p : parts) all = all && line.find(p) != std::string::npos;
    if (all) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every USB id the drivers know is a udev rule giving kioskd's group the device",
          "[registry][udev]") {
  const auto usb = builtin_usb_rules();
  REQUIRE(usb.size() >= 6);
  const std::string rules = make_udev_rules(usb, builtin_scanner_vendors(), "kioskd");
  // The ID reader by vendor and product, a whole vendor (Evolis) by vendor alone.
  CHECK(has_line_with(rules, {"SUBSYSTEM==\"usb\"", "ATTR{idVendor}==\"0400\"",
                              "ATTR{idProduct}==\"c35a\"", "GROUP=\"kioskd\"", "MODE=\"0660\""}));
  CHECK(has_line_with(rules, {"ATTR{idVendor}==\"0f49\"", "GROUP=\"kioskd\""}));
  for (const auto& line : rule_lines(rules))
    if (line.find("\"0f49\"") != std::string::npos)
      CHECK(line.find("idProduct") == std::string::npos);
  for (const auto& r : usb) {
    char vid[8];
    std::snprintf(vid, sizeof vid, "%04x", r.vid);
    INFO(r.model);
    CHECK(
        has_line_with(rules, {"ATTR{idVendor}==\"" + std::string(vid) + "\"", "GROUP=\"kioskd\""}));
  }
}

TEST_CASE("scanners' serial ports are kept from ModemManager and their keyboards given to kioskd",
          "[registry][udev]") {
  const std::string rules = make_udev_rules({}, {{0x0c2e, "Honeywell"}}, "kiosk");
  CHECK(has_line_with(rules, {"SUBSYSTEM==\"tty\"", "ATTRS{idVendor}==\"0c2e\"",
                              "ENV{ID_MM_DEVICE_IGNORE}=\"1\"", "GROUP=\"kiosk\""}));
  CHECK(has_line_with(rules, {"SUBSYSTEM==\"input\"", "KERNEL==\"event*\"",
                              "ATTRS{idVendor}==\"0c2e\"", "GROUP=\"kiosk\""}));
  CHECK(has_line_with(
      rules, {"SUBSYSTEM==\"usb\"", "ATTR{idVendor}==\"0c2e\"", "ENV{ID_MM_DEVICE_IGNORE}=\"1\""}));
}

TEST_CASE("every generated rule line is well formed udev syntax", "[registry][udev]") {
  const std::string rules =
      make_udev_rules(builtin_usb_rules(), builtin_scanner_vendors(), "kioskd");
  // KEY[{attr}]==|=|+= "value", comma separated; comments only on lines of their own.
  const std::regex line_re(
      R"re(([A-Z_]+(\{[A-Za-z_]+\})?(==|!=|=|\+=)"[^"]*")(, [A-Z_]+(\{[A-Za-z_]+\})?(==|!=|=|\+=)"[^"]*")*)re");
  const auto lines = rule_lines(rules);
  REQUIRE(lines.size() >= builtin_usb_rules().size() + 3 * builtin_scanner_vendors().size());
  for (const auto& line : lines) {
    INFO(line);
    CHECK(std::regex_match(line, line_re));
    // Every rule matches on something and assigns something.
    CHECK(line.find("==") != std::string::npos);
    CHECK(std::regex_search(line, std::regex(R"re([A-Z}]=")re")));
  }
}
