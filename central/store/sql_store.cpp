// SqlStore: the Store over either SQL connection. The upload rules live here once.
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "central/store/schema.hpp"
#include "central/store/sql.hpp"
#include "protocol/crypto/sha256.hpp"
#include "protocol/wire/chain.hpp"

namespace kiosk::central::store {
namespace {

using sql::Connection;
using sql::Dialect;
using sql::Params;
using sql::to_int;

std::string text(const std::optional<std::string>& v) {
  return v.value_or(std::string());
}

class SqlStore final : public Store {
 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;

  // `writers` opens read-write connections (pool of `pool_size`); `readers`, when given, opens
  // connections used only for reads (pool of `readers_size`).
  SqlStore(Factory writers, int pool_size, Factory readers = nullptr, int readers_size = 0)
      : writers_(writers, pool_size) {
    auto first = writers();
    dialect_ = first->dialect();
    version_ = sql::migrate(*first);
    writers_.add(std::move(first));
    if (readers) readers_ = std::make_unique<Pool>(std::move(readers), readers_size);
  }

  std::string backend() const override {
    return dialect_ == Dialect::sqlite ? "sqlite" : "postgresql";
  }
  int schema_version() const override { return version_; }

  // ---- kiosks ----
  void upsert_kiosk(const std::string& kiosk_id, const std::string& cert_serial,
                    std::int64_t now) override {
    run([&](Connection& c) {
      c.query(
          "INSERT INTO kiosks (kiosk_id, status, cert_serial, enrolled_at) VALUES (?, 'active', ?, "
          "?) "
          "ON CONFLICT (kiosk_id) DO UPDATE SET cert_serial = excluded.cert_serial "
          "WHERE kiosks.status = 'active' AND kiosks.cert_serial <> excluded.cert_serial",
          {kiosk_id, cert_serial, now});
      return 0;
    });
  }

  void enrol_kiosk(const std::string& kiosk_id, const std::string& cert_serial,
                   std::int64_t now) override {
    run([&](Connection& c) {
      c.query(
          "INSERT INTO kiosks (kiosk_id, status, cert_serial, enrolled_at) VALUES (?, 'active', ?, "
          "?) "
          "ON CONFLICT (kiosk_id) DO UPDATE SET status = 'active', cert_serial = "
          "excluded.cert_serial, "
          "enrolled_at = excluded.enrolled_at",
          {kiosk_id, cert_serial, now});
      return 0;
    });
  }

  std::optional<KioskRow> kiosk(const std::string& kiosk_id) override {
    return read([&](Connection& c) -> std::optional<KioskRow> {
      auto rows =
          c.query(
               "SELECT kiosk_id, status, cert_serial, enrolled_at FROM kiosks WHERE kiosk_id = ?",
               {kiosk_id})
              .rows;
      if (rows.empty()) return std::nullopt;
      return to_kiosk(rows[0]);
    });
  }

  std::vector<KioskRow> kiosks() override {
    return read([&](Connection& c) {
      std::vector<KioskRow> out;
      for (auto& r :
           c.query(
                "SELECT kiosk_id, status, cert_serial, enrolled_at FROM kiosks ORDER BY kiosk_id")
               .rows) {
        out.push_back(to_kiosk(r));
      }
      return out;
    });
  }

  void revoke(const std::string& serial_hex, const std::string& kiosk_id,
              std::int64_t now) override {
    write([&](Connection& c) {
      if (!serial_hex.empty()) {
        c.query(
            "INSERT INTO revoked_serials (serial, kiosk_id, revoked_at) VALUES (?, ?, ?) "
            "ON CONFLICT (serial) DO NOTHING",
            {serial_hex, kiosk_id, now});
      }
      if (!kiosk_id.empty()) {
        c.query("UPDATE kiosks SET status = 'revoked' WHERE kiosk_id = ?", {kiosk_id});
      }
      return 0;
    });
  }

  bool is_revoked(const std::string& serial_hex) override {
    return read([&](Connection& c) {
      return !c.query("SELECT 1 FROM revoked_serials WHERE serial = ?", {serial_hex}).rows.empty();
    });
  }

  std::vector<std::string> revoked_serials() override {
    return read([&](Connection& c) {
      std::vector<std::string> out;
      for (auto& r : c.query("SELECT serial FROM revoked_serials ORDER BY serial").rows)
        out.push_back(text(r[0]));
      return out;
    });
  }

  std::int64_t add_enrolment_token(const EnrolmentToken& t) override {
    return write([&](Connection& c) {
      auto rows = c.query(
                       "INSERT INTO enrolment_tokens (kiosk_id, salt, hash, expires_at) VALUES (?, "
                       "?, ?, ?) "
                       "RETURNING id",
                       {t.kiosk_id, t.salt, t.hash, t.expires_at})
                      .rows;
      return to_int(rows.at(0).at(0));
    });
  }

  std::vector<EnrolmentToken> open_enrolment_tokens(const std::string& kiosk_id,
                                                    std::int64_t now) override {
    return read([&](Connection& c) {
      std::vector<EnrolmentToken> out;
      for (auto& r :
           c.query("SELECT id, kiosk_id, salt, hash, expires_at FROM enrolment_tokens "
                   "WHERE kiosk_id = ? AND used_at IS NULL AND expires_at > ? ORDER BY id",
                   {kiosk_id, now})
               .rows) {
        out.push_back(
            EnrolmentToken{to_int(r[0]), text(r[1]), text(r[2]), text(r[3]), to_int(r[4])});
      }
      return out;
    });
  }

  bool consume_enrolment_token(std::int64_t id, std::int64_t now) override {
    return write([&](Connection& c) {
      return c.query("UPDATE enrolment_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL",
                     {now, id})
                 .affected == 1;
    });
  }

  // ---- events ----
  AppendOutcome append_events(const std::string& kiosk_id, const std::vector<PreparedRecord>& batch,
                              std::int64_t now) override {
    if (dialect_ == Dialect::postgresql) {
      return write([&](Connection& c) { return append_locked(c, kiosk_id, batch, now); });
    }
    return append_group_commit(kiosk_id, batch, now);
  }

  EventHead head(const std::string& kiosk_id) override {
    return read([&](Connection& c) {
      auto rows = c.query("SELECT seq, hash FROM event_heads WHERE kiosk_id = ?", {kiosk_id}).rows;
      EventHead h;
      if (!rows.empty()) {
        h.seq = static_cast<std::uint64_t>(to_int(rows[0][0]));
        h.hash = text(rows[0][1]);
      }
      return h;
    });
  }

  std::vector<StoredEvent> events(const std::string& kiosk_id, std::uint64_t from_seq,
                                  std::size_t limit) override {
    return read([&](Connection& c) {
      return to_events(c.query(std::string(kEventColumns) +
                                   " WHERE kiosk_id = ? AND seq >= ? ORDER BY seq LIMIT ?",
                               {kiosk_id, clamp(from_seq), static_cast<std::int64_t>(limit)})
                           .rows);
    });
  }

  std::vector<StoredEvent> recent_events(std::size_t limit) override {
    return read([&](Connection& c) {
      return to_events(c.query(std::string(kEventColumns) +
                                   " ORDER BY received_at DESC, kiosk_id, seq DESC LIMIT ?",
                               {static_cast<std::int64_t>(limit)})
                           .rows);
    });
  }

  std::uint64_t event_count() override {
    return read([&](Connection& c) {
      return static_cast<std::uint64_t>(
          to_int(c.query("SELECT COUNT(*) FROM events").rows.at(0).at(0)));
    });
  }

  std::vector<CardStockRow> card_stock() override {
    return read([&](Connection& c) {
      std::map<std::string, CardStockRow> by_kiosk;
      for (auto& r :
           c.query("SELECT kiosk_id, type, COUNT(*) FROM events WHERE type IN "
                   "('card.issued', 'card.spoiled', 'card.retained') GROUP BY kiosk_id, type")
               .rows) {
        auto& row = by_kiosk[text(r[0])];
        const std::string type = text(r[1]);
        const std::int64_t n = to_int(r[2]);
        (type == "card.issued"    ? row.issued
         : type == "card.spoiled" ? row.spoiled
                                  : row.retained) += n;
      }
      for (auto& r :
           c.query("SELECT kiosk_id, payload FROM events WHERE type = 'card.stock_loaded'").rows) {
        const auto payload = nlohmann::json::parse(text(r[1]), nullptr, false);
        if (payload.is_object() && payload.contains("count") &&
            payload["count"].is_number_integer()) {
          by_kiosk[text(r[0])].loaded += payload["count"].get<std::int64_t>();
        }
      }
      std::vector<CardStockRow> out;
      for (auto& [id, row] : by_kiosk) {
        row.kiosk_id = id;
        out.push_back(row);
      }
      return out;
    });
  }

  // ---- idempotency ----
  IdempotencyClaim claim_idempotency(const std::string& kiosk_id, const std::string& scope,
                                     const std::string& key, const std::string& request_hash,
                                     std::int64_t now, std::int64_t stale_after_s) override {
    return write([&](Connection& c) {
      IdempotencyClaim claim;
      const auto inserted =
          c.query(
               "INSERT INTO idempotency (kiosk_id, scope, key, request_hash, state, claimed_at) "
               "VALUES (?, ?, ?, ?, 'pending', ?) ON CONFLICT (kiosk_id, scope, key) DO NOTHING",
               {kiosk_id, scope, key, request_hash, now})
              .affected;
      if (inserted == 1) return claim;
      auto rows =
          c.query(for_update(
                      "SELECT request_hash, state, http_status, body, claimed_at FROM idempotency "
                      "WHERE kiosk_id = ? AND scope = ? AND key = ?"),
                  {kiosk_id, scope, key})
              .rows;
      if (rows.empty()) throw StoreError(StoreError::Kind::failed, "idempotency row vanished");
      const auto& r = rows[0];
      if (text(r[1]) == "purged") {
        // Past retention: the stored answer and the request hash are gone; the key still
        // answers, with the typed purged answer, whatever the body.
        claim.status = IdempotencyClaim::Status::replay;
        claim.http_status = static_cast<int>(to_int(r[2]));
        claim.body = text(r[3]);
      } else if (text(r[0]) != request_hash) {
        claim.status = IdempotencyClaim::Status::mismatch;
      } else if (text(r[1]) == "done") {
        claim.status = IdempotencyClaim::Status::replay;
        claim.http_status = static_cast<int>(to_int(r[2]));
        claim.body = text(r[3]);
      } else if (to_int(r[4]) < now - stale_after_s) {
        c.query(
            "UPDATE idempotency SET claimed_at = ? WHERE kiosk_id = ? AND scope = ? AND key = ?",
            {now, kiosk_id, scope, key});
      } else {
        claim.status = IdempotencyClaim::Status::in_progress;
      }
      return claim;
    });
  }

  void complete_idempotency(const std::string& kiosk_id, const std::string& scope,
                            const std::string& key, int http_status,
                            const std::string& body) override {
    run([&](Connection& c) {
      c.query(
          "UPDATE idempotency SET state = 'done', http_status = ?, body = ? "
          "WHERE kiosk_id = ? AND scope = ? AND key = ?",
          {std::int64_t{http_status}, body, kiosk_id, scope, key});
      return 0;
    });
  }

  std::optional<std::string> idempotency_answer(const std::string& kiosk_id,
                                                const std::string& scope,
                                                const std::string& key) override {
    return read([&](Connection& c) -> std::optional<std::string> {
      auto rows = c.query(
                       "SELECT body FROM idempotency WHERE kiosk_id = ? AND scope = ? AND key = ? "
                       "AND state = 'done'",
                       {kiosk_id, scope, key})
                      .rows;
      if (rows.empty()) return std::nullopt;
      return text(rows[0][0]);
    });
  }

  void release_idempotency(const std::string& kiosk_id, const std::string& scope,
                           const std::string& key) override {
    run([&](Connection& c) {
      c.query(
          "DELETE FROM idempotency WHERE kiosk_id = ? AND scope = ? AND key = ? AND state = "
          "'pending'",
          {kiosk_id, scope, key});
      return 0;
    });
  }

  // ---- payments ----
  bool insert_payment(const std::string& order_id, const std::string& kiosk_id,
                      const std::string& document, std::int64_t now) override {
    return run([&](Connection& c) {
      return c.query(
                  "INSERT INTO payments (order_id, kiosk_id, document, created_at, updated_at) "
                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING",
                  {order_id, kiosk_id, document, now, now})
                 .affected == 1;
    });
  }

  std::vector<PaymentRow> payments_of(const std::string& kiosk_id) override {
    return read([&](Connection& c) {
      std::vector<PaymentRow> out;
      for (auto& r : c.query("SELECT order_id, kiosk_id, document FROM payments WHERE kiosk_id = ? "
                             "ORDER BY created_at, order_id",
                             {kiosk_id})
                         .rows)
        out.push_back(PaymentRow{text(r[0]), text(r[1]), text(r[2])});
      return out;
    });
  }

  std::optional<std::string> payment(const std::string& order_id, std::string* kiosk_id) override {
    return read([&](Connection& c) -> std::optional<std::string> {
      auto rows =
          c.query("SELECT document, kiosk_id FROM payments WHERE order_id = ?", {order_id}).rows;
      if (rows.empty()) return std::nullopt;
      if (kiosk_id != nullptr) *kiosk_id = text(rows[0][1]);
      return text(rows[0][0]);
    });
  }

  bool update_payment(const std::string& order_id, const std::string& expected_document,
                      const std::string& new_document, std::int64_t now) override {
    return run([&](Connection& c) {
      return c.query(
                  "UPDATE payments SET document = ?, updated_at = ? WHERE order_id = ? AND "
                  "document = ?",
                  {new_document, now, order_id, expected_document})
                 .affected == 1;
    });
  }

  std::size_t payment_count() override {
    return read([&](Connection& c) {
      return static_cast<std::size_t>(
          to_int(c.query("SELECT COUNT(*) FROM payments").rows.at(0).at(0)));
    });
  }

  // ---- registry ----
  void put_citizen(const std::string& id_number, const std::string& scenario,
                   const std::string& licence_json) override {
    run([&](Connection& c) {
      c.query(
          "INSERT INTO citizens (id_number, scenario, licence) VALUES (?, ?, ?) "
          "ON CONFLICT (id_number) DO UPDATE SET scenario = excluded.scenario, licence = "
          "excluded.licence",
          {id_number, scenario, licence_json});
      return 0;
    });
  }

  std::optional<std::string> citizen(const std::string& id_number) override {
    return read([&](Connection& c) -> std::optional<std::string> {
      auto rows = c.query("SELECT licence FROM citizens WHERE id_number = ?", {id_number}).rows;
      if (rows.empty()) return std::nullopt;
      return text(rows[0][0]);
    });
  }

  bool update_citizen(const std::string& id_number, const std::string& expected_json,
                      const std::string& new_json) override {
    return run([&](Connection& c) {
      return c.query("UPDATE citizens SET licence = ? WHERE id_number = ? AND licence = ?",
                     {new_json, id_number, expected_json})
                 .affected == 1;
    });
  }

  std::size_t citizen_count() override {
    return read([&](Connection& c) {
      return static_cast<std::size_t>(
          to_int(c.query("SELECT COUNT(*) FROM citizens").rows.at(0).at(0)));
    });
  }

  void put_photo(const std::string& photo_ref, const std::string& bytes) override {
    run([&](Connection& c) {
      c.query(
          "INSERT INTO photos (photo_ref, bytes) VALUES (?, ?) "
          "ON CONFLICT (photo_ref) DO UPDATE SET bytes = excluded.bytes",
          {photo_ref, sql::Blob{bytes}});
      return 0;
    });
  }

  std::optional<std::string> photo(const std::string& photo_ref) override {
    return read([&](Connection& c) -> std::optional<std::string> {
      auto rows = c.query("SELECT bytes FROM photos WHERE photo_ref = ?", {photo_ref}).rows;
      if (rows.empty()) return std::nullopt;
      return text(rows[0][0]);
    });
  }

  // ---- issuances ----
  void insert_issuance(const IssuanceRow& row) override {
    run([&](Connection& c) {
      c.query(
          "INSERT INTO issuances (authorisation_id, kiosk_id, id_number, state, document, "
          "created_at) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          {row.authorisation_id, row.kiosk_id, row.id_number, row.state, row.document,
           row.created_at});
      return 0;
    });
  }

  std::optional<IssuanceRow> issuance(const std::string& authorisation_id) override {
    return read([&](Connection& c) -> std::optional<IssuanceRow> {
      auto rows =
          c.query(std::string(kIssuanceColumns) + " WHERE authorisation_id = ?", {authorisation_id})
              .rows;
      if (rows.empty()) return std::nullopt;
      return to_issuance(rows[0]);
    });
  }

  bool set_issuance_state(const std::string& authorisation_id, const std::string& from,
                          const std::string& to) override {
    return run([&](Connection& c) {
      return c.query("UPDATE issuances SET state = ? WHERE authorisation_id = ? AND state = ?",
                     {to, authorisation_id, from})
                 .affected == 1;
    });
  }

  std::vector<IssuanceRow> issuances(std::size_t limit) override {
    return read([&](Connection& c) {
      std::vector<IssuanceRow> out;
      for (auto& r : c.query(std::string(kIssuanceColumns) +
                                 " ORDER BY created_at DESC, authorisation_id LIMIT ?",
                             {static_cast<std::int64_t>(limit)})
                         .rows) {
        out.push_back(to_issuance(r));
      }
      return out;
    });
  }

  std::vector<IssuanceRow> issuances_of(const std::string& kiosk_id) override {
    return read([&](Connection& c) {
      std::vector<IssuanceRow> out;
      for (auto& r : c.query(std::string(kIssuanceColumns) +
                                 " WHERE kiosk_id = ? ORDER BY created_at, authorisation_id",
                             {kiosk_id})
                         .rows)
        out.push_back(to_issuance(r));
      return out;
    });
  }

  void put_elicence_reissue(const std::string& reissue_id, const std::string& authorisation_id,
                            const std::string& document, std::int64_t now) override {
    run([&](Connection& c) {
      c.query(
          "INSERT INTO elicence_reissues (reissue_id, authorisation_id, document, created_at) "
          "VALUES (?, ?, ?, ?) ON CONFLICT (reissue_id) DO NOTHING",
          {reissue_id, authorisation_id, document, now});
      return 0;
    });
  }

  // ---- retention ----
  PurgeCounts purge_personal_data(std::int64_t cutoff) override {
    const PurgeCounts counts = write([&](Connection& c) {
      PurgeCounts n;
      n.idempotency_answers = static_cast<std::uint64_t>(
          c.query("UPDATE idempotency SET state = 'purged', request_hash = '', http_status = ?,"
                  " body = ? WHERE state = 'done' AND scope <> 'issuance.order'"
                  " AND claimed_at < ?",
                  {std::int64_t{kPurgedAnswerStatus}, std::string(kPurgedAnswerBody), cutoff})
              .affected);
      n.idempotency_answers += static_cast<std::uint64_t>(
          c.query("UPDATE idempotency SET request_hash = '' WHERE scope = 'issuance.order'"
                  " AND state = 'done' AND request_hash <> '' AND claimed_at < ?",
                  {cutoff})
              .affected);
      const auto issuances =
          c.query(
               "SELECT authorisation_id, document FROM issuances WHERE created_at < ?"
               " AND id_number <> ''",
               {cutoff})
              .rows;
      for (const auto& r : issuances) {
        const std::string stub =
            nlohmann::json{{"purged", true}, {"document_sha256", protocol::sha256_hex(text(r[1]))}}
                .dump();
        c.query("UPDATE issuances SET id_number = '', document = ? WHERE authorisation_id = ?",
                {stub, text(r[0])});
        ++n.issuances;
      }
      const auto reissues = c.query(
                                 "SELECT reissue_id, authorisation_id, document FROM "
                                 "elicence_reissues WHERE created_at < ?",
                                 {cutoff})
                                .rows;
      for (const auto& r : reissues) {
        const auto doc = nlohmann::json::parse(text(r[2]), nullptr, false);
        if (doc.is_object() && doc.value("purged", false)) continue;
        const std::string stub =
            nlohmann::json{{"reissue_id", text(r[0])},
                           {"authorisation_id", text(r[1])},
                           {"purged", true},
                           {"document_sha256", protocol::sha256_hex(text(r[2]))}}
                .dump();
        c.query("UPDATE elicence_reissues SET document = ? WHERE reissue_id = ?",
                {stub, text(r[0])});
        ++n.elicence_reissues;
      }
      return n;
    });
    if (dialect_ == Dialect::sqlite && counts.total() > 0) {
      // The WAL still holds the pages as they were before the purge: copy back and truncate.
      run([](Connection& c) {
        c.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        return 0;
      });
    }
    return counts;
  }

  // ---- config ----
  bool put_config(std::int64_t version, const std::string& signed_document,
                  std::int64_t now) override {
    return write([&](Connection& c) {
      auto rows = c.query("SELECT COALESCE(MAX(version), 0) FROM config_documents").rows;
      if (to_int(rows.at(0).at(0)) >= version) return false;
      c.query("INSERT INTO config_documents (version, document, created_at) VALUES (?, ?, ?)",
              {version, signed_document, now});
      return true;
    });
  }

  std::optional<std::pair<std::int64_t, std::string>> latest_config() override {
    return read([&](Connection& c) -> std::optional<std::pair<std::int64_t, std::string>> {
      auto rows =
          c.query("SELECT version, document FROM config_documents ORDER BY version DESC LIMIT 1")
              .rows;
      if (rows.empty()) return std::nullopt;
      return std::make_pair(to_int(rows[0][0]), text(rows[0][1]));
    });
  }

  // ---- heartbeats ----
  void put_heartbeat(const std::string& kiosk_id, const std::string& document,
                     std::int64_t now) override {
    run([&](Connection& c) {
      c.query(
          "INSERT INTO heartbeats (kiosk_id, document, received_at) VALUES (?, ?, ?) "
          "ON CONFLICT (kiosk_id) DO UPDATE SET document = excluded.document, received_at = "
          "excluded.received_at",
          {kiosk_id, document, now});
      return 0;
    });
  }

  std::vector<FleetRow> fleet() override {
    return read([&](Connection& c) {
      std::vector<FleetRow> out;
      // Every kiosk known by certificate, by events or by heartbeat.
      for (auto& r :
           c.query("SELECT ids.kiosk_id, k.status, COALESCE(h.seq, 0), hb.received_at, hb.document "
                   "FROM "
                   "(SELECT kiosk_id FROM kiosks UNION SELECT kiosk_id FROM event_heads "
                   " UNION SELECT kiosk_id FROM heartbeats) ids "
                   "LEFT JOIN kiosks k ON k.kiosk_id = ids.kiosk_id "
                   "LEFT JOIN event_heads h ON h.kiosk_id = ids.kiosk_id "
                   "LEFT JOIN heartbeats hb ON hb.kiosk_id = ids.kiosk_id ORDER BY ids.kiosk_id")
               .rows) {
        FleetRow row;
        row.kiosk_id = text(r[0]);
        row.status = r[1].value_or("unknown");
        row.acked_seq = static_cast<std::uint64_t>(to_int(r[2]));
        if (r[3]) row.last_heartbeat_at = to_int(r[3]);
        row.heartbeat = r[4];
        out.push_back(std::move(row));
      }
      return out;
    });
  }

 private:
  static constexpr std::string_view kEventColumns =
      "SELECT kiosk_id, seq, type, occurred_at, payload, prev_hash, hash, signature, received_at "
      "FROM events";
  static constexpr std::string_view kIssuanceColumns =
      "SELECT authorisation_id, kiosk_id, id_number, state, document, created_at FROM issuances";

  static constexpr std::size_t kRowsPerInsert = 100;

  static std::int64_t clamp(std::uint64_t v) {
    return v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
               ? std::numeric_limits<std::int64_t>::max()
               : static_cast<std::int64_t>(v);
  }

  static KioskRow to_kiosk(const sql::Row& r) {
    return KioskRow{text(r[0]), text(r[1]), text(r[2]), to_int(r[3])};
  }

  static IssuanceRow to_issuance(const sql::Row& r) {
    return IssuanceRow{text(r[0]), text(r[1]), text(r[2]), text(r[3]), text(r[4]), to_int(r[5])};
  }

  static std::vector<StoredEvent> to_events(const std::vector<sql::Row>& rows) {
    std::vector<StoredEvent> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
      out.push_back(StoredEvent{text(r[0]), static_cast<std::uint64_t>(to_int(r[1])), text(r[2]),
                                text(r[3]), text(r[4]), text(r[5]), text(r[6]), text(r[7]),
                                to_int(r[8])});
    }
    return out;
  }

  std::string for_update(std::string sql) const {
    return dialect_ == Dialect::postgresql ? sql + " FOR UPDATE" : sql;
  }

  AppendOutcome append_locked(Connection& c, const std::string& kiosk_id,
                              const std::vector<PreparedRecord>& batch, std::int64_t now) {
    AppendOutcome out;
    EventHead head;
    if (dialect_ == Dialect::postgresql) {
      // The head row is the per-kiosk lock: concurrent uploads for one kiosk (on any server
      // instance) queue here, so the stored sequence stays contiguous.
      c.query(
          "INSERT INTO event_heads (kiosk_id, seq, hash) VALUES (?, 0, ?) ON CONFLICT (kiosk_id) "
          "DO NOTHING",
          {kiosk_id, std::string(wire::kGenesisHash)});
    }
    auto rows =
        c.query(for_update("SELECT seq, hash FROM event_heads WHERE kiosk_id = ?"), {kiosk_id})
            .rows;
    if (!rows.empty()) {
      head.seq = static_cast<std::uint64_t>(to_int(rows[0][0]));
      head.hash = text(rows[0][1]);
    }
    out.acked_seq = head.seq;
    if (batch.empty()) return out;

    const std::uint64_t first = batch.front().record.seq;
    std::size_t fresh = 0;  // index of the first record above the head
    if (first <= head.seq) {
      const std::uint64_t last_dup = std::min(batch.back().record.seq, head.seq);
      auto stored = c.query(
                         "SELECT seq, hash FROM events WHERE kiosk_id = ? AND seq >= ? AND seq <= "
                         "? ORDER BY seq",
                         {kiosk_id, clamp(first), clamp(last_dup)})
                        .rows;
      std::map<std::uint64_t, std::string> hashes;
      for (auto& r : stored) hashes[static_cast<std::uint64_t>(to_int(r[0]))] = text(r[1]);
      for (; fresh < batch.size() && batch[fresh].record.seq <= head.seq; ++fresh) {
        auto it = hashes.find(batch[fresh].record.seq);
        if (it == hashes.end() || it->second != batch[fresh].hash) {
          out.status = AppendOutcome::Status::conflict;
          out.conflict_seq = batch[fresh].record.seq;
          return out;  // nothing was written: every check precedes the inserts
        }
      }
    }
    if (fresh == batch.size()) return out;  // a re-sent batch: harmless
    std::vector<wire::ChainLink> links;
    links.reserve(batch.size() - fresh);
    for (std::size_t i = fresh; i < batch.size(); ++i) {
      links.push_back({batch[i].record.seq, batch[i].record.prev_hash, batch[i].hash});
    }
    if (const auto chain = wire::check_chain({head.seq, head.hash}, links); !chain) {
      out.status = chain.fault == wire::ChainFault::sequence_gap
                       ? AppendOutcome::Status::sequence_gap
                       : AppendOutcome::Status::broken_chain;
      out.expected_sequence = chain.expected_seq;
      return out;
    }
    // SQLite runs in-process: one cached statement per row is cheapest. PostgreSQL pays a
    // round trip per statement: rows go in multi-row INSERTs of up to kRowsPerInsert.
    constexpr std::string_view kInsert =
        "INSERT INTO events (kiosk_id, seq, type, occurred_at, payload, prev_hash, hash, "
        "signature, received_at) VALUES ";
    constexpr std::string_view kRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
    const std::size_t per_insert = dialect_ == Dialect::postgresql ? kRowsPerInsert : 1;
    for (std::size_t i = fresh; i < batch.size(); i += per_insert) {
      const std::size_t end = std::min(batch.size(), i + per_insert);
      std::string sql(kInsert);
      Params params;
      params.reserve((end - i) * 9);
      for (std::size_t j = i; j < end; ++j) {
        const auto& r = batch[j].record;
        if (j != i) sql += ", ";
        sql += kRow;
        params.insert(params.end(),
                      {kiosk_id, clamp(r.seq), r.type, r.occurred_at, r.payload.dump(), r.prev_hash,
                       batch[j].hash, r.signature, now});
      }
      c.query(sql, params);
    }
    c.query(
        "INSERT INTO event_heads (kiosk_id, seq, hash) VALUES (?, ?, ?) "
        "ON CONFLICT (kiosk_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
        {kiosk_id, clamp(batch.back().record.seq), batch.back().hash});
    out.stored = batch.size() - fresh;
    out.acked_seq = batch.back().record.seq;
    return out;
  }

  // ---- connection pools and transactions ----
  // A bounded pool of connections, opened lazily; a connection that failed as unavailable is
  // dropped and reopened on next use.
  class Pool {
   public:
    Pool(Factory factory, int max) : factory_(std::move(factory)), max_(max < 1 ? 1 : max) {}
    void add(std::unique_ptr<Connection> c) {
      std::lock_guard lock(mutex_);
      idle_.push_back(std::move(c));
      ++total_;
    }
    std::unique_ptr<Connection> take() {
      std::unique_lock lock(mutex_);
      available_.wait(lock, [&] { return !idle_.empty() || total_ < max_; });
      std::unique_ptr<Connection> c;
      if (!idle_.empty()) {
        c = std::move(idle_.back());
        idle_.pop_back();
      } else {
        ++total_;
      }
      lock.unlock();
      if (!c) {
        try {
          c = factory_();
        } catch (...) {
          give_back(nullptr);
          throw;
        }
      }
      return c;
    }
    void give_back(std::unique_ptr<Connection> c) {
      {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(c));
      }
      available_.notify_one();
    }

   private:
    Factory factory_;
    int max_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Connection>> idle_;
    int total_ = 0;
  };

  class Lease {
   public:
    explicit Lease(Pool& pool) : pool_(pool), c_(pool.take()) {}
    ~Lease() { pool_.give_back(broken_ ? nullptr : std::move(c_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Connection& operator*() { return *c_; }
    void mark_broken() { broken_ = true; }

   private:
    Pool& pool_;
    std::unique_ptr<Connection> c_;
    bool broken_ = false;
  };

  template <class F>
  static auto use(Pool& pool, F&& f) -> std::invoke_result_t<F&, Connection&> {
    Lease l(pool);
    try {
      return f(*l);
    } catch (const StoreError& e) {
      if (e.kind() == StoreError::Kind::unavailable) l.mark_broken();
      throw;
    }
  }

  // One write statement (SQLite autocommit, PostgreSQL implicit transaction).
  template <class F>
  auto run(F&& f) -> std::invoke_result_t<F&, Connection&> {
    return use(writers_, std::forward<F>(f));
  }

  // Reads: on SQLite a separate pool of connections, which WAL lets run beside the writer.
  template <class F>
  auto read(F&& f) -> std::invoke_result_t<F&, Connection&> {
    return use(readers_ != nullptr ? *readers_ : writers_, std::forward<F>(f));
  }

  // A write transaction, retried a few times when the database reports contention.
  template <class F>
  auto write(F&& f) -> std::invoke_result_t<F&, Connection&> {
    for (int attempt = 0;; ++attempt) {
      Lease l(writers_);
      Connection& c = *l;
      try {
        c.begin_write();
        auto result = f(c);
        c.commit();
        return result;
      } catch (const StoreError& e) {
        c.rollback();
        if (e.kind() == StoreError::Kind::unavailable) l.mark_broken();
        if (e.kind() != StoreError::Kind::busy || attempt >= 3) throw;
      } catch (...) {
        c.rollback();
        throw;
      }
    }
  }

  // SQLite group commit: uploads that arrive while a commit is in flight are applied together
  // in the next transaction (one fsync for many kiosks). Each keeps its own outcome: the upload
  // rules are checked before anything is written, so a refused upload leaves no trace in the
  // shared transaction. A storage failure fails every upload of the group (all retry).
  struct PendingAppend {
    const std::string* kiosk_id;
    const std::vector<PreparedRecord>* batch;
    std::int64_t now;
    AppendOutcome outcome;
    std::exception_ptr error;
    bool done = false;
  };

  AppendOutcome append_group_commit(const std::string& kiosk_id,
                                    const std::vector<PreparedRecord>& batch, std::int64_t now) {
    PendingAppend mine{&kiosk_id, &batch, now, {}, nullptr, false};
    std::unique_lock lock(group_mutex_);
    group_queue_.push_back(&mine);
    while (!mine.done) {
      if (group_leader_) {
        group_done_.wait(lock);
        continue;
      }
      group_leader_ = true;
      std::vector<PendingAppend*> group;
      group.swap(group_queue_);
      lock.unlock();
      std::exception_ptr error;
      try {
        write([&](Connection& c) {
          for (auto* p : group) p->outcome = append_locked(c, *p->kiosk_id, *p->batch, p->now);
          return 0;
        });
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      for (auto* p : group) {
        p->error = error;
        p->done = true;
      }
      group_leader_ = false;
      group_done_.notify_all();
    }
    if (mine.error) std::rethrow_exception(mine.error);
    return mine.outcome;
  }

  std::mutex group_mutex_;
  std::condition_variable group_done_;
  std::vector<PendingAppend*> group_queue_;
  bool group_leader_ = false;

  Dialect dialect_ = Dialect::sqlite;
  int version_ = 0;
  Pool writers_;
  std::unique_ptr<Pool> readers_;
};

}  // namespace

int latest_schema_version() {
  return sql::latest_version();
}

std::unique_ptr<Store> open_sqlite_store(const std::string& path) {
  // Writers serialise in SQLite anyway: one write connection. An in-memory database cannot
  // be shared between connections, so it reads through the writer too.
  const bool memory = path == ":memory:" || path.rfind("file::memory:", 0) == 0;
  if (memory) return std::make_unique<SqlStore>([path] { return sql::open_sqlite(path); }, 1);
  return std::make_unique<SqlStore>([path] { return sql::open_sqlite(path); }, 1,
                                    [path] { return sql::open_sqlite(path); }, 4);
}

std::unique_ptr<Store> open_postgres_store(const std::string& conninfo, int pool_size) {
  return std::make_unique<SqlStore>([conninfo] { return sql::open_postgres(conninfo); },
                                    pool_size < 1 ? 1 : pool_size);
}

std::unique_ptr<Store> open_store(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) {
    const std::string path = url.substr(7);
    if (path.empty()) throw StoreError(StoreError::Kind::invalid_url, "sqlite URL without a path");
    return open_sqlite_store(path);
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return open_postgres_store(url);
  }
  throw StoreError(StoreError::Kind::invalid_url,
                   "database URL must start with sqlite: or postgresql://");
}

}  // namespace kiosk::central::store
