// CentralClient against the real reference office over loopback mutual TLS 1.3.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>

#include <fstream>
#include <sstream>

#include "central/pki/pki.hpp"
#include "central/server/admin.hpp"
#include "firmware/sync/central_client.hpp"
#include "protocol/encoding/base64.hpp"
#include "protocol/image/png.hpp"
#include "protocol/synthetic/face.hpp"
#include "tests/central/support/test_pki.hpp"
#include "tests/firmware/sync/office.hpp"

using namespace kiosk::sync;
using namespace kiosk::sync::testing;  // Office, FakeOutbox, DevKiosk
using nlohmann::json;
using namespace std::chrono_literals;
namespace central = kiosk::central;
namespace protocol = kiosk::protocol;

namespace {

std::vector<std::uint8_t> face_png(const std::string& id_number) {
  namespace synthetic = kiosk::protocol::synthetic;
  return kiosk::protocol::encode_png(
             synthetic::render_synthetic_face(synthetic::traits_from_seed(id_number), 260, 358, 1)
                 .view())
      .value();
}

void write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p) << text;
}

}  // namespace

TEST_CASE("a signed chain is uploaded and acknowledged, and re-sending it is harmless",
          "[sync][client]") {
  DevKiosk k;
  k.outbox.append(5);
  auto ack = k.client.upload_events(k.outbox.records());
  REQUIRE(ack.ok());
  CHECK(ack->acknowledged_seq == 5);
  CHECK(ack->stored == 5);
  auto again = k.client.upload_events(k.outbox.records());
  REQUIRE(again.ok());
  CHECK(again->acknowledged_seq == 5);
  CHECK(again->stored == 0);
  auto position = k.client.acknowledged_position();
  REQUIRE(position.ok());
  CHECK(position->acknowledged_seq == 5);
  CHECK(position->last_hash == protocol::wire::record_hash(k.outbox.records().back()).value());
  CHECK(k.office.db().head(k.office.kiosk_id()).seq == 5);
}

TEST_CASE("an upload that skips ahead is a sequence gap with the expected sequence",
          "[sync][client]") {
  DevKiosk k;
  k.outbox.append(4);
  auto records = k.outbox.records();
  auto gap = k.client.upload_events({records[2], records[3]});
  REQUIRE_FALSE(gap.ok());
  CHECK(gap.error().code == Errc::rejected);
  CHECK(gap.error().http_status == 409);
  CHECK(gap.error().api_code == "sequence_gap");
  CHECK(gap.error().expected_sequence == 1u);
  CHECK(k.client.breaker().state() == CircuitState::closed);  // the office answered
}

TEST_CASE("records signed with another kiosk's key are refused", "[sync][client]") {
  Office office;
  CentralClient client(office.endpoint(1));
  FakeOutbox foreign(office.kiosk_id(1), office.kiosk_key_pem(2));
  foreign.append(1);
  auto r = client.upload_events(foreign.records());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().api_code == "bad_signature");
  CHECK(r.error().http_status == 422);
}

TEST_CASE("a client certificate from another CA fails with a tls error", "[sync][client][tls]") {
  Office office;
  const auto other_ca = central::testing::make_ca("Some Other CA");
  const auto cert = central::testing::issue_cert(other_ca, office.kiosk_id());
  write_file(office.dir() / "other.pem", cert.cert_pem);
  write_file(office.dir() / "other.key", cert.key_pem);
  auto endpoint = office.endpoint();
  endpoint.cert_file = (office.dir() / "other.pem").string();
  endpoint.key_file = (office.dir() / "other.key").string();
  CentralClient client(endpoint);
  auto r = client.heartbeat(json{{"software_version", "test"}});
  REQUIRE_FALSE(r.ok());
  INFO(r.error().message << " curl=" << r.error().curl_code);
  CHECK(r.error().code == Errc::tls);
}

TEST_CASE("a server certificate the kiosk does not trust fails with a tls error",
          "[sync][client][tls]") {
  Office office;
  const auto other_ca = central::testing::make_ca("Some Other CA");
  write_file(office.dir() / "other-ca.pem", other_ca.cert_pem);
  auto endpoint = office.endpoint();
  endpoint.ca_file = (office.dir() / "other-ca.pem").string();
  CentralClient client(endpoint);
  auto r = client.acknowledged_position();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == Errc::tls);
}

namespace {
// curl's pin of the key in a PEM certificate: sha256//<base64 of SHA-256(DER
// SubjectPublicKeyInfo)>.
std::string pin_of(const std::filesystem::path& cert_pem) {
  BIO* bio = BIO_new_file(cert_pem.c_str(), "r");
  REQUIRE(bio != nullptr);
  X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  REQUIRE(cert != nullptr);
  unsigned char* der = nullptr;
  const int n = i2d_PUBKEY(X509_get0_pubkey(cert), &der);
  X509_free(cert);
  REQUIRE(n > 0);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(der, static_cast<std::size_t>(n), digest);
  OPENSSL_free(der);
  return "sha256//" + kiosk::protocol::base64_encode(std::span<const std::uint8_t>(digest));
}
}  // namespace

TEST_CASE("with central's key pinned, a server with another key is refused though the CA signed it",
          "[sync][client][tls]") {
  Office office;
  auto endpoint = office.endpoint();
  SECTION("the office's own key passes") {
    endpoint.pinned_public_key = pin_of(office.pki_dir() / "server.pem");
    CentralClient client(endpoint);
    CHECK(client.acknowledged_position().ok());
  }
  SECTION("another key, here the office CA's own, is refused") {
    endpoint.pinned_public_key = pin_of(office.pki_dir() / "ca.pem");
    CentralClient client(endpoint);
    auto r = client.acknowledged_position();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Errc::tls);
  }
  SECTION("during a key change either of two pins passes") {
    endpoint.pinned_public_key =
        pin_of(office.pki_dir() / "ca.pem") + ";" + pin_of(office.pki_dir() / "server.pem");
    CentralClient client(endpoint);
    CHECK(client.acknowledged_position().ok());
  }
}

TEST_CASE("a revoked kiosk certificate is rejected with certificate_revoked",
          "[sync][client][tls]") {
  Office office;
  // Every dev kiosk is revoked in turn, so a serial starting with a zero nibble (which the
  // office once failed to match) is covered too.
  for (int n = 1; n <= 3; ++n) {
    const std::string serial =
        protocol::read_certificate(office.endpoint(n).cert_file).value().serial_hex();
    std::ostringstream out;
    REQUIRE(central::admin::revoke(office.db(), serial, office.kiosk_id(n), out) == 0);
    CentralClient client(office.endpoint(n));
    auto r = client.heartbeat(json::object());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Errc::rejected);
    CHECK(r.error().http_status == 403);
    CHECK(r.error().api_code == "certificate_revoked");
  }
}

TEST_CASE("an unreachable office opens the breaker, which half-opens and closes again",
          "[sync][client][breaker]") {
  Office office;
  office.stop();
  auto breaker = std::make_shared<CircuitBreaker>(CircuitBreakerOptions{3, 50ms, nullptr});
  CentralClient client(office.endpoint(), breaker);
  for (int i = 0; i < 3; ++i) {
    auto r = client.heartbeat(json::object());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Errc::unreachable);
  }
  CHECK(breaker->state() == CircuitState::open);
  auto fast = client.eligibility(json{{"id_number", "x"}, {"service", "renewal"}}, "k:1");
  REQUIRE_FALSE(fast.ok());
  CHECK(fast.error().code == Errc::circuit_open);

  office.start();
  // Wait (bounded) for the open period to pass on the real clock; then one trial goes out.
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  Result<std::string> trial = make_error(Errc::circuit_open, "");
  while (std::chrono::steady_clock::now() < deadline) {
    trial = client.heartbeat(json::object());
    if (trial.ok() || trial.error().code != Errc::circuit_open) break;
    std::this_thread::sleep_for(10ms);
  }
  REQUIRE(trial.ok());
  CHECK(breaker->state() == CircuitState::closed);
}

TEST_CASE("an invalid idempotency key or order id never leaves the kiosk", "[sync][client]") {
  Office office;
  CentralClient client(office.endpoint());
  auto r = client.eligibility(json{{"id_number", "x"}, {"service", "renewal"}}, "bad key!");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == Errc::invalid_argument);
  auto p = client.payment_status("../../v1/fleet");
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().code == Errc::invalid_argument);
  CHECK(client.create_payment(100, "x", std::string(129, 'a')).error().code ==
        Errc::invalid_argument);
}

TEST_CASE("eligibility of a seeded citizen is decided and replayed by key", "[sync][client]") {
  Office office;
  CentralClient client(office.endpoint());
  const json request{{"id_number", Office::citizen("due_for_renewal")}, {"service", "renewal"}};
  auto first = client.eligibility(request, "tx-1:eligibility:1");
  REQUIRE(first.ok());
  CHECK((*first)["decision"]["eligible"] == true);
  CHECK((*first)["decision"]["fee_fen"] == 1000);
  auto replay = client.eligibility(request, "tx-1:eligibility:1");
  REQUIRE(replay.ok());
  CHECK(*replay == *first);
  auto reuse =
      client.eligibility(json{{"id_number", Office::citizen("suspended")}, {"service", "renewal"}},
                         "tx-1:eligibility:1");
  REQUIRE_FALSE(reuse.ok());
  CHECK(reuse.error().api_code == "idempotency_key_reuse");
  auto unknown = client.eligibility(
      json{{"id_number", "110101190001010000"}, {"service", "renewal"}}, "tx-2:eligibility:1");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().http_status == 404);
}

TEST_CASE("the face match accepts the citizen's face and refuses another's", "[sync][client]") {
  Office office;
  CentralClient client(office.endpoint());
  const auto due = Office::citizen("due_for_renewal");
  auto same = client.face_match(due, face_png(due), "tx-1:face:1");
  REQUIRE(same.ok());
  CHECK(same->match);
  auto replay = client.face_match(due, face_png(due), "tx-1:face:1");
  REQUIRE(replay.ok());
  CHECK(replay->score_permille == same->score_permille);
  auto other = client.face_match(due, face_png(Office::citizen("not_yet_due")), "tx-1:face:2");
  REQUIRE(other.ok());
  CHECK_FALSE(other->match);
  auto garbage = client.face_match(due, {1, 2, 3}, "tx-1:face:3");
  REQUIRE_FALSE(garbage.ok());
  CHECK(garbage.error().api_code == "invalid_image");
}

TEST_CASE("a payment is created, charged, queried, refunded, and each step is idempotent",
          "[sync][client][payment]") {
  Office office;
  CentralClient client(office.endpoint());
  auto order = client.create_payment(1000, "renewal", "tx-9:payment.create:1");
  REQUIRE(order.ok());
  CHECK(order->state == "created");
  CHECK(order->amount_fen == 1000);
  CHECK(order->qr.find(order->order_id) != std::string::npos);
  auto same = client.create_payment(1000, "renewal", "tx-9:payment.create:1");
  REQUIRE(same.ok());
  CHECK(same->order_id == order->order_id);

  auto charged =
      client.charge_payment(order->order_id, "134567890123456789", "tx-9:payment.charge:1");
  REQUIRE(charged.ok());
  CHECK(charged->state == "paid");
  CHECK(charged->outcome == "approved");
  auto recharged =
      client.charge_payment(order->order_id, "134567890123456789", "tx-9:payment.charge:1");
  REQUIRE(recharged.ok());
  CHECK(recharged->order == charged->order);
  auto status = client.payment_status(order->order_id);
  REQUIRE(status.ok());
  CHECK(status->state == "paid");
  CHECK(status->order["charge_attempts"] == 1);

  auto refunded = client.refund(order->order_id, "tx-9:payment.refund:1");
  REQUIRE(refunded.ok());
  CHECK(refunded->state == "refunded");
  auto again = client.refund(order->order_id, "tx-9:payment.refund:1");
  REQUIRE(again.ok());
  CHECK(again->state == "refunded");
  auto twice = client.refund(order->order_id, "tx-9:payment.refund:2");
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().http_status == 409);
}

TEST_CASE("a timed-out charge is resolved by the status query", "[sync][client][payment]") {
  Office office;
  CentralClient client(office.endpoint());
  auto order = client.create_payment(500, "renewal", "t:create");
  REQUIRE(order.ok());
  auto charged = client.charge_payment(order->order_id, "134567890123450000", "t:charge");
  REQUIRE(charged.ok());
  CHECK(charged->outcome == "timeout");
  CHECK(charged->state == "unknown");
  auto status = client.payment_status(order->order_id);
  REQUIRE(status.ok());
  CHECK(status->state == "paid");
}

TEST_CASE(
    "an issuance after payment is authorised, signed by the office, then the e-licence "
    "re-issued",
    "[sync][client][issuance]") {
  Office office;
  CentralClient client(office.endpoint());
  const auto due = Office::citizen("due_for_renewal");
  const json unpaid{{"id_number", due}, {"service", "renewal"}};
  auto refused = client.authorise_issuance(unpaid, "tx-5:issue:0");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().http_status == 402);
  CHECK(refused.error().api_code == "payment_required");

  auto order = client.create_payment(1000, "renewal", "tx-5:pay");
  REQUIRE(order.ok());
  REQUIRE(client.charge_payment(order->order_id, "134567890123456789", "tx-5:charge").ok());
  const json paid{{"id_number", due}, {"service", "renewal"}, {"order_id", order->order_id}};
  auto grant = client.authorise_issuance(paid, "tx-5:issue:1");
  REQUIRE(grant.ok());
  CHECK_FALSE(grant->authorisation_id.empty());
  CHECK(grant->signed_authorisation.contains("signature"));
  auto replay = client.authorise_issuance(paid, "tx-5:issue:1");
  REQUIRE(replay.ok());
  CHECK(replay->authorisation_id == grant->authorisation_id);
  auto second = client.authorise_issuance(paid, "tx-6:issue:1");
  REQUIRE_FALSE(second.ok());
  CHECK(second.error().http_status == 409);

  auto reissue = client.reissue_elicence(grant->authorisation_id, "tx-5:elicence:1");
  REQUIRE(reissue.ok());
  auto reissue_again = client.reissue_elicence(grant->authorisation_id, "tx-5:elicence:1");
  REQUIRE(reissue_again.ok());
  CHECK(*reissue_again == *reissue);
}

TEST_CASE("the configuration is fetched, verified, and not fetched again when current",
          "[sync][client][config]") {
  Office office;
  CentralClient client(office.endpoint());
  auto update = client.fetch_config(0);
  REQUIRE(update.ok());
  REQUIRE(update->has_value());
  CHECK((*update)->document.version == 1);
  auto current = client.fetch_config(1);
  REQUIRE(current.ok());
  CHECK_FALSE(current->has_value());

  SECTION("a document signed by another key is refused") {
    auto endpoint = office.endpoint();
    endpoint.office_cert_file = endpoint.cert_file;  // a kiosk certificate, not the office's
    CentralClient wrong(endpoint);
    auto r = wrong.fetch_config(0);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == Errc::invalid_response);
  }
}

TEST_CASE("a heartbeat is recorded by the office", "[sync][client]") {
  Office office;
  CentralClient client(office.endpoint());
  auto r = client.heartbeat(json{{"software_version", "0.1.0"}, {"outbox_depth", 3}});
  REQUIRE(r.ok());
  CHECK(*r == "2026-11-28T12:00:00Z");
  bool found = false;
  for (const auto& row : office.db().fleet()) {
    if (row.kiosk_id == office.kiosk_id() && row.heartbeat) {
      found = json::parse(*row.heartbeat)["outbox_depth"] == 3;
    }
  }
  CHECK(found);
}

TEST_CASE("a kiosk enrols with a one-time token and then uploads with its new certificate",
          "[sync][client][enrol]") {
  Office office;
  std::ostringstream token_out;
  REQUIRE(central::admin::issue_token(office.db(), "k-new", 1, token_out) == 0);
  const std::string token = token_out.str().substr(0, token_out.str().size() - 1);
  auto anonymous_endpoint = office.endpoint();
  anonymous_endpoint.cert_file.clear();
  anonymous_endpoint.key_file.clear();
  CentralClient anonymous(anonymous_endpoint);
  auto wrong = anonymous.enrol_with_new_key("k-new", "not-the-token");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().api_code == "invalid_enrolment_token");
  auto enrolment = anonymous.enrol_with_new_key("k-new", token);
  REQUIRE(enrolment.ok());
  write_file(office.dir() / "k-new.pem", enrolment->certificate_pem);
  write_file(office.dir() / "k-new.key", enrolment->key_pem);

  auto endpoint = office.endpoint();
  endpoint.cert_file = (office.dir() / "k-new.pem").string();
  endpoint.key_file = (office.dir() / "k-new.key").string();
  CentralClient enrolled(endpoint);
  FakeOutbox outbox("k-new", enrolment->key_pem);
  outbox.append(2);
  auto ack = enrolled.upload_events(outbox.records());
  REQUIRE(ack.ok());
  CHECK(ack->acknowledged_seq == 2);
}

TEST_CASE("an office that accepts but never answers is a timeout", "[sync][client]") {
  Office office;  // for the PKI files only
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);  // NOLINT
  REQUIRE(::listen(fd, 4) == 0);  // the kernel completes TCP; nobody speaks TLS
  socklen_t len = sizeof addr;
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);  // NOLINT
  auto endpoint = office.endpoint();
  endpoint.base_url = "https://127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
  endpoint.connect_timeout = 150ms;
  endpoint.request_timeout = 300ms;
  CentralClient client(endpoint);
  auto r = client.acknowledged_position();
  ::close(fd);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == Errc::timeout);
  CHECK(client.breaker().consecutive_failures() == 1);
}

TEST_CASE("an answer over the size bound is an invalid response", "[sync][client]") {
  Office office;
  auto endpoint = office.endpoint();
  endpoint.max_response_bytes = 64;  // the signed configuration is far larger
  CentralClient client(endpoint);
  auto r = client.fetch_config(0);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == Errc::invalid_response);
}
