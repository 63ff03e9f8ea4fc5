#include "central/server/admin.hpp"

#include <chrono>
#include <ctime>
#include <iomanip>
#include <ostream>
#include <sstream>
#include <thread>

#include "central/config/config.hpp"
#include "central/pki/files.hpp"
#include "central/pki/revocation.hpp"
#include "central/pki/tokens.hpp"
#include "central/registry/registry.hpp"
#include "central/server/domain_services.hpp"
#include "central/server/https_server.hpp"
#include "central/server/reconcile.hpp"
#include "protocol/image/png.hpp"
#include "protocol/synthetic/face.hpp"
#include "protocol/wire/chain.hpp"

namespace kiosk::central::admin {
namespace {

using nlohmann::json;

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

registry::Date shanghai_today() {
  const auto days = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds(std::chrono::seconds(unix_now() + 8 * 3600)));
  return registry::Date(std::chrono::sys_days(days));
}

std::string mask_id(const std::string& id_number) {
  return id_number.size() > 4
             ? std::string(id_number.size() - 4, '*') + id_number.substr(id_number.size() - 4)
             : id_number;
}

}  // namespace

int pki_init(const std::filesystem::path& dir, std::ostream& out) {
  auto report = pki::pki_init(dir);
  if (!report) {
    out << "pki init failed: " << report.error().message << '\n';
    return 1;
  }
  out << (report->created_ca ? "created a development CA in " : "reused the CA in ") << dir.string()
      << '\n';
  for (const auto& f : report->written) out << "  wrote " << f << '\n';
  return 0;
}

int pki_operator(const std::filesystem::path& dir, const std::string& name, std::ostream& out) {
  const std::string cn = "admin." + name;
  if (!wire::valid_kiosk_id(name) || !pki::is_valid_kiosk_id(cn)) {
    out << "operator name must be 1-58 characters [A-Za-z0-9_-]\n";
    return 2;
  }
  auto ca = pki::read_certified_key(dir / "ca.pem", dir / "ca.key");
  if (!ca) {
    out << "cannot read the CA in " << dir.string() << ": " << ca.error().message << '\n';
    return 1;
  }
  // An operator certificate is a client certificate whose CN starts with "admin.".
  auto cert = pki::create_kiosk_certificate(*ca, cn, 365);
  if (!cert) {
    out << "certificate creation failed: " << cert.error().message << '\n';
    return 1;
  }
  const auto base = dir / "operators" / cn;
  std::error_code ec;
  std::filesystem::create_directories(dir / "operators", ec);
  if (!pki::write_text_file(base.string() + ".pem", cert->cert.to_pem(), false) ||
      !pki::write_text_file(base.string() + ".key", cert->key.to_pem(), true)) {
    out << "cannot write " << base.string() << ".pem/.key\n";
    return 1;
  }
  out << "wrote " << base.string() << ".pem and .key (CN=" << cn << ")\n";
  return 0;
}

int seed(store::Store& store, const SeedOptions& options, std::ostream& out) {
  registry::Date today = shanghai_today();
  if (!options.today.empty()) {
    auto d = registry::parse_date(options.today);
    if (!d) {
      out << "--today must be YYYY-MM-DD\n";
      return 2;
    }
    today = *d;
  }
  const auto citizens = registry::seed_registry(today);
  for (const auto& c : citizens) {
    const auto& holder = c.licence.holder;
    store.put_citizen(holder.id_number, c.scenario, registry::to_json(c.licence).dump());
    // The synthetic registry's photo of each citizen: the portrait their synthetic ID card
    // and face carry, stored like a real registry photo (face matching never renders one).
    const auto portrait = protocol::synthetic::render_synthetic_face(
        protocol::synthetic::traits_from_seed(holder.id_number), 260, 358);
    auto png = protocol::encode_png(portrait.view());
    if (!png) {
      out << "cannot encode the registry photo of a synthetic citizen\n";
      return 1;
    }
    store.put_photo(holder.photo_ref, std::string(png->begin(), png->end()));
  }
  out << "seeded " << citizens.size() << " synthetic citizens for " << registry::format_date(today)
      << '\n';
  if (options.pki_dir) {
    if (store.latest_config()) {
      out << "configuration already published (version " << store.latest_config()->first << ")\n";
      return 0;
    }
    auto office =
        pki::read_certified_key(*options.pki_dir / "office.pem", *options.pki_dir / "office.key");
    if (!office) {
      out << "cannot read the office signing key: " << office.error().message << '\n';
      return 1;
    }
    protocol::ConfigDocument doc;
    doc.version = 1;
    doc.issued_at = server::rfc3339(unix_now());
    // The development technician; a real office provisions its own credentials.
    auto tech = protocol::make_technician_credential("tech", "kiosk24-dev");
    if (tech) doc.technicians.push_back(*tech);
    auto signed_doc = config::sign_config(doc, office->key);
    if (!signed_doc) {
      out << "signing the configuration failed\n";
      return 1;
    }
    // Served verbatim: {"payload": "<canonical document>", "signature": "..."}.
    store.put_config(doc.version, protocol::to_json(*signed_doc).dump(), unix_now());
    out << "published configuration version 1 (technician 'tech', password 'kiosk24-dev')\n";
  }
  return 0;
}

int publish_config(store::Store& store, const std::filesystem::path& pki_dir,
                   const std::filesystem::path& document, std::ostream& out) {
  auto text = protocol::read_text_file(document);
  if (!text) {
    out << "cannot read " << document.string() << '\n';
    return 1;
  }
  auto doc = protocol::config_from_json(json::parse(*text, nullptr, false));
  if (!doc) {
    out << "not a valid configuration document: " << doc.error().message << '\n';
    return 2;
  }
  auto office = pki::read_certified_key(pki_dir / "office.pem", pki_dir / "office.key");
  if (!office) {
    out << "cannot read the office signing key: " << office.error().message << '\n';
    return 1;
  }
  auto signed_doc = config::sign_config(*doc, office->key);
  if (!signed_doc) {
    out << "signing the configuration failed\n";
    return 1;
  }
  if (!store.put_config(doc->version, protocol::to_json(*signed_doc).dump(), unix_now())) {
    const auto latest = store.latest_config();
    out << "version " << doc->version << " is not newer than the published version "
        << (latest ? latest->first : 0) << '\n';
    return 2;
  }
  out << "published configuration version " << doc->version << '\n';
  return 0;
}

int list_kiosks(store::Store& store, std::ostream& out) {
  out << std::left << std::setw(20) << "KIOSK" << std::setw(9) << "STATUS" << std::setw(10)
      << "ACKED" << std::setw(22) << "LAST HEARTBEAT"
      << "HEALTH\n";
  for (const auto& k : store.fleet()) {
    std::string health = "-";
    if (k.heartbeat) {
      auto hb = json::parse(*k.heartbeat, nullptr, false);
      if (hb.is_object()) {
        health.clear();
        for (const char* field : {"software_version", "card_stock", "outbox_depth"}) {
          if (hb.contains(field)) health += std::string(field) + "=" + hb[field].dump() + " ";
        }
      }
    }
    out << std::left << std::setw(20) << k.kiosk_id << std::setw(9) << k.status << std::setw(10)
        << k.acked_seq << std::setw(22)
        << (k.last_heartbeat_at ? server::rfc3339(*k.last_heartbeat_at) : "never") << health
        << '\n';
  }
  return 0;
}

int list_transactions(store::Store& store, std::size_t limit, std::ostream& out) {
  out << "Issuance authorisations (latest first)\n";
  for (const auto& i : store.issuances(limit)) {
    out << "  " << i.authorisation_id << "  kiosk=" << i.kiosk_id
        << "  holder=" << mask_id(i.id_number) << "  state=" << i.state
        << "  at=" << server::rfc3339(i.created_at) << '\n';
  }
  out << "Journal events (latest first)\n";
  for (const auto& e : store.recent_events(limit)) {
    out << "  " << e.kiosk_id << " #" << e.seq << "  " << e.type << "  " << e.occurred_at << '\n';
  }
  out << "total events: " << store.event_count() << ", payment orders: " << store.payment_count()
      << '\n';
  return 0;
}

int reconcile(store::Store& store, std::ostream& out, bool as_json) {
  const auto reports = reconcile::reconcile_all(store);
  std::size_t discrepancies = 0;
  for (const auto& r : reports) discrepancies += r.discrepancies.size();
  if (as_json) {
    out << reconcile::to_json(reports).dump(2) << '\n';
    return discrepancies == 0 ? 0 : 1;
  }
  out << std::left << std::setw(20) << "KIOSK" << std::right << std::setw(8) << "LOADED"
      << std::setw(8) << "ISSUED" << std::setw(9) << "SPOILED" << std::setw(10) << "RETAINED"
      << std::setw(10) << "EXPECTED" << std::setw(8) << "ORDERS" << std::setw(6) << "PAID"
      << std::setw(10) << "REFUNDED" << '\n';
  std::int64_t loaded = 0, issued = 0, spoiled = 0, retained = 0;
  for (const auto& r : reports) {
    const auto& s = r.stock;
    out << std::left << std::setw(20) << r.kiosk_id << std::right << std::setw(8) << s.loaded
        << std::setw(8) << s.issued << std::setw(9) << s.spoiled << std::setw(10) << s.retained
        << std::setw(10) << s.expected_stock() << std::setw(8) << r.orders << std::setw(6) << r.paid
        << std::setw(10) << r.refunded << '\n';
    loaded += s.loaded;
    issued += s.issued;
    spoiled += s.spoiled;
    retained += s.retained;
  }
  out << std::left << std::setw(20) << "TOTAL" << std::right << std::setw(8) << loaded
      << std::setw(8) << issued << std::setw(9) << spoiled << std::setw(10) << retained
      << std::setw(10) << (loaded - issued - spoiled - retained) << '\n';
  for (const auto& r : reports) {
    for (const auto& d : r.discrepancies) {
      out << "DISCREPANCY " << r.kiosk_id << ' ' << d.kind << ' ' << d.subject << ": " << d.detail
          << "\n  do: " << d.action << '\n';
    }
  }
  out << (discrepancies == 0 ? "no discrepancies"
                             : std::to_string(discrepancies) + " discrepancies")
      << '\n';
  return discrepancies == 0 ? 0 : 1;
}

int verify_chain(store::Store& store, const std::string& kiosk_id, std::ostream& out) {
  if (!store.kiosk(kiosk_id) && store.head(kiosk_id).seq == 0) {
    out << "no kiosk " << kiosk_id << '\n';
    return 2;
  }
  constexpr std::size_t kBatch = 1000;
  wire::ChainHead head;
  std::uint64_t count = 0;
  auto broken = [&](std::uint64_t seq, const std::string& why) {
    out << "chain of " << kiosk_id << " BROKEN at seq " << seq << ": " << why << " (" << count
        << " records intact before it)\n";
    return 1;
  };
  for (;;) {
    const auto batch = store.events(kiosk_id, head.seq + 1, kBatch);
    for (const auto& e : batch) {
      if (e.seq != head.seq + 1)
        return broken(head.seq + 1, "missing (next stored is " + std::to_string(e.seq) + ")");
      wire::Record r;
      r.kiosk_id = e.kiosk_id;
      r.seq = e.seq;
      r.type = e.type;
      r.occurred_at = e.occurred_at;
      r.payload = nlohmann::json::parse(e.payload, nullptr, false);
      r.prev_hash = e.prev_hash;
      r.signature = e.signature;
      if (r.payload.is_discarded()) return broken(e.seq, "payload is not JSON");
      auto hash = wire::record_hash(r);
      if (!hash) return broken(e.seq, "record is not canonical: " + hash.error().message);
      if (e.prev_hash != head.hash) return broken(e.seq, "prev_hash is not the previous hash");
      if (*hash != e.hash) return broken(e.seq, "contents differ from their stored hash");
      head = wire::ChainHead{e.seq, *hash};
      ++count;
    }
    if (batch.size() < kBatch) break;
  }
  const auto stored = store.head(kiosk_id);
  if (stored.seq != head.seq || stored.hash != head.hash)
    return broken(head.seq + 1, "the stored head is seq " + std::to_string(stored.seq));
  out << "chain of " << kiosk_id << " intact: " << count << " records, head seq " << head.seq
      << " hash " << head.hash << '\n';
  return 0;
}

int issue_token(store::Store& store, const std::string& kiosk_id, int ttl_hours,
                std::ostream& out) {
  if (!wire::valid_kiosk_id(kiosk_id) || !pki::is_valid_kiosk_id(kiosk_id)) {
    out << "not a valid kiosk id\n";
    return 2;
  }
  const std::string token = pki::make_enrolment_token();
  const std::string salt = pki::make_salt();
  store.add_enrolment_token(store::EnrolmentToken{0, kiosk_id, salt, pki::hash_token(token, salt),
                                                  unix_now() + std::int64_t{ttl_hours} * 3600});
  out << token << '\n';
  return 0;
}

int revoke(store::Store& store, const std::string& serial_hex, const std::string& kiosk_id,
           std::ostream& out) {
  const std::string serial = pki::normalise_serial(serial_hex);
  if (serial.empty()) {
    out << "not a hex serial number\n";
    return 2;
  }
  store.revoke(serial, kiosk_id, unix_now());
  out << "revoked " << serial << '\n';
  return 0;
}

int serve(const ServeOptions& options, std::ostream& out) {
  const auto colon = options.listen.rfind(':');
  if (colon == std::string::npos) {
    out << "--listen must be HOST:PORT\n";
    return 2;
  }
  auto read = [&](const char* name) { return protocol::read_text_file(options.pki_dir / name); };
  auto ca = pki::read_certified_key(options.pki_dir / "ca.pem", options.pki_dir / "ca.key");
  auto office =
      pki::read_certified_key(options.pki_dir / "office.pem", options.pki_dir / "office.key");
  auto server_cert = read("server.pem");
  auto server_key = read("server.key");
  if (!ca || !office || !server_cert || !server_key) {
    out << "cannot read the PKI in " << options.pki_dir.string()
        << " (run: kiosk-central pki init DIR)\n";
    return 1;
  }
  auto db = store::open_store(options.db_url);
  server::DomainOptions domain{*ca, *office, nullptr, payment::OutcomeTable::default_table(), 730};
  server::Api api(*db, std::make_shared<server::DomainServices>(domain));
  server::HttpsOptions https;
  https.host = options.listen.substr(0, colon);
  https.port = std::stoi(options.listen.substr(colon + 1));
  https.server_cert_pem = *server_cert;
  https.server_key_pem = *server_key;
  https.client_ca_pem = ca->cert.to_pem();
  https.threads = options.threads;
  https.fault_file = options.fault_file;
  server::HttpsServer server(api, https);
  const int port = server.start();
  out << "kiosk-central listening on https://" << https.host << ':' << port << " (" << db->backend()
      << ", schema v" << db->schema_version() << ")" << std::endl;
  if (options.on_listening) options.on_listening(port);
  auto next_purge = std::chrono::steady_clock::now();
  while (options.stop == nullptr || !options.stop->load()) {
    if (std::chrono::steady_clock::now() >= next_purge) {
      try {
        purge(*db, options.retention_days, std::time(nullptr), out);
      } catch (const store::StoreError& e) {
        // The store message names the operation, never row values; the next pass retries.
        out << "purge failed: " << e.what() << std::endl;
      }
      next_purge = std::chrono::steady_clock::now() + options.purge_interval;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  server.stop();
  out << "stopped\n";
  return 0;
}

int purge(store::Store& store, int retention_days, std::int64_t now, std::ostream& out) {
  const std::int64_t cutoff = now - std::int64_t{retention_days} * 86400;
  const auto n = store.purge_personal_data(cutoff);
  if (n.total() > 0) {
    out << "personal data purged (older than " << retention_days
        << " days): idempotency_answers=" << n.idempotency_answers << " issuances=" << n.issuances
        << " elicence_reissues=" << n.elicence_reissues << std::endl;
  }
  return 0;
}

std::optional<std::int64_t> parse_utc(const std::string& text) {
  std::tm tm{};
  std::istringstream in(text);
  in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%SZ");
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return static_cast<std::int64_t>(timegm(&tm));
}

int dev(const std::filesystem::path& dir, const std::string& listen, std::atomic<bool>* stop,
        std::ostream& out, std::function<void(int)> on_listening) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const auto pki_dir = dir / "pki";
  if (!std::filesystem::exists(pki_dir / "ca.pem")) {
    if (const int rc = pki_init(pki_dir, out); rc != 0) return rc;
  }
  const std::string url = "sqlite:" + (dir / "central.db").string();
  {
    auto db = store::open_store(url);
    if (db->citizen_count() == 0) {
      if (const int rc = seed(*db, SeedOptions{{}, pki_dir}, out); rc != 0) return rc;
    }
  }
  out << "dev kiosk certificates: " << (pki_dir / "kiosks").string() << '\n';
  return serve(ServeOptions{url, pki_dir, listen, 64, stop, std::move(on_listening), {}}, out);
}

}  // namespace kiosk::central::admin
