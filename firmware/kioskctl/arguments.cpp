#include "firmware/kioskctl/arguments.hpp"

#include <cstdint>

namespace kiosk::kioskctl {

std::optional<std::string> Arguments::value(const std::string& flag) const {
  auto it = values.find(flag);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

ParsedArguments parse_arguments(const std::vector<std::string>& args,
                                const std::set<std::string>& valued,
                                const std::set<std::string>& switches, std::size_t min_positional,
                                std::size_t max_positional) {
  Arguments a;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word.size() > 2 && word.rfind("--", 0) == 0) {
      std::string flag = word;
      std::optional<std::string> inline_value;
      if (auto eq = word.find('='); eq != std::string::npos) {
        flag = word.substr(0, eq);
        inline_value = word.substr(eq + 1);
      }
      if (valued.count(flag) != 0) {
        if (inline_value) {
          a.values[flag] = *inline_value;
        } else if (i + 1 < args.size()) {
          a.values[flag] = args[++i];
        } else {
          return {std::nullopt, flag + " needs a value"};
        }
      } else if (switches.count(flag) != 0 && !inline_value) {
        a.switches.insert(flag);
      } else {
        return {std::nullopt, "unknown option " + flag};
      }
      continue;
    }
    a.positional.push_back(word);
  }
  if (a.positional.size() < min_positional) return {std::nullopt, "missing argument"};
  if (a.positional.size() > max_positional) {
    return {std::nullopt, "unexpected argument " + a.positional[max_positional]};
  }
  return {std::move(a), ""};
}

std::optional<std::uint64_t> parse_count(const std::string& text) {
  if (text.empty() || text.size() > 15) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

}  // namespace kiosk::kioskctl
