// The decision routes wired to the reference domain libraries, over real TLS.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "central/config/config.hpp"
#include "central/pki/pki.hpp"
#include "central/registry/registry.hpp"
#include "central/server/admin.hpp"
#include "central/server/domain_services.hpp"
#include "central/server/https_server.hpp"
#include "protocol/encoding/base64.hpp"
#include "protocol/image/png.hpp"
#include "protocol/synthetic/face.hpp"
#include "tests/central/support/kiosk_client.hpp"
#include "tests/support/temp_dir.hpp"

using namespace kiosk::central;
namespace protocol = kiosk::protocol;
using nlohmann::json;
using testing::error_code;
using testing::HttpResponse;
using testing::KioskClient;

namespace {

// 2026-11-28T12:00:00Z: 20:00 on 2026-11-28 in Shanghai, the day the registry is seeded for.
constexpr std::int64_t kNow = 1795867200;

using kiosk::testing::TempDir;

struct Office {
  TempDir dir;
  std::filesystem::path pki_dir = dir.path / "pki";
  std::unique_ptr<store::Store> db;
  std::unique_ptr<server::Api> api;
  std::unique_ptr<server::HttpsServer> https;
  std::string ca_pem;
  int port = 0;

  Office() {
    std::ostringstream log;
    REQUIRE(admin::pki_init(pki_dir, log) == 0);
    db = store::open_store("sqlite:" + (dir.path / "central.db").string());
    REQUIRE(admin::seed(*db, admin::SeedOptions{"2026-11-28", pki_dir}, log) == 0);
    auto ca = pki::read_certified_key(pki_dir / "ca.pem", pki_dir / "ca.key");
    auto office = pki::read_certified_key(pki_dir / "office.pem", pki_dir / "office.key");
    REQUIRE(ca.ok());
    REQUIRE(office.ok());
    ca_pem = ca->cert.to_pem();
    server::ApiOptions options;
    options.now = [] { return kNow; };
    api = std::make_unique<server::Api>(
        *db,
        std::make_shared<server::DomainServices>(server::DomainOptions{
            *ca, *office, nullptr, payment::OutcomeTable::default_table(), 730}),
        options);
    server::HttpsOptions o;
    o.port = 0;
    o.server_cert_pem = protocol::read_text_file(pki_dir / "server.pem").value();
    o.server_key_pem = protocol::read_text_file(pki_dir / "server.key").value();
    o.client_ca_pem = ca_pem;
    https = std::make_unique<server::HttpsServer>(*api, o);
    port = https->start();
  }

  KioskClient dev_kiosk(int n = 1) {
    const auto id = pki::dev_kiosk_id(n);
    return KioskClient(port, ca_pem,
                       protocol::read_text_file(pki_dir / "kiosks" / (id + ".pem")).value(),
                       protocol::read_text_file(pki_dir / "kiosks" / (id + ".key")).value());
  }

  std::string citizen(const std::string& scenario) {
    for (const auto& c : registry::seed_registry(registry::parse_date("2026-11-28").value())) {
      if (c.scenario == scenario) return c.licence.holder.id_number;
    }
    FAIL("no citizen for scenario " << scenario);
    return {};
  }
};

json body_of(const HttpResponse& r) {
  return json::parse(r.body, nullptr, false);
}

// A new 5-yuan payment order of the kiosk behind `c`; its id.
std::string create_order(KioskClient& c, const std::string& key) {
  return body_of(c.post("/v1/payments", R"({"amount_fen":500})",
                        {{"Idempotency-Key", key}}))["order"]["order_id"]
      .get<std::string>();
}

std::string post_key(int& n) {
  return "tx-test:step:" + std::to_string(++n);
}

}  // namespace

TEST_CASE("a kiosk enrols with a one-time token and a CSR, then syncs", "[server][domain][enrol]") {
  Office office;
  std::ostringstream token_out;
  REQUIRE(admin::issue_token(*office.db, "k-new", 1, token_out) == 0);
  const std::string token = token_out.str().substr(0, token_out.str().size() - 1);
  auto key = protocol::PrivateKey::generate_p256();
  auto csr = protocol::make_csr(*key, "whatever");
  REQUIRE(csr.ok());

  KioskClient anonymous(office.port, office.ca_pem);
  const json request{{"kiosk_id", "k-new"}, {"token", token}, {"csr_pem", *csr}};
  CHECK(anonymous
            .post("/v1/enrol",
                  json{{"kiosk_id", "k-new"}, {"token", "wrong"}, {"csr_pem", *csr}}.dump())
            .status == 403);
  auto r = anonymous.post("/v1/enrol", request.dump());
  REQUIRE(r.status == 200);
  const auto cert_pem = body_of(r)["certificate_pem"].get<std::string>();
  auto cert = protocol::Certificate::from_pem(cert_pem);
  REQUIRE(cert.ok());
  CHECK(cert->subject_cn() == "k-new");
  CHECK(office.db->kiosk("k-new")->status == "active");
  CHECK(anonymous.post("/v1/enrol", request.dump()).status == 403);  // the token works once

  KioskClient enrolled(office.port, office.ca_pem, cert_pem, key->to_pem());
  auto wkey = protocol::PrivateKey::from_pem(key->to_pem());
  auto rec = wire::make_signed_record("k-new", 1, "kiosk.enrolled", "2026-11-28T12:00:00Z",
                                      json::object(), std::string(wire::kGenesisHash), *wkey);
  CHECK(enrolled.post("/v1/events", wire::batch_to_body({*rec})).status == 200);
}

TEST_CASE("eligibility follows the registry and is replayed by key", "[server][domain]") {
  Office office;
  auto c = office.dev_kiosk();
  int n = 0;
  const std::string due = office.citizen("due_for_renewal");
  const std::string body = json{{"id_number", due}, {"service", "renewal"}}.dump();
  const auto key = post_key(n);
  auto r = c.post("/v1/decisions/eligibility", body, {{"Idempotency-Key", key}});
  REQUIRE(r.status == 200);
  CHECK(body_of(r)["decision"]["eligible"] == true);
  CHECK(body_of(r)["decision"]["fee_fen"] == 1000);
  CHECK(c.post("/v1/decisions/eligibility", body, {{"Idempotency-Key", key}}).body == r.body);

  auto suspended =
      c.post("/v1/decisions/eligibility",
             json{{"id_number", office.citizen("suspended")}, {"service", "renewal"}}.dump(),
             {{"Idempotency-Key", post_key(n)}});
  CHECK(body_of(suspended)["decision"]["eligible"] == false);
  auto unknown = c.post("/v1/decisions/eligibility",
                        json{{"id_number", "110101190001010000"}, {"service", "renewal"}}.dump(),
                        {{"Idempotency-Key", post_key(n)}});
  CHECK(unknown.status == 404);
  auto bad =
      c.post("/v1/decisions/eligibility", json{{"id_number", due}, {"service", "fly"}}.dump(),
             {{"Idempotency-Key", post_key(n)}});
  CHECK(bad.status == 400);
}

TEST_CASE("the face match accepts the citizen and refuses someone else", "[server][domain][face]") {
  Office office;
  auto c = office.dev_kiosk();
  int n = 0;
  const std::string due = office.citizen("due_for_renewal");
  const std::string other = office.citizen("not_yet_due");
  auto capture = [](const std::string& who) {
    namespace synthetic = protocol::synthetic;
    auto png = protocol::encode_png(
        synthetic::render_synthetic_face(synthetic::traits_from_seed(who), 260, 358, 1).view());
    return protocol::base64_encode(std::string(png->begin(), png->end()));
  };
  auto same = c.post("/v1/decisions/face-match",
                     json{{"id_number", due}, {"capture_png_base64", capture(due)}}.dump(),
                     {{"Idempotency-Key", post_key(n)}});
  REQUIRE(same.status == 200);
  CHECK(body_of(same)["match"] == true);
  auto different = c.post("/v1/decisions/face-match",
                          json{{"id_number", due}, {"capture_png_base64", capture(other)}}.dump(),
                          {{"Idempotency-Key", post_key(n)}});
  REQUIRE(different.status == 200);
  CHECK(body_of(different)["match"] == false);
  auto garbage = c.post("/v1/decisions/face-match",
                        json{{"id_number", due}, {"capture_png_base64", "AAAA"}}.dump(),
                        {{"Idempotency-Key", post_key(n)}});
  CHECK(garbage.status == 422);

  // A registry record without a photo: nothing to compare with is never a match, even for the
  // face a synthetic portrait of that ID number would show.
  auto record = json::parse(*office.db->citizen(due));
  record["holder"]["photo_ref"] = "photo:none";
  office.db->put_citizen(due, "due_for_renewal", record.dump());
  auto unknown = c.post("/v1/decisions/face-match",
                        json{{"id_number", due}, {"capture_png_base64", capture(due)}}.dump(),
                        {{"Idempotency-Key", post_key(n)}});
  REQUIRE(unknown.status == 200);
  CHECK(body_of(unknown)["match"] == false);
  CHECK(body_of(unknown)["reason"] == "no_reference_photo");
}

TEST_CASE("a renewal is paid, authorised once, and the e-licence re-issued",
          "[server][domain][payment]") {
  Office office;
  auto c = office.dev_kiosk();
  int n = 0;
  const std::string due = office.citizen("due_for_renewal");
  const std::string issue_body = json{{"id_number", due}, {"service", "renewal"}}.dump();
  CHECK(c.post("/v1/issuances", issue_body, {{"Idempotency-Key", post_key(n)}}).status == 402);

  auto order = c.post("/v1/payments", R"({"amount_fen":1000,"description":"renewal"})",
                      {{"Idempotency-Key", "tx-9:pay"}});
  REQUIRE(order.status == 201);
  CHECK(c.post("/v1/payments", R"({"amount_fen":1000,"description":"renewal"})",
               {{"Idempotency-Key", "tx-9:pay"}})
            .body == order.body);
  CHECK(office.db->payment_count() == 1);
  const std::string id = body_of(order)["order"]["order_id"];

  const std::string charge_body = R"({"payment_code":"134567890123456789"})";
  auto charged =
      c.post("/v1/payments/" + id + "/charge", charge_body, {{"Idempotency-Key", "tx-9:charge"}});
  REQUIRE(charged.status == 200);
  CHECK(body_of(charged)["order"]["state"] == "paid");
  auto again =
      c.post("/v1/payments/" + id + "/charge", charge_body, {{"Idempotency-Key", "tx-9:charge"}});
  CHECK(again.body == charged.body);
  CHECK(body_of(c.get("/v1/payments/" + id))["order"]["charge_attempts"] == 1);
  CHECK(office.dev_kiosk(2).get("/v1/payments/" + id).status == 404);  // another kiosk's order

  const std::string paid_issue =
      json{{"id_number", due}, {"service", "renewal"}, {"order_id", id}}.dump();
  auto issued = c.post("/v1/issuances", paid_issue, {{"Idempotency-Key", "tx-9:issue"}});
  REQUIRE(issued.status == 201);
  const auto signed_auth = protocol::signed_authorisation_from_json(body_of(issued)["signed"]);
  REQUIRE(signed_auth.ok());
  auto office_cert = protocol::read_certificate(office.pki_dir / "office.pem");
  CHECK(protocol::verify_authorisation(*signed_auth, *office_cert).ok());
  CHECK(c.post("/v1/issuances", paid_issue, {{"Idempotency-Key", "tx-9:issue"}}).body ==
        issued.body);
  // A second authorisation (another key) is refused: the licence has been renewed.
  auto twice = c.post("/v1/issuances", paid_issue, {{"Idempotency-Key", "tx-10:issue"}});
  CHECK(twice.status == 409);
  CHECK(office.db->issuances(10).size() == 1);

  const std::string auth_id = body_of(issued)["authorisation"]["authorisation_id"];
  CHECK(office.db->issuance(auth_id)->state == "reserved");
  auto reissue = c.post("/v1/elicence/reissue", json{{"authorisation_id", auth_id}}.dump(),
                        {{"Idempotency-Key", "tx-9:el"}});
  CHECK(reissue.status == 201);
  // The kiosk asks for the e-licence once the card is handed out: delivered.
  CHECK(office.db->issuance(auth_id)->state == "delivered");

  auto refunded =
      c.post("/v1/payments/" + id + "/refund", "{}", {{"Idempotency-Key", "tx-9:refund"}});
  CHECK(body_of(refunded)["order"]["state"] == "refunded");
  // A delivered card stays delivered (reconcile reports a refunded order with a card).
  CHECK(office.db->issuance(auth_id)->state == "delivered");
  auto second =
      c.post("/v1/payments/" + id + "/refund", "{}", {{"Idempotency-Key", "tx-9:refund2"}});
  CHECK(second.status == 409);
  CHECK(error_code(second) == "already_refunded");  // named, so the kiosk knows it is done
}

TEST_CASE("a refund voids the authorisation its order paid for; a voided one is not re-issued",
          "[server][domain][payment]") {
  Office office;
  auto c = office.dev_kiosk();
  const std::string due = office.citizen("due_for_renewal");
  const std::string id = body_of(c.post("/v1/payments", R"({"amount_fen":1000})",
                                        {{"Idempotency-Key", "v:pay"}}))["order"]["order_id"];
  REQUIRE(c.post("/v1/payments/" + id + "/charge", R"({"payment_code":"134567890123456789"})",
                 {{"Idempotency-Key", "v:charge"}})
              .status == 200);
  auto issued = c.post("/v1/issuances",
                       json{{"id_number", due}, {"service", "renewal"}, {"order_id", id}}.dump(),
                       {{"Idempotency-Key", "v:issue"}});
  REQUIRE(issued.status == 201);
  const std::string auth_id = body_of(issued)["authorisation"]["authorisation_id"];
  CHECK(office.db->issuance(auth_id)->state == "reserved");

  REQUIRE(
      c.post("/v1/payments/" + id + "/refund", "{}", {{"Idempotency-Key", "v:refund"}}).status ==
      200);
  CHECK(office.db->issuance(auth_id)->state == "voided");
  auto reissue = c.post("/v1/elicence/reissue", json{{"authorisation_id", auth_id}}.dump(),
                        {{"Idempotency-Key", "v:el"}});
  CHECK(reissue.status == 409);
  CHECK(error_code(reissue) == "authorisation_voided");
  CHECK(office.db->issuance(auth_id)->state == "voided");
}

TEST_CASE("cancel is a compare-and-set: a created order is cancelled and can no longer be charged",
          "[server][domain][payment]") {
  Office office;
  auto c = office.dev_kiosk();
  const std::string code = R"({"payment_code":"134567890123456789"})";
  const auto lost = create_order(c, "l:pay");
  auto cancelled = c.post("/v1/payments/" + lost + "/cancel", "{}", {{"Idempotency-Key", "l:c"}});
  REQUIRE(cancelled.status == 200);
  CHECK(body_of(cancelled)["order"]["state"] == "cancelled");
  // The charge that was in flight arrives after the cancel: refused, nobody is charged.
  auto late = c.post("/v1/payments/" + lost + "/charge", code, {{"Idempotency-Key", "l:charge"}});
  CHECK(late.status == 409);
  CHECK(error_code(late) == "not_chargeable");
  CHECK(body_of(c.get("/v1/payments/" + lost))["order"]["state"] == "cancelled");
  // Cancelling again (another key, as recovery would) answers the cancelled order.
  CHECK(c.post("/v1/payments/" + lost + "/cancel", "{}", {{"Idempotency-Key", "l:c2"}}).status ==
        200);

  // A charge that committed first wins: the cancel is refused and the order stays paid.
  const auto paid = create_order(c, "p:pay");
  REQUIRE(
      c.post("/v1/payments/" + paid + "/charge", code, {{"Idempotency-Key", "p:charge"}}).status ==
      200);
  auto too_late = c.post("/v1/payments/" + paid + "/cancel", "{}", {{"Idempotency-Key", "p:c"}});
  CHECK(too_late.status == 409);
  CHECK(error_code(too_late) == "not_chargeable");
  CHECK(body_of(c.get("/v1/payments/" + paid))["order"]["state"] == "paid");
}

TEST_CASE("a declined or timed-out charge is reported and resolved", "[server][domain][payment]") {
  Office office;
  auto c = office.dev_kiosk();
  const auto declined = create_order(c, "d:pay");
  auto r = c.post("/v1/payments/" + declined + "/charge",
                  R"({"payment_code":"134567890123456701"})", {{"Idempotency-Key", "d:charge"}});
  CHECK(body_of(r)["order"]["state"] == "declined");
  const auto timeout = create_order(c, "t:pay");
  r = c.post("/v1/payments/" + timeout + "/charge", R"({"payment_code":"134567890123450000"})",
             {{"Idempotency-Key", "t:charge"}});
  CHECK(body_of(r)["order"]["state"] == "unknown");
  CHECK(body_of(c.get("/v1/payments/" + timeout))["order"]["state"] == "paid");
  r = c.post("/v1/payments/" + create_order(c, "x:pay") + "/charge", R"({"payment_code":"99"})",
             {{"Idempotency-Key", "x:charge"}});
  CHECK(r.status == 422);
}

TEST_CASE("the kiosk pulls the signed configuration only when it is newer",
          "[server][domain][config]") {
  Office office;
  auto c = office.dev_kiosk();
  auto r = c.get("/v1/config?have=0");
  REQUIRE(r.status == 200);
  auto signed_config = protocol::signed_config_from_json(r.body);
  REQUIRE(signed_config.ok());
  auto doc = protocol::verify_config(
      *signed_config, protocol::read_certificate(office.pki_dir / "office.pem").value());
  REQUIRE(doc.ok());
  CHECK(doc->version == 1);
  CHECK(c.get("/v1/config?have=1").status == 304);
}

TEST_CASE("after the retention purge a replay gets a typed answer and acts no second time",
          "[server][domain][retention]") {
  Office office;
  auto c = office.dev_kiosk();
  const std::string due = office.citizen("due_for_renewal");
  auto order = c.post("/v1/payments", R"({"amount_fen":1000,"description":"renewal"})",
                      {{"Idempotency-Key", "tx-7:pay"}});
  REQUIRE(order.status == 201);
  const std::string id = body_of(order)["order"]["order_id"];
  REQUIRE(c.post("/v1/payments/" + id + "/charge", R"({"payment_code":"134567890123456789"})",
                 {{"Idempotency-Key", "tx-7:charge"}})
              .status == 200);
  const std::string paid_issue =
      json{{"id_number", due}, {"service", "renewal"}, {"order_id", id}}.dump();
  auto issued = c.post("/v1/issuances", paid_issue, {{"Idempotency-Key", "tx-7:issue"}});
  REQUIRE(issued.status == 201);
  REQUIRE(issued.body.find(due) != std::string::npos);
  const std::string auth_id = body_of(issued)["authorisation"]["authorisation_id"];

  std::ostringstream out;
  REQUIRE(admin::purge(*office.db, 30, kNow + 31 * 86400, out) == 0);
  CHECK(out.str().find("issuances=1") != std::string::npos);

  auto replay = c.post("/v1/issuances", paid_issue, {{"Idempotency-Key", "tx-7:issue"}});
  CHECK(replay.status == 410);
  CHECK(error_code(replay) == "answer_purged");
  CHECK(replay.body.find(due) == std::string::npos);
  CHECK(office.db->issuances(10).size() == 1);  // no second authorisation
  auto reissue = c.post("/v1/elicence/reissue", json{{"authorisation_id", auth_id}}.dump(),
                        {{"Idempotency-Key", "tx-7:el"}});
  CHECK(reissue.status == 410);
  CHECK(error_code(reissue) == "answer_purged");
  // Reconciliation reads no personal data and still works: the paid authorisation that no
  // card was delivered for is a discrepancy it names without the citizen's ID number.
  std::ostringstream report;
  CHECK(admin::reconcile(*office.db, report) == 1);
  CHECK(report.str().find("DISCREPANCY") != std::string::npos);
  CHECK(report.str().find(due) == std::string::npos);
  CHECK(admin::list_transactions(*office.db, 10, report) == 0);
  CHECK(report.str().find(auth_id) != std::string::npos);
}
