// The receipt printer's ESC/POS codec (drivers/receipt_printer/receipt_printer_codec.hpp): the
// stream parser the emulator and the offline renderer run, GB18030 text, and the printer's
// status, presenter and identification replies.
//
// Input: one byte of split seed, then the stream. Checks:
//  * StreamParser gives the same operations fed whole or in chunks, and fails with the same
//    documented reason;
//  * GB18030 that decodes encodes back to the same bytes; an identification reply that parses
//    re-encodes to itself; every status byte the parser accepts is reproduced by
//    make_status_byte from the status it produced.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "drivers/receipt_printer/receipt_printer_codec.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using namespace kiosk::drivers::receipt_printer;
using kiosk::fuzz::require;
using kiosk::fuzz::require_reason;

// Operations as comparable text (they have no operator==).
std::string render(const std::vector<Operation>& ops) {
  std::string out;
  for (const auto& o : ops) {
    std::visit(
        [&out](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          out += std::to_string(Operation(v).index()) + ":";
          if constexpr (std::is_same_v<T, op::Text>) {
            out += v.utf8 + "|" + std::to_string(v.bold) + std::to_string(v.underline) +
                   std::to_string(static_cast<int>(v.align)) + std::to_string(v.width_scale) +
                   std::to_string(v.height_scale) + std::to_string(v.chinese);
          } else if constexpr (std::is_same_v<T, op::Feed>) {
            out += std::to_string(v.lines);
          } else if constexpr (std::is_same_v<T, op::QrStore>) {
            out += v.data;
          } else if constexpr (std::is_same_v<T, op::QrPrint>) {
            out +=
                std::to_string(v.module_size) + v.level + std::to_string(static_cast<int>(v.align));
          } else if constexpr (std::is_same_v<T, op::Cut>) {
            out += std::to_string(v.partial) + std::to_string(v.feed_dots);
          } else if constexpr (std::is_same_v<T, op::Raster>) {
            out += std::to_string(v.width_bytes) + "x" + std::to_string(v.height) +
                   std::string(v.bits.begin(), v.bits.end());
          }
          out += '\n';
        },
        o);
  }
  return out;
}

constexpr std::initializer_list<std::string_view> kParserReasons = {
    "unknown_command", "bad_parameter", "bad_text", "qr_too_long", "truncated", "bad_raster"};

void stream(std::uint8_t split_seed, std::span<const std::uint8_t> bytes) {
  auto whole = parse_stream(bytes);
  if (!whole.ok()) require_reason(whole.error().reason, kParserReasons, "parse_stream");

  StreamParser parser;
  std::vector<Operation> ops;
  std::string error;
  std::size_t chunk = static_cast<std::size_t>(split_seed % 29) + 1;
  for (std::size_t at = 0; at < bytes.size() && error.empty();) {
    const std::size_t n = std::min(chunk, bytes.size() - at);
    auto got = parser.feed(bytes.subspan(at, n));
    if (!got.ok()) {
      error = got.error().reason;
    } else {
      ops.insert(ops.end(), got.value().begin(), got.value().end());
    }
    at += n;
    chunk = chunk * 5 % 29 + 1;
  }
  if (error.empty()) {
    auto tail = parser.finish();
    if (!tail.ok()) {
      error = tail.error().reason;
    } else {
      ops.insert(ops.end(), tail.value().begin(), tail.value().end());
    }
  }
  if (whole.ok()) {
    require(error.empty() && render(ops) == render(whole.value()), "chunked parse differs");
  } else {
    require(error == whole.error().reason, "chunked parse fails differently");
  }
}

void replies(std::span<const std::uint8_t> bytes) {
  auto text = gb18030_to_utf8(bytes);
  if (text.ok()) {
    auto back = utf8_to_gb18030(text.value());
    require(back.ok() && back.value() == Bytes(bytes.begin(), bytes.end()), "GB18030 round trip");
  } else {
    require_reason(text.error().reason, {"bad_text"}, "gb18030_to_utf8");
  }
  auto id = parse_printer_id_reply(bytes);
  if (id.ok()) {
    require(make_printer_id_reply(id.value()) == Bytes(bytes.begin(), bytes.end()),
            "printer id round trip");
  } else {
    require_reason(id.error().reason, {"bad_reply"}, "parse_printer_id_reply");
  }
  if (bytes.empty()) return;
  const std::uint8_t b = bytes[0];
  for (StatusQuery q : kAllStatusQueries) {
    RealtimeStatus status;
    auto applied = apply_status_byte(q, b, status);
    if (!applied.ok()) {
      require_reason(applied.error().reason, {"bad_status"}, "apply_status_byte");
      continue;
    }
    RealtimeStatus again;
    require(apply_status_byte(q, make_status_byte(q, status), again).ok() && again == status,
            "status byte round trip");
  }
  RealtimeStatus paper;
  if (apply_paper_sensor_byte(b, paper).ok()) {
    RealtimeStatus again;
    // The emulator's byte sets "near end" whenever the paper is out; the rest must survive.
    require(apply_paper_sensor_byte(make_paper_sensor_byte(paper), again).ok() &&
                again.paper_out == paper.paper_out &&
                (again.paper_near_end || !paper.paper_near_end),
            "paper sensor byte round trip");
  }
  const PresenterStatus presenter = parse_presenter_byte(b);
  require(parse_presenter_byte(make_presenter_byte(presenter)) == presenter,
          "presenter byte round trip");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::span<const std::uint8_t> bytes(data + 1, size - 1);
  stream(data[0], bytes);
  replies(bytes);
  return 0;
}
