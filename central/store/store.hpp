#pragma once
// The central office's storage behind one interface (kiosk_central_store). Two backends share
// one SQL implementation and schema semantics: SQLite (WAL, synchronous=FULL, default) and
// PostgreSQL (libpq; several server instances may share one database).
//
// Contract: every method is thread-safe and atomic on its own (one transaction). Outcomes the
// caller must handle (a gap, a conflict, a replayed idempotency key) are return values;
// failures of the storage itself throw StoreError. Strings holding JSON are stored verbatim.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/wire/record.hpp"

namespace kiosk::central {
// The sync protocol's record format is the protocol library's (protocol/wire).
namespace wire = protocol::wire;
}  // namespace kiosk::central

namespace kiosk::central::store {

class StoreError : public std::runtime_error {
 public:
  enum class Kind {
    invalid_url,     // open_store could not understand the URL
    unavailable,     // cannot open / connect / the database went away
    busy,            // locked for longer than the busy timeout
    schema_too_new,  // the database was migrated by a newer server: refuse to touch it
    failed,          // any other SQL error (message names the operation, never data)
  };
  StoreError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// ---- kiosks, certificates, revocations, enrolment tokens ----
struct KioskRow {
  std::string kiosk_id;
  std::string status;            // "active" | "revoked"
  std::string cert_serial;       // hex serial of the current certificate ("" if unknown)
  std::int64_t enrolled_at = 0;  // unix seconds
};

struct EnrolmentToken {
  std::int64_t id = 0;
  std::string kiosk_id;
  std::string salt;
  std::string
      hash;  // hash of salt||token (central/pki/tokens.hpp); the token itself is never stored
  std::int64_t expires_at = 0;
};

// ---- events ----
// A record the server has parsed and verified, with its canonical bytes and hash computed.
struct PreparedRecord {
  wire::Record record;
  std::string canonical;
  std::string hash;
};

struct EventHead {
  std::uint64_t seq = 0;  // highest contiguous sequence stored (0: none)
  std::string hash{wire::kGenesisHash};
};

struct AppendOutcome {
  enum class Status { stored, conflict, sequence_gap, broken_chain };
  Status status = Status::stored;
  std::uint64_t acked_seq = 0;          // after the call
  std::uint64_t stored = 0;             // new records stored by this call
  std::uint64_t expected_sequence = 0;  // sequence_gap: acked+1; broken_chain: offending seq
  std::uint64_t conflict_seq = 0;       // conflict: the seq whose content differs
};

struct StoredEvent {
  std::string kiosk_id;
  std::uint64_t seq = 0;
  std::string type;
  std::string occurred_at;
  std::string payload;  // JSON text
  std::string prev_hash;
  std::string hash;
  std::string signature;
  std::int64_t received_at = 0;
};

struct CardStockRow {
  std::string kiosk_id;
  std::int64_t loaded = 0, issued = 0, spoiled = 0, retained = 0;
  std::int64_t expected_stock() const { return loaded - issued - spoiled - retained; }
};

// ---- idempotency ----
struct IdempotencyClaim {
  enum class Status {
    claimed,      // first time: act, then complete() (or release() on a server fault)
    replay,       // done before: answer http_status/body again
    in_progress,  // another request holds the key (not stale yet)
    mismatch,     // the key was used with a different request body
  };
  Status status = Status::claimed;
  int http_status = 0;
  std::string body;
};

// ---- heartbeats and fleet ----
struct FleetRow {
  std::string kiosk_id;
  std::string status;
  std::uint64_t acked_seq = 0;
  std::optional<std::int64_t> last_heartbeat_at;
  std::optional<std::string> heartbeat;  // JSON text
};

// ---- payments ----
struct PaymentRow {
  std::string order_id;
  std::string kiosk_id;
  std::string document;  // JSON text of central/payment's Order
};

// ---- issuances ----
// An authorisation's life: reserved when central signs it; delivered when the kiosk reports
// the card handed out (it asks for the e-licence re-issue, which it does only then); voided
// when the order that paid for it is refunded. delivered and voided are final.
namespace issuance_state {
inline constexpr std::string_view reserved = "reserved";
inline constexpr std::string_view delivered = "delivered";
inline constexpr std::string_view voided = "voided";
}  // namespace issuance_state

struct IssuanceRow {
  std::string authorisation_id;
  std::string kiosk_id;
  std::string id_number;
  std::string state;     // issuance_state: "reserved" | "delivered" | "voided"
  std::string document;  // JSON text (the signed authorisation)
  std::int64_t created_at = 0;
};

// ---- retention ----
// What purge_personal_data changed (rows made free of personal data by this call).
struct PurgeCounts {
  std::uint64_t idempotency_answers = 0;
  std::uint64_t issuances = 0;
  std::uint64_t elicence_reissues = 0;
  std::uint64_t total() const { return idempotency_answers + issuances + elicence_reissues; }
};

// The answer a purged idempotency key replays: typed, final, and never a second action.
inline constexpr int kPurgedAnswerStatus = 410;
inline constexpr std::string_view kPurgedAnswerBody =
    R"({"error":{"code":"answer_purged","message":"the answer to this request is past its retention and was purged"}})";

class Store {
 public:
  virtual ~Store() = default;
  virtual std::string backend() const = 0;  // "sqlite" | "postgresql"
  virtual int schema_version() const = 0;

  // Kiosks. upsert_kiosk records the current certificate; it never re-activates a revoked kiosk.
  virtual void upsert_kiosk(const std::string& kiosk_id, const std::string& cert_serial,
                            std::int64_t now) = 0;
  // Enrolment: the kiosk's new certificate, and the kiosk (re)activated.
  virtual void enrol_kiosk(const std::string& kiosk_id, const std::string& cert_serial,
                           std::int64_t now) = 0;
  virtual std::optional<KioskRow> kiosk(const std::string& kiosk_id) = 0;
  virtual std::vector<KioskRow> kiosks() = 0;
  // Revokes the certificate serial (and, when given, marks the kiosk revoked).
  virtual void revoke(const std::string& serial_hex, const std::string& kiosk_id,
                      std::int64_t now) = 0;
  virtual bool is_revoked(const std::string& serial_hex) = 0;
  virtual std::vector<std::string> revoked_serials() = 0;
  virtual std::int64_t add_enrolment_token(const EnrolmentToken& token) = 0;
  // Unused, unexpired tokens for the kiosk.
  virtual std::vector<EnrolmentToken> open_enrolment_tokens(const std::string& kiosk_id,
                                                            std::int64_t now) = 0;
  // Marks the token used; false if it was used meanwhile (a token works once).
  virtual bool consume_enrolment_token(std::int64_t id, std::int64_t now) = 0;

  // Events. Applies the upload rules of docs/sync-protocol.md steps 5-7 atomically: all of
  // `batch` (consecutive seqs, all kiosk_id == kiosk_id, signatures already verified) or none.
  virtual AppendOutcome append_events(const std::string& kiosk_id,
                                      const std::vector<PreparedRecord>& batch,
                                      std::int64_t now) = 0;
  virtual EventHead head(const std::string& kiosk_id) = 0;
  virtual std::vector<StoredEvent> events(const std::string& kiosk_id, std::uint64_t from_seq,
                                          std::size_t limit) = 0;
  virtual std::vector<StoredEvent> recent_events(std::size_t limit) = 0;
  virtual std::uint64_t event_count() = 0;
  virtual std::vector<CardStockRow> card_stock() = 0;

  // Idempotency. `scope` is "METHOD /route"; request_hash the hex SHA-256 of the body. A
  // pending claim older than `stale_after_s` is taken over (its holder crashed).
  virtual IdempotencyClaim claim_idempotency(const std::string& kiosk_id, const std::string& scope,
                                             const std::string& key,
                                             const std::string& request_hash, std::int64_t now,
                                             std::int64_t stale_after_s = 60) = 0;
  virtual void complete_idempotency(const std::string& kiosk_id, const std::string& scope,
                                    const std::string& key, int http_status,
                                    const std::string& body) = 0;
  virtual void release_idempotency(const std::string& kiosk_id, const std::string& scope,
                                   const std::string& key) = 0;
  // The body a completed claim answers with (nullopt: none, or not completed).
  virtual std::optional<std::string> idempotency_answer(const std::string& kiosk_id,
                                                        const std::string& scope,
                                                        const std::string& key) = 0;

  // Payment orders (JSON documents of central/payment). update_payment is compare-and-swap on
  // the previous document, which serialises changes to one order across server instances.
  virtual bool insert_payment(const std::string& order_id, const std::string& kiosk_id,
                              const std::string& document, std::int64_t now) = 0;
  virtual std::optional<std::string> payment(const std::string& order_id,
                                             std::string* kiosk_id = nullptr) = 0;
  virtual bool update_payment(const std::string& order_id, const std::string& expected_document,
                              const std::string& new_document, std::int64_t now) = 0;
  virtual std::size_t payment_count() = 0;
  // Every order of the kiosk (document JSON text), oldest first (reconcile reads them all).
  virtual std::vector<PaymentRow> payments_of(const std::string& kiosk_id) = 0;

  // Registry (licence JSON of central/registry, keyed by ID number) and photos.
  virtual void put_citizen(const std::string& id_number, const std::string& scenario,
                           const std::string& licence_json) = 0;
  virtual std::optional<std::string> citizen(const std::string& id_number) = 0;
  // CAS like update_payment: false when the licence changed meanwhile.
  virtual bool update_citizen(const std::string& id_number, const std::string& expected_json,
                              const std::string& new_json) = 0;
  virtual std::size_t citizen_count() = 0;
  virtual void put_photo(const std::string& photo_ref, const std::string& bytes) = 0;
  virtual std::optional<std::string> photo(const std::string& photo_ref) = 0;

  // Issuances: an authorisation reserves a card.
  virtual void insert_issuance(const IssuanceRow& row) = 0;
  virtual std::optional<IssuanceRow> issuance(const std::string& authorisation_id) = 0;
  virtual std::vector<IssuanceRow> issuances(std::size_t limit) = 0;
  // Every authorisation of the kiosk, oldest first.
  virtual std::vector<IssuanceRow> issuances_of(const std::string& kiosk_id) = 0;
  // Compare-and-set of an authorisation's state; false when it was not `from`.
  virtual bool set_issuance_state(const std::string& authorisation_id, const std::string& from,
                                  const std::string& to) = 0;
  virtual void put_elicence_reissue(const std::string& reissue_id,
                                    const std::string& authorisation_id,
                                    const std::string& document, std::int64_t now) = 0;

  // Configuration documents (signed JSON text), strictly increasing versions.
  virtual bool put_config(std::int64_t version, const std::string& signed_document,
                          std::int64_t now) = 0;
  virtual std::optional<std::pair<std::int64_t, std::string>> latest_config() = 0;

  // Heartbeats: the last one per kiosk.
  virtual void put_heartbeat(const std::string& kiosk_id, const std::string& document,
                             std::int64_t now) = 0;
  virtual std::vector<FleetRow> fleet() = 0;

  // Retention (docs/kiosk-central.md "Personal data retention"): strips personal data from
  // what was stored before `cutoff` (unix seconds), keeping ids, states, amounts and hashes.
  //  * idempotency answers (eligibility and issuance answers hold the licence record): body
  //    replaced by kPurgedAnswerBody with status kPurgedAnswerStatus, request hash dropped; the
  //    key stays claimed, so a replay gets that typed answer and never acts again. The
  //    "issuance.order" markers (body: an authorisation id) keep their body; their request
  //    hash (SHA-256 of the ID number) is dropped;
  //  * issuances: id_number emptied, document replaced by {"purged":true,"document_sha256"};
  //  * e-licence reissues: document reduced to its ids plus "purged" and "document_sha256".
  // Pending claims, events, payments, kiosks and the registry itself are left alone.
  // Idempotent: purged rows are not counted again.
  virtual PurgeCounts purge_personal_data(std::int64_t cutoff) = 0;
};

// "sqlite:/path/to/db" (or "sqlite::memory:" for tests) or "postgresql://..." / "postgres://...".
// Runs the migrations. Throws StoreError.
std::unique_ptr<Store> open_store(const std::string& url);

}  // namespace kiosk::central::store

namespace kiosk::central::store {
// The two backends directly. SQLite: one connection (writers serialise anyway; WAL lets other
// processes read). PostgreSQL: a pool of `pool_size` connections.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);
std::unique_ptr<Store> open_postgres_store(const std::string& conninfo, int pool_size = 8);
// The newest schema version this build knows.
int latest_schema_version();
}  // namespace kiosk::central::store
