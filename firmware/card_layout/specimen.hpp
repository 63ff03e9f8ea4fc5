#pragma once
// Cards that are not licences, drawn with the licence's own canvas and layout: the specimen
// licence and the technician's test card. Test prints (kioskd devices.test_print, kioskhw
// print-test-card) and benchmarks print these; the card printer driver only prints the
// hal::CardJob it is given.
#include <optional>
#include <string>
#include <vector>

#include "firmware/card_layout/licence_layout.hpp"
#include "hal/card_printer.hpp"
#include "hal/image.hpp"

namespace kiosk::card_layout {

// The data of the specimen licence: a made-up holder (测试样例, ID 11010519491231002X, an
// address that says it is a sample), valid-looking dates and two sample records.
LicenceData specimen_licence_data();

// A drawn head-and-shoulders silhouette on white, the specimen's photo.
hal::RgbImage specimen_photo(int width = 260, int height = 340);

// The specimen licence (render_specimen_licence of the data and photo above), front and back,
// job id "sample-licence".
Result<hal::CardJob> specimen_licence_job();

// The technician's test card: one side with a title band, lines of text in resin black (each
// shrunk to fit its line, refused if it cannot) and an optional photo at the right.
struct TestCard {
  std::string title;
  std::vector<std::string> lines;
  std::optional<hal::RgbImage> photo;
  std::string job_id = "test-card";
};
Result<hal::CardJob> test_card_job(const TestCard& card);

}  // namespace kiosk::card_layout
