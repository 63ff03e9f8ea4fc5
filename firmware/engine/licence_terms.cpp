#include "firmware/engine/licence_terms.hpp"

#include <array>

namespace kiosk::engine {
namespace {

struct ClassName {
  std::string_view code, zh, en;
};

// The class names (公安部令第162号, 准驾车型) as the kiosk has always shown them.
constexpr std::array<ClassName, 17> kClassNames{{
    {"A1", "大型客车", "large bus"},
    {"A2", "牵引车", "tractor-trailer"},
    {"A3", "城市公交车", "city bus"},
    {"B1", "中型客车", "medium bus"},
    {"B2", "大型货车", "large truck"},
    {"C1", "小型汽车", "small car"},
    {"C2", "小型自动挡汽车", "small automatic car"},
    {"C3", "低速载货汽车", "low-speed truck"},
    {"C4", "三轮汽车", "three-wheeled car"},
    {"C5", "残疾人专用小型自动挡载客汽车", "adapted automatic car"},
    {"C6", "轻型牵引挂车", "light trailer"},
    {"D", "普通三轮摩托车", "three-wheeled motorcycle"},
    {"E", "普通二轮摩托车", "motorcycle"},
    {"F", "轻便摩托车", "light motorcycle"},
    {"M", "轮式自行机械车", "wheeled machinery"},
    {"N", "无轨电车", "trolleybus"},
    {"P", "有轨电车", "tram"},
}};

bool is_capital(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::vector<LicenceClass> licence_classes(std::string_view classes) {
  std::vector<LicenceClass> out;
  for (std::size_t i = 0; i < classes.size(); ++i) {
    if (!is_capital(classes[i])) continue;
    std::size_t len = 1;
    if (i + 1 < classes.size() && is_digit(classes[i + 1])) len = 2;
    LicenceClass c{std::string(classes.substr(i, len)), "", ""};
    for (const auto& known : kClassNames) {
      if (known.code == c.code) {
        c.zh = known.zh;
        c.en = known.en;
        break;
      }
    }
    out.push_back(std::move(c));
    i += len - 1;
  }
  return out;
}

nlohmann::json class_list_json(std::string_view classes) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : licence_classes(classes))
    out.push_back({{"code", c.code}, {"zh", c.zh}, {"en", c.en}});
  return out;
}

}  // namespace kiosk::engine
