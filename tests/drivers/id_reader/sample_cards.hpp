#pragma once
// Invented cards for the codec and driver tests (no real person). ID numbers get their check
// character computed.

#include <string>

#include "drivers/id_reader/id_text_block.hpp"
#include "hal/id_reader.hpp"

namespace kiosk::test {

inline std::string with_check(std::string first17) {
  first17.push_back(drivers::id_reader::id_check_character(first17));
  return first17;
}

inline hal::IdCard resident_card() {
  hal::IdCard c;
  c.type = hal::IdCardType::resident;
  c.name = "测试样例";
  c.sex = hal::Sex::female;
  c.nation_code = "01";
  c.birth_date = "1986-05-20";
  c.address = "北京市海淀区测试路100号院3号楼2单元501";
  c.id_number = with_check("11010819860520002");
  c.issuing_authority = "北京市公安局海淀分局";
  c.valid_from = "2016-05-20";
  c.valid_to = "2036-05-20";
  c.photo_wlt.resize(1024);
  for (std::size_t i = 0; i < c.photo_wlt.size(); ++i)
    c.photo_wlt[i] = static_cast<std::uint8_t>(i * 7 + 3);
  return c;
}

inline hal::IdCard foreign_card() {
  hal::IdCard c;
  c.type = hal::IdCardType::foreignPermanent;
  c.name = "TEST, EXAMPLE PERSON";
  c.chinese_name = "测试例子";
  c.sex = hal::Sex::male;
  c.nationality = "AUS";
  c.id_number = "AUS110780101001";
  c.birth_date = "1978-01-01";
  c.valid_from = "2015-03-01";
  c.valid_to = "2025-03-01";
  c.card_version = "01";
  c.issuing_authority = "1500";
  c.photo_wlt.assign(1024, 0x11);
  return c;
}

}  // namespace kiosk::test
