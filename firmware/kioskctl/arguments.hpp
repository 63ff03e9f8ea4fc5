#pragma once
// A command's own arguments: positionals and --flags (with values or boolean), checked
// against what the command accepts.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kiosk::kioskctl {

struct Arguments {
  std::vector<std::string> positional;
  std::map<std::string, std::string> values;  // "--count" -> "500"
  std::set<std::string> switches;             // "--password-stdin"

  std::optional<std::string> value(const std::string& flag) const;
  bool has(const std::string& flag) const { return switches.count(flag) != 0; }
};

struct ParsedArguments {
  std::optional<Arguments> arguments;
  std::string error;  // one line, when arguments is empty
};

// `valued` flags take the next word (or --flag=value); `switches` take none. Anything else
// starting with "--" is an error; so is a positional count outside [min_positional,
// max_positional].
ParsedArguments parse_arguments(const std::vector<std::string>& args,
                                const std::set<std::string>& valued,
                                const std::set<std::string>& switches, std::size_t min_positional,
                                std::size_t max_positional);

// A non-negative decimal integer that fits 53 bits (exact in JSON), or nullopt.
std::optional<std::uint64_t> parse_count(const std::string& text);

}  // namespace kiosk::kioskctl
