#include "drivers/id_reader/sam_channel.hpp"

#include <utility>

namespace kiosk::drivers::id_reader {
namespace {

using hal::CompletionCode;

// One USB bulk transfer is 64 bytes, a serial read returns what has arrived; asking for more
// is harmless and lets an emulated link hand over a whole reply at once.
constexpr std::size_t kReadChunk = 4096;

}  // namespace

bool is_garbled(const hal::DeviceError& error) {
  if (error.code != CompletionCode::invalidData) return false;
  return error.reason == "checksum" || error.reason == "length" || error.reason == "truncated" ||
         error.reason == "garbage";
}

SamChannel::SamChannel(Transport& transport, ChannelTimeouts timeouts, ErrorCounter on_error)
    : transport_(transport), timeouts_(timeouts), on_error_(std::move(on_error)) {}

hal::Result<ResponseFrame> SamChannel::exchange(Command command,
                                                std::span<const std::uint8_t> data) {
  for (int attempt = 0;; ++attempt) {
    auto reply = send_once(command, data);
    if (reply.ok()) {
      // The SAM says our request arrived damaged: the same cure as a damaged reply.
      const auto meaning = interpret_sw3(reply.value().sw3);
      if (meaning.status != Sw3::checksumError && meaning.status != Sw3::lengthError) return reply;
      const auto err = hal::make_error(meaning.code, std::string(meaning.reason),
                                       "reader rejected the request frame");
      if (on_error_) on_error_(err);
      if (attempt == 0) {
        ++resends_;
        continue;
      }
      return reply;
    }
    const auto& err = reply.error();
    if (err.code != CompletionCode::canceled && on_error_) on_error_(err);
    if (attempt == 0 && is_garbled(err)) {
      ++resends_;
      continue;
    }
    return reply;
  }
}

hal::Result<ResponseFrame> SamChannel::send_once(Command command,
                                                 std::span<const std::uint8_t> data) {
  // Whatever is left from an earlier exchange (a late or oversized reply) is not ours.
  transport_.flush_input();
  parser_.reset();
  const Bytes request = build_request(command, data);
  auto written = transport_.write(request, timeouts_.response);
  if (!written.ok()) return written.error();
  return receive(command);
}

hal::Result<ResponseFrame> SamChannel::receive(Command command) {
  auto timeout = timeouts_.response;
  for (;;) {
    // Frames already buffered come first (a late reply may share a read with ours).
    auto frame = parser_.next();
    if (!frame.ok()) return frame.error();
    if (frame.value()) {
      auto reply = to_response(*frame.value());
      if (!reply.ok()) return reply.error();
      if (!plausible_reply(command, reply.value())) {
        ++stale_;
        timeout = timeouts_.response;
        continue;
      }
      if (parser_.buffered() > 0) {
        return hal::make_error(CompletionCode::invalidData, "length",
                               "reply longer than its frame");
      }
      return reply;
    }
    auto got = transport_.read(kReadChunk, timeout);
    if (!got.ok()) {
      if (got.error().code != CompletionCode::timeout) return got.error();
      if (parser_.frame_started()) {
        return hal::make_error(CompletionCode::invalidData, "truncated",
                               "reply ended before its length");
      }
      if (parser_.skipped() > 0 || parser_.buffered() > 0) {
        return hal::make_error(CompletionCode::invalidData, "garbage", "reply holds no frame");
      }
      return hal::make_error(CompletionCode::timeout, "timeout", "reader did not answer");
    }
    parser_.feed(got.value());
    timeout = timeouts_.inter_byte;
  }
}

}  // namespace kiosk::drivers::id_reader
