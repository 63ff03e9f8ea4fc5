#include "tools/kioskhw/command_line.hpp"

#include <set>

namespace kiosk::tools {

ParsedCommandLine parse_command_line(const std::vector<std::string>& args) {
  static const std::set<std::string> kCommands{"list",
                                               "status",
                                               "selftest",
                                               "read-id",
                                               "capture",
                                               "print-test-card",
                                               "print-test-receipt",
                                               "decode-id-frame",
                                               "decode-card-job",
                                               "decode-receipt"};
  ParsedCommandLine result;
  if (args.empty() || kCommands.count(args[0]) == 0) {
    result.error = args.empty() ? "no command" : "unknown command '" + args[0] + "'";
    return result;
  }
  CommandLine cl;
  cl.command = args[0];
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* flag) -> std::optional<std::string> {
      if (i + 1 >= args.size()) {
        result.error = std::string(flag) + " needs a value";
        return std::nullopt;
      }
      return args[++i];
    };
    if (a == "--emulate") {
      cl.emulate = true;
    } else if (a == "--json") {
      cl.json = true;
    } else if (a == "--sample-licence") {
      cl.sample_licence = true;
    } else if (a == "--out") {
      auto v = value("--out");
      if (!v) return result;
      cl.out = *v;
    } else if (a == "--citizen") {
      auto v = value("--citizen");
      if (!v) return result;
      cl.citizen = *v;
    } else if (!a.empty() && a[0] == '-') {
      result.error = "unknown option '" + a + "'";
      return result;
    } else if (cl.file.empty()) {
      cl.file = a;
    } else {
      result.error = "unexpected argument '" + a + "'";
      return result;
    }
  }
  const bool decoder = cl.command.rfind("decode-", 0) == 0;
  if (decoder && cl.file.empty()) {
    result.error = cl.command + " needs a FILE";
    return result;
  }
  if ((cl.command == "decode-card-job" || cl.command == "decode-receipt") && !cl.out) {
    result.error = cl.command + " needs --out FILE.png";
    return result;
  }
  result.line = cl;
  return result;
}

}  // namespace kiosk::tools
