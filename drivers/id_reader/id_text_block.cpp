#include "drivers/id_reader/id_text_block.hpp"

#include <algorithm>
#include <vector>

namespace kiosk::drivers::id_reader {
namespace {

using hal::CompletionCode;

// Field positions (byte offset, byte length) in the text block, as in PROTOCOLS.md.
struct Field {
  std::size_t offset;
  std::size_t length;
};

namespace resident {
constexpr Field kName{0, 30};
constexpr Field kSex{30, 2};
constexpr Field kNation{32, 4};
constexpr Field kBirth{36, 16};
constexpr Field kAddress{52, 70};
constexpr Field kIdNumber{122, 36};
constexpr Field kAuthority{158, 30};
constexpr Field kValidFrom{188, 16};
constexpr Field kValidTo{204, 16};
}  // namespace resident

namespace foreign {
constexpr Field kName{0, 120};
constexpr Field kSex{120, 2};
constexpr Field kPrNumber{122, 30};
constexpr Field kNationality{152, 6};
constexpr Field kChineseName{158, 30};
constexpr Field kValidFrom{188, 16};
constexpr Field kValidTo{204, 16};
constexpr Field kBirth{220, 16};
constexpr Field kVersion{236, 4};
constexpr Field kAuthority{240, 8};
}  // namespace foreign

// Residence permit of Hong Kong, Macau and Taiwan residents ("J"): the resident layout with
// the nation field blank, plus the travel permit number and the issue count.
namespace hmt {
constexpr Field kPassNumber{220, 18};
constexpr Field kIssueCount{238, 4};
}  // namespace hmt

// The 2023 foreign permanent-residence card ("Y").
namespace foreign2023 {
constexpr Field kChineseName{0, 30};
constexpr Field kSex{30, 2};
constexpr Field kRenewals{32, 4};
constexpr Field kBirth{36, 16};
constexpr Field kEnglishName{52, 70};  // characters 1-35
constexpr Field kIdNumber{122, 36};
constexpr Field kValidFrom{188, 16};
constexpr Field kValidTo{204, 16};
constexpr Field kEnglishNameMore{220, 22};  // characters 36-46
constexpr Field kNationality{242, 6};
}  // namespace foreign2023

constexpr Field kCardType{248, 2};

// "长期" (long-term) as the card stores it.
constexpr std::string_view kLongTermWord = "\xE9\x95\xBF\xE6\x9C\x9F";
constexpr std::string_view kLongTerm = "long-term";

hal::DeviceError invalid(std::string reason, std::string message) {
  return hal::make_error(CompletionCode::invalidData, std::move(reason), std::move(message));
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

hal::Result<hal::Sex> decode_sex(std::string_view s) {
  if (s == "1") return hal::Sex::male;
  if (s == "2") return hal::Sex::female;
  // GB/T 2261.1: 0 unknown, 9 unspecified; a blank field is read the same way.
  if (s.empty() || s == "0" || s == "9") return hal::Sex::unspecified;
  return invalid("sex", "sex field holds an unknown code");
}

std::string encode_sex(hal::Sex sex) {
  switch (sex) {
    case hal::Sex::male:
      return "1";
    case hal::Sex::female:
      return "2";
    case hal::Sex::unspecified:
      return "9";
  }
  return "9";
}

// Writes `text` as UTF-16LE into the block at `field`, padding with spaces.
hal::Status put_field(TextBlock& block, Field field, std::string_view text) {
  auto units = utf8_to_utf16(text);
  if (!units.ok()) return units.error();
  if (units.value().size() * 2 > field.length) {
    return invalid("field_too_long", "a text field does not fit the card layout");
  }
  std::size_t pos = field.offset;
  for (char16_t u : units.value()) {
    block[pos++] = static_cast<std::uint8_t>(u & 0xFF);
    block[pos++] = static_cast<std::uint8_t>(u >> 8);
  }
  return hal::Done{};
}

hal::Result<std::string> decode_date_field(std::span<const std::uint8_t> block, Field f) {
  return card_date_to_iso(decode_field(block, f.offset, f.length));
}

hal::Result<hal::IdCard> decode_resident(std::span<const std::uint8_t> block) {
  using namespace resident;
  hal::IdCard card;
  card.type = hal::IdCardType::resident;
  card.name = decode_field(block, kName.offset, kName.length);
  auto sex = decode_sex(decode_field(block, kSex.offset, kSex.length));
  if (!sex.ok()) return sex.error();
  card.sex = sex.value();
  card.nation_code = decode_field(block, kNation.offset, kNation.length);
  auto birth = decode_date_field(block, kBirth);
  if (!birth.ok()) return birth.error();
  card.birth_date = std::move(birth).value();
  card.address = decode_field(block, kAddress.offset, kAddress.length);
  card.id_number = decode_field(block, kIdNumber.offset, kIdNumber.length);
  if (!id_number_valid(card.id_number)) {
    return invalid("id_check_character", "ID number fails its check character");
  }
  if (card.id_number.back() == 'x') card.id_number.back() = 'X';
  card.issuing_authority = decode_field(block, kAuthority.offset, kAuthority.length);
  auto from = decode_date_field(block, kValidFrom);
  if (!from.ok()) return from.error();
  card.valid_from = std::move(from).value();
  auto to = decode_date_field(block, kValidTo);
  if (!to.ok()) return to.error();
  card.valid_to = std::move(to).value();
  return card;
}

hal::Result<hal::IdCard> decode_foreign(std::span<const std::uint8_t> block) {
  using namespace foreign;
  hal::IdCard card;
  card.type = hal::IdCardType::foreignPermanent;
  card.name = decode_field(block, kName.offset, kName.length);
  auto sex = decode_sex(decode_field(block, kSex.offset, kSex.length));
  if (!sex.ok()) return sex.error();
  card.sex = sex.value();
  card.id_number = decode_field(block, kPrNumber.offset, kPrNumber.length);
  // This layout holds the 15-character number (3 letters, then digits); its own check
  // character is described by no source we have, so only its shape is checked. (The 2023
  // card with an 18-digit number uses another layout, not supported here.)
  if (card.id_number.empty())
    return invalid("id_check_character", "permanent-residence number is empty");
  const bool alnum = std::all_of(card.id_number.begin(), card.id_number.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  });
  if (!alnum)
    return invalid("id_check_character", "permanent-residence number has unexpected characters");
  card.nationality = decode_field(block, kNationality.offset, kNationality.length);
  card.chinese_name = decode_field(block, kChineseName.offset, kChineseName.length);
  auto from = decode_date_field(block, kValidFrom);
  if (!from.ok()) return from.error();
  card.valid_from = std::move(from).value();
  auto to = decode_date_field(block, kValidTo);
  if (!to.ok()) return to.error();
  card.valid_to = std::move(to).value();
  auto birth = decode_date_field(block, kBirth);
  if (!birth.ok()) return birth.error();
  card.birth_date = std::move(birth).value();
  card.card_version = decode_field(block, kVersion.offset, kVersion.length);
  card.issuing_authority = decode_field(block, kAuthority.offset, kAuthority.length);
  return card;
}

// "J": the resident layout (nation blank), the permit number and the issue count.
hal::Result<hal::IdCard> decode_hmt(std::span<const std::uint8_t> block) {
  auto card = decode_resident(block);
  if (!card.ok()) return card.error();
  card.value().type = hal::IdCardType::hkMacauTaiwanResident;
  card.value().nation_code.clear();
  card.value().pass_number = decode_field(block, hmt::kPassNumber.offset, hmt::kPassNumber.length);
  card.value().issue_count = decode_field(block, hmt::kIssueCount.offset, hmt::kIssueCount.length);
  return card;
}

hal::Result<hal::IdCard> decode_foreign2023(std::span<const std::uint8_t> block) {
  using namespace foreign2023;
  hal::IdCard card;
  card.type = hal::IdCardType::foreignPermanent;
  card.card_version = "2023";
  card.chinese_name = decode_field(block, kChineseName.offset, kChineseName.length);
  auto sex = decode_sex(decode_field(block, kSex.offset, kSex.length));
  if (!sex.ok()) return sex.error();
  card.sex = sex.value();
  card.issue_count = decode_field(block, kRenewals.offset, kRenewals.length);
  auto birth = decode_date_field(block, kBirth);
  if (!birth.ok()) return birth.error();
  card.birth_date = std::move(birth).value();
  // The English name runs over two fields; the first is full when the second is used.
  card.name = decode_field(block, kEnglishName.offset, kEnglishName.length);
  const auto more = decode_field(block, kEnglishNameMore.offset, kEnglishNameMore.length);
  if (!more.empty()) {
    card.name = utf16le_to_utf8(block.subspan(kEnglishName.offset, kEnglishName.length)) + more;
  }
  card.id_number = decode_field(block, kIdNumber.offset, kIdNumber.length);
  // 18 characters: 17 digits and a digit or X (the check character is not verified: the
  // sources do not say that it follows GB 11643).
  const bool shape = card.id_number.size() == 18 && all_digits(card.id_number.substr(0, 17)) &&
                     (all_digits(card.id_number.substr(17)) || card.id_number[17] == 'X');
  if (!shape) return invalid("id_check_character", "permanent-residence number is malformed");
  auto from = decode_date_field(block, kValidFrom);
  if (!from.ok()) return from.error();
  card.valid_from = std::move(from).value();
  auto to = decode_date_field(block, kValidTo);
  if (!to.ok()) return to.error();
  card.valid_to = std::move(to).value();
  card.nationality = decode_field(block, kNationality.offset, kNationality.length);
  return card;
}

}  // namespace

std::string utf16le_to_utf8(std::span<const std::uint8_t> bytes) {
  std::string out;
  out.reserve(bytes.size());
  const std::size_t n = bytes.size() / 2;
  for (std::size_t i = 0; i < n; ++i) {
    char32_t u = static_cast<char32_t>(bytes[2 * i] | (bytes[2 * i + 1] << 8));
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
      const char32_t low = static_cast<char32_t>(bytes[2 * i + 2] | (bytes[2 * i + 3] << 8));
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        ++i;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) u = 0xFFFD;
    append_utf8(out, u);
  }
  return out;
}

hal::Result<std::u16string> utf8_to_utf16(std::string_view utf8) {
  std::u16string out;
  std::size_t i = 0;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(utf8[k]); };
  while (i < utf8.size()) {
    const unsigned char c = byte(i);
    char32_t cp = 0;
    std::size_t extra = 0;
    if (c < 0x80) {
      cp = c;
    } else if ((c & 0xE0) == 0xC0) {
      cp = c & 0x1F;
      extra = 1;
    } else if ((c & 0xF0) == 0xE0) {
      cp = c & 0x0F;
      extra = 2;
    } else if ((c & 0xF8) == 0xF0) {
      cp = c & 0x07;
      extra = 3;
    } else {
      return invalid("utf8", "malformed UTF-8");
    }
    if (i + extra >= utf8.size() && extra > 0) return invalid("utf8", "truncated UTF-8");
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return invalid("utf8", "malformed UTF-8");
      cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    i += extra + 1;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return invalid("utf8", "malformed UTF-8");
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

std::string decode_field(std::span<const std::uint8_t> block, std::size_t offset,
                         std::size_t length) {
  if (offset >= block.size()) return {};
  length = std::min(length, block.size() - offset);
  std::string s = utf16le_to_utf8(block.subspan(offset, length));
  // Cards pad with spaces; some writers pad with NULs or ideographic spaces (U+3000).
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\0')) {
      s.pop_back();
    } else if (s.size() >= 3 && std::string_view(s).substr(s.size() - 3) == kIdeographicSpace) {
      s.resize(s.size() - 3);
    } else {
      break;
    }
  }
  const auto first = s.find_first_not_of(' ');
  return first == std::string::npos ? std::string{} : s.substr(first);
}

char id_check_character(std::string_view first17) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr std::string_view kCheck = "10X98765432";
  if (first17.size() < 17 || !all_digits(first17.substr(0, 17))) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheck[static_cast<std::size_t>(sum % 11)];
}

bool id_number_valid(std::string_view id) {
  if (id.size() != 18) return false;
  const char expected = id_check_character(id.substr(0, 17));
  if (expected == '\0') return false;
  const char got = id[17] == 'x' ? 'X' : id[17];
  return got == expected;
}

hal::Result<std::string> card_date_to_iso(std::string_view d) {
  if (d == kLongTermWord) return std::string(kLongTerm);
  if (d.size() != 8 || !all_digits(d)) return invalid("date_format", "date is not YYYYMMDD");
  const int month = (d[4] - '0') * 10 + (d[5] - '0');
  const int day = (d[6] - '0') * 10 + (d[7] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return invalid("date_format", "date out of range");
  std::string out;
  out.reserve(10);
  out.append(d.substr(0, 4)).append("-").append(d.substr(4, 2)).append("-").append(d.substr(6, 2));
  return out;
}

hal::Result<std::string> iso_date_to_card(std::string_view iso) {
  if (iso == kLongTerm) return std::string(kLongTermWord);
  std::string digits;
  if (iso.size() == 10 && iso[4] == '-' && iso[7] == '-') {
    digits.append(iso.substr(0, 4)).append(iso.substr(5, 2)).append(iso.substr(8, 2));
  } else {
    digits = std::string(iso);
  }
  auto check = card_date_to_iso(digits);
  if (!check.ok()) return check.error();
  return digits;
}

hal::Result<hal::IdCard> decode_id_text_block(std::span<const std::uint8_t, kTextBlockSize> block) {
  const std::uint8_t t0 = block[kCardType.offset];
  const std::uint8_t t1 = block[kCardType.offset + 1];
  if (t1 == 0x00 && t0 == 'I') return decode_foreign(block);
  if (t1 == 0x00 && t0 == 'J') return decode_hmt(block);
  if (t1 == 0x00 && t0 == 'Y') return decode_foreign2023(block);
  if (t1 == 0x00 && (t0 == ' ' || t0 == 0x00)) return decode_resident(block);
  return invalid("unknown_card_type",
                 "card type code is not a resident or permanent-residence card");
}

hal::Result<TextBlock> encode_id_text_block(const hal::IdCard& card) {
  TextBlock block{};
  for (std::size_t i = 0; i < block.size(); i += 2) {
    block[i] = ' ';
    block[i + 1] = 0x00;
  }
  const auto put_date = [&](Field f, std::string_view iso) -> hal::Status {
    auto d = iso_date_to_card(iso);
    if (!d.ok()) return d.error();
    return put_field(block, f, d.value());
  };
  // Every field is written; the first failure, if any, is returned.
  std::vector<hal::Status> steps;
  if (card.type == hal::IdCardType::hkMacauTaiwanResident) {
    using namespace resident;
    steps = {put_field(block, kName, card.name),
             put_field(block, kSex, encode_sex(card.sex)),
             put_date(kBirth, card.birth_date),
             put_field(block, kAddress, card.address),
             put_field(block, kIdNumber, card.id_number),
             put_field(block, kAuthority, card.issuing_authority),
             put_date(kValidFrom, card.valid_from),
             put_date(kValidTo, card.valid_to),
             put_field(block, hmt::kPassNumber, card.pass_number),
             put_field(block, hmt::kIssueCount, card.issue_count),
             put_field(block, kCardType, "J")};
  } else if (card.type == hal::IdCardType::foreignPermanent && card.card_version == "2023") {
    using namespace foreign2023;
    // The English name fills the first field (35 characters), then the second.
    auto name = utf8_to_utf16(card.name);
    if (!name.ok()) return name.error();
    const std::u16string& n = name.value();
    const std::size_t first = std::min<std::size_t>(n.size(), kEnglishName.length / 2);
    auto to_utf8 = [](std::u16string_view units) {
      std::vector<std::uint8_t> le;
      for (char16_t u : units) {
        le.push_back(static_cast<std::uint8_t>(u & 0xFF));
        le.push_back(static_cast<std::uint8_t>(u >> 8));
      }
      return utf16le_to_utf8(le);
    };
    steps = {put_field(block, kChineseName, card.chinese_name),
             put_field(block, kSex, encode_sex(card.sex)),
             put_field(block, kRenewals, card.issue_count),
             put_date(kBirth, card.birth_date),
             put_field(block, kEnglishName, to_utf8(std::u16string_view(n).substr(0, first))),
             put_field(block, kEnglishNameMore, to_utf8(std::u16string_view(n).substr(first))),
             put_field(block, kIdNumber, card.id_number),
             put_date(kValidFrom, card.valid_from),
             put_date(kValidTo, card.valid_to),
             put_field(block, kNationality, card.nationality),
             put_field(block, kCardType, "Y")};
  } else if (card.type == hal::IdCardType::resident) {
    using namespace resident;
    steps = {put_field(block, kName, card.name),
             put_field(block, kSex, encode_sex(card.sex)),
             put_field(block, kNation, card.nation_code),
             put_date(kBirth, card.birth_date),
             put_field(block, kAddress, card.address),
             put_field(block, kIdNumber, card.id_number),
             put_field(block, kAuthority, card.issuing_authority),
             put_date(kValidFrom, card.valid_from),
             put_date(kValidTo, card.valid_to)};
  } else {
    using namespace foreign;
    steps = {put_field(block, kName, card.name),
             put_field(block, kSex, encode_sex(card.sex)),
             put_field(block, kPrNumber, card.id_number),
             put_field(block, kNationality, card.nationality),
             put_field(block, kChineseName, card.chinese_name),
             put_date(kValidFrom, card.valid_from),
             put_date(kValidTo, card.valid_to),
             put_date(kBirth, card.birth_date),
             put_field(block, kVersion, card.card_version),
             put_field(block, kAuthority, card.issuing_authority),
             put_field(block, kCardType, "I")};
  }
  for (const auto& s : steps) {
    if (!s.ok()) return s.error();
  }
  return block;
}

}  // namespace kiosk::drivers::id_reader
