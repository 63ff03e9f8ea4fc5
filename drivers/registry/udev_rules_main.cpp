// kiosk-udev-rules: writes the udev rules for kioskd's devices (udev_rules.hpp), run by the
// build so that the installed rules always match the drivers' id tables.
// Usage: kiosk-udev-rules --group <group> --output <file>
#include <cstdio>
#include <fstream>
#include <string>

#include "drivers/registry/udev_rules.hpp"

int main(int argc, char** argv) {
  std::string group = "kioskd";
  std::string output;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--group")
      group = argv[i + 1];
    else if (flag == "--output")
      output = argv[i + 1];
  }
  if (output.empty() || argc % 2 == 0) {
    std::fprintf(stderr, "usage: kiosk-udev-rules --group <group> --output <file>\n");
    return 2;
  }
  const auto usb = kiosk::drivers::builtin_usb_rules();
  if (usb.empty()) {
    std::fprintf(stderr, "kiosk-udev-rules: the built-in USB table did not parse\n");
    return 1;
  }
  std::ofstream f(output, std::ios::trunc);
  f << kiosk::drivers::make_udev_rules(usb, kiosk::drivers::builtin_scanner_vendors(), group);
  f.close();
  if (!f) {
    std::fprintf(stderr, "kiosk-udev-rules: cannot write %s\n", output.c_str());
    return 1;
  }
  return 0;
}
