#pragma once
// The commands of `kiosk-central` as functions (the executable only parses arguments).
// Every function writes human-readable text to `out` and returns a process exit code.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

#include "central/store/store.hpp"

namespace kiosk::central::admin {

// PKI directory layout (central/pki/files.hpp): ca.pem ca.key server.pem server.key
// office.pem office.key kiosks/<id>.pem|.key
int pki_init(const std::filesystem::path& dir, std::ostream& out);

// An office operator's client certificate (CN=admin.<name>, allowed on GET /v1/fleet only):
// DIR/operators/admin.<name>.pem|.key, signed by the CA in DIR.
int pki_operator(const std::filesystem::path& dir, const std::string& name, std::ostream& out);

struct SeedOptions {
  std::string today;  // YYYY-MM-DD; empty: today in Asia/Shanghai
  std::optional<std::filesystem::path>
      pki_dir;  // when set, publish config v1 signed by the office key
};
// Loads the synthetic registry (idempotent: re-seeding rewrites the same citizens) and, with a
// PKI directory, publishes configuration version 1 unless one exists.
int seed(store::Store& store, const SeedOptions& options, std::ostream& out);

// Publishes a configuration document (JSON of central/config, strictly checked) signed by the
// office key in `pki_dir`. Its version must be higher than the published one.
int publish_config(store::Store& store, const std::filesystem::path& pki_dir,
                   const std::filesystem::path& document, std::ostream& out);

int list_kiosks(store::Store& store, std::ostream& out);
int list_transactions(store::Store& store, std::size_t limit, std::ostream& out);
// Payments <-> authorisations <-> refunds <-> cards and card stock per kiosk (central/server/
// reconcile.hpp): a table, then one line per discrepancy with what to do; as_json: the same
// as one JSON document for machines. 0 when there is no discrepancy, 1 otherwise.
int reconcile(store::Store& store, std::ostream& out, bool as_json = false);
// Re-checks a kiosk's stored journal from its first record: seqs from 1 without a gap, each
// record's hash recomputed from its stored fields (canonical bytes) and each prev_hash equal to
// the hash before it, and the stored hash equal to the recomputed one. 0 when intact (one line
// with the count and the head), 1 with the first break (seq and why), 2 for an unknown kiosk.
// The signatures were verified against the kiosk's certificate when the records arrived.
int verify_chain(store::Store& store, const std::string& kiosk_id, std::ostream& out);
// Prints a one-time enrolment token for the kiosk (valid ttl_hours).
int issue_token(store::Store& store, const std::string& kiosk_id, int ttl_hours, std::ostream& out);
// Revokes a certificate serial (and the kiosk, when given).
int revoke(store::Store& store, const std::string& serial_hex, const std::string& kiosk_id,
           std::ostream& out);

// Personal data retention (docs/kiosk-central.md "Personal data retention").
inline constexpr int kDefaultRetentionDays = 30;
// Strips personal data stored more than `retention_days` before `now` (unix seconds) with
// Store::purge_personal_data and prints what it changed. 0 on success.
int purge(store::Store& store, int retention_days, std::int64_t now, std::ostream& out);
// "2026-12-05T17:00:00Z" (UTC) => unix seconds; nullopt when it is not that form.
std::optional<std::int64_t> parse_utc(const std::string& text);

struct ServeOptions {
  std::string db_url;
  std::filesystem::path pki_dir;
  std::string listen = "127.0.0.1:8443";
  int threads = 64;  // keep-alive holds one thread per open kiosk connection
  // Set to true to stop serving (e.g. from a signal-waiting thread); polled.
  std::atomic<bool>* stop = nullptr;
  // Called with the bound port once listening.
  std::function<void(int)> on_listening;
  // Development and fault campaigns only: HttpsOptions::fault_file.
  std::filesystem::path fault_file;
  // Personal data older than this is purged at start and then every purge_interval.
  int retention_days = kDefaultRetentionDays;
  std::chrono::seconds purge_interval{3600};
};
int serve(const ServeOptions& options, std::ostream& out);

// One command for a demo: pki init DIR/pki if missing, SQLite DIR/central.db seeded if empty,
// then serve.
int dev(const std::filesystem::path& dir, const std::string& listen, std::atomic<bool>* stop,
        std::ostream& out, std::function<void(int)> on_listening = nullptr);

}  // namespace kiosk::central::admin
