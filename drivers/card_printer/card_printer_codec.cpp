// Evolis command-set codec: see the header for the wire format.
#include "drivers/card_printer/card_printer_codec.hpp"

#include <algorithm>
#include <charconv>

namespace kiosk::drivers::card_printer {
namespace {

using hal::CompletionCode;
using hal::make_error;

constexpr std::size_t kGuidePixels = 676992;  // the guide's 84 624 bytes * 8
constexpr std::size_t kMaxCompressed = static_cast<std::size_t>(kLines) * (kLineBytes1 + 1);

// The card pixel (landscape, row-major) that wire line `line`, dot `dot` prints.
constexpr std::size_t card_index(int line, int dot) {
  return static_cast<std::size_t>(kHeight - 1 - dot) * kWidth + static_cast<std::size_t>(line);
}

hal::DeviceError invalid(std::string reason, std::string message) {
  return make_error(CompletionCode::invalidData, std::move(reason), std::move(message));
}

bool printable(std::uint8_t b) {
  return b >= 0x20 && b <= 0x7E;
}
bool alpha(std::uint8_t b) {
  return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
}

std::optional<int> parse_int(std::string_view s) {
  int v = 0;
  if (s.empty()) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<std::uint64_t> parse_u64(std::string_view s) {
  std::uint64_t v = 0;
  if (s.empty()) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

bool check_size(const hal::RgbImage& img) {
  return img.width == kWidth && img.height == kHeight && img.pixels.size() == kPixels * 3;
}

std::vector<std::uint8_t> rect_mask(const std::vector<hal::Rect>& rects) {
  std::vector<std::uint8_t> mask(kPixels, 0);
  for (const auto& r : rects) {
    const int x0 = std::max(0, r.x);
    const int y0 = std::max(0, r.y);
    const int x1 = std::min(kWidth, r.x + std::max(0, r.width));
    const int y1 = std::min(kHeight, r.y + std::max(0, r.height));
    for (int yy = y0; yy < y1; ++yy) {
      if (x1 <= x0) break;
      auto row = mask.begin() + static_cast<std::ptrdiff_t>(yy) * kWidth;
      std::fill(row + x0, row + x1, std::uint8_t{1});
    }
  }
  return mask;
}

Panel blank_panel(PanelKind kind, int levels) {
  return Panel{kind, levels, std::vector<std::uint8_t>(kPixels, 0)};
}

bool is_colour(PanelKind kind) {
  return kind == PanelKind::y || kind == PanelKind::m || kind == PanelKind::c;
}

}  // namespace

std::string_view to_string(PanelKind kind) {
  switch (kind) {
    case PanelKind::y:
      return "y";
    case PanelKind::m:
      return "m";
    case PanelKind::c:
      return "c";
    case PanelKind::k:
      return "k";
    case PanelKind::o:
      return "o";
  }
  return "?";
}

std::optional<PanelKind> panel_from_string(std::string_view s) {
  if (s == "y") return PanelKind::y;
  if (s == "m") return PanelKind::m;
  if (s == "c") return PanelKind::c;
  if (s == "k") return PanelKind::k;
  if (s == "o") return PanelKind::o;
  return std::nullopt;
}

// ---- separation -----------------------------------------------------------------------------

hal::Result<SeparatedSide> separate_side(const hal::CardSide& side,
                                         const SeparationOptions& options) {
  if (!check_size(side.image)) {
    return invalid("image_size", "card side must be 1016x648 RGB");
  }
  const int levels = options.colour_levels;
  if (bits_for_levels(levels) < 5) {
    return make_error(CompletionCode::invalidData, "bad_parameter",
                      "colour levels must be 32/64/128");
  }
  SeparatedSide out{blank_panel(PanelKind::y, levels), blank_panel(PanelKind::m, levels),
                    blank_panel(PanelKind::c, levels), blank_panel(PanelKind::k, 2),
                    blank_panel(PanelKind::o, 2)};
  const bool use_regions = !side.black_regions.empty();
  const auto black_mask = use_regions ? rect_mask(side.black_regions) : std::vector<std::uint8_t>{};
  const auto cutout_mask = rect_mask(side.overlay_cutouts);
  const int top = levels - 1;
  const std::uint8_t* px = side.image.pixels.data();
  for (std::size_t i = 0; i < kPixels; ++i, px += 3) {
    const int r = px[0];
    const int g = px[1];
    const int b = px[2];
    out.o.values[i] = cutout_mask[i] != 0 ? 0 : 1;
    bool black;
    if (use_regions) {
      black = black_mask[i] != 0 && (299 * r + 587 * g + 114 * b) < 128 * 1000;
    } else {
      black = std::max({r, g, b}) <= options.black_threshold;
    }
    if (black) {
      out.k.values[i] = 1;
      continue;  // no colour ink under resin
    }
    int c = 255 - r;
    int m = 255 - g;
    int y = 255 - b;
    const int total = c + m + y;
    if (total > options.total_ink_limit) {
      const int grey = std::min({c, m, y});
      const int reduce = std::min(grey, (total - options.total_ink_limit + 2) / 3);
      c -= reduce;
      m -= reduce;
      y -= reduce;
    }
    out.c.values[i] = static_cast<std::uint8_t>((c * top + 127) / 255);
    out.m.values[i] = static_cast<std::uint8_t>((m * top + 127) / 255);
    out.y.values[i] = static_cast<std::uint8_t>((y * top + 127) / 255);
  }
  return out;
}

hal::Result<Panel> separate_mono(const hal::CardSide& side) {
  if (!check_size(side.image)) {
    return invalid("image_size", "card side must be 1016x648 RGB");
  }
  Panel k = blank_panel(PanelKind::k, 2);
  const std::uint8_t* px = side.image.pixels.data();
  for (std::size_t i = 0; i < kPixels; ++i, px += 3) {
    k.values[i] = (299 * px[0] + 587 * px[1] + 114 * px[2]) < 128 * 1000 ? 1 : 0;
  }
  return k;
}

// ---- packing --------------------------------------------------------------------------------

int bits_for_levels(int levels) {
  switch (levels) {
    case 2:
      return 1;
    case 32:
      return 5;
    case 64:
      return 6;
    case 128:
      return 7;
    default:
      return 0;
  }
}

std::size_t exact_raw_size(int levels) {
  return static_cast<std::size_t>(kLines) * kLineBytes1 *
         static_cast<std::size_t>(bits_for_levels(levels));
}

std::size_t guide_raw_size(int levels) {
  return kGuidePixels * static_cast<std::size_t>(bits_for_levels(levels)) / 8;
}

Bytes pack_panel(const Panel& panel, RawSize size) {
  const int bits = bits_for_levels(panel.levels);
  if (bits == 0 || panel.values.size() < kPixels) return {};
  Bytes out(size == RawSize::guide ? guide_raw_size(panel.levels) : exact_raw_size(panel.levels),
            0);
  const std::uint32_t mask = (1U << bits) - 1U;
  std::uint64_t acc = 0;
  int acc_bits = 0;
  std::size_t pos = 0;
  for (int line = 0; line < kLines; ++line) {
    for (int dot = 0; dot < kDots; ++dot) {
      acc = (acc << bits) | (panel.values[card_index(line, dot)] & mask);
      acc_bits += bits;
      while (acc_bits >= 8) {
        acc_bits -= 8;
        out[pos++] = static_cast<std::uint8_t>(acc >> acc_bits);
      }
    }
  }
  return out;  // 648 * bits is a multiple of 8: every line ends on a byte boundary
}

hal::Result<Panel> unpack_panel(PanelKind kind, int levels, std::span<const std::uint8_t> data) {
  const int bits = bits_for_levels(levels);
  if (bits == 0) return invalid("bad_parameter", "unsupported level count");
  if (data.size() != exact_raw_size(levels) && data.size() != guide_raw_size(levels)) {
    return invalid("bad_size", "raw panel size matches neither the exact nor the guide size");
  }
  Panel p = blank_panel(kind, levels);
  const std::uint32_t mask = (1U << bits) - 1U;
  std::uint64_t acc = 0;
  int acc_bits = 0;
  std::size_t pos = 0;
  for (int line = 0; line < kLines; ++line) {
    for (int dot = 0; dot < kDots; ++dot) {
      while (acc_bits < bits) {
        acc = (acc << 8) | data[pos++];
        acc_bits += 8;
      }
      acc_bits -= bits;
      p.values[card_index(line, dot)] = static_cast<std::uint8_t>((acc >> acc_bits) & mask);
    }
  }
  return p;
}

Bytes compress_panel(const Panel& panel) {
  const Bytes raw = pack_panel(Panel{panel.kind, 2, panel.values}, RawSize::exact);
  Bytes out;
  if (raw.empty()) return out;
  out.reserve(kLines * 4);
  for (int line = 0; line < kLines; ++line) {
    const auto* bytes = raw.data() + static_cast<std::size_t>(line) * kLineBytes1;
    int count = kLineBytes1;
    while (count > 0 && bytes[count - 1] == 0) --count;
    out.push_back(static_cast<std::uint8_t>(count));
    out.insert(out.end(), bytes, bytes + count);
  }
  return out;
}

hal::Result<Panel> decompress_panel(PanelKind kind, std::span<const std::uint8_t> data) {
  Bytes raw(exact_raw_size(2), 0);
  std::size_t pos = 0;
  for (int line = 0; line < kLines && pos < data.size(); ++line) {
    const std::uint8_t count = data[pos++];
    auto* bytes = raw.data() + static_cast<std::size_t>(line) * kLineBytes1;
    if (count == 0xFF) {  // the Perl simulator's "full line"
      std::fill(bytes, bytes + kLineBytes1, std::uint8_t{0xFF});
      continue;
    }
    if (count > kLineBytes1) return invalid("bad_compression", "line count above 81");
    if (data.size() - pos < count) return invalid("bad_compression", "line cut short");
    std::copy_n(data.begin() + static_cast<std::ptrdiff_t>(pos), count, bytes);
    pos += count;
  }
  if (pos != data.size()) return invalid("bad_compression", "more than 1016 lines");
  return unpack_panel(kind, 2, raw);
}

// ---- commands -------------------------------------------------------------------------------

Bytes encode_command(std::string_view name, const std::vector<std::string>& params) {
  std::string text = "\x1b" + std::string(name);
  for (const auto& p : params) text += ";" + p;
  text += '\r';
  return Bytes(text.begin(), text.end());
}

Bytes encode_download(const Panel& panel, bool compressed, RawSize size) {
  const bool compress = compressed && panel.levels == 2;
  const Bytes data = compress ? compress_panel(panel) : pack_panel(panel, size);
  std::string head = std::string("\x1b") + (compress ? "Dbc;" : "Db;") +
                     std::string(to_string(panel.kind)) + ";" + std::to_string(panel.levels) + ";";
  if (compress) head += std::to_string(data.size()) + ";";
  Bytes out(head.begin(), head.end());
  out.insert(out.end(), data.begin(), data.end());
  out.push_back(kCr);
  return out;
}

namespace {

bool is_padding(std::uint8_t b) {
  return b == kNul || b == kCr;
}

// Whether `rest` (what follows a candidate end of raw data, after its CR) reads as commands:
// up to four text commands are checked, a download header ends the check, and the end of the
// bytes is plausible (the next command has not arrived yet). NULs are padding only at the end
// of the stream (after a job), CRs anywhere.
bool plausible_continuation(std::span<const std::uint8_t> rest) {
  std::size_t pos = 0;
  const std::size_t n = rest.size();
  for (int checked = 0; checked < 4; ++checked) {
    while (pos < n && rest[pos] == kCr) ++pos;
    if (std::all_of(rest.begin() + static_cast<std::ptrdiff_t>(pos), rest.end(),
                    [](std::uint8_t b) { return b == kNul; }))
      return true;
    if (rest[pos] == kEsc) ++pos;
    const std::size_t name = pos;
    while (pos < n && alpha(rest[pos]) && pos - name <= kMaxTextCommand) ++pos;
    if (pos == n) return true;
    if (pos == name || pos - name > kMaxTextCommand) return false;
    if (rest[pos] != ';' && rest[pos] != kCr) return false;
    const std::string_view word(reinterpret_cast<const char*>(rest.data()) + name, pos - name);
    if (word == "Db" || word == "Dbc") return true;
    while (pos < n && rest[pos] != kCr) {
      if (!printable(rest[pos]) || pos - name >= kMaxTextCommand) return false;
      ++pos;
    }
    if (pos == n) return true;
    ++pos;  // CR
  }
  return true;
}

// Reads "field;" from data[j..]; need-more as nullopt with ok, errors for bad bytes.
struct Field {
  std::string text;
  std::size_t next = 0;
};
hal::Result<std::optional<Field>> header_field(std::span<const std::uint8_t> data, std::size_t j) {
  const std::size_t start = j;
  while (j < data.size() && data[j] != ';' && j - start <= 8) {
    if (!printable(data[j])) return invalid("bad_command", "bad byte in download header");
    ++j;
  }
  if (j - start > 8) return invalid("bad_parameter", "download header field too long");
  if (j == data.size()) return std::optional<Field>{};
  return std::optional<Field>{Field{std::string(data.begin() + static_cast<std::ptrdiff_t>(start),
                                                data.begin() + static_cast<std::ptrdiff_t>(j)),
                                    j + 1}};
}

}  // namespace

hal::Result<ParseOutcome> parse_command(std::span<const std::uint8_t> data) {
  const std::size_t n = data.size();
  std::size_t skip = 0;
  while (skip < n && is_padding(data[skip])) ++skip;
  const ParseOutcome need_more{std::nullopt, skip};
  std::size_t pos = skip;
  if (pos == n) return need_more;
  if (data[pos] == kEsc) ++pos;
  std::size_t i = pos;
  while (i < n && alpha(data[i]) && i - pos <= kMaxTextCommand) ++i;
  if (i - pos > kMaxTextCommand) return invalid("bad_command", "command name too long");
  if (i == n) return need_more;
  if (i == pos) return invalid("bad_command", "command does not start with a name");
  Command cmd;
  cmd.name.assign(data.begin() + static_cast<std::ptrdiff_t>(pos),
                  data.begin() + static_cast<std::ptrdiff_t>(i));

  if (cmd.name == "Db" || cmd.name == "Dbc") {
    if (data[i] != ';') return invalid("bad_parameter", "download without panel and levels");
    // Header "panel;levels;" [Dbc: "count;"] then binary data.
    std::size_t j = i + 1;
    auto next_field = [&]() -> hal::Result<bool> {
      auto f = header_field(data, j);
      if (!f.ok()) return f.error();
      if (!f.value()) return false;
      cmd.params.push_back(std::move(f.value()->text));
      j = f.value()->next;
      return true;
    };
    for (int field = 0; field < 2; ++field) {
      auto got = next_field();
      if (!got.ok()) return got.error();
      if (!got.value()) return need_more;
    }
    const auto kind = panel_from_string(cmd.params[0]);
    const auto levels = parse_int(cmd.params[1]);
    if (!kind || !levels) return invalid("bad_parameter", "unknown panel or level count");
    if (is_colour(*kind) ? bits_for_levels(*levels) < 5 : *levels != 2) {
      return invalid("bad_parameter", "level count not valid for this panel");
    }
    if (cmd.name == "Dbc") {
      if (is_colour(*kind))
        return invalid("bad_parameter", "compressed download is for k and o only");
      auto got = next_field();
      if (!got.ok()) return got.error();
      if (!got.value()) return need_more;
    }
    const auto rest = data.subspan(j);
    if (cmd.name == "Dbc") {
      const auto count = parse_int(cmd.params[2]);
      if (!count || *count < 0 || static_cast<std::size_t>(*count) > kMaxCompressed)
        return invalid("bad_size", "compressed byte count out of range");
      const auto size = static_cast<std::size_t>(*count);
      if (rest.size() < size) return need_more;
      auto panel = decompress_panel(*kind, rest.first(size));
      if (!panel.ok()) return panel.error();
      cmd.panel = std::move(panel).value();
      // The CR after the data is optional; a missing one leaves the next ESC in place.
      const bool cr = rest.size() > size && rest[size] == kCr;
      return ParseOutcome{std::move(cmd), j + size + (cr ? 1 : 0)};
    }
    const std::size_t exact = exact_raw_size(*levels);
    const std::size_t guide = guide_raw_size(*levels);
    auto ends_at = [&](std::size_t size) {
      return rest.size() > size && rest[size] == kCr &&
             plausible_continuation(rest.subspan(size + 1));
    };
    std::size_t size;
    if (ends_at(guide)) {
      size = guide;
    } else if (ends_at(exact)) {
      size = exact;
    } else if (rest.size() > guide) {
      return invalid("bad_size", "raw panel not followed by CR and a command");
    } else {
      return need_more;
    }
    auto panel = unpack_panel(*kind, *levels, rest.first(size));
    if (!panel.ok()) return panel.error();
    cmd.panel = std::move(panel).value();
    return ParseOutcome{std::move(cmd), j + size + 1};
  }

  // Text command: parameters up to CR.
  std::size_t j = i;
  while (j < n && data[j] != kCr) {
    if (!printable(data[j])) return invalid("bad_command", "non-printable byte in command");
    if (j - pos >= kMaxTextCommand) return invalid("bad_command", "command too long");
    ++j;
  }
  if (j == n) return need_more;
  if (data[i] != ';' && data[i] != kCr) return invalid("bad_command", "bad separator");
  std::string_view tail(reinterpret_cast<const char*>(data.data()) + i, j - i);
  while (!tail.empty()) {
    tail.remove_prefix(1);  // ';'
    const auto next = tail.find(';');
    cmd.params.emplace_back(tail.substr(0, next));
    if (next == std::string_view::npos) break;
    tail.remove_prefix(next);
  }
  return ParseOutcome{std::move(cmd), j + 1};
}

// ---- jobs -----------------------------------------------------------------------------------

namespace {

hal::Status side_commands(const hal::CardSide& side, const JobOptions& options,
                          std::vector<Bytes>& out) {
  if (options.ribbon == hal::RibbonType::k) {
    auto k = separate_mono(side);
    if (!k.ok()) return k.error();
    out.push_back(encode_download(k.value(), options.compress_k_and_o, options.raw_size));
    return hal::Done{};
  }
  auto sep = separate_side(side, options.separation);
  if (!sep.ok()) return sep.error();
  const auto& s = sep.value();
  out.push_back(encode_download(s.y, false, options.raw_size));
  out.push_back(encode_download(s.m, false, options.raw_size));
  out.push_back(encode_download(s.c, false, options.raw_size));
  out.push_back(encode_download(s.k, options.compress_k_and_o, options.raw_size));
  out.push_back(encode_download(s.o, options.compress_k_and_o, options.raw_size));
  return hal::Done{};
}

}  // namespace

hal::Result<JobCommands> build_job(const hal::CardJob& job, const JobOptions& options) {
  if (!check_size(job.front.image) || (job.back && !check_size(job.back->image))) {
    return invalid("image_size", "card side must be 1016x648 RGB");
  }
  if (job.back && !options.duplex) {
    return make_error(CompletionCode::unsupported, "duplex", "printer cannot print the back");
  }
  JobCommands cmds;
  cmds.select_ribbon.push_back(
      encode_command("Pr", {options.ribbon == hal::RibbonType::k ? "k" : "ymcko"}));
  cmds.select_ribbon.push_back(encode_command("Pmi", {"F", "s"}));  // card from the feeder
  cmds.start.push_back(encode_command("Ss"));
  cmds.load.push_back(encode_command("Sr"));
  if (auto st = side_commands(job.front, options, cmds.front); !st.ok()) return st.error();
  if (job.back) {
    cmds.turn.push_back(encode_command("Sv"));
    if (auto st = side_commands(*job.back, options, cmds.back); !st.ok()) return st.error();
  }
  cmds.end.push_back(encode_command("Se"));
  return cmds;
}

Bytes flatten(const JobCommands& commands) {
  Bytes out;
  for (const auto* group : {&commands.select_ribbon, &commands.start, &commands.load,
                            &commands.front, &commands.turn, &commands.back, &commands.end}) {
    for (const auto& c : *group) out.insert(out.end(), c.begin(), c.end());
  }
  return out;
}

// ---- replies --------------------------------------------------------------------------------

namespace {

bool contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

char classify_error(std::string_view text) {
  if (contains(text, "COVER")) return 'C';
  if (contains(text, "FEEDER") || contains(text, "NO CARD")) return 'F';
  if (contains(text, "RIB")) return 'R';
  if (contains(text, "PARAM")) return '2';
  if (contains(text, "CMD") || contains(text, "COMMAND")) return '1';
  return 'T';
}

}  // namespace

hal::Result<Reply> parse_reply(std::string_view text) {
  if (text.empty() || text.size() > kMaxReply)
    return invalid("bad_reply", "empty or oversized reply");
  for (char ch : text) {
    if (!printable(static_cast<std::uint8_t>(ch)))
      return invalid("bad_reply", "non-printable reply");
  }
  Reply r;
  r.text = std::string(text);
  if (text.starts_with("ERR")) {
    r.ok = false;
    r.error_code = classify_error(text);
  }
  return r;
}

Bytes encode_reply(std::string_view text) {
  Bytes out(text.begin(), text.end());
  out.push_back(kCr);
  return out;
}

std::string_view error_text(char code) {
  switch (code) {
    case '1':
      return "ERR CMD";
    case '2':
      return "ERR PARAM";
    case 'C':
      return "ERR COVER OPEN";
    case 'F':
      return "ERR FEEDER EMPTY";
    case 'R':
      return "ERR RIBBON";
    default:
      return "ERR MECHANICAL";
  }
}

Bytes encode_error_reply(char code) {
  return encode_reply(error_text(code));
}

hal::DeviceError error_for_code(char code, bool card_jammed) {
  switch (code) {
    case '1':
      return make_error(CompletionCode::unsupported, "command_rejected",
                        "printer rejected the command");
    case '2':
      return make_error(CompletionCode::invalidData, "parameter_rejected",
                        "printer rejected a parameter");
    case 'T':
      return card_jammed
                 ? make_error(CompletionCode::hardwareError, "jam", "card jammed in the printer")
                 : make_error(CompletionCode::hardwareError, "mechanical",
                              "printer mechanical fault or timeout");
    case 'C':
      return make_error(CompletionCode::userError, "cover_open", "printer cover is open");
    case 'F':
      return make_error(CompletionCode::userError, "feeder_empty", "no blank cards in the feeder");
    case 'R':
      return make_error(CompletionCode::hardwareError, "ribbon_out", "ribbon ended or missing");
    default:
      return make_error(CompletionCode::invalidData, "bad_reply", "unknown error code");
  }
}

// ---- status ---------------------------------------------------------------------------------

std::optional<double> parse_volts(std::string_view text) {
  // "d,dd Volts": digits, a decimal comma or point, digits, then the unit.
  const auto space = text.find(' ');
  if (space == std::string_view::npos || text.substr(space + 1) != "Volts") return std::nullopt;
  const auto number = text.substr(0, space);
  const auto sep = number.find_first_of(",.");
  const auto whole = parse_int(number.substr(0, sep));
  if (!whole || *whole < 0 || *whole > 99) return std::nullopt;
  double value = *whole;
  if (sep != std::string_view::npos) {
    const auto frac = number.substr(sep + 1);
    if (frac.empty() || frac.size() > 3) return std::nullopt;
    const auto f = parse_int(frac);
    if (!f || *f < 0) return std::nullopt;
    double scale = 1;
    for (std::size_t k = 0; k < frac.size(); ++k) scale *= 10;
    value += *f / scale;
  }
  return value;
}

std::string format_volts(double volts) {
  const int centi = static_cast<int>(volts * 100 + 0.5);
  std::string frac = std::to_string(centi % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return std::to_string(centi / 100) + "," + frac + " Volts";
}

hal::Result<StatusReport> status_from_replies(const StatusReplies& replies,
                                              std::uint64_t ribbon_low) {
  auto volts = [](const std::string& text) { return parse_volts(text); };
  const auto bezel = volts(replies.bezel);
  const auto cover = volts(replies.cover);
  const auto feeder = volts(replies.feeder);
  const auto near_empty = volts(replies.near_empty);
  if (!bezel || !cover || !feeder || !near_empty)
    return invalid("bad_status", "sensor reading is not a voltage");
  StatusReport r;
  const std::string_view pos = replies.position;
  if (pos == "OK" || pos == "NO CARD") {
    r.card = *bezel >= kSensorOnVolts ? "in_mouth" : "none";
  } else if (pos == "CARD" || pos == "SMART CARD" || pos == "CONTACTLESS CARD") {
    r.card = "held";
  } else if (pos.starts_with("ERR")) {
    r.card = "jammed";
  } else {
    return invalid("bad_status", "unknown card position");
  }
  r.cover = *cover >= kSensorOnVolts ? "closed" : "open";
  r.feeder = *feeder < kSensorOnVolts ? "empty" : *near_empty >= kSensorOnVolts ? "low" : "ok";
  if (replies.ribbon.starts_with("ERR")) {
    r.ribbon = "out";  // "ERR RIB DETECTION": no ribbon
  } else {
    const auto left = parse_u64(replies.ribbon);
    if (!left) return invalid("bad_status", "ribbon count is not a number");
    r.ribbon_panels = *left;
    r.ribbon = *left == 0 ? "out" : *left < ribbon_low ? "low" : "ok";
  }
  const auto count = parse_u64(replies.counter);
  if (!count) return invalid("bad_status", "card counter is not a number");
  r.card_counter = *count;
  return r;
}

// ---- compositing ----------------------------------------------------------------------------

hal::RgbImage composite(const Panel* y, const Panel* m, const Panel* c, const Panel* k) {
  hal::RgbImage img(kWidth, kHeight, 0xFF);
  auto ink = [](const Panel* p, std::size_t i) -> int {
    if (p == nullptr || p->values.size() < kPixels || p->levels < 2) return 0;
    return p->values[i] * 255 / (p->levels - 1);
  };
  std::uint8_t* px = img.pixels.data();
  for (std::size_t i = 0; i < kPixels; ++i, px += 3) {
    if (k != nullptr && k->values.size() >= kPixels && k->values[i] != 0) {
      px[0] = px[1] = px[2] = 0;
      continue;
    }
    px[0] = static_cast<std::uint8_t>(255 - std::min(255, ink(c, i)));
    px[1] = static_cast<std::uint8_t>(255 - std::min(255, ink(m, i)));
    px[2] = static_cast<std::uint8_t>(255 - std::min(255, ink(y, i)));
  }
  return img;
}

namespace {

struct SidePanels {
  std::optional<Panel> y, m, c, k, o;
  std::vector<PanelKind> order;

  void put(Panel p) {
    order.push_back(p.kind);
    switch (p.kind) {
      case PanelKind::y:
        y = std::move(p);
        break;
      case PanelKind::m:
        m = std::move(p);
        break;
      case PanelKind::c:
        c = std::move(p);
        break;
      case PanelKind::k:
        k = std::move(p);
        break;
      case PanelKind::o:
        o = std::move(p);
        break;
    }
  }
  hal::RgbImage image() const {
    auto ptr = [](const std::optional<Panel>& p) { return p ? &*p : nullptr; };
    return composite(ptr(y), ptr(m), ptr(c), ptr(k));
  }
};

}  // namespace

hal::Result<DecodedCardJob> decode_card_job(std::span<const std::uint8_t> stream) {
  enum class Step { idle, started, front, back };
  Step step = Step::idle;
  DecodedCardJob out;
  SidePanels front;
  SidePanels back;
  bool turned = false;
  std::size_t pos = 0;
  while (pos < stream.size()) {
    auto parsed = parse_command(stream.subspan(pos));
    if (!parsed.ok()) return parsed.error();
    if (!parsed.value().command) {
      if (pos + parsed.value().consumed == stream.size()) break;  // trailing padding
      return invalid("truncated", "stream ends inside a command");
    }
    pos += parsed.value().consumed;
    Command& cmd = *parsed.value().command;
    if (cmd.name == "Pr") {
      if (cmd.params.size() != 1) return invalid("bad_parameter", "Pr needs one ribbon");
      if (cmd.params[0] == "ymcko")
        out.ribbon = hal::RibbonType::ymcko;
      else if (cmd.params[0] == "k")
        out.ribbon = hal::RibbonType::k;
      else
        return invalid("bad_parameter", "unknown ribbon");
    } else if (cmd.name == "Ss") {
      if (step != Step::idle) return invalid("sequence", "Ss inside a sequence");
      step = Step::started;
    } else if (cmd.name == "Sr") {
      if (step != Step::started) return invalid("sequence", "Sr without Ss");
      step = Step::front;
    } else if (cmd.name == "Sv") {
      if (step != Step::front) return invalid("sequence", "Sv before the front");
      step = Step::back;
      turned = true;
    } else if (cmd.name == "Db" || cmd.name == "Dbc") {
      if (step == Step::front)
        front.put(std::move(*cmd.panel));
      else if (step == Step::back)
        back.put(std::move(*cmd.panel));
      else
        return invalid("sequence", "download outside a card side");
    } else if (cmd.name == "Se") {
      if (step != Step::front && step != Step::back)
        return invalid("sequence", "Se without a card");
      out.ended = true;
      break;
    }
    // Anything else (R... reads, P... parameters) does not change the card.
  }
  if (step == Step::idle || step == Step::started)
    return invalid("no_card", "stream loads no card");
  if (!out.ended) return invalid("truncated", "stream ends before Se");
  out.front = front.image();
  out.front_panels = front.order;
  if (turned) {
    out.back = back.image();
    out.back_panels = back.order;
  }
  return out;
}

}  // namespace kiosk::drivers::card_printer
