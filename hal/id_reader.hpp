#pragma once
// Resident ID card reader (a SAM reader, GA 467 style). PROTOCOLS.md has the wire facts.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hal/device.hpp"
#include "hal/image.hpp"

namespace kiosk::hal {

// resident: the resident ID card; foreignPermanent: the foreign permanent-residence card (type
// character "I", and the 2023 card "Y", whose card_version reads "2023");
// hkMacauTaiwanResident: the residence permit of Hong Kong, Macau and Taiwan residents ("J").
enum class IdCardType { resident, foreignPermanent, hkMacauTaiwanResident };
enum class Sex { male, female, unspecified };

// What a card holds. Strings are UTF-8, trimmed of the card's space padding. Dates are ISO
// "YYYY-MM-DD"; valid_to is "long-term" for cards without an end date.
// This is personal data: never log it, never put it in an error message.
struct IdCard {
  IdCardType type = IdCardType::resident;
  std::string name;          // Chinese name (resident) or English name (foreign)
  std::string chinese_name;  // foreign card only, may be empty
  Sex sex = Sex::unspecified;
  std::string nation_code;  // resident: "01".."56", "97", "98"
  std::string nationality;  // foreign: ISO 3166 alpha-3 code
  std::string birth_date;
  std::string address;           // resident only, as printed on the card
  std::string appended_address;  // the newer address the police appended after a move, or empty
  std::string id_number;         // resident ID number or permanent-residence number
  std::string issuing_authority;
  std::string valid_from;
  std::string valid_to;
  std::string card_version;  // foreign only ("2023" for the 2023 card)
  std::string pass_number;   // J: the holder's Hong Kong/Macau/Taiwan travel permit number
  std::string issue_count;   // J: times this permit was issued; Y: times the card was renewed
  std::vector<std::uint8_t> photo_wlt;    // the card's photo, WLT encoded (opaque)
  std::vector<std::uint8_t> fingerprint;  // empty unless read with fingerprint
  // The photo decoded by the reader's WLT decoder when it decodes whole frames (a vendor
  // library, drivers/id_reader/wlt_library.hpp); empty otherwise (the photo is unavailable).
  std::optional<RgbImage> photo;
};

// WLT photos can only be decoded by closed vendor libraries: a kiosk plugs one in here.
class WltDecoder {
 public:
  virtual ~WltDecoder() = default;
  // Pure and thread-safe. Errors: invalidData (not a WLT image), unsupported (no decoder).
  virtual Result<RgbImage> decode(const std::vector<std::uint8_t>& wlt) const = 0;
};

struct IdReaderCapabilities {
  bool fingerprint = false;
  bool appended_address = false;
  std::string sam_id;  // SAM module id as the reader reports it
};

struct ReadIdOptions {
  bool with_fingerprint = false;
  int timeout_ms = 5000;  // how long to wait for a card to be placed
};

// Status detail codes: "sam" -> "ok" | "failed"; "card" -> "present" | "absent".
// Statistics: CommunicationErrorCount, SuccessfulCommandCount, FailedCommandCount,
// "CardsReadCount".
class IdReader : public Device {
 public:
  virtual IdReaderCapabilities capabilities() const = 0;

  // Waits for a card (up to options.timeout_ms), then finds, selects and reads it.
  // A card that was already read must be lifted off the reader first: until then this
  // completes with userError/"card_not_removed".
  // Errors: timeout ("no_card"), userError ("card_not_removed", "select_failed"),
  // invalidData ("checksum", "length", "id_check_character", "unknown_card_type"),
  // hardwareError ("sam_failed", "auth_failed", "read_failed"), deviceNotReady, canceled.
  virtual RequestId read_card(ReadIdOptions options, Completion<IdCard> done) = 0;

  // Resets the SAM. Errors: hardwareError, timeout, deviceNotReady, canceled.
  virtual RequestId reset(Completion<Done> done) = 0;
};

}  // namespace kiosk::hal
