#pragma once
// The engine's ports: everything it cannot control comes in through these small interfaces
// (STYLE.md rule 6). kioskd adapts kiosk::journal::Journal, kiosk::sync::CentralClient, its
// card layout and the real or emulated drivers to them; tests use the fakes in
// tests/support/.
//
// Threading: the engine calls every port from its session thread, from recover() and from
// the maintenance methods; an adapter must be thread-safe (the journal and the central client
// of FIRMWARE_BRIEF are).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "firmware/engine/outcome.hpp"
#include "firmware/engine/result.hpp"
#include "firmware/engine/step.hpp"
#include "hal/camera.hpp"
#include "hal/card_printer.hpp"
#include "hal/id_reader.hpp"
#include "hal/payment_scanner.hpp"
#include "hal/receipt_printer.hpp"

namespace kiosk::engine {

// ---- Journal ---------------------------------------------------------------------------

enum class Phase { intent, done, failed, compensated };
std::string_view to_string(Phase phase);

// One journalled step. `data` is non-personal (it goes to central in the outbox);
// `personal` is encrypted at rest by the journal and may be null.
struct StepRecord {
  Step step = Step::session_started;
  Phase phase = Phase::intent;
  nlohmann::json data = nlohmann::json::object();
  nlohmann::json personal;  // null when none
  std::string idempotency_key;
};

struct TransactionSummary {
  std::string id;       // "tx-<32 hex>"
  std::string service;  // "renewal", ...
  bool finished = false;
  std::optional<Outcome> outcome;  // set when finished
};

struct TransactionDetail {
  TransactionSummary summary;
  std::vector<StepRecord> steps;  // in journal order, personal decrypted
};

enum class CardOutcome { issued, spoiled, retained };
std::string_view to_string(CardOutcome outcome);

struct StockCounts {
  std::uint64_t loaded = 0, issued = 0, spoiled = 0, retained = 0, reserved = 0, remaining = 0;
};

// Errors: disk_full (nothing written), stock_empty (reserve_card), not_found, storage (also a
// journalled step or outcome the engine does not know: it never guesses what happened).
class JournalPort {
 public:
  virtual ~JournalPort() = default;
  virtual Result<std::string> begin_transaction(const std::string& service) = 0;
  virtual Result<std::uint64_t> record_step(const std::string& txn, const StepRecord& step) = 0;
  // `outcome` is never Outcome::pending (an unfinished transaction is not finished).
  virtual Result<Done> finish_transaction(const std::string& txn, Outcome outcome) = 0;
  virtual Result<std::vector<TransactionSummary>> unfinished_transactions() = 0;
  virtual Result<TransactionDetail> transaction(const std::string& txn) = 0;
  virtual Result<std::string> reserve_card(const std::string& txn) = 0;  // => card serial
  // The card `txn` holds reserved without an outcome, if any (read-only).
  virtual Result<std::optional<std::string>> reserved_card(const std::string& txn) = 0;
  virtual Result<Done> record_card_outcome(const std::string& serial, CardOutcome outcome,
                                           const std::string& reason) = 0;
  virtual Result<StockCounts> stock_counts() = 0;
  virtual Result<std::uint64_t> append_event(const std::string& type,
                                             const nlohmann::json& payload) = 0;
  virtual Result<Done> audit(const std::string& actor, const std::string& action,
                             const nlohmann::json& details) = 0;
  virtual Result<std::optional<std::string>> get_setting(const std::string& key) = 0;
  virtual Result<Done> set_setting(const std::string& key, const std::string& value) = 0;
};

// ---- Central office --------------------------------------------------------------------

// Service names on the wire: "renewal", "replace_lost", "replace_damaged", "info_query".
struct EligibilityRequest {
  std::string id_number;  // personal
  std::string service;
};

// What the registry holds about the licence, shown to the citizen (personal).
struct LicenceSummary {
  std::string holder_name;
  std::string file_number;
  std::string classes;     // "C1E"
  std::string valid_from;  // YYYY-MM-DD
  std::string valid_to;    // YYYY-MM-DD or "" for long-term
  std::string state;       // valid | expired | suspended | revoked | lost_reported
  int points = 0;
};

// central/registry Decision: reasons are the registry's Reason names ("points_cycle", ...).
struct EligibilityDecision {
  bool eligible = false;
  std::vector<std::string> reasons;
  std::int64_t fee_fen = 0;
  std::string new_valid_from, new_valid_to, new_term;  // when eligible, except info_query
  bool requires_card_return = false;
  LicenceSummary licence;
};

struct FaceMatchRequest {
  std::string id_number;  // personal
  hal::RgbImage capture;  // personal: the adapter encodes it (PNG base64)
};
struct FaceMatchResult {
  bool match = false;
  int score_permille = 0;
};

// central/payment Order, as the engine needs it. state:
// created|paid|declined|unknown|refunded|cancelled.
struct PaymentOrder {
  std::string order_id;
  std::int64_t amount_fen = 0;
  std::string state;
  std::string qr;  // "kiosk24pay://order/<id>?amount=<fen>"
  std::string decline_reason;
};
struct CreatePaymentRequest {
  std::int64_t amount_fen = 0;
  std::string description;  // the service name
};
enum class ChargeOutcome { approved, declined, timeout };
struct ChargeResult {
  PaymentOrder order;
  ChargeOutcome outcome = ChargeOutcome::declined;
};

struct IssuanceRequest {
  std::string id_number;  // personal
  std::string service;
  std::string order_id;  // empty when the fee is 0
};
// The office-signed card data: `card` is the parsed payload (what the card shows).
struct IssuanceAuthorisation {
  std::string authorisation_id;
  nlohmann::json card = nlohmann::json::object();
  std::string payload;    // canonical signed document, verbatim
  std::string signature;  // base64
};
struct ElicenceReissue {
  std::string reissue_id;
};

// Every call that changes state at central takes an idempotency key: the same key returns
// the same answer. Errors: unreachable, timeout, circuit_open (outcome unknown; retry with the
// same key or query), rejected{reason = api code, http_status} (a definite no).
class CentralPort {
 public:
  virtual ~CentralPort() = default;
  // False while the circuit breaker is open (new sessions are refused at the start).
  virtual bool available() = 0;
  virtual Result<EligibilityDecision> eligibility(const EligibilityRequest& request,
                                                  const std::string& key) = 0;
  virtual Result<FaceMatchResult> face_match(const FaceMatchRequest& request,
                                             const std::string& key) = 0;
  virtual Result<PaymentOrder> create_payment(const CreatePaymentRequest& request,
                                              const std::string& key) = 0;
  virtual Result<ChargeResult> charge_payment(const std::string& order_id,
                                              const std::string& payment_code,
                                              const std::string& key) = 0;
  virtual Result<PaymentOrder> payment_status(const std::string& order_id) = 0;
  // Compare-and-set at central: cancels the order only while it is still `created`, so that a
  // charge in flight can no longer commit. Rejected "not_chargeable" when it has moved on
  // (then payment_status says where to); an order already cancelled answers it again.
  virtual Result<PaymentOrder> cancel_payment(const std::string& order_id,
                                              const std::string& key) = 0;
  virtual Result<PaymentOrder> refund(const std::string& order_id, const std::string& key) = 0;
  virtual Result<IssuanceAuthorisation> authorise_issuance(const IssuanceRequest& request,
                                                           const std::string& key) = 0;
  virtual Result<ElicenceReissue> reissue_elicence(const std::string& authorisation_id,
                                                   const std::string& key) = 0;
};

// ---- Clock, card renderer, devices -------------------------------------------------------

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;     // timestamps
  virtual std::chrono::steady_clock::time_point steady() const = 0;  // timeouts
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now();
  }
  std::chrono::steady_clock::time_point steady() const override {
    return std::chrono::steady_clock::now();
  }
};

// What the card printer prints, from the office-signed data and the accepted licence photo.
struct CardIssueData {
  IssuanceAuthorisation authorisation;
  std::string card_serial;  // the blank card's stock serial
  std::string language;     // session language, "zh" | "en" (the card itself is bilingual)
};

// Implemented by the card layout (kioskd helper). Pure; thread-safe. Errors: invalid_argument.
class CardRenderer {
 public:
  virtual ~CardRenderer() = default;
  virtual Result<hal::CardJob> render(const CardIssueData& data, const hal::RgbImage& photo) = 0;
};

// The five devices, owned by the caller, opened before the engine runs and alive while it
// lives. The engine uses them only through their asynchronous commands, health checks and
// events; it installs its own event handler on the ID reader and the card printer.
struct Devices {
  hal::IdReader* id_reader = nullptr;
  hal::CardPrinter* card_printer = nullptr;
  hal::ReceiptPrinter* receipt_printer = nullptr;
  hal::Camera* camera = nullptr;
  hal::PaymentScanner* payment_scanner = nullptr;
};

}  // namespace kiosk::engine
