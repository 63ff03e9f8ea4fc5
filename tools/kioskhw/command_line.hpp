#pragma once
// kioskhw's command line: one command, flags, and at most one positional argument.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::tools {

struct CommandLine {
  std::string command;
  std::string file;  // the positional argument, if any
  bool emulate = false;
  bool json = false;
  bool sample_licence = false;
  std::optional<std::filesystem::path> out;
  std::string citizen;
};

struct ParsedCommandLine {
  std::optional<CommandLine> line;
  std::string error;
  explicit operator bool() const { return line.has_value(); }
};

ParsedCommandLine parse_command_line(const std::vector<std::string>& args);

}  // namespace kiosk::tools
