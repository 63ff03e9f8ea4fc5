#pragma once
// The soak's curve: kioskd's resource samples every K renewals, printed as a table, and the
// verdict on them (flat or growing: a least-squares slope of RSS over the second half, in KiB
// per 1 000 renewals; open file descriptors must not move at all).
#include <cstddef>
#include <cstdio>
#include <vector>

namespace kiosk::bench {

struct SoakSample {
  int renewal = 0;  // renewals completed when the sample was taken
  double rss_mib = 0;
  int fds = 0;
  int threads = 0;
  double renewals_per_s = 0;  // over the window since the previous sample
};

struct SoakVerdict {
  double rss_slope_kib_per_1000 = 0;  // second half of the samples
  bool fds_flat = true;
  bool threads_flat = true;
};

// Least-squares slope of RSS (KiB) against the renewal index, times 1 000.
inline double rss_slope_kib_per_1000(const std::vector<SoakSample>& s) {
  const double n = static_cast<double>(s.size());
  if (s.size() < 2) return 0;
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const auto& p : s) {
    const double x = p.renewal, y = p.rss_mib * 1024;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const double den = n * sxx - sx * sx;
  return den == 0 ? 0 : 1000 * (n * sxy - sx * sy) / den;
}

inline SoakVerdict judge(const std::vector<SoakSample>& samples) {
  SoakVerdict v;
  if (samples.empty()) return v;
  const std::vector<SoakSample> second_half(samples.begin() + static_cast<long>(samples.size() / 2),
                                            samples.end());
  v.rss_slope_kib_per_1000 = rss_slope_kib_per_1000(second_half);
  for (const auto& s : samples) {
    v.fds_flat = v.fds_flat && s.fds == samples.front().fds;
    v.threads_flat = v.threads_flat && s.threads == samples.front().threads;
  }
  return v;
}

inline void print_sample_header() {
  std::printf("%9s %9s %5s %8s %11s\n", "renewal", "RSS MiB", "fds", "threads", "renewals/s");
}

inline void print_sample(const SoakSample& s) {
  std::printf("%9d %9.1f %5d %8d %11.2f\n", s.renewal, s.rss_mib, s.fds, s.threads,
              s.renewals_per_s);
  std::fflush(stdout);
}

}  // namespace kiosk::bench
