#pragma once
// The SAM frame protocol of resident ID card readers (GA 467 style): request and response
// frames, an incremental response parser, the SW3 status table and the read-reply body.
// Pure: no I/O, no clocks, no logging. PROTOCOLS.md ("Resident ID card reader") has the facts.
//
//   request:  AA AA AA 96 69 | LEN_H LEN_L | CMD PARA | data | CHK
//   response: AA AA AA 96 69 | LEN_H LEN_L | SW1 SW2 SW3 | data | CHK
// LEN counts every byte after the length bytes, CHK included; CHK is the XOR of LEN_H up to
// the last data byte.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "drivers/id_reader/hex_input.hpp"
#include "drivers/id_reader/id_text_block.hpp"
#include "hal/id_reader.hpp"
#include "hal/result.hpp"

namespace kiosk::drivers::id_reader {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::array<std::uint8_t, 5> kPreamble{0xAA, 0xAA, 0xAA, 0x96, 0x69};
inline constexpr std::size_t kHeaderSize = kPreamble.size() + 2;  // preamble + LEN
// The largest LEN a reader sends: a 30 10 reply with text, photo and a 1024-byte
// fingerprint is 2 314; anything above this is a corrupt length.
inline constexpr std::size_t kMaxLen = 4096;

// CMD PARA pairs.
struct Command {
  std::uint8_t cmd = 0;
  std::uint8_t para = 0;
  friend bool operator==(const Command&, const Command&) = default;
};
namespace cmd {
inline constexpr Command kSamStatus{0x11, 0xFF};
inline constexpr Command kReadSamId{0x12, 0xFF};
inline constexpr Command kResetSam{0x10, 0xFF};
inline constexpr Command kResetSamAlt{0x01, 0xFF};  // one source documents reset as 01 FF
inline constexpr Command kFindCard{0x20, 0x01};
inline constexpr Command kSelectCard{0x20, 0x02};
inline constexpr Command kReadTextPhoto{0x30, 0x01};
inline constexpr Command kReadWithFingerprint{0x30, 0x10};
inline constexpr Command kReadAppendedAddress{0x30, 0x03};
}  // namespace cmd

// Every SW3 code PROTOCOLS.md lists, plus `unknown` for anything else.
enum class Sw3 : std::uint8_t {
  ok = 0x90,
  cardFound = 0x9F,
  checksumError = 0x10,
  lengthError = 0x11,
  commandError = 0x21,
  notAuthorised = 0x23,
  unknownError = 0x24,
  cardToSamAuthFailed = 0x31,
  samToCardAuthFailed = 0x32,
  infoCheckFailed = 0x33,
  unknownCardType = 0x40,
  readFailed = 0x41,
  randomFailed = 0x47,
  samSelfTestFailed = 0x60,
  samNotAuthorised = 0x66,
  findCardFailed = 0x80,
  selectFailed = 0x81,
  noContent = 0x91,
  unknown = 0x00,
};

// What a SW3 code means for the caller. `code` is success for 90, 9F and 91 (91: the item
// has no content, e.g. no appended address).
struct Sw3Meaning {
  Sw3 status = Sw3::unknown;
  hal::CompletionCode code = hal::CompletionCode::hardwareError;
  std::string_view reason;
};
Sw3Meaning interpret_sw3(std::uint8_t sw3);
std::string_view to_string(Sw3 status);

// XOR of `bytes`.
std::uint8_t xor_checksum(std::span<const std::uint8_t> bytes);

// Wraps `payload` (CMD PARA data, or SW1 SW2 SW3 data) in preamble, LEN and CHK.
Bytes build_frame(std::span<const std::uint8_t> payload);
Bytes build_request(Command command, std::span<const std::uint8_t> data = {});
Bytes build_response(std::uint8_t sw3, std::span<const std::uint8_t> data = {},
                     std::uint8_t sw1 = 0, std::uint8_t sw2 = 0);

// The SAM id (the data of a 12 FF reply) in the form readers print and vendor tools show:
// "DD.DD-N-NNNNNNNNN-NNNNNNNNN" from data bytes 0 and 2 (two digits each) and the
// little-endian 32-bit numbers at 4, 8 and 12 (the last two zero-padded to 9 digits). Data
// shorter than 16 bytes is shown in hex.
std::string format_sam_id(std::span<const std::uint8_t> data);

// A frame's payload: the bytes between LEN and CHK.
struct RawFrame {
  Bytes payload;
};

struct ResponseFrame {
  std::uint8_t sw1 = 0;
  std::uint8_t sw2 = 0;
  std::uint8_t sw3 = 0;
  Bytes data;
};
struct RequestFrame {
  Command command;
  Bytes data;
};
// Errors: invalidData/"length" (payload too short for the kind of frame).
hal::Result<ResponseFrame> to_response(const RawFrame& frame);
hal::Result<RequestFrame> to_request(const RawFrame& frame);

// Whether `reply` can be the answer to `command`. The protocol has no sequence numbers: after
// a canceled or timed-out command its reply may still arrive, and it must not be taken for
// the next command's. Status codes that only one command produces (9F, 80 for find; 81 for
// select), and the size of a good reply's data, tell most stale replies apart; error codes
// any command can produce are always plausible.
bool plausible_reply(Command command, const ResponseFrame& reply);

// Turns a byte stream into frames, in either direction. Bytes before a preamble are skipped
// (and counted); a frame whose LEN is impossible or whose CHK is wrong is rejected with a
// typed error and the parser resynchronises on the next preamble. Memory is bounded.
class FrameParser {
 public:
  void feed(std::span<const std::uint8_t> bytes);

  // The next complete frame; std::nullopt if more bytes are needed.
  // Errors: invalidData/"checksum", invalidData/"length" (LEN < 3 or > kMaxLen).
  hal::Result<std::optional<RawFrame>> next();

  // True when the buffer starts with a preamble: a frame has begun and is not complete.
  bool frame_started() const;
  // Bytes held (a partial frame or a partial preamble).
  std::size_t buffered() const { return buf_.size() - start_; }
  // Bytes skipped while looking for a preamble, since construction or reset().
  std::size_t skipped() const { return skipped_; }
  void reset();

 private:
  void resync();
  void compact();

  Bytes buf_;
  std::size_t start_ = 0;  // consumed prefix of buf_
  std::size_t skipped_ = 0;
};

// Which read produced a reply body.
enum class ReadKind { textPhoto, withFingerprint };

// The body of a 30 01 / 30 10 reply, split but not yet decoded.
struct ReadReplyBody {
  ReadKind kind = ReadKind::textPhoto;
  std::span<const std::uint8_t> text;
  std::span<const std::uint8_t> photo;
  std::span<const std::uint8_t> fingerprint;
};
// Splits a read reply's data (after SW1-SW3). With `kind` unset it is guessed from the length
// fields: 4 bytes of lengths (30 01) or 6 (30 10). The text must be at least 256 bytes.
// Errors: invalidData/"length" (lengths disagree with the data), invalidData/"truncated".
hal::Result<ReadReplyBody> split_read_reply(std::span<const std::uint8_t> data,
                                            std::optional<ReadKind> kind = std::nullopt);

// Decodes a read reply's data into a card (text decoded, photo and fingerprint copied).
hal::Result<hal::IdCard> decode_read_reply(std::span<const std::uint8_t> data,
                                           std::optional<ReadKind> kind = std::nullopt);

// Decodes a complete 30 01 or 30 10 reply frame. Leading bytes before the preamble are
// skipped; if the bytes hold several frames (a capture), the first read reply is used.
// Errors: the parser's, the SW3 meaning of a failed reply, decode_read_reply's,
// invalidData/"truncated" (no complete frame).
hal::Result<hal::IdCard> decode_id_reply_frame(std::span<const std::uint8_t> frame);

// Encoders for emulators and tests: the data of a 30 01 / 30 10 reply for `card`.
// Errors: encode_id_text_block's; invalidData/"length" if photo/fingerprint exceed 64 KiB.
hal::Result<Bytes> encode_read_reply_data(const hal::IdCard& card, ReadKind kind);

// Appended address (30 03): the reply's data is UCS-2 text; an empty result means no content.
std::string decode_appended_address(std::span<const std::uint8_t> data);
hal::Result<Bytes> encode_appended_address(std::string_view address);

}  // namespace kiosk::drivers::id_reader
