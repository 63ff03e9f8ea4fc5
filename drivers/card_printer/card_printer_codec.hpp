#pragma once
// Pure codec of the Evolis card-printer command set (PROTOCOLS.md, "Card printer"): panel
// separation of an RGB card side, panel packing and compression, command framing, reply and
// status parsing, and an offline decoder that turns a host->printer byte stream back into the
// card it would print. No I/O; every parser of outside bytes returns a typed error.
//
// Wire format as implemented here (our reading of the Evolis programming guide):
//  * Command: ESC name {';' param} CR, e.g. "\x1bPr;ymcko\r". The ESC is optional on input
//    (the guide allows omitting it after a CR). Text commands are at most kMaxTextCommand bytes.
//  * Download: ESC "Db;" panel ';' levels ';' data CR (raw) or ESC "Dbc;" panel ';' 2 ';' data CR
//    (compressed, k and o only). panel is y|m|c|k|o; levels 2 (k, o) or 32|64|128 (y, m, c).
//  * Raw packing: 648 rows top to bottom, each 1016 pixels left to right; each pixel a value of
//    `bits` = log2(levels) bits (1, 5, 6, 7), concatenated MSB first with no padding between
//    pixels. 1016 * bits is a multiple of 8, so every row starts on a byte boundary and a row is
//    127 * bits bytes. A value is ink density: 0 = no ink, levels-1 = full ink (for o: 1 =
//    varnish). Exact size = 648 * 127 * bits bytes (82 296 for 2 levels, 411 480 for 32).
//    The guide lists larger sizes (84 624 / 423 120 / 507 744 / 592 368, i.e. 676 992 pixels):
//    the parser accepts both; in the guide size the image is followed by padding bytes which
//    are ignored. The encoder writes the guide size by default (a printer that follows the
//    guide reads that many bytes) with zero padding. A padded download must not have 0x0D as
//    its first padding byte (that is read as the end of an exact-size download).
//  * Compression (k, o): per row of 127 packed bytes: 0x00 = row empty, 0xFF = row full, else
//    n (1..127) followed by the first n bytes of the row (the rest is empty).
//  * Replies: ASCII text ending in CR. "OK" or a value for read commands; "ERR;<c>" with c one
//    of 1 (unknown command), 2 (bad parameter), T (timeout/mechanical), C (cover open),
//    F (feeder empty), R (ribbon problem).
//  * Status (our choice, in the style of the guide's R commands): "Rse" answers
//    "ribbon=ok|low|out;feeder=ok|low|empty;cover=closed|open;card=none|in_mouth|jammed|held;
//    panels=<ribbon panels left>;cards=<blank cards left>;count=<cards printed>".
//    "Rlr" answers the last card result: "OK", "NO CARD" or "ERR CARD".
//    "Rfv" / "Rsn" answer firmware version / serial number.
//  * Job (one card): Pr;<ribbon>  Ss  Sr  Db.. (front)  [Sv  Db.. (back)]  Se. "Sr" loads a card
//    and selects the front (recto), "Sv" turns the card to the back (verso), "Se" ends the
//    sequence and ejects the card to the mouth. The guide's monochrome example also has "Sv"
//    before "Se" with no back download: we send "Sv" only when the job has a back, and the
//    decoder/emulator accept a "Sv" without download (blank back). "Ser" ejects the card in
//    the printer to the reject bin.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hal/card_printer.hpp"
#include "hal/image.hpp"
#include "hal/result.hpp"

namespace kiosk::drivers::card_printer {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::uint8_t kEsc = 0x1B;
inline constexpr std::uint8_t kCr = 0x0D;
inline constexpr int kWidth = hal::kCardWidthDots;
inline constexpr int kHeight = hal::kCardHeightDots;
inline constexpr std::size_t kPixels = static_cast<std::size_t>(kWidth) * kHeight;
inline constexpr std::size_t kMaxTextCommand = 64;
inline constexpr std::size_t kMaxReply = 256;
inline constexpr int kColourLevels = 32;

enum class PanelKind { y, m, c, k, o };
std::string_view to_string(PanelKind kind);
std::optional<PanelKind> panel_from_string(std::string_view s);

// One ribbon panel of one card side: a value per pixel, row-major, 0 = no ink.
struct Panel {
  PanelKind kind = PanelKind::k;
  int levels = 2;                    // 2, 32, 64 or 128
  std::vector<std::uint8_t> values;  // kPixels values in [0, levels)
};

struct SeparatedSide {
  Panel y, m, c, k, o;
};

// Tuning of the colour separation.
struct SeparationOptions {
  int colour_levels = kColourLevels;  // 32, 64 or 128
  // A pixel is "near-pure black" (moved to k when the side has no black_regions) when all of
  // R, G and B are at most this.
  int black_threshold = 40;
  // Total-ink limit for C+M+Y (in 0..765): above it the grey component is reduced equally
  // (under-colour removal without black substitution, since k is 2-level resin).
  int total_ink_limit = 612;
};

// Splits a 1016x648 side into y, m, c (colour_levels), k and o (2 levels). Pixels that go to k
// are removed from y, m, c (no colour ink under resin). Errors: invalidData/"image_size".
hal::Result<SeparatedSide> separate_side(const hal::CardSide& side,
                                         const SeparationOptions& options = {});

// Monochrome (k ribbon): k = pixels darker than mid-grey. Errors: invalidData/"image_size".
hal::Result<Panel> separate_mono(const hal::CardSide& side);

// Bits per pixel for a level count, or 0 if the count is not 2/32/64/128.
int bits_for_levels(int levels);
// Sizes of a raw download.
std::size_t exact_raw_size(int levels);
std::size_t guide_raw_size(int levels);

enum class RawSize { guide, exact };

Bytes pack_panel(const Panel& panel, RawSize size = RawSize::guide);
// Errors: invalidData/"bad_size" when data is not an exact or guide size for `levels`.
hal::Result<Panel> unpack_panel(PanelKind kind, int levels, std::span<const std::uint8_t> data);

// k/o compression. compress_panel requires levels == 2.
Bytes compress_panel(const Panel& panel);
// Decompresses 648 rows from the front of `data`. Returns the panel and the bytes used, or
// nullopt-with-no-error when `data` ends before the last row (need more bytes).
// Errors: invalidData/"bad_compression".
struct Decompressed {
  Panel panel;
  std::size_t used = 0;
};
hal::Result<std::optional<Decompressed>> decompress_panel(PanelKind kind,
                                                          std::span<const std::uint8_t> data);

// ---- commands -------------------------------------------------------------------------------
Bytes encode_command(std::string_view name, const std::vector<std::string>& params = {});
Bytes encode_download(const Panel& panel, bool compressed, RawSize size = RawSize::guide);

// One command parsed from host bytes.
struct Command {
  std::string name;                 // "Pr", "Ss", "Db", "Dbc", "Rse", ...
  std::vector<std::string> params;  // text parameters (for downloads: panel, levels)
  std::optional<Panel> panel;       // downloads only
};

struct ParseOutcome {
  std::optional<Command> command;  // nullopt: need more bytes
  std::size_t consumed = 0;        // bytes of the input this command used
};
// Parses the first command of `data`. Errors: invalidData with reason "bad_command" (framing,
// oversized text), "bad_parameter" (unknown panel, bad level count), "bad_size",
// "bad_compression".
hal::Result<ParseOutcome> parse_command(std::span<const std::uint8_t> data);

// ---- job building ---------------------------------------------------------------------------
struct JobOptions {
  hal::RibbonType ribbon = hal::RibbonType::ymcko;
  bool duplex = true;            // if false, a job with a back fails with unsupported
  bool compress_k_and_o = true;  // Dbc for k and o (Db for y, m, c always)
  RawSize raw_size = RawSize::guide;
  SeparationOptions separation;
};

// The commands of one card, in order; each is sent and answered on its own.
struct JobCommands {
  std::vector<Bytes> select_ribbon;  // Pr
  std::vector<Bytes> start;          // Ss
  std::vector<Bytes> load;           // Sr
  std::vector<Bytes> front;          // downloads
  std::vector<Bytes> turn;           // Sv (empty when no back)
  std::vector<Bytes> back;           // downloads
  std::vector<Bytes> end;            // Se
};
// Errors: invalidData/"image_size", unsupported/"duplex".
hal::Result<JobCommands> build_job(const hal::CardJob& job, const JobOptions& options = {});
// All commands of build_job() concatenated: what the printer receives for one card.
Bytes flatten(const JobCommands& commands);

// ---- replies --------------------------------------------------------------------------------
struct Reply {
  bool ok = true;
  char error_code = 0;  // when !ok: '1', '2', 'T', 'C', 'F', 'R'
  std::string text;     // without the CR
};
// Parses one reply (without its CR). Errors: invalidData/"bad_reply" (non-printable bytes,
// empty, oversized, unknown error code).
hal::Result<Reply> parse_reply(std::string_view text);
Bytes encode_reply(std::string_view text);  // appends CR
Bytes encode_error_reply(char code);        // "ERR;<c>\r"

// The DeviceError for an ERR code. `card_jammed` decides whether 'T' means a jam or another
// mechanical fault (the driver learns it from the status that follows).
hal::DeviceError error_for_code(char code, bool card_jammed = false);

struct StatusReport {
  std::string ribbon = "ok";  // ok | low | out
  std::string feeder = "ok";  // ok | low | empty
  std::string cover = "closed";
  // none | in_mouth | jammed | held (a card inside the printer: printing, or left by an
  // aborted job until Ser rejects it)
  std::string card = "none";
  std::uint64_t ribbon_panels = 0;
  std::uint64_t blank_cards = 0;
  std::uint64_t card_counter = 0;
};
// Errors: invalidData/"bad_status" (missing keys, unknown values, bad numbers).
hal::Result<StatusReport> parse_status(std::string_view text);
std::string format_status(const StatusReport& report);

// ---- compositing and offline decoding ---------------------------------------------------------
// The side as it would look printed: white card, y/m/c subtract, k on top, o not shown.
// Missing panels (nullptr) print nothing.
hal::RgbImage composite(const Panel* y, const Panel* m, const Panel* c, const Panel* k);

struct DecodedCardJob {
  hal::RibbonType ribbon = hal::RibbonType::ymcko;
  hal::RgbImage front;
  std::optional<hal::RgbImage> back;
  std::vector<PanelKind> front_panels;  // in download order
  std::vector<PanelKind> back_panels;
  bool ended = false;  // the stream closed the card with Se
};

// Decodes the first card of a host->printer stream. Status and parameter commands other than
// Pr are skipped. Errors: invalidData with "truncated", "bad_command", "bad_parameter",
// "bad_size", "bad_compression", "sequence" (download outside Sr/Sv, Ss missing), "no_card".
hal::Result<DecodedCardJob> decode_card_job(std::span<const std::uint8_t> stream);

}  // namespace kiosk::drivers::card_printer
