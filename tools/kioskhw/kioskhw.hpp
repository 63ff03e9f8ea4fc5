#pragma once
// kioskhw, the technician's bench tool, as a library so tests can run its commands
// in-process. main.cpp only forwards argv.

#include <ostream>
#include <string>
#include <vector>

namespace kiosk::tools {

// Runs one kioskhw command line (without the program name). Returns the process exit code:
// 0 ok, 1 the device or input failed (one-line reason on `err`), 2 usage error.
int run_kioskhw(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace kiosk::tools
