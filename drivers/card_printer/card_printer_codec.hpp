#pragma once
// Pure codec of the Evolis card-printer command set (PROTOCOLS.md, "Card printer"): panel
// separation of an RGB card side, panel packing and compression, command framing, reply and
// status parsing, and an offline decoder that turns a host->printer byte stream back into the
// card it would print. No I/O; every parser of outside bytes returns a typed error.
//
// Wire format (docs/devices.md cites the source of each point):
//  * Command: [NUL/CR padding] ESC name {';' param} CR, e.g. "\x1bPr;ymcko\r". The ESC may be
//    omitted after a CR (programming guide A5013 rev. E, "Communication protocol"). NUL and CR
//    bytes between commands are padding (the vendor's Windows driver ends a job with NULs).
//  * Panel geometry: the printer takes a panel as 1016 lines of 648 dots, the card held
//    portrait, a line running across the card's short side. Panel::values stay in the card's
//    landscape order (1016 x 648, row-major); on the wire line L is card column L and dot d is
//    card row 647 - d (the landscape picture turned 90 degrees clockwise, what the public Perl
//    driver does with `pnmflip -rotate270`). A 2-level line is 81 bytes, MSB first, 1 = ink.
//  * Raw download: ESC "Db;" panel ';' levels ';' data CR. data = 1016 lines of 648 values of
//    log2(levels) bits (1, 5, 6, 7), MSB first; exact size 1016 * 81 * bits bytes. The guide
//    lists larger sizes (84 624 / 423 120 / 507 744 / 592 368): both are accepted and the
//    reader decides by what follows the data (a CR and then a plausible next command or the
//    end of the stream), never by a CR inside the data alone.
//  * Compressed download (what the vendor's Windows driver sends, k and o):
//    ESC "Dbc;" panel ";2;" BYTECOUNT ';' data [CR]. BYTECOUNT is the length of data; data is
//    1016 lines, each a count byte n (0..81) and n bytes, the rest of the line blank. A reader
//    also takes 0xFF as a full line (the public Perl simulator's reading).
//  * Replies: ASCII text ending in CR: "OK" or a value; an error starts with "ERR" (e.g.
//    "ERR RIB DETECTION"). The error's cause is classified from its words and confirmed by the
//    driver from the sensors it reads right after.
//  * Status (as field software reads it): "Rlr;p" card position ("OK" none, "CARD",
//    "SMART CARD", "CONTACTLESS CARD"; "ERR CARD" for a jammed card); "Rse;<sensor>" sensor
//    voltages "d,dd Volts" (b bezel/mouth, o cover, f feeder, n feeder near empty);
//    "Rrt;count" ribbon remaining ("ERR RIB DETECTION" without a ribbon), "Rrt;qty" its
//    capacity; "Rco;c" cards printed; "Rfv" / "Rsn" firmware and serial number. "Pem;2" at
//    open hands error handling to the host.
//  * Job (one card): Pr;<ribbon> Pmi;F;s Ss Sr Db.. (front) [Sv Db.. (back)] Se. "Se" ends the
//    sequence: the card is printed and ejected to the mouth (allow it 60 s or more). Readers
//    also accept "Se;<p>", settings they do not act on (Pc, Pdt, Mr, Ppws, ...) and padding.
//    "Ser" ejects the card in the printer to the reject bin.

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
inline constexpr int kLines = kWidth;   // 1016 lines per panel on the wire
inline constexpr int kDots = kHeight;   // 648 dots per line
inline constexpr int kLineBytes1 = 81;  // one line of a 2-level panel
inline constexpr std::uint8_t kNul = 0x00;
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

// Wire order (1016 lines x 648 dots, see above), zero padded to the guide size if asked.
Bytes pack_panel(const Panel& panel, RawSize size = RawSize::exact);
// Errors: invalidData/"bad_size" when data is not an exact or guide size for `levels`.
hal::Result<Panel> unpack_panel(PanelKind kind, int levels, std::span<const std::uint8_t> data);

// k/o compression (the data of a Dbc download, without its header). Requires levels == 2.
Bytes compress_panel(const Panel& panel);
// Decompresses exactly `data` (BYTECOUNT bytes). Errors: invalidData/"bad_compression" (a
// count above 81, a line cut short, more than 1016 lines).
hal::Result<Panel> decompress_panel(PanelKind kind, std::span<const std::uint8_t> data);

// ---- commands -------------------------------------------------------------------------------
Bytes encode_command(std::string_view name, const std::vector<std::string>& params = {});
Bytes encode_download(const Panel& panel, bool compressed, RawSize size = RawSize::exact);

// One command parsed from host bytes.
struct Command {
  std::string name;                 // "Pr", "Ss", "Db", "Dbc", "Rse", ...
  std::vector<std::string> params;  // text parameters (downloads: panel, levels[, count])
  std::optional<Panel> panel;       // downloads only
};

struct ParseOutcome {
  std::optional<Command> command;  // nullopt: need more bytes (consumed may skip padding)
  std::size_t consumed = 0;        // bytes of the input this command used, padding included
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
  RawSize raw_size = RawSize::exact;
  SeparationOptions separation;
};

// The commands of one card, in order; each is sent and answered on its own.
struct JobCommands {
  std::vector<Bytes> select_ribbon;  // Pr, Pmi (card insertion from the feeder)
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
  // when !ok, the cause read from the error's words: '1' command, '2' parameter, 'C' cover
  // open, 'F' feeder empty, 'R' ribbon, 'T' mechanical / timeout / anything else.
  char error_code = 0;
  std::string text;  // without the CR
};
// Parses one reply (without its CR). Errors: invalidData/"bad_reply" (non-printable bytes,
// empty, oversized).
hal::Result<Reply> parse_reply(std::string_view text);
Bytes encode_reply(std::string_view text);  // appends CR
// The error text the emulator sends for a cause ("ERR COVER OPEN", "ERR RIBBON", ...).
std::string_view error_text(char code);
Bytes encode_error_reply(char code);  // error_text(code) + CR

// The DeviceError for an error cause. `card_jammed` decides whether 'T' means a jam or another
// mechanical fault (the driver learns it from the status that follows).
hal::DeviceError error_for_code(char code, bool card_jammed = false);

// ---- status ---------------------------------------------------------------------------------
// The queries of one status read, in the order sent, and their answers.
struct StatusReplies {
  std::string position;    // Rlr;p
  std::string bezel;       // Rse;b
  std::string cover;       // Rse;o
  std::string feeder;      // Rse;f
  std::string near_empty;  // Rse;n
  std::string ribbon;      // Rrt;count
  std::string counter;     // Rco;c
};
struct StatusQuery {
  std::string_view name;
  std::string_view param;
  std::string StatusReplies::*answer;
};
inline const std::array<StatusQuery, 7> kStatusQueries{{
    {"Rlr", "p", &StatusReplies::position},
    {"Rse", "b", &StatusReplies::bezel},
    {"Rse", "o", &StatusReplies::cover},
    {"Rse", "f", &StatusReplies::feeder},
    {"Rse", "n", &StatusReplies::near_empty},
    {"Rrt", "count", &StatusReplies::ribbon},
    {"Rco", "c", &StatusReplies::counter},
}};
// A sensor voltage: "5,00 Volts" (the printer's decimal comma) or "0.17 Volts".
std::optional<double> parse_volts(std::string_view text);
std::string format_volts(double volts);  // "4,95 Volts"
// A sensor at or above this voltage is "on" (card at the bezel, cover closed, cards in the
// feeder, feeder near empty).
inline constexpr double kSensorOnVolts = 1.0;

struct StatusReport {
  std::string ribbon = "ok";  // ok | low | out
  std::string feeder = "ok";  // ok | low | empty
  std::string cover = "closed";
  // none | in_mouth | jammed | held (a card inside the printer: printing, or left by an
  // aborted job until Ser rejects it)
  std::string card = "none";
  std::uint64_t ribbon_panels = 0;  // Rrt;count
  std::uint64_t card_counter = 0;   // Rco;c
};
// Errors: invalidData/"bad_status" (an unknown position, a reading that is not a voltage or a
// number).
hal::Result<StatusReport> status_from_replies(const StatusReplies& replies,
                                              std::uint64_t ribbon_low = 50);

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
