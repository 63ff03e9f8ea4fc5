#include "drivers/emu/id_reader/synthetic_citizens.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "drivers/id_reader/id_reader_codec.hpp"

using namespace kiosk;
namespace emu = kiosk::drivers::emu;
namespace idr = drivers::id_reader;

TEST_CASE("there are at least twelve synthetic citizens, all clearly fake", "[id_reader][emu]") {
  const auto& all = emu::synthetic_citizens();
  REQUIRE(all.size() >= 12);
  std::set<std::string> ids;
  for (const auto& c : all) {
    INFO(c.label);
    const bool fake_name = c.card.name.rfind("测试", 0) == 0 || c.card.name.rfind("TEST", 0) == 0;
    CHECK(fake_name);
    CHECK(ids.insert(c.card.id_number).second);
    CHECK(c.card.photo_wlt.size() == 1024);
    CHECK((c.card.fingerprint.empty() || c.card.fingerprint.size() == 1024));
  }
}

TEST_CASE("resident citizens have valid check characters and a birth date inside the number",
          "[id_reader][emu]") {
  for (const auto& c : emu::synthetic_citizens()) {
    if (c.card.type != hal::IdCardType::resident) continue;
    INFO(c.label);
    CHECK(idr::id_number_valid(c.card.id_number));
    std::string birth8 = c.card.birth_date;
    birth8.erase(std::remove(birth8.begin(), birth8.end(), '-'), birth8.end());
    CHECK(c.card.id_number.substr(6, 8) == birth8);
  }
}

TEST_CASE("the list covers the cases the kiosk must handle", "[id_reader][emu]") {
  bool over_70 = false, long_term = false, foreign = false, ends_in_x = false, long_address = false,
       appended = false, fingerprint = false;
  for (const auto& c : emu::synthetic_citizens()) {
    over_70 |= c.card.birth_date < "1956-01-01";
    long_term |= c.card.valid_to == "long-term";
    foreign |= c.card.type == hal::IdCardType::foreignPermanent;
    ends_in_x |= c.card.id_number.back() == 'X';
    long_address |= idr::utf8_to_utf16(c.card.address).value().size() >= 30;
    appended |= !c.appended_address.empty();
    fingerprint |= !c.card.fingerprint.empty();
  }
  CHECK(over_70);
  CHECK(long_term);
  CHECK(foreign);
  CHECK(ends_in_x);
  CHECK(long_address);
  CHECK(appended);
  CHECK(fingerprint);
}

TEST_CASE("every synthetic citizen encodes into a reply frame and decodes back unchanged",
          "[id_reader][emu]") {
  for (const auto& c : emu::synthetic_citizens()) {
    INFO(c.label);
    auto data = idr::encode_read_reply_data(c.card, idr::ReadKind::withFingerprint);
    REQUIRE(data.ok());
    auto back = idr::decode_id_reply_frame(idr::build_response(0x90, data.value()));
    REQUIRE(back.ok());
    const auto& d = back.value();
    CHECK(d.type == c.card.type);
    CHECK(d.name == c.card.name);
    CHECK(d.chinese_name == c.card.chinese_name);
    CHECK(d.sex == c.card.sex);
    CHECK(d.nation_code == c.card.nation_code);
    CHECK(d.nationality == c.card.nationality);
    CHECK(d.birth_date == c.card.birth_date);
    CHECK(d.address == c.card.address);
    CHECK(d.id_number == c.card.id_number);
    CHECK(d.issuing_authority == c.card.issuing_authority);
    CHECK(d.valid_from == c.card.valid_from);
    CHECK(d.valid_to == c.card.valid_to);
    CHECK(d.card_version == c.card.card_version);
    CHECK(d.photo_wlt == c.card.photo_wlt);
    CHECK(d.fingerprint == c.card.fingerprint);
  }
}

TEST_CASE("citizens are found by their number, and the list is the same every time",
          "[id_reader][emu]") {
  const auto& first = emu::synthetic_citizens().front();
  const auto* found = emu::find_citizen(first.card.id_number);
  REQUIRE(found != nullptr);
  CHECK(found->card.name == first.card.name);
  CHECK(emu::find_citizen("000000000000000000") == nullptr);
  CHECK(emu::synthetic_blob("seed", 16) == emu::synthetic_blob("seed", 16));
  CHECK(emu::synthetic_blob("seed", 16) != emu::synthetic_blob("other", 16));
  CHECK(emu::make_id_number("110105", "19491231", "002") == "11010519491231002X");
}
