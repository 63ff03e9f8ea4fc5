#pragma once
// ESC/POS for 80 mm thermal receipt printers (PROTOCOLS.md, "Receipt printer"): the bytes of a
// hal::Receipt, the real-time status request and its reply, and a parser that turns a byte
// stream back into typed operations (used by the emulator and the offline renderer).
// Pure: no I/O, no clock, no global state.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "hal/receipt_printer.hpp"
#include "hal/result.hpp"

namespace kiosk::drivers::receipt_printer {

using Bytes = std::vector<std::uint8_t>;

// Largest QR payload the driver sends (hal::ReceiptQr: "up to ~700 bytes"): at level M it
// needs version 21, 101 modules, which fits 576 dots at module size 5. Longer data fails with
// invalidData/"qr_too_long".
inline constexpr std::size_t kMaxQrDataBytes = 700;
// Printable width of 80 mm paper at 203 dpi.
inline constexpr int kDotsPerLine = 576;
// GS ( k store: pL pH = data length + 3 and the model-2 symbol holds at most 7089 bytes.
inline constexpr std::size_t kMaxQrStoreBytes = 7089;
// Dots fed before the cut so that the last line clears the cutter (GS V 66 n).
inline constexpr std::uint8_t kCutFeedDots = 24;

// ---- text conversion (glibc iconv) -------------------------------------------------------

// UTF-8 -> GB18030. Errors: invalidData/"unencodable_text" (invalid UTF-8).
hal::Result<Bytes> utf8_to_gb18030(std::string_view utf8);
// GB18030 -> UTF-8. Errors: invalidData/"bad_text" (invalid or incomplete sequence).
hal::Result<std::string> gb18030_to_utf8(std::span<const std::uint8_t> gb);

// ---- command builders (exact wire bytes) --------------------------------------------------

Bytes cmd_initialise();                     // 1B 40
Bytes cmd_bold(bool on);                    // 1B 45 n
Bytes cmd_underline(bool on);               // 1B 2D n (1 = one-dot underline)
Bytes cmd_align(hal::Align align);          // 1B 61 0|1|2
Bytes cmd_size(int width, int height);      // 1D 21 ((w-1)<<4 | (h-1)), scales clamped to 1..8
Bytes cmd_chinese_on();                     // 1C 26
Bytes cmd_chinese_off();                    // 1C 2E
Bytes cmd_feed_lines(int lines);            // 1B 64 n, clamped to 0..255
Bytes cmd_feed_and_cut(std::uint8_t dots);  // 1D 56 42 n
Bytes cmd_qr_model();                       // 1D 28 6B 04 00 31 41 32 00 (model 2)
Bytes cmd_qr_module_size(int dots);         // 1D 28 6B 03 00 31 43 n, clamped to 1..16
Bytes cmd_qr_error_level(char level);       // 1D 28 6B 03 00 31 45 30..33 for 'L' 'M' 'Q' 'H'
// 1D 28 6B pL pH 31 50 30 data, pL pH = size + 3. Errors: invalidData/"qr_too_long" above
// kMaxQrDataBytes, invalidData/"qr_empty" for no data.
hal::Result<Bytes> cmd_qr_store(std::string_view data);
Bytes cmd_qr_print();  // 1D 28 6B 03 00 31 51 30

// Smallest QR version (1..40) that holds `bytes` of byte-mode data at level M, 0 if none.
int qr_version_for(std::size_t bytes);
// `requested` clamped to 1..16 and reduced until the level-M symbol for `bytes` fits the
// paper width (a printer would clip a wider symbol and it would not scan).
int qr_fitting_module_size(std::size_t bytes, int requested);

// ---- receipts -------------------------------------------------------------------------------

// A receipt as whole commands, so that a sender may stop between segments without leaving
// the printer inside a half-sent command. `cut` is sent last.
struct EncodedReceipt {
  std::vector<Bytes> segments;  // initialise, then one segment per element
  Bytes cut;                    // feed and cut
  std::uint64_t lines = 0;      // text lines (after splitting at '\n') plus fed lines
  std::size_t size() const;     // total bytes, cut included
  Bytes flatten() const;        // segments then cut
};

// Every text element sets its own alignment, emphasis, underline and size, so elements do
// not depend on each other. Text with non-ASCII characters is sent in Chinese mode as GB18030;
// '\n' inside a text becomes a line break. Scales are clamped to 1..8; QR codes use level M
// and a module size that fits the paper (qr_fitting_module_size).
// Errors: invalidData/"unencodable_text" (invalid UTF-8, or control characters other than
// '\n'), invalidData/"qr_too_long", invalidData/"qr_empty".
hal::Result<EncodedReceipt> encode_receipt(const hal::Receipt& receipt);

// ---- real-time status (DLE EOT n) -----------------------------------------------------------

enum class StatusQuery : std::uint8_t { printer = 1, offlineCause = 2, errorCause = 3, paper = 4 };
inline constexpr StatusQuery kAllStatusQueries[] = {StatusQuery::printer, StatusQuery::offlineCause,
                                                    StatusQuery::errorCause, StatusQuery::paper};

Bytes cmd_status_request(StatusQuery query);  // 10 04 n

struct RealtimeStatus {
  bool offline = false;           // n=1 bit 3
  bool cover_open = false;        // n=2 bit 2
  bool paper_end_stop = false;    // n=2 bit 5: printing stopped because the paper ended
  bool error = false;             // n=2 bit 6
  bool cutter_error = false;      // n=3 bit 3
  bool unrecoverable = false;     // n=3 bit 5
  bool auto_recoverable = false;  // n=3 bit 6
  bool paper_near_end = false;    // n=4 bit 2 or 3
  bool paper_out = false;         // n=4 bit 5 or 6
  bool operator==(const RealtimeStatus&) const = default;
};

// Every status byte has bit 1 and bit 4 set and bits 0 and 7 clear (Epson's fixed bits); a
// byte that does not is not a status reply. Errors: invalidData/"bad_status".
hal::Status apply_status_byte(StatusQuery query, std::uint8_t byte, RealtimeStatus& status);

// The reply byte a printer in `status` sends to `query` (the emulator's side).
std::uint8_t make_status_byte(StatusQuery query, const RealtimeStatus& status);

// ---- in-order status, model, presenter, raster (docs/devices.md cites each) --------------

// GS r 1 (1D 72 01): "transmit status", paper sensors. Unlike DLE EOT it is executed in order,
// after what was sent before it has been printed: the reply confirms a job is done.
Bytes cmd_transmit_paper_status();
// The reply byte: bits 0-1 near end, bits 2-3 paper end; bit 4 is fixed 0 (DLE EOT replies
// have it 1, which tells the two apart) and bits 5-7 are 0.
bool is_paper_sensor_byte(std::uint8_t byte);
// Errors: invalidData/"bad_status" for a byte that is not a GS r 1 reply.
hal::Status apply_paper_sensor_byte(std::uint8_t byte, RealtimeStatus& status);
std::uint8_t make_paper_sensor_byte(const RealtimeStatus& status);

// GS I n (1D 49 n): printer information, in order. n = 0x43 (67) model name, 0x41 (65)
// firmware version; the reply is 0x5F, the text, NUL.
inline constexpr std::uint8_t kIdModelName = 0x43;
inline constexpr std::uint8_t kIdFirmware = 0x41;
Bytes cmd_printer_id(std::uint8_t n);
Bytes make_printer_id_reply(std::string_view text);
// Parses a complete reply (0x5F text NUL). Errors: invalidData/"bad_reply".
hal::Result<std::string> parse_printer_id_reply(std::span<const std::uint8_t> bytes);

// GS e n [m] (1D 65 n): the ticket presenter of kiosk printers (Custom command set): 2 retract
// the ticket into the printer, 5 eject it, 6 transmit the presenter status byte.
enum class PresenterAction : std::uint8_t { retract = 2, eject = 5, status = 6 };
Bytes cmd_presenter(PresenterAction action);
struct PresenterStatus {
  bool near_end = false;         // bit 0
  bool paper_present = true;     // bit 2
  bool ticket_in_mouth = false;  // bit 3: a ticket waits at the output
  bool error = false;            // bit 6
  bool jam = false;              // bit 7
  bool operator==(const PresenterStatus&) const = default;
};
std::uint8_t make_presenter_byte(const PresenterStatus& status);
PresenterStatus parse_presenter_byte(std::uint8_t byte);

// GS v 0 m xL xH yL yH d.. (1D 76 30): a raster image, `width_bytes` bytes (8 dots each, MSB
// left, 1 = ink) by `height` rows. Errors: invalidData/"bad_raster" (empty, wider than the
// paper, data size not width_bytes * height).
hal::Result<Bytes> cmd_raster(std::span<const std::uint8_t> bits, int width_bytes, int height);

// ---- stream parser --------------------------------------------------------------------------

namespace op {
struct Initialise {};
// Printable text in the attributes in force when it was received; ends at a line feed or at
// the next command. GB18030 decoded to UTF-8.
struct Text {
  std::string utf8;
  bool bold = false;
  bool underline = false;
  hal::Align align = hal::Align::left;
  int width_scale = 1;
  int height_scale = 1;
  bool chinese = false;
};
struct LineFeed {};  // 0A
struct Feed {
  int lines = 0;
};  // 1B 64 n
struct QrModuleSize {
  int dots = 3;
};
struct QrErrorLevel {
  char level = 'L';
};
struct QrStore {
  std::string data;
};
// Prints the stored symbol with the current module size, level and alignment.
struct QrPrint {
  int module_size = 3;
  char level = 'L';
  hal::Align align = hal::Align::left;
};
struct Cut {
  bool partial = false;
  int feed_dots = 0;
};
struct StatusRequest {
  StatusQuery query = StatusQuery::printer;
};
struct TransmitStatus {  // GS r n
  std::uint8_t n = 1;
};
struct PrinterId {  // GS I n
  std::uint8_t n = kIdModelName;
};
struct Presenter {  // GS e n [m]
  std::uint8_t n = 6;
  std::uint8_t m = 0;
};
struct Raster {  // GS v 0
  int width_bytes = 0;
  int height = 0;
  hal::Align align = hal::Align::left;
  std::vector<std::uint8_t> bits;
};
}  // namespace op

using Operation =
    std::variant<op::Initialise, op::Text, op::LineFeed, op::Feed, op::QrModuleSize,
                 op::QrErrorLevel, op::QrStore, op::QrPrint, op::Cut, op::StatusRequest,
                 op::TransmitStatus, op::PrinterId, op::Presenter, op::Raster>;

// Incremental ESC/POS parser: feed() bytes as they arrive, in any split; a command cut off at
// the end of one call is completed by the next. Mode changes (bold, align, size, Chinese,
// QR settings) are folded into the Text and QrPrint operations; ESC @ resets them.
// Errors (invalidData): "unknown_command", "bad_parameter", "bad_text", "qr_too_long",
// "truncated" (finish() with a command incomplete). After an error the parser is reset.
class StreamParser {
 public:
  hal::Result<std::vector<Operation>> feed(std::span<const std::uint8_t> bytes);
  // Flushes pending text; fails if a command is incomplete.
  hal::Result<std::vector<Operation>> finish();
  void reset();
  bool idle() const { return pending_.empty(); }

 private:
  struct Mode {
    bool bold = false;
    bool underline = false;
    hal::Align align = hal::Align::left;
    int width_scale = 1;
    int height_scale = 1;
    bool chinese = false;
    int qr_module = 3;
    char qr_level = 'L';
  };
  // Parses one command at pending_[pos]: >0 bytes used, 0 = needs more bytes.
  hal::Result<std::size_t> parse_command(std::size_t pos, std::vector<Operation>& out);
  hal::Status flush_text(std::vector<Operation>& out);

  Mode mode_;
  Bytes pending_;  // bytes not yet consumed
  Bytes text_;     // printable bytes of the current run
};

// Whole stream at once. Errors as StreamParser, "truncated" for an incomplete last command.
hal::Result<std::vector<Operation>> parse_stream(std::span<const std::uint8_t> bytes);

}  // namespace kiosk::drivers::receipt_printer
