// kioskhw: the technician's bench tool for Kiosk24 devices (see `kioskhw help`).
#include <iostream>

#include "tools/kioskhw/kioskhw.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return kiosk::tools::run_kioskhw(args, std::cout, std::cerr);
}
