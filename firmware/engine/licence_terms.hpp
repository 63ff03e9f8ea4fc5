#pragma once
// What the codes on a Chinese driving licence mean, as kioskd publishes them to the citizen's
// screens (licence_info, confirm_details): the names of the permitted vehicle classes and the
// points limit of a scoring cycle. The UI shows these and keeps no list of its own.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace kiosk::engine {

// Points in one scoring cycle at which driving is suspended (the registry's `points` count
// towards it).
inline constexpr int kPointsLimit = 12;

struct LicenceClass {
  std::string code;  // "C1"
  std::string zh;    // "小型汽车"; "" for a code this list does not know
  std::string en;    // "small car"; "" likewise
};

// The classes of a licence's class string, in its order: "C1E" -> C1, E. A class code is a
// capital letter with an optional digit (A1 A2 A3 B1 B2 C1..C6 D E F M N P); anything else
// (spaces, commas) separates codes and is skipped.
std::vector<LicenceClass> licence_classes(std::string_view classes);

// [{"code", "zh", "en"}, ...] of licence_classes(classes).
nlohmann::json class_list_json(std::string_view classes);

}  // namespace kiosk::engine
