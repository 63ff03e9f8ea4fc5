// bench_card_job [runs]: median wall time to turn two RGB card sides into the printer's
// command stream (Pr, Ss, Sr, 5 panels, Sv, 5 panels, Se), with the specimen licence as input.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "drivers/card_printer/card_printer_codec.hpp"
#include "firmware/card_layout/specimen.hpp"

int main(int argc, char** argv) {
  namespace cp = kiosk::drivers::card_printer;
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 15;
  const auto specimen = kiosk::card_layout::specimen_licence_job();
  if (!specimen.ok()) {
    std::fprintf(stderr, "specimen layout failed: %s\n", specimen.error().message.c_str());
    return 1;
  }
  const auto& job = specimen.value();
  std::vector<double> ms;
  std::size_t bytes = 0;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto built = cp::build_job(job);
    if (!built.ok()) {
      std::fprintf(stderr, "build_job failed: %s\n", built.error().reason.c_str());
      return 1;
    }
    bytes = cp::flatten(built.value()).size();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
  }
  std::sort(ms.begin(), ms.end());
  std::printf(
      "bench_card_job: duplex YMCKO job, %d runs: median %.1f ms (min %.1f, max %.1f), %zu bytes "
      "on the wire\n",
      runs, ms[ms.size() / 2], ms.front(), ms.back(), bytes);
  return 0;
}
