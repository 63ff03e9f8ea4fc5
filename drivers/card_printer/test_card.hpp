#pragma once
// Renders test cards (cairo + pango, Noto CJK fonts so Chinese text renders) as print-ready
// hal::CardJobs: 1016x648 sides, black text and barcodes listed in black_regions (printed with
// resin k), the photo window listed in overlay_cutouts.
//
// Content is whatever the caller supplies: this code invents nothing except in
// make_sample_licence_job(), whose data is synthetic and marked as a specimen on the card.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hal/card_printer.hpp"
#include "hal/image.hpp"

namespace kiosk::drivers::card_printer {

// Fields of the sample driving-licence layout (UTF-8).
struct LicenceFields {
  std::string licence_number;  // the ID number
  std::string name;
  std::string sex;          // e.g. "女 F"
  std::string nationality;  // e.g. "中国 CHN"
  std::string address;      // long addresses wrap onto two lines, then shrink
  std::string birth_date;   // "1949-12-31"
  std::string first_issue_date;
  std::string vehicle_class;  // "C1"
  std::string valid_from;
  std::string valid_until;  // or "长期"
  std::string file_number;  // 档案编号, 12 digits
  std::string issuing_authority;
};

struct TestCardContent {
  std::string title;
  std::vector<std::string> lines;      // body text; on the licence look, the back's records
  std::optional<hal::RgbImage> photo;  // any size: scaled into the photo window
  bool sample_licence = false;         // driving-licence look, front and back
  LicenceFields licence;               // used when sample_licence
  std::string job_id = "test-card";
};

hal::CardJob make_test_card_job(const TestCardContent& content);

// A specimen licence with synthetic data (name 测试样例, ID 11010519491231002X) and a drawn
// face silhouette as photo.
hal::CardJob make_sample_licence_job();

// The drawn silhouette used by make_sample_licence_job(): a head and shoulders on white.
hal::RgbImage make_sample_photo(int width = 260, int height = 340);

// ISO 7064 MOD 11-2 check character of an 18-character resident ID number, computed over its
// first 17 digits; 0 if they are not 17 digits.
char id_check_char(std::string_view first17);

}  // namespace kiosk::drivers::card_printer
