// The reference face matcher (see face.hpp for the method and its threshold).
#include <algorithm>
#include <array>
#include <cmath>

#include "central/face/face.hpp"
#include "protocol/enum_names.hpp"

namespace kiosk::central::face {

constexpr auto kErrcNames = KIOSK_ENUM_NAMES(Errc, invalid_image, no_face);

std::string_view to_string(Errc code) {
  return protocol::name_of(kErrcNames, code);
}

namespace {

constexpr int kSide = 32;
constexpr int kColourBins = 6;
constexpr int kHistBins = kColourBins * kColourBins * kColourBins;
constexpr double kMinBackground = 96.0;  // mean top-row brightness, 0..255
constexpr double kInnerX0 = 0.25;
constexpr double kInnerY0 = 0.32;
constexpr double kInnerW = 0.5;
constexpr double kInnerH = 0.5;
constexpr double kHeadWeight = 0.3;
constexpr double kInnerWeight = 0.4;
constexpr double kColourWeight = 0.3;
// A pixel belongs to the foreground when it differs from the background colour by this much
// (sum of absolute channel differences, after lighting normalisation).
constexpr int kForegroundDistance = 60;

struct Descriptor {
  std::array<double, kSide * kSide> head{};   // zero-mean unit-norm gray, whole head
  std::array<double, kSide * kSide> inner{};  // zero-mean unit-norm gray, eyes to chin
  std::array<double, kHistBins> hist{};       // colour histogram of the head's foreground
};

struct Box {
  double x0, y0, w, h;
};

using Cells = std::array<std::array<double, 3>, kSide * kSide>;

// A lighting-normalised copy: the background is white in every photo we compare, so the
// observed top rows give the light falling on each column (gain and a left-right gradient).
// Dividing by it makes the background white again and cancels the lighting on the face.
std::vector<std::array<double, 3>> normalise_light(const Image& im) {
  const int rows = std::max(1, std::min(3, im.height / 20));
  std::vector<double> light(static_cast<std::size_t>(im.width));
  for (int x = 0; x < im.width; ++x) {
    double sum = 0;
    int n = 0;
    for (int xx = std::max(0, x - 4); xx <= std::min(im.width - 1, x + 4); ++xx) {
      for (int y = 0; y < rows; ++y) {
        const std::size_t o = (static_cast<std::size_t>(y) * static_cast<std::size_t>(im.width) +
                               static_cast<std::size_t>(xx)) *
                              3;
        sum += (im.pixels[o] + im.pixels[o + 1] + im.pixels[o + 2]) / 3.0;
        ++n;
      }
    }
    light[static_cast<std::size_t>(x)] = std::max(32.0, sum / n) / 255.0;
  }
  std::vector<std::array<double, 3>> out(static_cast<std::size_t>(im.width) *
                                         static_cast<std::size_t>(im.height));
  for (int y = 0; y < im.height; ++y) {
    for (int x = 0; x < im.width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * static_cast<std::size_t>(im.width) +
                            static_cast<std::size_t>(x);
      const double l = light[static_cast<std::size_t>(x)];
      out[i] = {std::min(255.0, im.pixels[i * 3] / l), std::min(255.0, im.pixels[i * 3 + 1] / l),
                std::min(255.0, im.pixels[i * 3 + 2] / l)};
    }
  }
  return out;
}

bool foreground(const std::array<double, 3>& p) {
  return (255.0 - p[0]) + (255.0 - p[1]) + (255.0 - p[2]) > kForegroundDistance;
}

// Finds the head: the top of the foreground, its horizontal centre and widest extent over the
// next rows. The head box is 1.2 head-widths wide and 1.3 high from the top of the hair.
Result<Box> locate_head(const std::vector<std::array<double, 3>>& px, int width, int height) {
  auto at = [&](int x, int y) -> const std::array<double, 3>& {
    return px[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
              static_cast<std::size_t>(x)];
  };
  int top = -1;
  for (int y = 0; y < height && top < 0; ++y) {
    int count = 0;
    for (int x = 0; x < width; ++x) count += foreground(at(x, y)) ? 1 : 0;
    if (count >= std::max(2, width / 100)) top = y;
  }
  if (top < 0) return FaceError{Errc::no_face, "no foreground found"};
  const int band = std::max(4, height * 35 / 100);
  double sum_x = 0, n = 0;
  int widest = 0;
  for (int y = top; y < std::min(height, top + band); ++y) {
    int left = -1, right = -1;
    for (int x = 0; x < width; ++x) {
      if (foreground(at(x, y))) {
        if (left < 0) left = x;
        right = x;
        sum_x += x;
        n += 1;
      }
    }
    if (left >= 0) widest = std::max(widest, right - left + 1);
  }
  if (n < 16 || widest < 8) return FaceError{Errc::no_face, "foreground too small for a face"};
  const double w = widest * 1.2;
  return Box{sum_x / n - w / 2.0, double(top), w, widest * 1.3};
}

// Box-filters `box` down to 32x32 cells; outside the image counts as white background.
Cells sample(const std::vector<std::array<double, 3>>& px, int width, int height, const Box& box) {
  Cells cells{};
  for (int cy = 0; cy < kSide; ++cy) {
    for (int cx = 0; cx < kSide; ++cx) {
      const int x0 = static_cast<int>(std::floor(box.x0 + box.w * cx / kSide));
      const int x1 =
          std::max(x0 + 1, static_cast<int>(std::ceil(box.x0 + box.w * (cx + 1) / kSide)));
      const int y0 = static_cast<int>(std::floor(box.y0 + box.h * cy / kSide));
      const int y1 =
          std::max(y0 + 1, static_cast<int>(std::ceil(box.y0 + box.h * (cy + 1) / kSide)));
      std::array<double, 3> acc{};
      int count = 0;
      for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) {
          const bool inside = x >= 0 && y >= 0 && x < width && y < height;
          for (std::size_t k = 0; k < 3; ++k) {
            acc[k] += inside ? px[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                                  static_cast<std::size_t>(x)][k]
                             : 255.0;
          }
          ++count;
        }
      }
      auto& cell = cells[static_cast<std::size_t>(cy * kSide + cx)];
      for (std::size_t k = 0; k < 3; ++k) cell[k] = acc[k] / count;
    }
  }
  return cells;
}

bool to_unit_gray(const Cells& cells, std::array<double, kSide * kSide>& out) {
  double mean = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    out[i] = 0.299 * cells[i][0] + 0.587 * cells[i][1] + 0.114 * cells[i][2];
    mean += out[i];
  }
  mean /= double(cells.size());
  double norm = 0;
  for (double& g : out) {
    g -= mean;
    norm += g * g;
  }
  norm = std::sqrt(norm);
  if (norm < 1e-6) return false;
  for (double& g : out) g /= norm;
  return true;
}

Result<Descriptor> describe(const Image& im) {
  if (!im.valid()) return FaceError{Errc::invalid_image, "image size and buffer do not agree"};
  if (im.width < 16 || im.height < 16)
    return FaceError{Errc::invalid_image, "image smaller than 16x16"};
  // Passport-style photos have a plain light background; without one there is no frame of
  // reference for the light or the head.
  double top_sum = 0;
  for (int x = 0; x < im.width; ++x) {
    const std::size_t o = static_cast<std::size_t>(x) * 3;
    top_sum += (im.pixels[o] + im.pixels[o + 1] + im.pixels[o + 2]) / 3.0;
  }
  if (top_sum / im.width < kMinBackground)
    return FaceError{Errc::no_face, "background too dark for a face photo"};
  const auto px = normalise_light(im);
  auto box = locate_head(px, im.width, im.height);
  if (!box) return box.error();

  Descriptor d;
  const Cells head = sample(px, im.width, im.height, *box);
  // The inner face: from just above the eyes to the chin, the middle 60% of the width.
  const Box inner{box->x0 + box->w * kInnerX0, box->y0 + box->h * kInnerY0, box->w * kInnerW,
                  box->h * kInnerH};
  const Cells features = sample(px, im.width, im.height, inner);
  if (!to_unit_gray(head, d.head) || !to_unit_gray(features, d.inner)) {
    return FaceError{Errc::no_face, "featureless image"};
  }
  double total = 0;
  for (const auto& c : head) {
    if (!foreground(c)) continue;
    auto bin = [](double v) {
      return std::min(kColourBins - 1, static_cast<int>(v / 256.0 * kColourBins));
    };
    d.hist[static_cast<std::size_t>((bin(c[0]) * kColourBins + bin(c[1])) * kColourBins +
                                    bin(c[2]))] += 1;
    total += 1;
  }
  if (total < 8) return FaceError{Errc::no_face, "too little foreground for a face"};
  for (double& h : d.hist) h /= total;
  return d;
}

double dot(const std::array<double, kSide * kSide>& a, const std::array<double, kSide * kSide>& b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

}  // namespace

Result<MatchResult> ReferenceFaceMatcher::match(const Image& capture,
                                                const Image& reference) const {
  auto a = describe(capture);
  if (!a) return a.error();
  auto b = describe(reference);
  if (!b) return b.error();
  const double head = dot(a->head, b->head);
  const double inner = dot(a->inner, b->inner);
  double intersection = 0;
  for (std::size_t i = 0; i < a->hist.size(); ++i) intersection += std::min(a->hist[i], b->hist[i]);
  MatchResult r;
  r.score = std::clamp(kHeadWeight * std::max(0.0, head) + kInnerWeight * std::max(0.0, inner) +
                           kColourWeight * intersection,
                       0.0, 1.0);
  r.is_match = r.score >= threshold_;
  return r;
}

}  // namespace kiosk::central::face
