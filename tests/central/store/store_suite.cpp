#include "tests/central/store/store_suite.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "protocol/crypto/sha256.hpp"
#include "protocol/wire/record.hpp"

namespace kiosk::central::testing {
namespace {

using namespace store;
using nlohmann::json;

const protocol::PrivateKey& key() {
  static const protocol::PrivateKey k = protocol::PrivateKey::generate_p256().value();
  return k;
}

// Records seq from..to of a kiosk's chain; `tag` changes the payload (a different history).
std::vector<PreparedRecord> chain(const std::string& kiosk, std::uint64_t from, std::uint64_t to,
                                  int tag = 0) {
  std::vector<PreparedRecord> all;
  std::string prev(wire::kGenesisHash);
  for (std::uint64_t s = 1; s <= to; ++s) {
    auto r =
        wire::make_signed_record(kiosk, s, s % 3 == 0 ? "card.issued" : "session.step",
                                 "2026-11-28T09:00:00Z", json{{"n", s}, {"tag", tag}}, prev, key());
    PreparedRecord p{*r, wire::canonical_bytes(*r).value(), ""};
    p.hash = protocol::sha256_hex(p.canonical);
    prev = p.hash;
    if (s >= from) all.push_back(std::move(p));
  }
  return all;
}

using Status = AppendOutcome::Status;

std::string licence_answer(const char* name, const char* id_number) {
  return json{
      {"decision", {{"eligible", true}}},
      {"licence",
       {{"holder",
         {{"name", name}, {"id_number", id_number}, {"address", "测试省测试市测试路1号"}}}}}}
      .dump();
}

}  // namespace

void store_personal_records(Store& s) {
  auto one = [&](const char* key, const char* name, const char* id_number, std::int64_t at) {
    const std::string scope = "POST /v1/eligibility";
    REQUIRE(s.claim_idempotency("k-1", scope, key, protocol::sha256_hex(id_number), at).status ==
            IdempotencyClaim::Status::claimed);
    s.complete_idempotency("k-1", scope, key, 200, licence_answer(name, id_number));
    const std::string auth = std::string("a-") + key;
    REQUIRE(s.claim_idempotency("k-1", "issuance.order", std::string("o-") + key,
                                protocol::sha256_hex(id_number), at, INT64_MAX / 4)
                .status == IdempotencyClaim::Status::claimed);
    s.complete_idempotency("k-1", "issuance.order", std::string("o-") + key, 201, auth);
    s.insert_issuance(
        IssuanceRow{auth, "k-1", id_number, "reserved",
                    json{{"holder", {{"name", name}, {"id_number", id_number}}}}.dump(), at});
    s.put_elicence_reissue(std::string("e-") + key, auth,
                           json{{"name", name}, {"id_number", id_number}}.dump(), at);
  };
  one("old", kOldName, kOldIdNumber, 1000);
  one("new", kNewName, kNewIdNumber, 900000);
}

void run_store_suite(const StoreFactory& fresh) {
  SECTION("a new store is migrated to the latest schema") {
    auto s = fresh();
    CHECK(s->schema_version() == latest_schema_version());
    CHECK(s->event_count() == 0);
    CHECK(s->head("k-1").seq == 0);
    CHECK(s->head("k-1").hash == wire::kGenesisHash);
  }

  SECTION("contiguous batches are stored and acknowledged") {
    auto s = fresh();
    auto r = s->append_events("k-1", chain("k-1", 1, 5), 100);
    CHECK(r.status == Status::stored);
    CHECK(r.stored == 5);
    CHECK(r.acked_seq == 5);
    r = s->append_events("k-1", chain("k-1", 6, 8), 101);
    CHECK(r.status == Status::stored);
    CHECK(r.acked_seq == 8);
    CHECK(s->head("k-1").seq == 8);
    CHECK(s->head("k-1").hash == chain("k-1", 8, 8)[0].hash);
    auto stored = s->events("k-1", 7, 10);
    REQUIRE(stored.size() == 2);
    CHECK(stored[0].seq == 7);
    CHECK(json::parse(stored[0].payload) == json{{"n", 7}, {"tag", 0}});
    CHECK(stored[1].hash == chain("k-1", 8, 8)[0].hash);
    CHECK(s->event_count() == 8);
  }

  SECTION("re-sending acknowledged records is harmless and stores nothing") {
    auto s = fresh();
    s->append_events("k-1", chain("k-1", 1, 5), 100);
    auto r = s->append_events("k-1", chain("k-1", 1, 5), 101);
    CHECK(r.status == Status::stored);
    CHECK(r.stored == 0);
    CHECK(r.acked_seq == 5);
    r = s->append_events("k-1", chain("k-1", 4, 7), 102);  // overlapping: only 6 and 7 are new
    CHECK(r.status == Status::stored);
    CHECK(r.stored == 2);
    CHECK(r.acked_seq == 7);
    CHECK(s->event_count() == 7);
  }

  SECTION("the same sequence with different content is a conflict and changes nothing") {
    auto s = fresh();
    s->append_events("k-1", chain("k-1", 1, 3), 100);
    auto r = s->append_events("k-1", chain("k-1", 2, 5, 1), 101);
    CHECK(r.status == Status::conflict);
    CHECK(r.conflict_seq == 2);
    CHECK(s->head("k-1").seq == 3);
    CHECK(s->event_count() == 3);
  }

  SECTION("a gap is refused with the expected sequence and changes nothing") {
    auto s = fresh();
    s->append_events("k-1", chain("k-1", 1, 3), 100);
    auto r = s->append_events("k-1", chain("k-1", 5, 6), 101);
    CHECK(r.status == Status::sequence_gap);
    CHECK(r.expected_sequence == 4);
    CHECK(s->event_count() == 3);
    auto first = s->append_events("k-2", chain("k-2", 2, 2), 101);
    CHECK(first.status == Status::sequence_gap);
    CHECK(first.expected_sequence == 1);
  }

  SECTION("a broken chain is refused atomically") {
    auto s = fresh();
    s->append_events("k-1", chain("k-1", 1, 3), 100);
    auto batch = chain("k-1", 4, 8);
    batch[3].record.prev_hash = std::string(64, 'e');  // seq 7 does not follow seq 6
    auto r = s->append_events("k-1", batch, 101);
    CHECK(r.status == Status::broken_chain);
    CHECK(r.expected_sequence == 7);
    CHECK(s->head("k-1").seq == 3);
    CHECK(s->event_count() == 3);
    auto other_history = chain("k-1", 4, 4, 9);  // seq 4 of a different chain links to other seq 3
    other_history[0].record.prev_hash = std::string(64, 'a');
    CHECK(s->append_events("k-1", other_history, 102).status == Status::broken_chain);
  }

  SECTION("kiosks have independent sequences") {
    auto s = fresh();
    CHECK(s->append_events("k-1", chain("k-1", 1, 2), 100).acked_seq == 2);
    CHECK(s->append_events("k-2", chain("k-2", 1, 4), 100).acked_seq == 4);
    CHECK(s->head("k-1").seq == 2);
  }

  SECTION("concurrent uploads for many kiosks and racing duplicates lose nothing") {
    auto s = fresh();
    constexpr int kKiosks = 8, kBatches = 5, kPerBatch = 10;
    std::vector<std::vector<PreparedRecord>> chains;
    for (int k = 0; k < kKiosks; ++k)
      chains.push_back(chain("k-" + std::to_string(k), 1, kBatches * kPerBatch));
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kKiosks * 2; ++t) {  // two uploaders per kiosk send the same batches
      threads.emplace_back([&, t] {
        const int k = t % kKiosks;
        for (int b = 0; b < kBatches; ++b) {
          std::vector<PreparedRecord> batch(chains[k].begin() + b * kPerBatch,
                                            chains[k].begin() + (b + 1) * kPerBatch);
          for (int attempt = 0; attempt < 100; ++attempt) {
            auto r = s->append_events("k-" + std::to_string(k), batch, 100);
            if (r.status == Status::stored) break;
            if (r.status != Status::sequence_gap) {
              ++failures;
              break;
            }
            std::this_thread::yield();  // the other uploader has not stored the previous batch yet
          }
        }
      });
    }
    for (auto& th : threads) th.join();
    CHECK(failures == 0);
    CHECK(s->event_count() == kKiosks * kBatches * kPerBatch);
    for (int k = 0; k < kKiosks; ++k)
      CHECK(s->head("k-" + std::to_string(k)).seq == kBatches * kPerBatch);
  }

  SECTION("an idempotency key acts once and replays its answer") {
    auto s = fresh();
    using C = IdempotencyClaim::Status;
    CHECK(s->claim_idempotency("k-1", "POST /v1/payments", "key-1", "h1", 100).status ==
          C::claimed);
    CHECK(s->claim_idempotency("k-1", "POST /v1/payments", "key-1", "h1", 101).status ==
          C::in_progress);
    CHECK_FALSE(s->idempotency_answer("k-1", "POST /v1/payments", "key-1").has_value());
    s->complete_idempotency("k-1", "POST /v1/payments", "key-1", 200, R"({"ok":true})");
    auto replay = s->claim_idempotency("k-1", "POST /v1/payments", "key-1", "h1", 102);
    CHECK(replay.status == C::replay);
    CHECK(replay.http_status == 200);
    CHECK(replay.body == R"({"ok":true})");
    CHECK(s->idempotency_answer("k-1", "POST /v1/payments", "key-1") == R"({"ok":true})");
    CHECK_FALSE(s->idempotency_answer("k-2", "POST /v1/payments", "key-1").has_value());
    CHECK(s->claim_idempotency("k-1", "POST /v1/payments", "key-1", "h2", 103).status ==
          C::mismatch);
    // Scope and kiosk separate keys.
    CHECK(s->claim_idempotency("k-2", "POST /v1/payments", "key-1", "h2", 103).status ==
          C::claimed);
    CHECK(s->claim_idempotency("k-1", "POST /v1/issuances", "key-1", "h2", 103).status ==
          C::claimed);
    // A released claim can be taken again; a stale one is taken over.
    s->release_idempotency("k-2", "POST /v1/payments", "key-1");
    CHECK(s->claim_idempotency("k-2", "POST /v1/payments", "key-1", "h2", 104).status ==
          C::claimed);
    CHECK(s->claim_idempotency("k-2", "POST /v1/payments", "key-1", "h2", 104 + 61, 60).status ==
          C::claimed);
  }

  SECTION("concurrent claims of one key let exactly one through") {
    auto s = fresh();
    std::atomic<int> claimed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&] {
        if (s->claim_idempotency("k-1", "POST /v1/issuances", "k", "h", 100).status ==
            IdempotencyClaim::Status::claimed) {
          ++claimed;
        }
      });
    }
    for (auto& th : threads) th.join();
    CHECK(claimed == 1);
  }

  SECTION("payment orders change only by compare-and-swap") {
    auto s = fresh();
    CHECK(s->insert_payment("o-1", "k-1", R"({"state":"created"})", 100));
    CHECK_FALSE(s->insert_payment("o-1", "k-1", R"({"state":"other"})", 100));
    std::string owner;
    CHECK(s->payment("o-1", &owner) == R"({"state":"created"})");
    CHECK(owner == "k-1");
    CHECK(s->update_payment("o-1", R"({"state":"created"})", R"({"state":"paid"})", 101));
    CHECK_FALSE(s->update_payment("o-1", R"({"state":"created"})", R"({"state":"declined"})", 102));
    CHECK(s->payment("o-1") == R"({"state":"paid"})");
    CHECK_FALSE(s->payment("o-2").has_value());
    CHECK(s->payment_count() == 1);
    CHECK(s->insert_payment("o-3", "k-2", R"({"state":"created"})", 100));
    const auto of_k1 = s->payments_of("k-1");
    REQUIRE(of_k1.size() == 1);
    CHECK(of_k1[0].order_id == "o-1");
    CHECK(of_k1[0].document == R"({"state":"paid"})");
    CHECK(s->payments_of("k-3").empty());
  }

  SECTION("kiosks, revocations and one-time enrolment tokens") {
    auto s = fresh();
    s->upsert_kiosk("k-1", "AB12", 100);
    s->upsert_kiosk("k-1", "CD34", 101);
    REQUIRE(s->kiosk("k-1").has_value());
    CHECK(s->kiosk("k-1")->cert_serial == "CD34");
    CHECK(s->kiosk("k-1")->status == "active");
    CHECK_FALSE(s->is_revoked("CD34"));
    s->revoke("CD34", "k-1", 102);
    CHECK(s->is_revoked("CD34"));
    CHECK(s->kiosk("k-1")->status == "revoked");
    s->upsert_kiosk("k-1", "EF56", 103);
    CHECK(s->kiosk("k-1")->status == "revoked");
    CHECK(s->revoked_serials() == std::vector<std::string>{"CD34"});
    CHECK(s->kiosks().size() == 1);
    s->enrol_kiosk("k-1", "0A0B", 104);  // enrolling again re-activates with the new certificate
    CHECK(s->kiosk("k-1")->status == "active");
    CHECK(s->kiosk("k-1")->cert_serial == "0A0B");
    CHECK(s->is_revoked("CD34"));

    const auto id = s->add_enrolment_token(EnrolmentToken{0, "k-2", "salt", "hash", 200});
    auto open = s->open_enrolment_tokens("k-2", 150);
    REQUIRE(open.size() == 1);
    CHECK(open[0].id == id);
    CHECK(open[0].hash == "hash");
    CHECK(s->open_enrolment_tokens("k-2", 250).empty());  // expired
    CHECK(s->consume_enrolment_token(id, 160));
    CHECK_FALSE(s->consume_enrolment_token(id, 161));
    CHECK(s->open_enrolment_tokens("k-2", 150).empty());
  }

  SECTION("registry, photos, issuances, config and heartbeats round-trip") {
    auto s = fresh();
    s->put_citizen("110101199001011234", "due_for_renewal", R"({"points":0})");
    CHECK(s->citizen("110101199001011234") == R"({"points":0})");
    CHECK(s->update_citizen("110101199001011234", R"({"points":0})", R"({"points":1})"));
    CHECK_FALSE(s->update_citizen("110101199001011234", R"({"points":0})", R"({"points":2})"));
    CHECK(s->citizen_count() == 1);
    const std::string png("\x89PNG\0\x01\xff", 7);
    s->put_photo("photo:1", png);
    CHECK(s->photo("photo:1") == png);
    CHECK_FALSE(s->photo("photo:2").has_value());

    s->insert_issuance(IssuanceRow{"a-1", "k-1", "110101199001011234", "reserved", "{}", 100});
    REQUIRE(s->issuance("a-1").has_value());
    CHECK(s->issuance("a-1")->state == "reserved");
    CHECK(s->issuances(10).size() == 1);
    s->insert_issuance(IssuanceRow{"a-2", "k-2", "110101199001011234", "reserved", "{}", 101});
    REQUIRE(s->issuances_of("k-1").size() == 1);
    CHECK(s->issuances_of("k-1")[0].authorisation_id == "a-1");
    CHECK(s->set_issuance_state("a-1", "reserved", "voided"));
    CHECK_FALSE(s->set_issuance_state("a-1", "reserved", "delivered"));  // not reserved any more
    CHECK(s->issuance("a-1")->state == "voided");
    CHECK(s->set_issuance_state("a-2", "reserved", "delivered"));
    CHECK(s->issuance("a-2")->state == "delivered");
    s->put_elicence_reissue("r-1", "a-1", "{}", 100);

    CHECK_FALSE(s->latest_config().has_value());
    CHECK(s->put_config(1, "doc1", 100));
    CHECK(s->put_config(3, "doc3", 100));
    CHECK_FALSE(s->put_config(2, "doc2", 100));
    CHECK(s->latest_config() == std::make_pair(std::int64_t{3}, std::string("doc3")));

    s->append_events("k-1", chain("k-1", 1, 3), 100);
    s->put_heartbeat("k-1", R"({"outbox_depth":1})", 100);
    s->put_heartbeat("k-9", R"({"outbox_depth":2})", 101);
    s->put_heartbeat("k-9", R"({"outbox_depth":0})", 102);
    auto fleet = s->fleet();
    REQUIRE(fleet.size() == 2);
    CHECK(fleet[0].kiosk_id == "k-1");
    CHECK(fleet[0].acked_seq == 3);
    CHECK(fleet[1].heartbeat == R"({"outbox_depth":0})");
    CHECK(fleet[1].last_heartbeat_at == 102);
  }

  SECTION("personal data past retention is purged; newer data and the audit trail stay") {
    auto s = fresh();
    store_personal_records(*s);
    s->append_events("k-1", chain("k-1", 1, 3), 1000);
    const std::string old_doc = s->issuance("a-old")->document;

    const auto purged = s->purge_personal_data(500000);
    CHECK(purged.idempotency_answers == 2);  // the answer, and the order marker's hash
    CHECK(purged.issuances == 1);
    CHECK(purged.elicence_reissues == 1);
    CHECK(s->purge_personal_data(500000).total() == 0);  // nothing purged twice

    using C = IdempotencyClaim::Status;
    // A replay of the purged key gets a typed, final answer and does not act again, even with
    // a body the server can no longer compare.
    for (const auto& hash : {protocol::sha256_hex(kOldIdNumber), std::string("other")}) {
      const auto replay = s->claim_idempotency("k-1", "POST /v1/eligibility", "old", hash, 990000);
      CHECK(replay.status == C::replay);
      CHECK(replay.http_status == kPurgedAnswerStatus);
      CHECK(replay.body == kPurgedAnswerBody);
      CHECK(replay.body.find(kOldName) == std::string::npos);
    }
    // The paid order stays consumed: it never pays for a second card.
    CHECK(s->claim_idempotency("k-1", "issuance.order", "o-old", protocol::sha256_hex(kOldIdNumber),
                               990000, INT64_MAX / 4)
              .status != C::claimed);
    // The issuance keeps its id, kiosk, state and time, and the hash of what was signed.
    const auto old_row = s->issuance("a-old");
    REQUIRE(old_row.has_value());
    CHECK(old_row->id_number.empty());
    CHECK(old_row->state == "reserved");
    CHECK(old_row->kiosk_id == "k-1");
    CHECK(old_row->created_at == 1000);
    CHECK(old_row->document.find(kOldName) == std::string::npos);
    CHECK(json::parse(old_row->document) ==
          json{{"purged", true}, {"document_sha256", protocol::sha256_hex(old_doc)}});

    // Newer than the retention: untouched.
    const auto fresh_replay = s->claim_idempotency("k-1", "POST /v1/eligibility", "new",
                                                   protocol::sha256_hex(kNewIdNumber), 990000);
    CHECK(fresh_replay.status == C::replay);
    CHECK(fresh_replay.http_status == 200);
    CHECK(fresh_replay.body.find(kNewName) != std::string::npos);
    CHECK(s->issuance("a-new")->id_number == kNewIdNumber);
    CHECK(s->issuance("a-new")->document.find(kNewName) != std::string::npos);
    // The journal and its reconciliation are not personal data and stay whole.
    CHECK(s->head("k-1").seq == 3);
    CHECK(s->card_stock().size() == 1);
  }

  SECTION("card stock is reconciled from uploaded events") {
    auto s = fresh();
    std::vector<PreparedRecord> batch;
    std::string prev(wire::kGenesisHash);
    const std::vector<std::pair<std::string, json>> events{
        {"card.stock_loaded", json{{"count", 100}}},
        {"card.issued", json::object()},
        {"card.issued", json::object()},
        {"card.spoiled", json{{"reason", "jam"}}},
        {"card.retained", json::object()},
        {"card.stock_loaded", json{{"count", 50}}}};
    std::uint64_t seq = 0;
    for (const auto& [type, payload] : events) {
      auto r = wire::make_signed_record("k-1", ++seq, type, "2026-11-28T09:00:00Z", payload, prev,
                                        key());
      PreparedRecord p{*r, wire::canonical_bytes(*r).value(), ""};
      p.hash = protocol::sha256_hex(p.canonical);
      prev = p.hash;
      batch.push_back(p);
    }
    REQUIRE(s->append_events("k-1", batch, 100).stored == 6);
    auto stock = s->card_stock();
    REQUIRE(stock.size() == 1);
    CHECK(stock[0].loaded == 150);
    CHECK(stock[0].issued == 2);
    CHECK(stock[0].spoiled == 1);
    CHECK(stock[0].retained == 1);
    CHECK(stock[0].expected_stock() == 146);
  }
}

}  // namespace kiosk::central::testing
