#pragma once
// One request, one reply: sends a SAM command over a Transport and collects its reply frame,
// resending once after a garbled exchange. Used only from the reader's worker thread.

#include <chrono>
#include <cstdint>
#include <functional>
#include <span>

#include "drivers/id_reader/id_reader_codec.hpp"
#include "drivers/transport/transport.hpp"

namespace kiosk::drivers::id_reader {

struct ChannelTimeouts {
  std::chrono::milliseconds response{3000};   // until the first byte of a reply
  std::chrono::milliseconds inter_byte{200};  // between pieces of one reply
};

class SamChannel {
 public:
  // Called once per communication error (bad frame, no answer, transport failure), for
  // statistics. Not called for cancellation.
  using ErrorCounter = std::function<void(const hal::DeviceError&)>;

  SamChannel(Transport& transport, ChannelTimeouts timeouts, ErrorCounter on_error);

  // Sends `command` and returns its reply frame, whatever its SW3. Replies that cannot answer
  // `command` (plausible_reply) are late answers to an earlier command and are skipped.
  // A garbled exchange
  // (a reply with a bad checksum, an impossible or oversized length, a reply cut short or
  // random bytes, or the SAM's own "checksum"/"length" SW3 about our request) is retried
  // once after flushing input. Errors:
  //   invalidData/"checksum" | "length" | "truncated" | "garbage"  (twice in a row)
  //   timeout/"timeout"     no reply at all (not retried: the wait would double)
  //   the transport's own errors: canceled, deviceNotReady/"disconnected"|"not_open",
  //   hardwareError/"stall"|"io".
  hal::Result<ResponseFrame> exchange(Command command, std::span<const std::uint8_t> data = {});

  // How many exchanges needed their one resend, and how many late replies to earlier
  // commands were dropped (for tests and diagnostics).
  std::uint64_t resends() const { return resends_; }
  std::uint64_t stale_replies() const { return stale_; }

 private:
  hal::Result<ResponseFrame> send_once(Command command, std::span<const std::uint8_t> data);
  hal::Result<ResponseFrame> receive(Command command);

  Transport& transport_;
  ChannelTimeouts timeouts_;
  ErrorCounter on_error_;
  FrameParser parser_;
  std::uint64_t resends_ = 0;
  std::uint64_t stale_ = 0;
};

// True for the errors a resend may cure: a frame that arrived damaged.
bool is_garbled(const hal::DeviceError& error);

}  // namespace kiosk::drivers::id_reader
