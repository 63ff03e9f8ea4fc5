// bench_id_frame: how long decoding one 30 01 reply frame (1295 bytes: parse, checksum,
// UCS-2 text block, check character) takes.
//
//   bench_id_frame [iterations] [frame-file]
//
// Without a file it decodes a frame built for the first synthetic citizen; a file may hold
// the frame as binary or hex text (see parse_hex_or_binary). Prints the median, with the
// fastest and the 90th percentile, in nanoseconds per decode.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "drivers/emu/id_reader/synthetic_citizens.hpp"
#include "drivers/id_reader/id_reader_codec.hpp"

namespace idr = kiosk::drivers::id_reader;

int main(int argc, char** argv) {
  const long iterations = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 20000;
  if (iterations <= 0) {
    std::fprintf(stderr, "usage: bench_id_frame [iterations] [frame-file]\n");
    return 2;
  }
  std::vector<std::uint8_t> frame;
  if (argc > 2) {
    std::ifstream in(argv[2], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot open %s\n", argv[2]);
      return 1;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    auto bytes = idr::parse_hex_or_binary(ss.str());
    if (!bytes.ok()) {
      std::fprintf(stderr, "cannot read frame: %s\n", bytes.error().reason.c_str());
      return 1;
    }
    frame = std::move(bytes).value();
  } else {
    const auto& card = kiosk::drivers::emu::synthetic_citizens().front().card;
    frame = idr::build_response(
        0x90, idr::encode_read_reply_data(card, idr::ReadKind::textPhoto).value());
  }
  auto check = idr::decode_id_reply_frame(frame);
  if (!check.ok()) {
    std::fprintf(stderr, "frame does not decode: %s\n", check.error().reason.c_str());
    return 1;
  }

  std::vector<double> ns;
  ns.reserve(static_cast<std::size_t>(iterations));
  std::size_t sink = 0;
  for (long i = 0; i < iterations; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    auto r = idr::decode_id_reply_frame(frame);
    const auto t1 = std::chrono::steady_clock::now();
    sink += r.ok() ? r.value().name.size() : 1;
    ns.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
  }
  std::sort(ns.begin(), ns.end());
  const auto at = [&](double q) {
    return ns[static_cast<std::size_t>(q * static_cast<double>(ns.size() - 1))];
  };
  std::printf("bench_id_frame: %zu-byte frame, %ld iterations\n", frame.size(), iterations);
  std::printf("median_ns_per_decode %.0f\nmin_ns %.0f\np90_ns %.0f\n", at(0.5), ns.front(),
              at(0.9));
  return sink == 0 ? 1 : 0;
}
