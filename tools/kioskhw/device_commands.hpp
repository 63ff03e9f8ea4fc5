#pragma once
// The kioskhw commands that talk to devices (list, status, selftest, read-id, capture,
// print-test-card, print-test-receipt).

#include <ostream>

#include "tools/kioskhw/command_line.hpp"

namespace kiosk::tools {

int run_device_command(const CommandLine& cl, std::ostream& out, std::ostream& err);

}  // namespace kiosk::tools
