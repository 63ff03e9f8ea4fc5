#include "drivers/id_reader/id_text_block.hpp"

#include <catch2/catch.hpp>

#include "tests/drivers/id_reader/sample_cards.hpp"

using namespace kiosk;
using namespace kiosk::drivers::id_reader;

namespace {

// An ID number with its correct check character.
std::string id_reader_test_id(const std::string& first17) {
  return first17 + kiosk::drivers::id_reader::id_check_character(first17);
}

// Writes `text` (ASCII or UTF-8) as UCS-2 LE at `offset`, space-padding `length` bytes.
void put(TextBlock& block, std::size_t offset, std::string_view text, std::size_t length = 0) {
  auto u = utf8_to_utf16(text);
  REQUIRE(u.ok());
  for (std::size_t i = offset; i < offset + length; i += 2) {
    block[i] = ' ';
    block[i + 1] = 0;
  }
  for (char16_t c : u.value()) {
    block[offset++] = static_cast<std::uint8_t>(c & 0xFF);
    block[offset++] = static_cast<std::uint8_t>(c >> 8);
  }
}

TextBlock spaces() {
  TextBlock b{};
  for (std::size_t i = 0; i < b.size(); i += 2) b[i] = ' ';
  return b;
}

}  // namespace

TEST_CASE("the check character follows GB 11643", "[id_reader][codec]") {
  // Sum of weights over 11010519491231002 is 167; 167 mod 11 = 2 -> 'X'.
  CHECK(id_check_character("11010519491231002") == 'X');
  CHECK(id_number_valid("11010519491231002X"));
  CHECK(id_number_valid("11010519491231002x"));
  CHECK_FALSE(id_number_valid("110105194912310021"));
  CHECK_FALSE(id_number_valid("1101051949123100"));
  CHECK_FALSE(id_number_valid("1101051949123100AX"));
  CHECK(id_check_character("1101051949123100A") == '\0');
  // Every remainder maps to its character: change the last digit through 0..9.
  for (char d = '0'; d <= '9'; ++d) {
    std::string first17 = "4403051988101008";
    first17.push_back(d);
    const char c = id_check_character(first17);
    CHECK(std::string_view("10X98765432").find(c) != std::string_view::npos);
    CHECK(id_number_valid(first17 + c));
  }
}

TEST_CASE("UCS-2 text converts to UTF-8 and back", "[id_reader][codec]") {
  auto u = utf8_to_utf16("测试 A·é");
  REQUIRE(u.ok());
  CHECK(u.value() == std::u16string{u'测', u'试', u' ', u'A', u'·', u'é'});
  std::vector<std::uint8_t> le;
  for (char16_t c : u.value()) {
    le.push_back(static_cast<std::uint8_t>(c & 0xFF));
    le.push_back(static_cast<std::uint8_t>(c >> 8));
  }
  CHECK(utf16le_to_utf8(le) == "测试 A·é");
  // Surrogate pairs, lone surrogates and an odd byte are handled without failing.
  CHECK(utf16le_to_utf8(std::vector<std::uint8_t>{0x3D, 0xD8, 0x00, 0xDE}) == "\xF0\x9F\x98\x80");
  CHECK(utf16le_to_utf8(std::vector<std::uint8_t>{0x00, 0xD8, 0x41}) == "\xEF\xBF\xBD");
  CHECK_FALSE(utf8_to_utf16("\xE6\xB5").ok());
  CHECK_FALSE(utf8_to_utf16("\xFF").ok());
}

TEST_CASE("dates become ISO and the long-term word becomes long-term", "[id_reader][codec]") {
  CHECK(card_date_to_iso("20360520").value() == "2036-05-20");
  CHECK(card_date_to_iso("长期").value() == "long-term");
  CHECK(card_date_to_iso("2036052").error().reason == "date_format");
  CHECK(card_date_to_iso("20361320").error().reason == "date_format");
  CHECK(card_date_to_iso("2036O520").error().code == hal::CompletionCode::invalidData);
  CHECK(iso_date_to_card("2036-05-20").value() == "20360520");
  CHECK(iso_date_to_card("long-term").value() == "长期");
}

TEST_CASE("a resident text block decodes field by field as the layout table says",
          "[id_reader][codec]") {
  TextBlock b = spaces();
  const std::string id = test::with_check("11010819860520002");
  put(b, 0, "测试样例");
  put(b, 30, "2");
  put(b, 32, "01");
  put(b, 36, "19860520");
  put(b, 52, "北京市海淀区测试路100号");
  put(b, 122, id);
  put(b, 158, "北京市公安局海淀分局");
  put(b, 188, "20160520");
  put(b, 204, "20360520");
  auto card = decode_id_text_block(b);
  REQUIRE(card.ok());
  const auto& c = card.value();
  CHECK(c.type == hal::IdCardType::resident);
  CHECK(c.name == "测试样例");
  CHECK(c.sex == hal::Sex::female);
  CHECK(c.nation_code == "01");
  CHECK(c.birth_date == "1986-05-20");
  CHECK(c.address == "北京市海淀区测试路100号");
  CHECK(c.id_number == id);
  CHECK(c.issuing_authority == "北京市公安局海淀分局");
  CHECK(c.valid_from == "2016-05-20");
  CHECK(c.valid_to == "2036-05-20");
  CHECK(c.chinese_name.empty());
  CHECK(c.nationality.empty());

  SECTION("sex 1 is male") {
    put(b, 30, "1");
    CHECK(decode_id_text_block(b).value().sex == hal::Sex::male);
  }
  SECTION("a long-term card reads valid_to as long-term") {
    put(b, 204, "长期", 16);
    CHECK(decode_id_text_block(b).value().valid_to == "long-term");
  }
  SECTION("a lower-case x check character is accepted and normalised") {
    const std::string x_id = "11010519491231002x";
    put(b, 122, x_id, 36);
    auto r = decode_id_text_block(b);
    REQUIRE(r.ok());
    CHECK(r.value().id_number == "11010519491231002X");
  }
  SECTION("NUL padding is trimmed like space padding") {
    for (std::size_t i = 52 + 2 * 14; i < 52 + 70; ++i) b[i] = 0;
    CHECK(decode_id_text_block(b).value().address == "北京市海淀区测试路100号");
  }
  SECTION("the reserved bytes 248-249 may be NULs") {
    b[248] = 0;
    b[249] = 0;
    CHECK(decode_id_text_block(b).ok());
  }
  SECTION("a wrong check character is invalidData/id_check_character") {
    std::string wrong = id;
    wrong.back() = wrong.back() == '1' ? '2' : '1';
    put(b, 122, wrong, 36);
    auto r = decode_id_text_block(b);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == hal::CompletionCode::invalidData);
    CHECK(r.error().reason == "id_check_character");
    CHECK(r.error().message.find(wrong) == std::string::npos);  // no personal data in messages
  }
  SECTION("a bad birth date is invalidData/date_format") {
    put(b, 36, "19861340");
    CHECK(decode_id_text_block(b).error().reason == "date_format");
  }
  SECTION("an unknown sex code is invalidData/sex") {
    put(b, 30, "5");
    CHECK(decode_id_text_block(b).error().reason == "sex");
  }
  SECTION("a card type other than resident or foreign is invalidData/unknown_card_type") {
    put(b, 248, "Z");
    CHECK(decode_id_text_block(b).error().reason == "unknown_card_type");
  }
}

TEST_CASE("a foreign permanent-residence text block decodes by the foreign layout",
          "[id_reader][codec]") {
  TextBlock b = spaces();
  put(b, 0, "TEST, EXAMPLE PERSON");
  put(b, 120, "1");
  put(b, 122, "AUS110780101001");
  put(b, 152, "AUS");
  put(b, 158, "测试例子");
  put(b, 188, "20150301");
  put(b, 204, "20250301");
  put(b, 220, "19780101");
  put(b, 236, "01");
  put(b, 240, "1500");
  put(b, 248, "I");
  REQUIRE(b[248] == 0x49);
  REQUIRE(b[249] == 0x00);
  auto card = decode_id_text_block(b);
  REQUIRE(card.ok());
  const auto& c = card.value();
  CHECK(c.type == hal::IdCardType::foreignPermanent);
  CHECK(c.name == "TEST, EXAMPLE PERSON");
  CHECK(c.sex == hal::Sex::male);
  CHECK(c.id_number == "AUS110780101001");
  CHECK(c.nationality == "AUS");
  CHECK(c.chinese_name == "测试例子");
  CHECK(c.valid_from == "2015-03-01");
  CHECK(c.valid_to == "2025-03-01");
  CHECK(c.birth_date == "1978-01-01");
  CHECK(c.card_version == "01");
  CHECK(c.issuing_authority == "1500");
  CHECK(c.address.empty());
  CHECK(c.nation_code.empty());

  SECTION("the permanent-residence number must be letters and digits") {
    put(b, 122, "AUS-10780101001", 30);
    CHECK(decode_id_text_block(b).error().reason == "id_check_character");
  }
}

TEST_CASE("encoding a card and decoding it gives the same card, for both layouts",
          "[id_reader][codec]") {
  for (const hal::IdCard& card : {test::resident_card(), test::foreign_card()}) {
    auto block = encode_id_text_block(card);
    REQUIRE(block.ok());
    auto back = decode_id_text_block(block.value());
    REQUIRE(back.ok());
    const auto& c = back.value();
    CHECK(c.type == card.type);
    CHECK(c.name == card.name);
    CHECK(c.chinese_name == card.chinese_name);
    CHECK(c.sex == card.sex);
    CHECK(c.nation_code == card.nation_code);
    CHECK(c.nationality == card.nationality);
    CHECK(c.birth_date == card.birth_date);
    CHECK(c.address == card.address);
    CHECK(c.id_number == card.id_number);
    CHECK(c.issuing_authority == card.issuing_authority);
    CHECK(c.valid_from == card.valid_from);
    CHECK(c.valid_to == card.valid_to);
    CHECK(c.card_version == card.card_version);
  }
}

TEST_CASE("a field too long for the layout is refused by the encoder", "[id_reader][codec]") {
  hal::IdCard c = test::resident_card();
  c.name = "测试一二三四五六七八九十一二三四";  // 16 characters > 15
  CHECK(encode_id_text_block(c).error().reason == "field_too_long");
  c = test::resident_card();
  c.valid_to = "someday";
  CHECK(encode_id_text_block(c).error().reason == "date_format");
}

TEST_CASE("a Hong Kong, Macau and Taiwan residence permit (J) decodes with its permit fields",
          "[id_reader][codec]") {
  hal::IdCard card;
  card.type = hal::IdCardType::hkMacauTaiwanResident;
  card.name = "测试港澳";
  card.sex = hal::Sex::female;
  card.birth_date = "1990-03-07";
  card.address = "广东省深圳市测试路1号";
  card.id_number = id_reader_test_id("81000019900307002");
  card.issuing_authority = "深圳市公安局";
  card.valid_from = "2023-01-01";
  card.valid_to = "2028-01-01";
  card.pass_number = "H01234567";
  card.issue_count = "02";
  auto block = encode_id_text_block(card);
  REQUIRE(block.ok());
  CHECK(block.value()[248] == 'J');
  auto back = decode_id_text_block(block.value());
  REQUIRE(back.ok());
  const auto& c = back.value();
  CHECK(c.type == hal::IdCardType::hkMacauTaiwanResident);
  CHECK(c.name == card.name);
  CHECK(c.address == card.address);
  CHECK(c.id_number == card.id_number);
  CHECK(c.pass_number == "H01234567");
  CHECK(c.issue_count == "02");
  CHECK(c.nation_code.empty());
  CHECK(c.valid_to == "2028-01-01");
}

TEST_CASE("a 2023 foreign permanent-residence card (Y) decodes by its own layout",
          "[id_reader][codec]") {
  hal::IdCard card;
  card.type = hal::IdCardType::foreignPermanent;
  card.card_version = "2023";
  card.chinese_name = "测试外籍";
  // 46 characters: the English name runs over both of its fields.
  card.name = "EXAMPLE-TESTPERSON, ALEXANDRA MAXIMILIANA JOHN";
  card.sex = hal::Sex::male;
  card.issue_count = "01";
  card.birth_date = "1985-06-15";
  card.id_number = "911565198506150012";
  card.valid_from = "2023-12-01";
  card.valid_to = "2033-12-01";
  card.nationality = "CAN";
  auto block = encode_id_text_block(card);
  REQUIRE(block.ok());
  CHECK(block.value()[248] == 'Y');
  auto back = decode_id_text_block(block.value());
  REQUIRE(back.ok());
  const auto& c = back.value();
  CHECK(c.type == hal::IdCardType::foreignPermanent);
  CHECK(c.card_version == "2023");
  CHECK(c.name == card.name);
  CHECK(c.chinese_name == card.chinese_name);
  CHECK(c.id_number == card.id_number);
  CHECK(c.nationality == "CAN");
  CHECK(c.issue_count == "01");
  CHECK(c.birth_date == "1985-06-15");
  SECTION("a malformed number is invalidData/id_check_character") {
    auto bad = card;
    bad.id_number = "91156519850615001";
    auto b = encode_id_text_block(bad);
    REQUIRE(b.ok());
    CHECK(decode_id_text_block(b.value()).error().reason == "id_check_character");
  }
}
