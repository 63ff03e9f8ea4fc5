// The card printer's codec (drivers/card_printer/card_printer_codec.hpp): host->printer command
// streams (what kioskhw and the emulator parse, including compressed panel downloads), the
// printer's text replies and the status readings.
//
// Input: the stream; its text lines double as replies and status readings. Checks:
//  * parse_command always makes progress, errors only with its documented reasons, and every
//    text command re-encodes (encode_command) to one that parses equal; a compressed download
//    re-compresses to the same panel;
//  * decode_card_job, parse_reply and status_from_replies fail only with their reasons.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/card_printer/card_printer_codec.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using namespace kiosk::drivers::card_printer;
using kiosk::fuzz::require;
using kiosk::fuzz::require_reason;

void check_command(const Command& cmd) {
  if (cmd.panel) {
    // Only compressed (k, o) downloads fit libFuzzer's inputs; raw ones are 82 KiB and more.
    if (cmd.panel->levels != 2) return;
    auto again = decompress_panel(cmd.panel->kind, compress_panel(*cmd.panel));
    require(again.ok() && again.value().values == cmd.panel->values,
            "panel compression round trip");
    return;
  }
  const Bytes wire = encode_command(cmd.name, cmd.params);
  auto parsed = parse_command(wire);
  require(parsed.ok() && parsed.value().command && parsed.value().consumed == wire.size(),
          "an encoded command does not parse");
  require(parsed.value().command->name == cmd.name && parsed.value().command->params == cmd.params,
          "command round trip");
}

void commands(std::span<const std::uint8_t> stream) {
  std::size_t pos = 0;
  while (pos < stream.size()) {
    auto r = parse_command(stream.subspan(pos));
    if (!r.ok()) {
      require_reason(r.error().reason,
                     {"bad_command", "bad_parameter", "bad_size", "bad_compression"},
                     "parse_command");
      return;
    }
    const auto& out = r.value();
    require(out.consumed <= stream.size() - pos, "parse_command consumed past the end");
    if (!out.command) {
      if (out.consumed == 0) return;  // needs more bytes
      pos += out.consumed;
      continue;
    }
    require(out.consumed > 0, "a command consumed no bytes");
    check_command(*out.command);
    pos += out.consumed;
  }
}

std::vector<std::string> lines(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto end = text.find('\n');
    out.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

void replies(std::string_view text) {
  const auto ls = lines(text);
  for (const auto& l : ls) {
    auto reply = parse_reply(l);
    if (!reply.ok()) {
      require_reason(reply.error().reason, {"bad_reply"}, "parse_reply");
    } else if (!reply.value().ok) {
      (void)error_for_code(reply.value().error_code, false);
    }
    (void)parse_volts(l);
  }
  StatusReplies status;
  std::size_t i = 0;
  for (const auto& q : kStatusQueries) {
    if (i < ls.size()) status.*q.answer = ls[i++];
  }
  auto report = status_from_replies(status);
  if (!report.ok()) require_reason(report.error().reason, {"bad_status"}, "status_from_replies");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> stream(data, size);
  commands(stream);
  auto job = decode_card_job(stream);
  if (!job.ok()) {
    require_reason(job.error().reason,
                   {"truncated", "bad_command", "bad_parameter", "bad_size", "bad_compression",
                    "sequence", "no_card"},
                   "decode_card_job");
  }
  replies(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
