#pragma once
// SamIdReader: hal::IdReader over a SAM reader speaking the GA 467 frame protocol, on any
// drivers::Transport (libusb bulk, serial, emulated). The protocol is in id_reader_codec.hpp.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>

#include "drivers/common/driver_base.hpp"
#include "drivers/id_reader/id_reader_codec.hpp"
#include "drivers/transport/transport.hpp"
#include "hal/id_reader.hpp"

namespace kiosk::drivers {

struct SamIdReaderConfig {
  std::string id = "id_reader";
  std::string model = "SAM resident ID card reader (GA 467)";
  // How long a command waits for the first byte of its reply. A read takes about 0.4 s on a
  // real reader, a find about 50 ms.
  std::chrono::milliseconds response_timeout{3000};
  // Once a reply has begun, the longest gap between its pieces before it counts as cut short.
  std::chrono::milliseconds inter_byte_timeout{200};
  // Pause between two find-card polls while waiting for a card.
  std::chrono::milliseconds poll_interval{100};
  // What the SAM can do; the protocol has no query for it. A 30 10 the SAM rejects with
  // "command error" turns `fingerprint` off for the rest of the session.
  bool fingerprint = true;
  bool appended_address = true;
  // Reads the appended address (30 03) after each card; when the card has one it replaces
  // the printed address, as it is the newer registration.
  bool read_appended_address = false;
};

// Threading: as hal::Device. Commands run on the reader's own CommandQueue worker; open(),
// close() and health_check() block the caller until the worker has run them (they run inline
// when called from a completion or event handler).
class SamIdReader final : public DriverBase<hal::IdReader> {
 public:
  // `wlt` may be null: photos stay WLT bytes either way; the decoder is for callers of
  // wlt_decoder().
  SamIdReader(std::unique_ptr<Transport> transport, std::shared_ptr<const hal::WltDecoder> wlt,
              SamIdReaderConfig config = {});
  ~SamIdReader() override;
  SamIdReader(const SamIdReader&) = delete;
  SamIdReader& operator=(const SamIdReader&) = delete;

  hal::DeviceInfo info() const override;
  hal::Status open() override;
  void close() override;
  hal::Result<hal::DeviceStatus> health_check() override;

  hal::IdReaderCapabilities capabilities() const override;
  hal::RequestId read_card(hal::ReadIdOptions options, hal::Completion<hal::IdCard> done) override;
  hal::RequestId reset(hal::Completion<hal::Done> done) override;

  // The decoder given at construction (may be null).
  std::shared_ptr<const hal::WltDecoder> wlt_decoder() const;

  // Where the driver is; also published through status().
  enum class State {
    closed,  // transport not open
    idle,    // open, SAM answered, no command running
    waitingForCard,
    selecting,
    reading,
    resetting,
    checking,      // health check
    disconnected,  // the transport went away; the next command reopens it
    failed,        // the SAM reported a fault it cannot clear by itself
  };
  State state() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

std::string_view to_string(SamIdReader::State state);

}  // namespace kiosk::drivers
