#pragma once
// Face matching for the central office (kiosk_central_face): the FaceMatcher interface an
// office plugs its own face platform into and a reference matcher good enough for synthetic
// faces (protocol/synthetic/face.hpp). Pure image code, no storage, no network; PNG in and out
// is the protocol's (protocol/image/png.hpp).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/expected.hpp"
#include "protocol/image/image.hpp"

namespace kiosk::central::face {

enum class Errc {
  invalid_image,  // zero size, or pixels.size() != width * height * 3
  no_face,        // nothing but background, or no plain light background (top row mean < 96)
};

std::string_view to_string(Errc code);

using FaceError = protocol::CodedError<Errc>;

template <typename T>
using Result = protocol::Expected<T, FaceError>;

// 8-bit RGB, row-major, 3 bytes per pixel, no padding: the protocol's image.
using Image = protocol::RgbImage;

struct MatchResult {
  double score = 0.0;     // 0 (different) .. 1 (identical)
  bool is_match = false;  // score >= the matcher's threshold
};

// Contract: thread-safe (const), blocking, CPU only; `capture` is the live image from the
// kiosk camera, `reference` the registry photo. Errors: invalid_image, no_face.
class FaceMatcher {
 public:
  virtual ~FaceMatcher() = default;
  virtual Result<MatchResult> match(const Image& capture, const Image& reference) const = 0;
};

// The reference matcher, for synthetic (and cooperative passport-style) photos on a plain
// light background:
//  1. lighting: the top rows are background, so their brightness per column is the light on
//     that column (exposure and a left-right gradient); every pixel is divided by it;
//  2. head: the first rows that differ from white give the top of the hair; the horizontal
//     centroid and widest extent of the next 35% of rows give the head box (1.2 x 1.3 head
//     widths), so shift and scale cancel;
//  3. descriptors: (a) zero-mean unit-norm 32x32 grayscale of the head box (shape, hair),
//     (b) the same of the inner face (eyes to chin), (c) a 6x6x6 RGB histogram of the head's
//     foreground (skin, hair, eye colour);
//  4. score = 0.3 * max(0, ncc_a) + 0.4 * max(0, ncc_b) + 0.3 * histogram intersection.
// Threshold 0.80, measured on the renderer's population at 130x179 px (tests assert it on the
// seeded citizens): the same citizen under variations 1..3 scored >= 0.83, different seeded
// citizens <= 0.68; over 78 random identities 6 of 18 018 impostor pairs (0.03%, one
// look-alike pair) reached 0.80. Not a biometric product: an office plugs its face platform
// in behind FaceMatcher.
class ReferenceFaceMatcher final : public FaceMatcher {
 public:
  static constexpr double kDefaultThreshold = 0.80;
  explicit ReferenceFaceMatcher(double threshold = kDefaultThreshold) : threshold_(threshold) {}
  Result<MatchResult> match(const Image& capture, const Image& reference) const override;
  double threshold() const { return threshold_; }

 private:
  double threshold_;
};

}  // namespace kiosk::central::face
