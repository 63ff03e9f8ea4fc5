#pragma once
// The Chinese motor-vehicle driving licence (中华人民共和国机动车驾驶证) as an ID-1 card at
// 300 dpi, front and back, rendered from issuance data and the captured photo.
//
// Contract: every data field is drawn inside its own box, wrapped (multi-line fields) and then
// shrunk down to a minimum legible size; a field that would not fit even then is an error
// (text_does_not_fit) — a card is never printed with clipped text. Black (resin) text is listed
// in each side's black_regions, the photo window in the front's overlay_cutouts.
// Errors are returned as a small Result (value or Error), never thrown.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "firmware/card_layout/canvas.hpp"
#include "hal/card_printer.hpp"
#include "hal/image.hpp"

namespace kiosk::card_layout {

// All strings UTF-8. Dates "YYYY-MM-DD".
struct LicenceData {
  std::string holder_name;
  std::string sex;          // "男" | "女" (printed as is)
  std::string nationality;  // "中国"
  std::string address;
  std::string birth_date;
  std::string licence_number;  // = the resident ID number
  std::string first_issue_date;
  std::string vehicle_classes;  // "C1" or "C1 D"
  std::string valid_from;
  std::optional<std::string> valid_until;  // nullopt = long-term (长期)
  std::string issuing_authority;
  std::string file_number;           // 档案编号, 12 digits
  std::vector<std::string> records;  // back side records, e.g. "2026-11-28 换证"
};

enum class Errc {
  invalid_data,       // a required field is empty, or the photo buffer is malformed
  text_does_not_fit,  // a field cannot fit its box even at the minimum size
};
const char* to_string(Errc code);

struct Error {
  Errc code;
  std::string field;  // which field (no field value: no personal data in errors)
  std::string message;
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct RenderedLicence {
  hal::CardJob job;                         // front + back
  std::vector<Placement> front_placements;  // every data field's box and measured extents
  std::vector<Placement> back_placements;
};

// The photo window on the front (card pixels): 26 x 34 mm-ish, portrait.
inline constexpr hal::Rect kPhotoWindow{716, 146, 260, 340};

Result<RenderedLicence> render_licence(const LicenceData& data, const hal::RgbImage& photo,
                                       std::string job_id);

// The same layout marked as a specimen for test prints: "样本 SPECIMEN" across both sides and
// 测试样卡 ("test card") in the seal. Never for an issued card.
Result<RenderedLicence> render_specimen_licence(const LicenceData& data, const hal::RgbImage& photo,
                                                std::string job_id);

}  // namespace kiosk::card_layout
