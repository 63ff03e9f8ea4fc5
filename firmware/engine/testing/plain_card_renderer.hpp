#pragma once
// A CardRenderer for tests: a plain white ID-1 card with the photo in its window and a black
// bar standing in for the text (the real layout is firmware/card_layout, kioskd helper's).

#include "firmware/engine/ports.hpp"

namespace kiosk::engine::testing {

class PlainCardRenderer final : public CardRenderer {
 public:
  Result<hal::CardJob> render(const CardIssueData& data, const hal::RgbImage& photo) override;
  int renders() const { return renders_; }

 private:
  int renders_ = 0;
};

}  // namespace kiosk::engine::testing
