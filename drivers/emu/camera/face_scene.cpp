#include "drivers/emu/camera/face_scene.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace kiosk::drivers::emu {
namespace {

using Rgb = std::array<int, 3>;

constexpr Rgb kWall{226, 229, 233};
constexpr Rgb kSkin{224, 172, 138};
constexpr Rgb kHair{44, 32, 26};
constexpr Rgb kShirt{52, 70, 104};
constexpr Rgb kEyeWhite{240, 240, 236};
constexpr Rgb kIris{38, 28, 22};
constexpr Rgb kLips{176, 84, 84};

struct Ellipse {
  double cx, cy, rx, ry;
  bool contains(double x, double y) const {
    // Bounding-box test first: most pixels of a frame are far from any feature.
    if (x < cx - rx || x > cx + rx || y < cy - ry || y > cy + ry) return false;
    const double dx = (x - cx) / rx;
    const double dy = (y - cy) / ry;
    return dx * dx + dy * dy <= 1.0;
  }
};

struct Head {
  Ellipse hair, face, left_eye, right_eye, left_iris, right_iris, mouth, shoulders;
  double neck_left, neck_right, neck_top;
};

double side(int width, int height) {
  return std::min(width, height);
}

// Horizontal sway of the head in pixels for a frame: a slow sinusoid, a few pixels wide.
double sway(int width, int height, std::uint32_t frame) {
  return 0.01 * side(width, height) * std::sin(static_cast<double>(frame) * 0.2);
}

Head layout(int width, int height, std::uint32_t frame) {
  const double s = side(width, height);
  const double cx = width / 2.0 + sway(width, height, frame);
  const double cy = height * 0.45;
  const double eye_dx = 0.065 * s;
  const double eye_y = cy - 0.04 * s;
  Head h{};
  h.face = {cx, cy, 0.17 * s, 0.23 * s};
  h.hair = {cx, cy - 0.05 * s, 0.19 * s, 0.23 * s};
  h.left_eye = {cx - eye_dx, eye_y, 0.03 * s, 0.014 * s};
  h.right_eye = {cx + eye_dx, eye_y, 0.03 * s, 0.014 * s};
  h.left_iris = {cx - eye_dx, eye_y, 0.012 * s, 0.012 * s};
  h.right_iris = {cx + eye_dx, eye_y, 0.012 * s, 0.012 * s};
  h.mouth = {cx, cy + 0.12 * s, 0.055 * s, 0.016 * s};
  h.shoulders = {width / 2.0, height * 1.08, 0.42 * width, 0.33 * height};
  h.neck_left = cx - 0.07 * s;
  h.neck_right = cx + 0.07 * s;
  h.neck_top = cy + 0.15 * s;
  return h;
}

Rgb head_pixel(const Head& h, double x, double y, Rgb wall) {
  Rgb c = wall;
  if (h.shoulders.contains(x, y)) c = kShirt;
  if (x >= h.neck_left && x <= h.neck_right && y >= h.neck_top && !h.shoulders.contains(x, y - 6)) {
    c = kSkin;
  }
  const bool face = h.face.contains(x, y);
  // Hair covers the head's top: inside the hair oval, and above the forehead line.
  if (h.hair.contains(x, y) && (!face || y < h.face.cy - 0.68 * h.face.ry)) c = kHair;
  if (face && !(y < h.face.cy - 0.68 * h.face.ry)) {
    c = kSkin;
    if (h.left_eye.contains(x, y) || h.right_eye.contains(x, y)) c = kEyeWhite;
    if (h.left_iris.contains(x, y) || h.right_iris.contains(x, y)) c = kIris;
    if (h.mouth.contains(x, y)) c = kLips;
  }
  return c;
}

// Cheap per-pixel hash noise in [-4, 4], different each frame.
int noise(int x, int y, std::uint32_t frame) {
  std::uint32_t v = static_cast<std::uint32_t>(x) * 73856093U ^
                    static_cast<std::uint32_t>(y) * 19349663U ^ (frame + 1) * 83492791U;
  v ^= v >> 13;
  v *= 0x5bd1e995U;
  v ^= v >> 15;
  return static_cast<int>(v % 9) - 4;
}

}  // namespace

hal::Rect synthetic_face_region(int width, int height) {
  const double s = side(width, height);
  const Head h = layout(width, height, 0);
  const double reach = 0.01 * s;  // the sway amplitude
  const int x0 = static_cast<int>(std::floor(h.face.cx - h.face.rx - reach));
  const int y0 = static_cast<int>(std::floor(h.face.cy - h.face.ry));
  const int x1 = static_cast<int>(std::ceil(h.face.cx + h.face.rx + reach));
  const int y1 = static_cast<int>(std::ceil(h.face.cy + h.face.ry));
  return hal::Rect{std::max(0, x0), std::max(0, y0), std::min(width, x1) - std::max(0, x0),
                   std::min(height, y1) - std::max(0, y0)};
}

hal::RgbImage render_scene(CameraScene scene, int width, int height, std::uint32_t frame) {
  hal::RgbImage image(width, height, 0);
  if (image.empty()) return image;
  const Head head = layout(width, height, frame);
  for (int y = 0; y < height; ++y) {
    // The wall is lit from above: a faint vertical gradient.
    const int shade = -(y * 12) / height;
    const Rgb wall{kWall[0] + shade, kWall[1] + shade, kWall[2] + shade};
    std::uint8_t* px = image.pixels.data() + image.offset(0, y);
    for (int x = 0; x < width; ++x) {
      const Rgb c = scene == CameraScene::face ? head_pixel(head, x + 0.5, y + 0.5, wall) : wall;
      const int n = noise(x, y, frame);
      for (int k = 0; k < 3; ++k)
        *px++ = static_cast<std::uint8_t>(std::clamp(c[static_cast<std::size_t>(k)] + n, 0, 255));
    }
  }
  return image;
}

}  // namespace kiosk::drivers::emu
