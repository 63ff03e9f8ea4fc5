#include "drivers/emu/id_reader/synthetic_citizens.hpp"

#include <cstdint>

#include "drivers/id_reader/id_text_block.hpp"

namespace kiosk::drivers::emu {
namespace {

constexpr std::size_t kBlobSize = 1024;

std::string digits_of(std::string_view iso_date) {
  std::string out;
  for (char c : iso_date) {
    if (c != '-') out.push_back(c);
  }
  return out;
}

// The first sequence number from 001 that gives an ID ending in `check`.
std::string seq_for_check(std::string_view area6, std::string_view birth8, char check) {
  for (int n = 1; n < 1000; ++n) {
    std::string seq = std::to_string(n);
    seq.insert(0, 3 - seq.size(), '0');
    if (make_id_number(area6, birth8, seq).back() == check) return seq;
  }
  return "001";
}

struct ResidentSpec {
  const char* label;
  const char* name;
  hal::Sex sex;
  const char* nation;
  const char* birth;  // ISO
  const char* address;
  const char* area;
  const char* seq;  // nullptr: choose one that makes the check character 'X'
  const char* authority;
  const char* valid_from;
  const char* valid_to;  // ISO or "long-term"
  bool fingerprint;
  const char* appended_address;
};

SyntheticCitizen resident(const ResidentSpec& s) {
  SyntheticCitizen c;
  c.label = s.label;
  hal::IdCard& card = c.card;
  card.type = hal::IdCardType::resident;
  card.name = s.name;
  card.sex = s.sex;
  card.nation_code = s.nation;
  card.birth_date = s.birth;
  card.address = s.address;
  const std::string birth8 = digits_of(s.birth);
  const std::string seq =
      s.seq != nullptr ? std::string(s.seq) : seq_for_check(s.area, birth8, 'X');
  card.id_number = make_id_number(s.area, birth8, seq);
  card.issuing_authority = s.authority;
  card.valid_from = s.valid_from;
  card.valid_to = s.valid_to;
  card.photo_wlt = synthetic_blob("wlt:" + card.id_number, kBlobSize);
  if (s.fingerprint) card.fingerprint = synthetic_blob("fp:" + card.id_number, kBlobSize);
  c.appended_address = s.appended_address;
  return c;
}

SyntheticCitizen foreign(const char* label, const char* name, const char* chinese_name,
                         hal::Sex sex, const char* nationality, std::string number,
                         const char* birth, const char* from, const char* to) {
  SyntheticCitizen c;
  c.label = label;
  hal::IdCard& card = c.card;
  card.type = hal::IdCardType::foreignPermanent;
  card.name = name;
  card.chinese_name = chinese_name;
  card.sex = sex;
  card.nationality = nationality;
  card.id_number = std::move(number);
  card.birth_date = birth;
  card.valid_from = from;
  card.valid_to = to;
  card.card_version = "01";
  card.issuing_authority = "1500";
  card.photo_wlt = synthetic_blob("wlt:" + card.id_number, kBlobSize);
  return c;
}

std::vector<SyntheticCitizen> build() {
  using hal::Sex;
  const ResidentSpec residents[] = {
      {"adult, 20-year card", "测试张三", Sex::male, "01", "1985-03-12", "北京市东城区测试胡同1号",
       "110101", "011", "北京市公安局东城分局", "2015-06-01", "2035-06-01", true, ""},
      {"young adult, 10-year card", "测试李四", Sex::female, "01", "1992-11-30",
       "上海市徐汇区测试大道100弄20号301室", "310104", "022", "上海市公安局徐汇分局", "2020-01-15",
       "2030-01-15", false, ""},
      {"over 70, long-term card", "测试王五", Sex::male, "01", "1950-07-01",
       "四川省成都市锦江区测试街88号", "510104", "033", "成都市公安局锦江区分局", "2010-05-20",
       "long-term", true, ""},
      {"long address (33 characters)", "测试赵六", Sex::female, "01", "1978-02-28",
       "新疆维吾尔自治区乌鲁木齐市天山区测试街道测试社区幸福路一百二十三号", "650102", "044",
       "乌鲁木齐市公安局天山区分局", "2018-09-09", "2038-09-09", false, ""},
      {"ID number ending in X", "测试孙七", Sex::male, "03", "2000-12-31",
       "宁夏回族自治区银川市兴庆区测试路5号", "640104", nullptr, "银川市公安局兴庆区分局",
       "2021-03-03", "2031-03-03", true, ""},
      {"Mongol nationality, long address", "测试周八", Sex::female, "02", "1965-08-08",
       "内蒙古自治区呼和浩特市赛罕区测试路测试小区十二栋三单元四零二室", "150105", "055",
       "呼和浩特市公安局赛罕区分局", "2011-11-11", "long-term", false, ""},
      {"over 80, long-term card", "测试吴九", Sex::male, "01", "1944-01-05",
       "浙江省杭州市西湖区测试弄3号", "330106", "067", "杭州市公安局西湖区分局", "2004-04-04",
       "long-term", false, ""},
      {"minor, 5-year card", "测试郑十", Sex::female, "01", "2012-04-04",
       "广东省广州市越秀区测试路10号", "440104", "078", "广州市公安局越秀区分局", "2024-04-04",
       "2029-04-04", false, ""},
      {"compound surname", "测试欧阳明", Sex::male, "01", "1988-10-10",
       "广东省深圳市南山区测试街道测试科技园南区第十八栋二单元一千零一号房", "440305", "089",
       "深圳市公安局南山分局", "2019-07-07", "2039-07-07", true, ""},
      {"name with a middle dot", "测试古丽·测试", Sex::female, "05", "1990-06-15",
       "新疆维吾尔自治区喀什市测试巷7号", "653101", "090", "喀什市公安局", "2016-02-29",
       "2036-02-28", false, ""},
      {"appended address", "测试钱一", Sex::male, "01", "1970-01-01", "江苏省南京市玄武区测试路2号",
       "320102", "101", "南京市公安局玄武分局", "2012-12-12", "2032-12-12", false,
       "江苏省南京市鼓楼区测试新村9号"},
      {"sex not stated", "测试孔二", Sex::unspecified, "97", "1999-09-09",
       "湖北省武汉市江岸区测试路4号", "420102", "112", "武汉市公安局江岸区分局", "2019-09-09",
       "2029-09-09", false, ""},
  };
  std::vector<SyntheticCitizen> out;
  for (const auto& r : residents) out.push_back(resident(r));
  out.push_back(foreign("foreign card, 15-character number", "TEST, SAMPLE ALPHA", "测试阿尔法",
                        Sex::female, "CAN", "CAN310750815012", "1975-08-15", "2017-05-01",
                        "2027-05-01"));
  out.push_back(foreign("foreign card, long English name, no Chinese name",
                        "TEST, SAMPLE BETA GAMMA DELTA EPSILON", "", Sex::male, "USA",
                        "USA110820101123", "1982-01-01", "2024-01-01", "2034-01-01"));
  return out;
}

}  // namespace

std::string make_id_number(std::string_view area6, std::string_view birth8, std::string_view seq3) {
  std::string id;
  id.append(area6).append(birth8).append(seq3);
  id.push_back(drivers::id_reader::id_check_character(id));
  return id;
}

std::vector<std::uint8_t> synthetic_blob(std::string_view seed, std::size_t size) {
  // FNV-1a of the seed, then xorshift: stable across platforms and runs.
  std::uint64_t x = 1469598103934665603ULL;
  for (char c : seed) {
    x ^= static_cast<unsigned char>(c);
    x *= 1099511628211ULL;
  }
  std::vector<std::uint8_t> out(size);
  for (auto& b : out) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    b = static_cast<std::uint8_t>(x >> 24);
  }
  return out;
}

const std::vector<SyntheticCitizen>& synthetic_citizens() {
  static const std::vector<SyntheticCitizen> citizens = build();
  return citizens;
}

const SyntheticCitizen* find_citizen(std::string_view id_number) {
  for (const auto& c : synthetic_citizens()) {
    if (c.card.id_number == id_number) return &c;
  }
  return nullptr;
}

}  // namespace kiosk::drivers::emu
