// The hash-chained audit log of maintenance actions. Row n stores hash(row n-1) as prev_hash
// and its own hash over (prev_hash, id, at, actor, action, details), so altering, removing or
// reordering any row breaks verification from that row on.
#include "firmware/journal/journal.hpp"
#include "firmware/journal/journal_internal.hpp"
#include "protocol/crypto/keys.hpp"
#include "protocol/crypto/sha256.hpp"

namespace kiosk::journal {

using nlohmann::json;

namespace {

std::string audit_hash(const std::string& prev_hash, std::uint64_t id, const std::string& at,
                       const std::string& actor, const std::string& action,
                       const std::string& details_text) {
  // JSON objects dump with sorted keys, so this is a canonical encoding of the row.
  const json row{{"prev_hash", prev_hash}, {"id", id},         {"at", at},
                 {"actor", actor},         {"action", action}, {"details", details_text}};
  return protocol::sha256_hex(row.dump());
}

}  // namespace

Result<Done> Journal::audit(std::string actor, std::string action, json details) {
  if (actor.empty() || action.empty()) {
    return make_error(Errc::invalid_argument, "empty audit actor or action");
  }
  std::lock_guard lock(mutex_);
  const std::string at = now_rfc3339();
  const std::string details_text = details.dump();
  auto r = write(
      [&]() -> Result<Done> {
        auto st = db_.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
        if (!st) return st.error();
        auto row = st->step();
        if (!row) return row.error();
        std::uint64_t id = 1;
        std::string prev(protocol::wire::kGenesisHash);
        if (*row) {
          id = static_cast<std::uint64_t>(st->int64(0)) + 1;
          prev = st->text(1);
        }
        const std::string hash = audit_hash(prev, id, at, actor, action, details_text);
        auto ins = db_.prepare(
            "INSERT INTO audit_log (id, at, actor, action, details, prev_hash, hash)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        if (!ins) return ins.error();
        if (auto e = ins->bind(1, static_cast<std::int64_t>(id))
                         .bind(2, std::string_view(at))
                         .bind(3, std::string_view(actor))
                         .bind(4, std::string_view(action))
                         .bind(5, std::string_view(details_text))
                         .bind(6, std::string_view(prev))
                         .bind(7, std::string_view(hash))
                         .run();
            !e) {
          return e.error();
        }
        auto seq = append_record_locked("audit",
                                        json{{"audit_id", id},
                                             {"actor", actor},
                                             {"action", action},
                                             {"details", details},
                                             {"hash", hash}},
                                        at);
        if (!seq) return seq.error();
        return Done{};
      },
      "audit");
  if (!r) return r.error();
  detail::log()->info("audit actor={} action={}", actor, action);
  return Done{};
}

Result<bool> Journal::verify_audit_chain() {
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(
      "SELECT id, at, actor, action, details, prev_hash, hash FROM audit_log ORDER BY id");
  if (!st) return st.error();
  std::string prev(protocol::wire::kGenesisHash);
  std::uint64_t expected_id = 1;
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    const auto id = static_cast<std::uint64_t>(st->int64(0));
    const std::string hash = st->text(6);
    if (id != expected_id || st->text(5) != prev ||
        audit_hash(prev, id, st->text(1), st->text(2), st->text(3), st->text(4)) != hash) {
      detail::log()->error("audit chain broken at id={}", id);
      return false;
    }
    prev = hash;
    ++expected_id;
  }
  return true;
}

Result<std::vector<AuditEntry>> Journal::audit_entries(int limit) {
  std::vector<AuditEntry> out;
  if (limit <= 0) return out;
  std::lock_guard lock(mutex_);
  auto st = db_.prepare(
      "SELECT id, at, actor, action, details, prev_hash, hash FROM audit_log"
      " ORDER BY id DESC LIMIT ?1");
  if (!st) return st.error();
  st->bind(1, static_cast<std::int64_t>(limit));
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    AuditEntry e;
    e.id = static_cast<std::uint64_t>(st->int64(0));
    e.at = st->text(1);
    e.actor = st->text(2);
    e.action = st->text(3);
    e.details = json::parse(st->text(4), nullptr, false);
    if (e.details.is_discarded()) return make_error(Errc::corrupt, "audit details unreadable");
    e.prev_hash = st->text(5);
    e.hash = st->text(6);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace kiosk::journal
