#include "drivers/emu/id_reader/id_reader_emulator.hpp"

#include <chrono>

#include "drivers/emu/common/time_scale.hpp"

namespace kiosk::drivers::emu {
namespace {

namespace idr = drivers::id_reader;
using std::chrono::milliseconds;

// Timings of a CVR-100-class reader.
constexpr milliseconds kSamCommandTime{10};
constexpr milliseconds kResetTime{200};
constexpr milliseconds kFindTime{50};
constexpr milliseconds kSelectTime{30};
constexpr milliseconds kReadTime{400};
constexpr milliseconds kReadFingerprintTime{600};
constexpr milliseconds kAppendedAddressTime{100};

constexpr std::uint8_t kOk = 0x90;

std::uint16_t key(idr::Command c) {
  return static_cast<std::uint16_t>(c.cmd << 8 | c.para);
}

}  // namespace

IdReaderEmulator::IdReaderEmulator(IdReaderEmulatorOptions options)
    : ByteEmulator("id_reader"), options_(std::move(options)) {}

IdReaderEmulator::~IdReaderEmulator() {
  stop();
}

void IdReaderEmulator::place_card(const SyntheticCitizen& citizen) {
  std::lock_guard lock(m_);
  card_ = citizen;
  selected_ = false;
  read_done_ = false;
}

void IdReaderEmulator::remove_card() {
  std::lock_guard lock(m_);
  card_.reset();
  selected_ = false;
  read_done_ = false;
}

bool IdReaderEmulator::card_present() const {
  std::lock_guard lock(m_);
  return card_.has_value();
}

void IdReaderEmulator::set_sam_status(std::uint8_t sw3) {
  std::lock_guard lock(m_);
  sam_sw3_ = sw3;
}

void IdReaderEmulator::set_read_status(std::optional<std::uint8_t> sw3) {
  std::lock_guard lock(m_);
  read_sw3_ = sw3;
}

std::uint64_t IdReaderEmulator::requests(idr::Command command) const {
  std::lock_guard lock(m_);
  const auto it = requests_.find(key(command));
  return it == requests_.end() ? 0 : it->second;
}

void IdReaderEmulator::on_host_bytes(std::span<const std::uint8_t> bytes) {
  parser_.feed(bytes);
  for (;;) {
    auto frame = parser_.next();
    if (!frame.ok()) {
      // A reader answers a damaged request with its own checksum or length status.
      answer(frame.error().reason == "checksum" ? 0x10 : 0x11);
      continue;
    }
    if (!frame.value()) return;
    auto request = idr::to_request(*frame.value());
    if (!request.ok()) {
      answer(0x11);
      continue;
    }
    handle(request.value());
  }
}

void IdReaderEmulator::handle(const idr::RequestFrame& request) {
  const idr::Command c = request.command;
  std::uint8_t sam_sw3 = kOk;
  bool present = false;
  bool already_read = false;
  {
    std::lock_guard lock(m_);
    ++requests_[key(c)];
    sam_sw3 = sam_sw3_;
    present = card_.has_value();
    already_read = read_done_;
  }
  if (c == idr::cmd::kSamStatus) {
    device_delay(kSamCommandTime, stop_flag());
    answer(sam_sw3);
  } else if (c == idr::cmd::kReadSamId) {
    device_delay(kSamCommandTime, stop_flag());
    answer(kOk, options_.sam_id);
  } else if (c == idr::cmd::kResetSam || c == idr::cmd::kResetSamAlt) {
    if (c == idr::cmd::kResetSam && options_.reset_01ff_only) {
      answer(0x21);
      return;
    }
    device_delay(kResetTime, stop_flag());
    {
      std::lock_guard lock(m_);
      selected_ = false;
    }
    answer(kOk);
  } else if (c == idr::cmd::kFindCard) {
    device_delay(kFindTime, stop_flag());
    // A found card answers 9F with four zero bytes; no card answers 80 alone.
    static constexpr std::uint8_t kFound[4] = {0, 0, 0, 0};
    // As field readers do, a card already read is not found again until it is lifted.
    if (present && !(already_read && options_.find_misses_read_card)) {
      answer(0x9F, kFound);
    } else {
      answer(0x80);
    }
  } else if (c == idr::cmd::kSelectCard) {
    device_delay(kSelectTime, stop_flag());
    static constexpr std::uint8_t kSelected[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    {
      std::lock_guard lock(m_);
      selected_ = card_.has_value();
    }
    if (present) {
      answer(kOk, kSelected);
    } else {
      answer(0x81);
    }
  } else if (c == idr::cmd::kReadTextPhoto) {
    answer_read(idr::ReadKind::textPhoto);
  } else if (c == idr::cmd::kReadWithFingerprint) {
    if (!options_.fingerprint_supported) {
      answer(0x21);
      return;
    }
    answer_read(idr::ReadKind::withFingerprint);
  } else if (c == idr::cmd::kReadAppendedAddress) {
    if (!options_.appended_address_supported) {
      answer(0x21);
      return;
    }
    device_delay(kAppendedAddressTime, stop_flag());
    std::string address;
    {
      std::lock_guard lock(m_);
      if (!card_ || !selected_) {
        answer(0x41);
        return;
      }
      address = card_->appended_address;
    }
    if (address.empty()) {
      answer(0x91);
      return;
    }
    auto data = idr::encode_appended_address(address);
    answer(data.ok() ? kOk : 0x41, data.ok() ? std::span<const std::uint8_t>(data.value())
                                             : std::span<const std::uint8_t>{});
  } else {
    answer(0x21);
  }
}

void IdReaderEmulator::answer_read(idr::ReadKind kind) {
  device_delay(kind == idr::ReadKind::textPhoto ? kReadTime : kReadFingerprintTime, stop_flag());
  std::optional<hal::IdCard> card;
  std::optional<std::uint8_t> forced;
  {
    std::lock_guard lock(m_);
    forced = read_sw3_;
    if (card_ && selected_) card = card_->card;
  }
  if (forced) {
    answer(*forced);
    return;
  }
  if (!card) {
    answer(0x41);  // read failed: no selected card
    return;
  }
  auto data = idr::encode_read_reply_data(*card, kind);
  if (!data.ok()) {
    answer(0x41);
    return;
  }
  {
    std::lock_guard lock(m_);
    read_done_ = true;
  }
  answer(kOk, data.value());
}

void IdReaderEmulator::answer(std::uint8_t sw3, std::span<const std::uint8_t> data) {
  auto frame = idr::build_response(sw3, data);
  if (faults().take(Fault::badChecksum)) frame.back() ^= 0x5A;
  reply(std::move(frame));
}

}  // namespace kiosk::drivers::emu
