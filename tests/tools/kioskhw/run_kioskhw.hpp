#pragma once
// kioskhw run in-process as its command line would run it: exit code, stdout, stderr.
#include <sstream>
#include <string>
#include <vector>

#include "tools/kioskhw/kioskhw.hpp"

namespace kiosk::testing {

struct KioskhwRun {
  int code;
  std::string out;
  std::string err;
};

inline KioskhwRun kioskhw(std::vector<std::string> args) {
  std::ostringstream out, err;
  const int code = tools::run_kioskhw(args, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace kiosk::testing
