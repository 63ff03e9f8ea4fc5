// The ID reader's SAM frame stream (drivers/id_reader/id_reader_codec.hpp): what a reader sends
// over USB or serial, in arbitrary splits.
//
// Input: one byte of split seed, then the stream. Checks:
//  * FrameParser yields the same frames and errors whether the stream arrives whole or in
//    chunks (a USB transfer boundary must not change what is parsed);
//  * its errors are the promised invalidData "length" / "checksum";
//  * every frame re-encodes to itself (build_frame), and a response re-parses equal;
//  * decode_id_reply_frame, the offline decoder of captures, never crashes.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "drivers/id_reader/id_reader_codec.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using namespace kiosk::drivers::id_reader;
using kiosk::fuzz::require;

// One frame or one error, as the parser produced them.
struct Item {
  Bytes payload;
  std::string error;
  bool operator==(const Item&) const = default;
};

void drain(FrameParser& parser, std::vector<Item>& out) {
  for (;;) {
    auto next = parser.next();
    if (!next.ok()) {
      require(next.error().code == kiosk::hal::CompletionCode::invalidData, "error code");
      kiosk::fuzz::require_reason(next.error().reason, {"length", "checksum"}, "FrameParser");
      out.push_back(Item{{}, next.error().reason});
      continue;
    }
    if (!next.value()) return;
    out.push_back(Item{std::move(next.value()->payload), {}});
  }
}

void check_frame(const Bytes& payload) {
  // A frame's payload rebuilt gives back exactly one frame with that payload.
  const Bytes wire = build_frame(payload);
  FrameParser again;
  again.feed(wire);
  auto f = again.next();
  require(f.ok() && f.value() && f.value()->payload == payload, "build_frame round trip");

  auto response = to_response(RawFrame{payload});
  if (response.ok()) {
    const auto& r = response.value();
    const Bytes rebuilt = build_response(r.sw3, r.data, r.sw1, r.sw2);
    require(rebuilt == wire, "build_response round trip");
  }
  auto request = to_request(RawFrame{payload});
  if (request.ok()) {
    (void)plausible_reply(request.value().command, ResponseFrame{});
  }
  if (response.ok()) {
    for (Command c : {cmd::kFindCard, cmd::kSelectCard, cmd::kReadTextPhoto, cmd::kReadSamId}) {
      (void)plausible_reply(c, response.value());
    }
    (void)format_sam_id(response.value().data);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t split_seed = data[0];
  const std::span<const std::uint8_t> stream(data + 1, size - 1);

  FrameParser whole;
  whole.feed(stream);
  std::vector<Item> expected;
  drain(whole, expected);

  FrameParser chunked;
  std::vector<Item> got;
  std::size_t chunk = static_cast<std::size_t>(split_seed % 61) + 1;
  for (std::size_t at = 0; at < stream.size();) {
    const std::size_t n = std::min(chunk, stream.size() - at);
    chunked.feed(stream.subspan(at, n));
    drain(chunked, got);
    at += n;
    chunk = chunk * 7 % 61 + 1;  // vary the split along the stream
  }
  require(got == expected, "chunked parse differs from whole parse");

  for (const Item& item : expected) {
    if (item.error.empty()) check_frame(item.payload);
  }

  (void)decode_id_reply_frame(stream);
  return 0;
}
