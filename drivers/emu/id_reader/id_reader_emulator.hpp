#pragma once
// The device side of a SAM resident ID card reader: answers the GA 467 frame protocol as a
// reader would, with a reader's timings (scaled by KIOSK_EMU_TIME_SCALE), a card that can be
// placed and lifted, and injectable faults.
//
// Faults (faults().inject): badChecksum (the next reply's CHK is wrong), garbage, shortFrame,
// oversizedFrame, noAnswer and unplugMidCommand (through ByteEmulator::reply). One-shot
// faults apply to the next reply, whatever command it answers; injecting one twice spoils two
// replies.

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>

#include "drivers/emu/common/byte_emulator.hpp"
#include "drivers/emu/id_reader/synthetic_citizens.hpp"
#include "drivers/id_reader/id_reader_codec.hpp"

namespace kiosk::drivers::emu {

struct IdReaderEmulatorOptions {
  bool fingerprint_supported = true;       // false: 30 10 answers 21 (command error)
  bool appended_address_supported = true;  // false: 30 03 answers 21
  bool reset_01ff_only = false;            // true: the SAM knows reset only as 01 FF
  // As field readers: after a read, find-card answers 80 (no card) while the card is still
  // there, until it is lifted. The appended-address read (30 03) still sees it.
  bool find_misses_read_card = true;
  // Printed "05.01-20261128-000000024-000000001" (id_reader::format_sam_id).
  std::vector<std::uint8_t> sam_id{0x05, 0x00, 0x01, 0x00, 0x08, 0x29, 0x35, 0x01,
                                   0x18, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00};
};

class IdReaderEmulator final : public ByteEmulator {
 public:
  explicit IdReaderEmulator(IdReaderEmulatorOptions options = {});
  ~IdReaderEmulator() override;

  // Thread-safe; take effect for the next command.
  void place_card(const SyntheticCitizen& citizen);
  void remove_card();
  bool card_present() const;

  // A SAM that fails its self-test answers `sw3` (e.g. 0x60) to SAM status until cleared.
  void set_sam_status(std::uint8_t sw3);
  // The next reads (30 01 / 30 10) answer `sw3` instead of the card (e.g. 0x41 read failed,
  // 0x31 authentication failed) until cleared with std::nullopt.
  void set_read_status(std::optional<std::uint8_t> sw3);

  // How many well-formed requests with this CMD PARA arrived (for tests).
  std::uint64_t requests(drivers::id_reader::Command command) const;

  void on_host_bytes(std::span<const std::uint8_t> bytes) override;

 private:
  void handle(const drivers::id_reader::RequestFrame& request);
  void answer(std::uint8_t sw3, std::span<const std::uint8_t> data = {});
  void answer_read(drivers::id_reader::ReadKind kind);

  const IdReaderEmulatorOptions options_;
  drivers::id_reader::FrameParser parser_;  // emulator thread only

  mutable std::mutex m_;
  std::optional<SyntheticCitizen> card_;
  bool selected_ = false;
  bool read_done_ = false;  // the card on the reader was read
  std::uint8_t sam_sw3_ = 0x90;
  std::optional<std::uint8_t> read_sw3_;
  std::map<std::uint16_t, std::uint64_t> requests_;
};

}  // namespace kiosk::drivers::emu
