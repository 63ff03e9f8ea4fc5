#pragma once
// Synthetic faces that the development office and the kiosk's emulated camera agree on: the
// office renders a seeded citizen's registry photo from their ID number, the emulated camera
// renders the same person (with a small pose and lighting variation) when that citizen's ID
// card lies on the emulated reader, so a face match succeeds end to end without any real
// person's picture. Deterministic on every platform. Development and test data only: no
// production path of the kiosk or the office depends on it.

#include <cstdint>
#include <string>
#include <string_view>

#include "protocol/image/image.hpp"

namespace kiosk::protocol::synthetic {

// What makes a synthetic face recognisable. All fields are derived from a seed.
struct FaceTraits {
  std::uint8_t skin[3] = {224, 188, 160};
  std::uint8_t hair[3] = {30, 25, 20};
  std::uint8_t eyes[3] = {40, 30, 20};
  std::uint8_t shirt[3] = {40, 60, 110};
  double face_width =
      0.50;  // face ellipse half-width relative to half the image width (0.40..0.60)
  double face_height =
      0.62;  // face ellipse half-height relative to half the image height (0.52..0.68)
  double eye_spacing =
      0.36;                  // distance between eye centres relative to the face width (0.28..0.46)
  double eye_height = 0.00;  // eye line offset relative to the face half-height (-0.08..0.08)
  double mouth_width = 0.34;  // relative to the face width (0.24..0.46)
  double nose_length = 0.22;  // relative to the face half-height (0.15..0.30)
  int hair_style = 0;         // 0 short, 1 parted, 2 long, 3 bald/shaved, 4 bun
  bool glasses = false;
  bool beard = false;
  double brow_thickness = 0.02;  // relative to image height (0.012..0.035)
};

// Deterministic traits from any seed string (the citizen's ID number): FNV-1a and splitmix64,
// so the same seed gives the same face on every platform. When the seed is an 18-character
// ID number whose sex digit (17th character) is even, the face has no beard.
FaceTraits traits_from_seed(std::string_view seed);

// A passport-style head-and-shoulders portrait on a white background, width x height pixels
// (any size >= 16x16; licence photos are 32x22 mm, e.g. 260x358 px at 8 px/mm). `variation`
// 0 renders the canonical (registry) pose; other values add a small, deterministic shift,
// scale, tilt and lighting change (what the kiosk camera sees of the same person).
RgbImage render_synthetic_face(const FaceTraits& traits, int width, int height, int variation = 0);

}  // namespace kiosk::protocol::synthetic
