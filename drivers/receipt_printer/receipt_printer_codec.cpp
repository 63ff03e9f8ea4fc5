#include "drivers/receipt_printer/receipt_printer_codec.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>

namespace kiosk::drivers::receipt_printer {
namespace {

constexpr std::uint8_t kLf = 0x0A;
constexpr std::uint8_t kCr = 0x0D;
constexpr std::uint8_t kDle = 0x10;
constexpr std::uint8_t kEsc = 0x1B;
constexpr std::uint8_t kFs = 0x1C;
constexpr std::uint8_t kGs = 0x1D;

hal::DeviceError invalid(std::string reason, std::string message) {
  return hal::make_error(hal::CompletionCode::invalidData, std::move(reason), std::move(message));
}

// One iconv conversion of a whole buffer; false on an invalid or incomplete sequence.
bool convert(const char* to, const char* from, std::span<const std::uint8_t> in, Bytes& out) {
  iconv_t cd = iconv_open(to, from);
  // iconv_open's failure value is (iconv_t)-1.
  if (cd == reinterpret_cast<iconv_t>(-1)) {  // NOLINT(performance-no-int-to-ptr)
    return false;
  }
  out.assign(in.size() * 4 + 8, 0);
  // iconv takes char** for historical reasons; it does not write through the input.
  char* in_ptr = const_cast<char*>(reinterpret_cast<const char*>(in.data()));
  std::size_t in_left = in.size();
  char* out_ptr = reinterpret_cast<char*>(out.data());
  std::size_t out_left = out.size();
  bool ok = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<std::size_t>(-1);
  // Flush any shift state (none for these encodings, but the contract asks for it).
  ok = ok && iconv(cd, nullptr, nullptr, &out_ptr, &out_left) != static_cast<std::size_t>(-1);
  iconv_close(cd);
  if (!ok || in_left != 0) {
    return false;
  }
  out.resize(out.size() - out_left);
  return true;
}

std::uint8_t align_byte(hal::Align align) {
  switch (align) {
    case hal::Align::center:
      return 1;
    case hal::Align::right:
      return 2;
    case hal::Align::left:
      break;
  }
  return 0;
}

Bytes qr_function(std::uint8_t fn, std::initializer_list<std::uint8_t> params) {
  const std::size_t len = params.size() + 2;
  Bytes b;
  b.reserve(7 + params.size());
  for (std::uint8_t x :
       {kGs, std::uint8_t{0x28}, std::uint8_t{0x6B}, static_cast<std::uint8_t>(len & 0xFF),
        static_cast<std::uint8_t>(len >> 8), std::uint8_t{0x31}, fn}) {
    b.push_back(x);
  }
  // Pushed one by one: GCC 12 reports a false -Warray-bounds on a range insert here.
  for (std::uint8_t x : params) {
    b.push_back(x);
  }
  return b;
}

void append(Bytes& to, const Bytes& from) {
  to.insert(to.end(), from.begin(), from.end());
}

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

// ---- text conversion ----------------------------------------------------------------------

hal::Result<Bytes> utf8_to_gb18030(std::string_view utf8) {
  Bytes out;
  const std::span<const std::uint8_t> in(reinterpret_cast<const std::uint8_t*>(utf8.data()),
                                         utf8.size());
  if (!convert("GB18030", "UTF-8", in, out)) {
    return invalid("unencodable_text", "text is not valid UTF-8 or has no GB18030 form");
  }
  return out;
}

hal::Result<std::string> gb18030_to_utf8(std::span<const std::uint8_t> gb) {
  Bytes out;
  if (!convert("UTF-8", "GB18030", gb, out)) {
    return invalid("bad_text", "text is not valid GB18030");
  }
  return std::string(out.begin(), out.end());
}

// ---- command builders ----------------------------------------------------------------------

Bytes cmd_initialise() {
  return {kEsc, 0x40};
}
Bytes cmd_bold(bool on) {
  return {kEsc, 0x45, static_cast<std::uint8_t>(on ? 1 : 0)};
}
Bytes cmd_underline(bool on) {
  return {kEsc, 0x2D, static_cast<std::uint8_t>(on ? 1 : 0)};
}
Bytes cmd_align(hal::Align align) {
  return {kEsc, 0x61, align_byte(align)};
}

Bytes cmd_size(int width, int height) {
  const int w = std::clamp(width, 1, 8) - 1;
  const int h = std::clamp(height, 1, 8) - 1;
  return {kGs, 0x21, static_cast<std::uint8_t>((w << 4) | h)};
}

Bytes cmd_chinese_on() {
  return {kFs, 0x26};
}
Bytes cmd_chinese_off() {
  return {kFs, 0x2E};
}
Bytes cmd_feed_lines(int lines) {
  return {kEsc, 0x64, static_cast<std::uint8_t>(std::clamp(lines, 0, 255))};
}
Bytes cmd_feed_and_cut(std::uint8_t dots) {
  return {kGs, 0x56, 0x42, dots};
}
Bytes cmd_qr_model() {
  return qr_function(0x41, {0x32, 0x00});
}
Bytes cmd_qr_module_size(int dots) {
  return qr_function(0x43, {static_cast<std::uint8_t>(std::clamp(dots, 1, 16))});
}

Bytes cmd_qr_error_level(char level) {
  std::uint8_t n = 0x30;
  if (level == 'M') {
    n = 0x31;
  }
  if (level == 'Q') {
    n = 0x32;
  }
  if (level == 'H') {
    n = 0x33;
  }
  return qr_function(0x45, {n});
}

hal::Result<Bytes> cmd_qr_store(std::string_view data) {
  if (data.empty()) {
    return invalid("qr_empty", "QR code has no data");
  }
  if (data.size() > kMaxQrDataBytes) {
    return invalid("qr_too_long", "QR data exceeds " + std::to_string(kMaxQrDataBytes) + " bytes");
  }
  const std::size_t len = data.size() + 3;
  Bytes b{
      kGs,  0x28, 0x6B, static_cast<std::uint8_t>(len & 0xFF), static_cast<std::uint8_t>(len >> 8),
      0x31, 0x50, 0x30};
  b.insert(b.end(), data.begin(), data.end());
  return b;
}

Bytes cmd_qr_print() {
  return qr_function(0x51, {0x30});
}

Bytes cmd_status_request(StatusQuery query) {
  return {kDle, 0x04, static_cast<std::uint8_t>(query)};
}

int qr_version_for(std::size_t bytes) {
  // ISO/IEC 18004 Table 7: byte-mode capacity at error correction level M, versions 1..40.
  static constexpr std::size_t kCapacityM[40] = {
      14,   26,   42,   62,   84,   106,  122,  152,  180,  213,  251,  287,  331,  362,
      412,  450,  504,  560,  624,  666,  711,  779,  857,  911,  997,  1059, 1125, 1190,
      1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331};
  for (int v = 0; v < 40; ++v) {
    if (bytes <= kCapacityM[v]) {
      return v + 1;
    }
  }
  return 0;
}

int qr_fitting_module_size(std::size_t bytes, int requested) {
  const int module = std::clamp(requested, 1, 16);
  const int version = qr_version_for(bytes);
  if (version == 0) {
    return 1;
  }
  const int modules = 17 + 4 * version;
  return std::max(1, std::min(module, kDotsPerLine / modules));
}

// ---- receipts ------------------------------------------------------------------------------

std::size_t EncodedReceipt::size() const {
  std::size_t n = cut.size();
  for (const auto& s : segments) {
    n += s.size();
  }
  return n;
}

Bytes EncodedReceipt::flatten() const {
  Bytes all;
  all.reserve(size());
  for (const auto& s : segments) {
    append(all, s);
  }
  append(all, cut);
  return all;
}

namespace {

hal::Result<Bytes> encode_text(const hal::ReceiptText& t, std::uint64_t& lines) {
  for (char c : t.text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n') || u == 0x7F) {
      return invalid("unencodable_text", "text holds a control character");
    }
  }
  Bytes b = cmd_align(t.align);
  append(b, cmd_bold(t.bold));
  append(b, cmd_underline(t.underline));
  append(b, cmd_size(t.width_scale, t.height_scale));
  std::string_view rest = t.text;
  while (true) {
    const std::size_t nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    if (has_non_ascii(line)) {
      auto gb = utf8_to_gb18030(line);
      if (!gb.ok()) {
        return gb.error();
      }
      append(b, cmd_chinese_on());
      append(b, gb.value());
      append(b, cmd_chinese_off());
    } else {
      b.insert(b.end(), line.begin(), line.end());
    }
    b.push_back(kLf);
    ++lines;
    if (nl == std::string_view::npos) {
      break;
    }
    rest.remove_prefix(nl + 1);
  }
  return b;
}

hal::Result<Bytes> encode_qr(const hal::ReceiptQr& qr) {
  auto store = cmd_qr_store(qr.data);
  if (!store.ok()) {
    return store.error();
  }
  Bytes b = cmd_align(qr.align);
  append(b, cmd_qr_model());
  append(b, cmd_qr_module_size(qr_fitting_module_size(qr.data.size(), qr.module_size)));
  append(b, cmd_qr_error_level('M'));
  append(b, store.value());
  append(b, cmd_qr_print());
  return b;
}

}  // namespace

hal::Result<EncodedReceipt> encode_receipt(const hal::Receipt& receipt) {
  EncodedReceipt out;
  out.segments.push_back(cmd_initialise());
  for (const auto& element : receipt.elements) {
    hal::Result<Bytes> seg = Bytes{};
    if (const auto* t = std::get_if<hal::ReceiptText>(&element)) {
      seg = encode_text(*t, out.lines);
    } else if (const auto* q = std::get_if<hal::ReceiptQr>(&element)) {
      seg = encode_qr(*q);
    } else if (const auto* f = std::get_if<hal::ReceiptFeed>(&element)) {
      const int n = std::clamp(f->lines, 0, 255);
      out.lines += static_cast<std::uint64_t>(n);
      seg = cmd_feed_lines(n);
    }
    if (!seg.ok()) {
      return seg.error();
    }
    out.segments.push_back(std::move(seg).value());
  }
  out.cut = cmd_feed_and_cut(kCutFeedDots);
  return out;
}

// ---- real-time status ----------------------------------------------------------------------

namespace {
constexpr std::uint8_t kFixedMask = 0x93;  // bits 0, 1, 4, 7
constexpr std::uint8_t kFixedBits = 0x12;  // bit 1 and bit 4 set
}  // namespace

hal::Status apply_status_byte(StatusQuery query, std::uint8_t byte, RealtimeStatus& s) {
  if ((byte & kFixedMask) != kFixedBits) {
    return invalid("bad_status", "reply is not a real-time status byte");
  }
  switch (query) {
    case StatusQuery::printer:
      s.offline = (byte & 0x08) != 0;
      break;
    case StatusQuery::offlineCause:
      s.cover_open = (byte & 0x04) != 0;
      s.paper_end_stop = (byte & 0x20) != 0;
      s.error = (byte & 0x40) != 0;
      break;
    case StatusQuery::errorCause:
      s.cutter_error = (byte & 0x08) != 0;
      s.unrecoverable = (byte & 0x20) != 0;
      s.auto_recoverable = (byte & 0x40) != 0;
      break;
    case StatusQuery::paper:
      // Printers set both bits of a pair; accept either (one sensor may be fitted).
      s.paper_near_end = (byte & 0x0C) != 0;
      s.paper_out = (byte & 0x60) != 0;
      break;
    default:
      return invalid("bad_parameter", "unknown status query");
  }
  return hal::Done{};
}

std::uint8_t make_status_byte(StatusQuery query, const RealtimeStatus& s) {
  std::uint8_t b = kFixedBits;
  auto set = [&b](bool on, std::uint8_t bits) {
    if (on) {
      b = static_cast<std::uint8_t>(b | bits);
    }
  };
  switch (query) {
    case StatusQuery::printer:
      set(s.offline, 0x08);
      break;
    case StatusQuery::offlineCause:
      set(s.cover_open, 0x04);
      set(s.paper_end_stop, 0x20);
      set(s.error, 0x40);
      break;
    case StatusQuery::errorCause:
      set(s.cutter_error, 0x08);
      set(s.unrecoverable, 0x20);
      set(s.auto_recoverable, 0x40);
      break;
    case StatusQuery::paper:
      set(s.paper_near_end, 0x0C);
      set(s.paper_out, 0x60);
      break;
  }
  return b;
}

// ---- stream parser -------------------------------------------------------------------------

void StreamParser::reset() {
  mode_ = Mode{};
  pending_.clear();
  text_.clear();
}

hal::Status StreamParser::flush_text(std::vector<Operation>& out) {
  if (text_.empty()) {
    return hal::Done{};
  }
  std::string utf8;
  if (std::all_of(text_.begin(), text_.end(), [](std::uint8_t b) { return b < 0x80; })) {
    utf8.assign(text_.begin(), text_.end());
  } else {
    // Outside Chinese mode a printer would use its code page; Chinese-market printers default
    // to GB18030, so decode it either way.
    auto decoded = gb18030_to_utf8(text_);
    if (!decoded.ok()) {
      return decoded.error();
    }
    utf8 = std::move(decoded).value();
  }
  text_.clear();
  out.push_back(op::Text{std::move(utf8), mode_.bold, mode_.underline, mode_.align,
                         mode_.width_scale, mode_.height_scale, mode_.chinese});
  return hal::Done{};
}

Bytes cmd_transmit_paper_status() {
  return {0x1D, 0x72, 0x01};
}

bool is_paper_sensor_byte(std::uint8_t byte) {
  return (byte & 0xF0) == 0;
}

hal::Status apply_paper_sensor_byte(std::uint8_t byte, RealtimeStatus& status) {
  if (!is_paper_sensor_byte(byte)) {
    return invalid("bad_status", "not a GS r paper sensor reply");
  }
  status.paper_near_end = (byte & 0x03) != 0;
  status.paper_out = (byte & 0x0C) != 0;
  return hal::Done{};
}

std::uint8_t make_paper_sensor_byte(const RealtimeStatus& status) {
  std::uint8_t b = 0;
  if (status.paper_near_end || status.paper_out) b |= 0x03;
  if (status.paper_out) b |= 0x0C;
  return b;
}

Bytes cmd_printer_id(std::uint8_t n) {
  return {0x1D, 0x49, n};
}

Bytes make_printer_id_reply(std::string_view text) {
  Bytes out{0x5F};
  out.insert(out.end(), text.begin(), text.end());
  out.push_back(0x00);
  return out;
}

hal::Result<std::string> parse_printer_id_reply(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < 2 || bytes.front() != 0x5F || bytes.back() != 0x00) {
    return invalid("bad_reply", "printer information reply is not 5F text 00");
  }
  std::string text;
  for (std::size_t i = 1; i + 1 < bytes.size(); ++i) {
    if (bytes[i] < 0x20 || bytes[i] > 0x7E) {
      return invalid("bad_reply", "printer information is not printable");
    }
    text.push_back(static_cast<char>(bytes[i]));
  }
  return text;
}

Bytes cmd_presenter(PresenterAction action) {
  return {0x1D, 0x65, static_cast<std::uint8_t>(action)};
}

std::uint8_t make_presenter_byte(const PresenterStatus& s) {
  return static_cast<std::uint8_t>((s.near_end ? 0x01 : 0) | (s.paper_present ? 0x04 : 0) |
                                   (s.ticket_in_mouth ? 0x08 : 0) | (s.error ? 0x40 : 0) |
                                   (s.jam ? 0x80 : 0));
}

PresenterStatus parse_presenter_byte(std::uint8_t b) {
  return PresenterStatus{(b & 0x01) != 0, (b & 0x04) != 0, (b & 0x08) != 0, (b & 0x40) != 0,
                         (b & 0x80) != 0};
}

hal::Result<Bytes> cmd_raster(std::span<const std::uint8_t> bits, int width_bytes, int height) {
  if (width_bytes <= 0 || height <= 0 || width_bytes * 8 > kDotsPerLine || height > 0xFFFF ||
      bits.size() != static_cast<std::size_t>(width_bytes) * static_cast<std::size_t>(height)) {
    return invalid("bad_raster", "raster size does not fit the paper or the data");
  }
  Bytes out{0x1D,
            0x76,
            0x30,
            0x00,
            static_cast<std::uint8_t>(width_bytes & 0xFF),
            static_cast<std::uint8_t>(width_bytes >> 8),
            static_cast<std::uint8_t>(height & 0xFF),
            static_cast<std::uint8_t>(height >> 8)};
  out.insert(out.end(), bits.begin(), bits.end());
  return out;
}

namespace {

bool align_from(std::uint8_t n, hal::Align& a) {
  if (n == 0 || n == 48) {
    a = hal::Align::left;
  } else if (n == 1 || n == 49) {
    a = hal::Align::center;
  } else if (n == 2 || n == 50) {
    a = hal::Align::right;
  } else {
    return false;
  }
  return true;
}

}  // namespace

hal::Result<std::size_t> StreamParser::parse_command(std::size_t pos, std::vector<Operation>& out) {
  const std::size_t avail = pending_.size() - pos;
  const std::uint8_t* p = pending_.data() + pos;
  auto bad = [](const char* what) { return invalid("bad_parameter", what); };
  auto unknown = [] { return invalid("unknown_command", "unsupported ESC/POS command"); };
  if (avail < 2) {
    return std::size_t{0};
  }
  const std::uint8_t lead = p[0];
  const std::uint8_t c = p[1];

  if (lead == kEsc) {
    if (c == 0x40) {
      mode_ = Mode{};
      out.emplace_back(op::Initialise{});
      return std::size_t{2};
    }
    if (c != 0x45 && c != 0x2D && c != 0x61 && c != 0x64) {
      return unknown();
    }
    if (avail < 3) {
      return std::size_t{0};
    }
    const std::uint8_t n = p[2];
    if (c == 0x45) {
      mode_.bold = (n & 1) != 0;
    } else if (c == 0x2D) {
      if (n > 2 && (n < 48 || n > 50)) {
        return bad("underline");
      }
      mode_.underline = (n % 48) != 0;
    } else if (c == 0x61) {
      if (!align_from(n, mode_.align)) {
        return bad("alignment");
      }
    } else {
      out.emplace_back(op::Feed{n});
    }
    return std::size_t{3};
  }

  if (lead == kFs) {
    if (c == 0x26) {
      mode_.chinese = true;
    } else if (c == 0x2E) {
      mode_.chinese = false;
    } else {
      return unknown();
    }
    return std::size_t{2};
  }

  if (lead == kDle) {
    if (c != 0x04) {
      return unknown();
    }
    if (avail < 3) {
      return std::size_t{0};
    }
    if (p[2] < 1 || p[2] > 4) {
      return bad("status query");
    }
    out.emplace_back(op::StatusRequest{static_cast<StatusQuery>(p[2])});
    return std::size_t{3};
  }

  // GS
  if (c == 0x21) {
    if (avail < 3) {
      return std::size_t{0};
    }
    if ((p[2] & 0x88) != 0) {
      return bad("character size");
    }
    mode_.width_scale = (p[2] >> 4) + 1;
    mode_.height_scale = (p[2] & 0x07) + 1;
    return std::size_t{3};
  }
  if (c == 0x56) {
    if (avail < 3) {
      return std::size_t{0};
    }
    const std::uint8_t m = p[2];
    if (m == 0 || m == 1 || m == 48 || m == 49) {
      out.emplace_back(op::Cut{m == 1 || m == 49, 0});
      return std::size_t{3};
    }
    if (m != 65 && m != 66) {
      return bad("cut mode");
    }
    if (avail < 4) {
      return std::size_t{0};
    }
    out.emplace_back(op::Cut{m == 66, p[3]});
    return std::size_t{4};
  }
  if (c == 0x72 || c == 0x49 || c == 0x65) {  // GS r n, GS I n, GS e n [m]
    if (avail < 3) {
      return std::size_t{0};
    }
    const std::uint8_t n = p[2];
    if (c == 0x72) {
      if (n != 1 && n != 2 && n != 49 && n != 50) {
        return bad("transmit status");
      }
      out.emplace_back(op::TransmitStatus{static_cast<std::uint8_t>(n & 0x0F)});
      return std::size_t{3};
    }
    if (c == 0x49) {
      if (!((n >= 1 && n <= 3) || (n >= 49 && n <= 51) || (n >= 65 && n <= 69))) {
        return bad("printer information");
      }
      out.emplace_back(op::PrinterId{n});
      return std::size_t{3};
    }
    if (n > 8) {
      return bad("presenter");
    }
    if (n == 3) {  // present the ticket with m steps
      if (avail < 4) {
        return std::size_t{0};
      }
      out.emplace_back(op::Presenter{n, p[3]});
      return std::size_t{4};
    }
    out.emplace_back(op::Presenter{n, 0});
    return std::size_t{3};
  }
  if (c == 0x76) {  // GS v 0 m xL xH yL yH data
    if (avail < 8) {
      return std::size_t{0};
    }
    if (p[2] != 0x30 || (p[3] > 3 && (p[3] < 48 || p[3] > 51))) {
      return bad("raster mode");
    }
    const int width = p[4] | (p[5] << 8);
    const int height = p[6] | (p[7] << 8);
    if (width == 0 || height == 0 || width * 8 > kDotsPerLine) {
      return bad("raster size");
    }
    const std::size_t size = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    if (avail < 8 + size) {
      return std::size_t{0};
    }
    out.emplace_back(op::Raster{width, height, mode_.align, Bytes(p + 8, p + 8 + size)});
    return 8 + size;
  }
  if (c != 0x28) {
    return unknown();
  }
  if (avail < 3) {
    return std::size_t{0};
  }
  if (p[2] != 0x6B) {
    return unknown();
  }
  if (avail < 5) {
    return std::size_t{0};
  }
  const std::size_t len = static_cast<std::size_t>(p[3]) | (static_cast<std::size_t>(p[4]) << 8);
  if (len < 3) {
    return bad("QR parameter length");
  }
  if (len > kMaxQrStoreBytes + 3) {
    return invalid("qr_too_long", "QR store exceeds the symbol capacity");
  }
  if (avail < 5 + len) {
    return std::size_t{0};
  }
  const std::uint8_t* q = p + 5;  // cn fn params
  if (q[0] != 0x31) {
    return unknown();
  }
  const std::uint8_t fn = q[1];
  switch (fn) {
    case 0x41:
      if (len != 4 || (q[2] != 0x31 && q[2] != 0x32) || q[3] != 0) {
        return bad("QR model");
      }
      break;
    case 0x43:
      if (len != 3 || q[2] < 1 || q[2] > 16) {
        return bad("QR module size");
      }
      mode_.qr_module = q[2];
      out.emplace_back(op::QrModuleSize{q[2]});
      break;
    case 0x45: {
      if (len != 3 || q[2] < 0x30 || q[2] > 0x33) {
        return bad("QR error level");
      }
      static constexpr char kLevels[] = {'L', 'M', 'Q', 'H'};
      mode_.qr_level = kLevels[q[2] - 0x30];
      out.emplace_back(op::QrErrorLevel{mode_.qr_level});
      break;
    }
    case 0x50:
      if (len == 3 || q[2] != 0x30) {
        return bad("QR store");
      }
      out.emplace_back(op::QrStore{std::string(q + 3, q + len)});
      break;
    case 0x51:
      if (len != 3 || q[2] != 0x30) {
        return bad("QR print");
      }
      out.emplace_back(op::QrPrint{mode_.qr_module, mode_.qr_level, mode_.align});
      break;
    default:
      return unknown();
  }
  return 5 + len;
}

hal::Result<std::vector<Operation>> StreamParser::feed(std::span<const std::uint8_t> bytes) {
  pending_.insert(pending_.end(), bytes.begin(), bytes.end());
  std::vector<Operation> out;
  std::size_t pos = 0;
  auto fail = [this](hal::DeviceError e) -> hal::Result<std::vector<Operation>> {
    reset();
    return e;
  };
  while (pos < pending_.size()) {
    const std::uint8_t b = pending_[pos];
    if (b >= 0x20) {
      text_.push_back(b);
      ++pos;
      continue;
    }
    if (b == kCr) {
      ++pos;
      continue;
    }
    if (b == kLf) {
      if (auto s = flush_text(out); !s.ok()) {
        return fail(s.error());
      }
      out.emplace_back(op::LineFeed{});
      ++pos;
      continue;
    }
    if (b != kEsc && b != kFs && b != kGs && b != kDle) {
      return fail(invalid("unknown_command", "unexpected control byte"));
    }
    // Text before a command is printed in the attributes in force before it.
    if (auto s = flush_text(out); !s.ok()) {
      return fail(s.error());
    }
    auto used = parse_command(pos, out);
    if (!used.ok()) {
      return fail(used.error());
    }
    if (used.value() == 0) {
      break;  // incomplete: wait for more bytes
    }
    pos += used.value();
  }
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(pos));
  return out;
}

hal::Result<std::vector<Operation>> StreamParser::finish() {
  if (!pending_.empty()) {
    reset();
    return invalid("truncated", "stream ends inside a command");
  }
  std::vector<Operation> out;
  if (auto s = flush_text(out); !s.ok()) {
    reset();
    return s.error();
  }
  return out;
}

hal::Result<std::vector<Operation>> parse_stream(std::span<const std::uint8_t> bytes) {
  StreamParser parser;
  auto ops = parser.feed(bytes);
  if (!ops.ok()) {
    return ops.error();
  }
  auto tail = parser.finish();
  if (!tail.ok()) {
    return tail.error();
  }
  auto all = std::move(ops).value();
  for (auto& o : tail.value()) {
    all.push_back(std::move(o));
  }
  return all;
}

}  // namespace kiosk::drivers::receipt_printer
