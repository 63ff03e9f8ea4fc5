// The synthetic face renderer: a passport-style head-and-shoulders portrait evaluated per
// pixel in a canonical frame, then posed (shift, scale, tilt) and lit for a variation.
#include <algorithm>
#include <array>
#include <cmath>

#include "protocol/synthetic/face.hpp"

namespace kiosk::protocol::synthetic {

namespace {

struct Rgb {
  double r, g, b;
};

Rgb rgb(const std::uint8_t c[3]) {
  return {double(c[0]), double(c[1]), double(c[2])};
}
Rgb scale(Rgb c, double k) {
  return {c.r * k, c.g * k, c.b * k};
}
Rgb mix(Rgb a, Rgb b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// splitmix64: a small, fully specified generator, so faces never change with the standard library.
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform(double lo, double hi) {
    return lo + (hi - lo) * double(next() >> 11) / double(1ULL << 53);
  }
  int pick(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

// A colour between two neighbouring palette entries, plus a little jitter: identities vary
// continuously instead of sharing a handful of exact colours.
template <std::size_t N>
void set(std::uint8_t out[3], const std::array<std::array<int, 3>, N>& palette, Rng& rng,
         int jitter) {
  const std::size_t i = static_cast<std::size_t>(rng.pick(static_cast<int>(N)));
  const std::size_t j = (i + 1) % N;
  const double t = rng.uniform(0.0, 0.5);
  for (std::size_t k = 0; k < 3; ++k) {
    const double v =
        palette[i][k] + (palette[j][k] - palette[i][k]) * t + rng.uniform(-jitter, jitter);
    out[k] = static_cast<std::uint8_t>(std::clamp(static_cast<int>(std::lround(v)), 0, 255));
  }
}

constexpr std::array<std::array<int, 3>, 8> kSkin{{{255, 224, 196},
                                                   {241, 194, 167},
                                                   {224, 172, 138},
                                                   {198, 134, 96},
                                                   {161, 102, 68},
                                                   {120, 74, 50},
                                                   {250, 210, 180},
                                                   {232, 185, 150}}};
constexpr std::array<std::array<int, 3>, 8> kHair{{{22, 18, 18},
                                                   {45, 30, 22},
                                                   {85, 52, 30},
                                                   {125, 72, 40},
                                                   {150, 62, 30},
                                                   {205, 168, 100},
                                                   {140, 135, 130},
                                                   {225, 220, 210}}};
constexpr std::array<std::array<int, 3>, 5> kEyes{
    {{45, 28, 15}, {75, 48, 25}, {55, 85, 125}, {65, 95, 60}, {30, 30, 30}}};
constexpr std::array<std::array<int, 3>, 8> kShirt{{{40, 60, 110},
                                                    {30, 30, 35},
                                                    {185, 205, 230},
                                                    {120, 30, 40},
                                                    {60, 100, 70},
                                                    {90, 90, 100},
                                                    {170, 140, 100},
                                                    {20, 50, 90}}};

inline double sq(double v) {
  return v * v;
}

// Everything the scene needs, in canonical pixel coordinates.
struct Scene {
  const FaceTraits& t;
  Rgb skin, hair, eyes, shirt, lips;
  double cx, cy, a, b;  // face centre and half-axes
  double eye_y, eye_dx, nose_y, mouth_y, brow_y;
  double brow_half_thickness;
  double width, height;

  Scene(const FaceTraits& traits, double w, double h, Rgb shirt_colour)
      : t(traits),
        skin(rgb(traits.skin)),
        hair(rgb(traits.hair)),
        eyes(rgb(traits.eyes)),
        shirt(shirt_colour),
        lips(mix(rgb(traits.skin), Rgb{175, 65, 75}, 0.5)),
        width(w),
        height(h) {
    cx = w / 2.0;
    cy = h * 0.45;
    b = traits.face_height * 0.40 * h;
    a = std::min(b * traits.face_width * 1.45, 0.36 * w);
    eye_y = cy + (-0.12 + traits.eye_height) * b;
    eye_dx = traits.eye_spacing * a;
    nose_y = eye_y + (0.15 + traits.nose_length) * b;
    mouth_y = std::min(nose_y + 0.22 * b, cy + 0.72 * b);
    brow_y = eye_y - 0.2 * b;
    brow_half_thickness = std::max(0.6, traits.brow_thickness * h / 2.0);
  }

  bool in_face(double u, double v) const { return sq((u - cx) / a) + sq((v - cy) / b) <= 1.0; }

  Rgb at(double u, double v) const {
    const bool face = in_face(u, v);
    const double fx = (u - cx) / a;
    const double fy = (v - cy) / b;
    // Glasses: two rings and a bridge.
    if (t.glasses) {
      for (int side : {-1, 1}) {
        const double d =
            std::sqrt(sq((u - (cx + side * eye_dx)) / (0.27 * a)) + sq((v - eye_y) / (0.17 * b)));
        if (d >= 0.80 && d <= 1.0) return {25, 25, 30};
      }
      if (std::abs(v - eye_y + 0.03 * b) < 0.018 * b + 0.6 &&
          std::abs(u - cx) < eye_dx - 0.27 * a + 0.5) {
        return {25, 25, 30};
      }
    }
    // Eyes: sclera, iris, pupil.
    for (int side : {-1, 1}) {
      const double ex = cx + side * eye_dx;
      const double d = sq((u - ex) / (0.16 * a)) + sq((v - eye_y) / (0.075 * b));
      if (d <= 1.0) {
        const double r = std::sqrt(sq(u - ex) + sq(v - eye_y));
        if (r <= 0.035 * b) return {12, 10, 10};
        if (r <= 0.07 * b) return eyes;
        return {245, 245, 240};
      }
      // Eyebrow: a slightly arched band.
      const double bx = (u - ex) / (0.22 * a);
      if (std::abs(bx) <= 1.0) {
        const double centre = brow_y - 0.05 * b * (1.0 - sq(bx));
        if (std::abs(v - centre) <= brow_half_thickness) return mix(hair, skin, 0.2);
      }
    }
    // Mouth.
    if (sq((u - cx) / (t.mouth_width * a)) + sq((v - mouth_y) / (0.055 * b)) <= 1.0) return lips;
    // Nostrils and a nose shadow.
    for (int side : {-1, 1}) {
      if (sq((u - cx - side * 0.09 * a) / (0.045 * a)) + sq((v - nose_y) / (0.025 * b)) <= 1.0) {
        return scale(skin, 0.55);
      }
    }
    if (face && std::abs(u - cx + 0.05 * a) < 0.035 * a && v > eye_y + 0.1 * b &&
        v < nose_y - 0.02 * b) {
      return scale(skin, 0.9);
    }
    // Beard: the lower face below the nose.
    if (t.beard && face && v > nose_y + 0.06 * b && !(std::abs(u - cx) < 0.12 * a && v < mouth_y)) {
      return mix(skin, hair, 0.75);
    }
    // Front hair (cap) and bun.
    const double hairline = t.hair_style == 1 ? cy - 0.55 * b + 0.14 * b * fx : cy - 0.62 * b;
    if (t.hair_style == 3) {
      if (sq((u - cx) / (1.04 * a)) + sq((v - cy + 0.05 * b) / (1.0 * b)) <= 1.0 &&
          v < cy - 0.78 * b) {
        return mix(hair, skin, 0.45);
      }
    } else {
      const bool in_cap = sq((u - cx) / (1.12 * a)) + sq((v - cy + 0.12 * b) / (1.02 * b)) <= 1.0;
      if (in_cap && v < cy - 0.18 * b && (!face || v < hairline)) {
        if (t.hair_style == 1 && std::abs(u - cx - 0.35 * a) < 0.02 * a + 0.5 && v < hairline) {
          return mix(hair, skin, 0.5);
        }
        return hair;
      }
      if (t.hair_style == 4 && sq(u - cx) + sq(v - (cy - 1.12 * b)) <= sq(0.36 * a)) return hair;
    }
    // Face skin with a soft falloff towards the edge.
    if (face) return scale(skin, 1.0 - 0.10 * sq(sq(fx) + sq(fy)));
    // Ears.
    if (t.hair_style != 2) {
      for (int side : {-1, 1}) {
        if (sq((u - cx - side * 0.98 * a) / (0.14 * a)) + sq((v - eye_y - 0.12 * b) / (0.22 * b)) <=
            1.0) {
          return scale(skin, 0.92);
        }
      }
    }
    // Long hair behind the head, down to the shoulders.
    if (t.hair_style == 2 &&
        sq((u - cx) / (1.3 * a)) + sq((v - cy - 0.3 * b) / (1.35 * b)) <= 1.0 && v < cy + 1.5 * b &&
        !(std::abs(u - cx) < 0.42 * a && v > cy + 0.8 * b)) {
      return scale(hair, 0.92);
    }
    // Neck.
    if (std::abs(u - cx) < 0.42 * a && v > cy + 0.5 * b && v < cy + 1.5 * b)
      return scale(skin, 0.84);
    // Shoulders and shirt, with an open collar.
    const double shoulder_y = cy + 1.3 * b;
    if (v > shoulder_y &&
        (sq((u - cx) / (2.1 * a)) + sq((v - shoulder_y - 1.1 * b) / (1.1 * b)) <= 1.0 ||
         (v > shoulder_y + 1.1 * b && std::abs(u - cx) < 2.1 * a))) {
      if (std::abs(u - cx) < (shoulder_y + 0.55 * b - v) * 0.5) return scale(skin, 0.84);
      return shirt;
    }
    return {255, 255, 255};
  }
};

}  // namespace

FaceTraits traits_from_seed(std::string_view seed) {
  Rng rng{fnv1a(seed)};
  FaceTraits t;
  set(t.skin, kSkin, rng, 6);
  set(t.hair, kHair, rng, 6);
  set(t.eyes, kEyes, rng, 5);
  set(t.shirt, kShirt, rng, 6);
  t.face_width = rng.uniform(0.40, 0.60);
  t.face_height = rng.uniform(0.52, 0.68);
  t.eye_spacing = rng.uniform(0.28, 0.46);
  t.eye_height = rng.uniform(-0.08, 0.08);
  t.mouth_width = rng.uniform(0.24, 0.46);
  t.nose_length = rng.uniform(0.15, 0.30);
  t.hair_style = rng.pick(5);
  t.glasses = rng.uniform(0, 1) < 0.3;
  t.beard = rng.uniform(0, 1) < 0.2;
  // An 18-character ID number carries the sex in its 17th character (even = female).
  if (seed.size() == 18 && seed[16] >= '0' && seed[16] <= '9' && (seed[16] - '0') % 2 == 0)
    t.beard = false;
  t.brow_thickness = rng.uniform(0.012, 0.035);
  return t;
}

RgbImage render_synthetic_face(const FaceTraits& traits, int width, int height, int variation) {
  width = std::max(width, 16);
  height = std::max(height, 16);
  const double w = width;
  const double h = height;

  // Pose and light of this variation (identity for 0: the registry photo).
  double dx = 0, dy = 0, zoom = 1, angle = 0, gain = 1, gradient = 0, noise = 0;
  Rgb shirt = rgb(traits.shirt);
  std::uint64_t noise_seed = 0;
  if (variation != 0) {
    Rng rng{fnv1a(std::string(reinterpret_cast<const char*>(traits.skin), 3) +
                  std::string(reinterpret_cast<const char*>(traits.hair), 3)) ^
            (static_cast<std::uint64_t>(static_cast<std::uint32_t>(variation)) *
             0x9E3779B97F4A7C15ULL)};
    dx = rng.uniform(-0.04, 0.04) * w;
    dy = rng.uniform(-0.03, 0.03) * h;
    zoom = rng.uniform(0.94, 1.06);
    angle = rng.uniform(-4.0, 4.0) * 3.14159265358979323846 / 180.0;
    gain = rng.uniform(0.80, 0.95);
    gradient = rng.uniform(-0.10, 0.10);
    noise = 4.0;
    // The citizen at the kiosk need not wear what they wore for the registry photo.
    const auto& s = kShirt[static_cast<std::size_t>(rng.pick(kShirt.size()))];
    shirt = {double(s[0]), double(s[1]), double(s[2])};
    noise_seed = rng.next();
  }
  const Scene scene(traits, w, h, shirt);
  const double cos_a = std::cos(-angle) / zoom;
  const double sin_a = std::sin(-angle) / zoom;
  const double px = w / 2.0 + dx;  // pose pivot: the face centre, moved
  const double py = scene.cy + dy;

  RgbImage image(width, height);
  constexpr double kSub[2] = {0.25, 0.75};
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      Rgb sum{0, 0, 0};
      for (double sy : kSub) {
        for (double sx : kSub) {
          const double ox = x + sx - px;
          const double oy = y + sy - py;
          const double u = scene.cx + ox * cos_a - oy * sin_a;
          const double v = scene.cy + ox * sin_a + oy * cos_a;
          const Rgb c = scene.at(u, v);
          sum = {sum.r + c.r, sum.g + c.g, sum.b + c.b};
        }
      }
      double light = gain * (1.0 + gradient * (x - w / 2.0) / w);
      double n = 0;
      if (noise > 0) {
        Rng pixel{noise_seed ^
                  (static_cast<std::uint64_t>(y) << 32 | static_cast<std::uint32_t>(x))};
        n = pixel.uniform(-noise, noise);
      }
      const std::size_t o = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                             static_cast<std::size_t>(x)) *
                            3;
      const double channels[3] = {sum.r / 4, sum.g / 4, sum.b / 4};
      for (int k = 0; k < 3; ++k) {
        image.pixels[o + static_cast<std::size_t>(k)] =
            static_cast<std::uint8_t>(std::clamp(std::lround(channels[k] * light + n), 0L, 255L));
      }
    }
  }
  return image;
}

}  // namespace kiosk::protocol::synthetic
