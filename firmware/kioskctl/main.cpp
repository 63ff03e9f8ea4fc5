// kioskctl: the technician's command line for kioskd (see `kioskctl help`).
#include <iostream>

#include "firmware/kioskctl/kioskctl.hpp"

namespace kiosk::kioskctl {
Command citizen_command();  // citizen_command.cpp
}

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto env = kiosk::kioskctl::Environment::from_process();
  return kiosk::kioskctl::run_kioskctl(args, std::cout, std::cerr, env,
                                      {kiosk::kioskctl::citizen_command()});
}
