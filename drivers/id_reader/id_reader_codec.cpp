#include "drivers/id_reader/id_reader_codec.hpp"

#include <algorithm>
#include <utility>

namespace kiosk::drivers::id_reader {
namespace {

using hal::CompletionCode;

hal::DeviceError invalid(std::string reason, std::string message) {
  return hal::make_error(CompletionCode::invalidData, std::move(reason), std::move(message));
}

std::size_t be16(std::span<const std::uint8_t> b, std::size_t at) {
  return static_cast<std::size_t>(b[at]) << 8 | b[at + 1];
}

void put_be16(Bytes& out, std::size_t v) {
  out.push_back(static_cast<std::uint8_t>((v >> 8) & 0xFF));
  out.push_back(static_cast<std::uint8_t>(v & 0xFF));
}

// A parser keeps at most this many bytes: one maximal frame and a little slack.
constexpr std::size_t kMaxBuffered = kHeaderSize + kMaxLen + 64;

}  // namespace

Sw3Meaning interpret_sw3(std::uint8_t sw3) {
  using C = CompletionCode;
  switch (static_cast<Sw3>(sw3)) {
    case Sw3::ok:
      return {Sw3::ok, C::success, "ok"};
    case Sw3::cardFound:
      return {Sw3::cardFound, C::success, "card_found"};
    case Sw3::noContent:
      return {Sw3::noContent, C::success, "no_content"};
    // The SAM could not read our request: a link problem, worth one resend.
    case Sw3::checksumError:
      return {Sw3::checksumError, C::invalidData, "checksum"};
    case Sw3::lengthError:
      return {Sw3::lengthError, C::invalidData, "length"};
    case Sw3::commandError:
      return {Sw3::commandError, C::unsupported, "command_error"};
    case Sw3::notAuthorised:
      return {Sw3::notAuthorised, C::hardwareError, "not_authorised"};
    case Sw3::unknownError:
      return {Sw3::unknownError, C::hardwareError, "unknown_error"};
    case Sw3::cardToSamAuthFailed:
      return {Sw3::cardToSamAuthFailed, C::hardwareError, "auth_failed"};
    case Sw3::samToCardAuthFailed:
      return {Sw3::samToCardAuthFailed, C::hardwareError, "auth_failed"};
    case Sw3::infoCheckFailed:
      return {Sw3::infoCheckFailed, C::hardwareError, "info_check_failed"};
    case Sw3::unknownCardType:
      return {Sw3::unknownCardType, C::invalidData, "unknown_card_type"};
    case Sw3::readFailed:
      return {Sw3::readFailed, C::hardwareError, "read_failed"};
    case Sw3::randomFailed:
      return {Sw3::randomFailed, C::hardwareError, "random_failed"};
    case Sw3::samSelfTestFailed:
      return {Sw3::samSelfTestFailed, C::hardwareError, "sam_failed"};
    case Sw3::samNotAuthorised:
      return {Sw3::samNotAuthorised, C::hardwareError, "sam_not_authorised"};
    case Sw3::findCardFailed:
      return {Sw3::findCardFailed, C::timeout, "no_card"};
    case Sw3::selectFailed:
      return {Sw3::selectFailed, C::userError, "select_failed"};
    case Sw3::unknown:
      break;
  }
  return {Sw3::unknown, C::hardwareError, "unknown_status"};
}

std::string_view to_string(Sw3 status) {
  switch (status) {
    case Sw3::ok:
      return "ok";
    case Sw3::cardFound:
      return "cardFound";
    case Sw3::checksumError:
      return "checksumError";
    case Sw3::lengthError:
      return "lengthError";
    case Sw3::commandError:
      return "commandError";
    case Sw3::notAuthorised:
      return "notAuthorised";
    case Sw3::unknownError:
      return "unknownError";
    case Sw3::cardToSamAuthFailed:
      return "cardToSamAuthFailed";
    case Sw3::samToCardAuthFailed:
      return "samToCardAuthFailed";
    case Sw3::infoCheckFailed:
      return "infoCheckFailed";
    case Sw3::unknownCardType:
      return "unknownCardType";
    case Sw3::readFailed:
      return "readFailed";
    case Sw3::randomFailed:
      return "randomFailed";
    case Sw3::samSelfTestFailed:
      return "samSelfTestFailed";
    case Sw3::samNotAuthorised:
      return "samNotAuthorised";
    case Sw3::findCardFailed:
      return "findCardFailed";
    case Sw3::selectFailed:
      return "selectFailed";
    case Sw3::noContent:
      return "noContent";
    case Sw3::unknown:
      return "unknown";
  }
  return "unknown";
}

std::uint8_t xor_checksum(std::span<const std::uint8_t> bytes) {
  std::uint8_t x = 0;
  for (auto b : bytes) x ^= b;
  return x;
}

Bytes build_frame(std::span<const std::uint8_t> payload) {
  Bytes out(kPreamble.begin(), kPreamble.end());
  out.reserve(kHeaderSize + payload.size() + 1);
  put_be16(out, payload.size() + 1);
  out.insert(out.end(), payload.begin(), payload.end());
  out.push_back(xor_checksum(std::span(out).subspan(kPreamble.size())));
  return out;
}

Bytes build_request(Command command, std::span<const std::uint8_t> data) {
  Bytes payload{command.cmd, command.para};
  payload.insert(payload.end(), data.begin(), data.end());
  return build_frame(payload);
}

Bytes build_response(std::uint8_t sw3, std::span<const std::uint8_t> data, std::uint8_t sw1,
                     std::uint8_t sw2) {
  Bytes payload{sw1, sw2, sw3};
  payload.insert(payload.end(), data.begin(), data.end());
  return build_frame(payload);
}

hal::Result<ResponseFrame> to_response(const RawFrame& frame) {
  if (frame.payload.size() < 3) return invalid("length", "response shorter than its status words");
  ResponseFrame r;
  r.sw1 = frame.payload[0];
  r.sw2 = frame.payload[1];
  r.sw3 = frame.payload[2];
  r.data.assign(frame.payload.begin() + 3, frame.payload.end());
  return r;
}

hal::Result<RequestFrame> to_request(const RawFrame& frame) {
  if (frame.payload.size() < 2) return invalid("length", "request shorter than its command");
  RequestFrame r;
  r.command = Command{frame.payload[0], frame.payload[1]};
  r.data.assign(frame.payload.begin() + 2, frame.payload.end());
  return r;
}

bool plausible_reply(Command command, const ResponseFrame& reply) {
  const bool read = command == cmd::kReadTextPhoto || command == cmd::kReadWithFingerprint;
  switch (static_cast<Sw3>(reply.sw3)) {
    case Sw3::cardFound:
    case Sw3::findCardFailed:
      return command == cmd::kFindCard;
    case Sw3::selectFailed:
      return command == cmd::kSelectCard;
    case Sw3::ok:
    case Sw3::noContent:
      break;
    default:
      return true;
  }
  const std::size_t n = reply.data.size();
  const bool read_sized = n >= 4 + kTextBlockSize;
  if (read) return read_sized;
  if (command == cmd::kReadAppendedAddress) return !read_sized;
  // Status, SAM id, reset, find and select answer a few bytes at most.
  return n <= 64;
}

// ---- FrameParser ----

void FrameParser::feed(std::span<const std::uint8_t> bytes) {
  compact();
  buf_.insert(buf_.end(), bytes.begin(), bytes.end());
  // Bound memory: without a frame start, only a possible partial preamble is worth keeping.
  if (buffered() > kMaxBuffered && !frame_started()) resync();
}

void FrameParser::reset() {
  buf_.clear();
  start_ = 0;
  skipped_ = 0;
}

void FrameParser::compact() {
  if (start_ == 0) return;
  buf_.erase(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(start_));
  start_ = 0;
}

bool FrameParser::frame_started() const {
  return buffered() >= kPreamble.size() &&
         std::equal(kPreamble.begin(), kPreamble.end(),
                    buf_.begin() + static_cast<std::ptrdiff_t>(start_));
}

// Moves start_ to the next preamble, or keeps only a tail that may be a preamble's prefix.
void FrameParser::resync() {
  const auto begin = buf_.begin() + static_cast<std::ptrdiff_t>(start_);
  const auto it = std::search(begin, buf_.end(), kPreamble.begin(), kPreamble.end());
  if (it != buf_.end()) {
    const auto skip = static_cast<std::size_t>(it - begin);
    skipped_ += skip;
    start_ += skip;
    return;
  }
  // Keep the longest tail that is a prefix of the preamble.
  std::size_t keep = std::min(buffered(), kPreamble.size() - 1);
  while (keep > 0 && !std::equal(buf_.end() - static_cast<std::ptrdiff_t>(keep), buf_.end(),
                                 kPreamble.begin())) {
    --keep;
  }
  const std::size_t skip = buffered() - keep;
  skipped_ += skip;
  start_ += skip;
}

hal::Result<std::optional<RawFrame>> FrameParser::next() {
  using Out = std::optional<RawFrame>;
  if (!frame_started()) resync();
  if (!frame_started() || buffered() < kHeaderSize) return Out{};
  const std::span<const std::uint8_t> view(buf_.data() + start_, buffered());
  const std::size_t len = be16(view, kPreamble.size());
  if (len < 3 || len > kMaxLen) {
    // Not a frame after all: drop this preamble's first byte and look for the next.
    start_ += 1;
    return invalid("length", "frame length is impossible");
  }
  if (view.size() < kHeaderSize + len) return Out{};
  const auto checked = view.subspan(kPreamble.size(), 2 + len - 1);
  const std::uint8_t chk = view[kHeaderSize + len - 1];
  if (xor_checksum(checked) != chk) {
    start_ += 1;
    return invalid("checksum", "frame checksum mismatch");
  }
  RawFrame frame;
  frame.payload.assign(view.begin() + kHeaderSize,
                       view.begin() + static_cast<std::ptrdiff_t>(kHeaderSize + len - 1));
  start_ += kHeaderSize + len;
  return Out{std::move(frame)};
}

// ---- read replies ----

hal::Result<ReadReplyBody> split_read_reply(std::span<const std::uint8_t> data,
                                            std::optional<ReadKind> kind) {
  const auto fits = [&](ReadKind k) {
    const std::size_t hdr = k == ReadKind::textPhoto ? 4 : 6;
    if (data.size() < hdr) return false;
    std::size_t total = hdr + be16(data, 0) + be16(data, 2);
    if (k == ReadKind::withFingerprint) total += be16(data, 4);
    return total == data.size();
  };
  if (!kind) {
    if (fits(ReadKind::textPhoto)) {
      kind = ReadKind::textPhoto;
    } else if (fits(ReadKind::withFingerprint)) {
      kind = ReadKind::withFingerprint;
    } else {
      return invalid(data.size() < 4 ? "truncated" : "length",
                     "read reply lengths disagree with its size");
    }
  }
  const std::size_t hdr = *kind == ReadKind::textPhoto ? 4 : 6;
  if (data.size() < hdr) return invalid("truncated", "read reply too short for its length fields");
  const std::size_t text_len = be16(data, 0);
  const std::size_t photo_len = be16(data, 2);
  const std::size_t fp_len = *kind == ReadKind::withFingerprint ? be16(data, 4) : 0;
  const std::size_t total = hdr + text_len + photo_len + fp_len;
  if (total > data.size()) return invalid("truncated", "read reply shorter than its length fields");
  if (total < data.size()) return invalid("length", "read reply longer than its length fields");
  if (text_len < kTextBlockSize) return invalid("length", "text block shorter than 256 bytes");
  ReadReplyBody body;
  body.kind = *kind;
  body.text = data.subspan(hdr, text_len);
  body.photo = data.subspan(hdr + text_len, photo_len);
  body.fingerprint = data.subspan(hdr + text_len + photo_len, fp_len);
  return body;
}

hal::Result<hal::IdCard> decode_read_reply(std::span<const std::uint8_t> data,
                                           std::optional<ReadKind> kind) {
  auto body = split_read_reply(data, kind);
  if (!body.ok()) return body.error();
  const auto& b = body.value();
  auto card = decode_id_text_block(b.text.first<kTextBlockSize>());
  if (!card.ok()) return card.error();
  card.value().photo_wlt.assign(b.photo.begin(), b.photo.end());
  card.value().fingerprint.assign(b.fingerprint.begin(), b.fingerprint.end());
  return card;
}

hal::Result<hal::IdCard> decode_id_reply_frame(std::span<const std::uint8_t> frame) {
  FrameParser parser;
  parser.feed(frame);
  std::optional<hal::DeviceError> first_error;
  for (;;) {
    auto next = parser.next();
    if (!next.ok()) {
      if (!first_error) first_error = next.error();
      continue;
    }
    if (!next.value()) break;
    auto resp = to_response(*next.value());
    if (!resp.ok()) continue;  // a request in a capture
    const auto& r = resp.value();
    const bool read_reply = r.sw1 == 0 && r.sw2 == 0 &&
                            r.sw3 == static_cast<std::uint8_t>(Sw3::ok) &&
                            r.data.size() >= 4 + kTextBlockSize;
    if (read_reply) return decode_read_reply(r.data);
    if (r.sw3 != static_cast<std::uint8_t>(Sw3::ok) &&
        r.sw3 != static_cast<std::uint8_t>(Sw3::cardFound)) {
      const auto m = interpret_sw3(r.sw3);
      if (!first_error)
        first_error = hal::make_error(m.code, std::string(m.reason), "reader reported a failure");
    }
  }
  if (first_error) return *first_error;
  if (parser.frame_started()) return invalid("truncated", "frame ends before its length");
  return invalid("truncated", "no read reply frame in the input");
}

hal::Result<Bytes> encode_read_reply_data(const hal::IdCard& card, ReadKind kind) {
  auto text = encode_id_text_block(card);
  if (!text.ok()) return text.error();
  if (card.photo_wlt.size() > 0xFFFF || card.fingerprint.size() > 0xFFFF) {
    return invalid("length", "photo or fingerprint too large for a length field");
  }
  Bytes out;
  put_be16(out, kTextBlockSize);
  put_be16(out, card.photo_wlt.size());
  if (kind == ReadKind::withFingerprint) put_be16(out, card.fingerprint.size());
  out.insert(out.end(), text.value().begin(), text.value().end());
  out.insert(out.end(), card.photo_wlt.begin(), card.photo_wlt.end());
  if (kind == ReadKind::withFingerprint)
    out.insert(out.end(), card.fingerprint.begin(), card.fingerprint.end());
  return out;
}

std::string decode_appended_address(std::span<const std::uint8_t> data) {
  return decode_field(data, 0, data.size());
}

hal::Result<Bytes> encode_appended_address(std::string_view address) {
  auto units = utf8_to_utf16(address);
  if (!units.ok()) return units.error();
  // One appended-address item is 70 bytes, like the address field, space padded.
  if (units.value().size() * 2 > 70) return invalid("field_too_long", "appended address too long");
  Bytes out;
  for (char16_t u : units.value()) {
    out.push_back(static_cast<std::uint8_t>(u & 0xFF));
    out.push_back(static_cast<std::uint8_t>(u >> 8));
  }
  while (out.size() < 70) {
    out.push_back(' ');
    out.push_back(0);
  }
  return out;
}

std::string format_sam_id(std::span<const std::uint8_t> data) {
  if (data.size() < 16) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string hex;
    for (std::uint8_t b : data) {
      hex.push_back(kHex[b >> 4]);
      hex.push_back(kHex[b & 0x0F]);
    }
    return hex;
  }
  auto le32 = [&](std::size_t at) {
    return static_cast<std::uint32_t>(data[at]) | (static_cast<std::uint32_t>(data[at + 1]) << 8) |
           (static_cast<std::uint32_t>(data[at + 2]) << 16) |
           (static_cast<std::uint32_t>(data[at + 3]) << 24);
  };
  auto padded = [](std::uint32_t v, std::size_t width) {
    std::string s = std::to_string(v);
    if (s.size() < width) s.insert(0, width - s.size(), '0');
    return s;
  };
  return padded(data[0], 2) + "." + padded(data[2], 2) + "-" + std::to_string(le32(4)) + "-" +
         padded(le32(8), 9) + "-" + padded(le32(12), 9);
}

}  // namespace kiosk::drivers::id_reader
