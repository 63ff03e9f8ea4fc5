#pragma once
// A CardRenderer for tests: a plain white ID-1 card with the photo in its window and a black
// bar standing in for the text (the real layout is firmware/card_layout).

#include "firmware/engine/ports.hpp"

namespace kiosk::testing {

// The fakes implement the engine's ports and speak its vocabulary.
using namespace engine;

class PlainCardRenderer final : public CardRenderer {
 public:
  Result<hal::CardJob> render(const CardIssueData& data, const hal::RgbImage& photo) override;
  int renders() const { return renders_; }

 private:
  int renders_ = 0;
};

}  // namespace kiosk::testing
