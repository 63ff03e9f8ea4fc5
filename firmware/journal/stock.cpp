// Card stock: batches of serial-numbered blank cards, each moving
// loaded -> reserved -> issued | spoiled | retained exactly once (enforced by a trigger).
#include <charconv>

#include "firmware/journal/journal.hpp"
#include "firmware/journal/journal_internal.hpp"

namespace kiosk::journal {

using nlohmann::json;

namespace {

constexpr std::uint64_t kMaxBatch = 100000;

struct SerialRange {
  std::string prefix;
  std::size_t width = 0;
  std::uint64_t first = 0;
  std::uint64_t last = 0;
};

// "C000100".."C000199": same non-digit prefix, digit suffixes of equal width.
std::optional<SerialRange> parse_range(const std::string& a, const std::string& b) {
  if (a.empty() || a.size() != b.size() || a.size() > 64) return std::nullopt;
  auto digits_from = [](const std::string& s) {
    std::size_t i = s.size();
    while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') --i;
    return i;
  };
  const std::size_t da = digits_from(a);
  const std::size_t db = digits_from(b);
  if (da != db || da == a.size() || a.size() - da > 18) return std::nullopt;
  if (a.compare(0, da, b, 0, db) != 0) return std::nullopt;
  for (std::size_t i = 0; i < da; ++i) {
    const char c = a[i];
    if (c < 0x21 || c > 0x7e) return std::nullopt;  // printable ASCII, no spaces
  }
  SerialRange r{a.substr(0, da), a.size() - da, 0, 0};
  std::from_chars(a.data() + da, a.data() + a.size(), r.first);
  std::from_chars(b.data() + db, b.data() + b.size(), r.last);
  if (r.last < r.first) return std::nullopt;
  return r;
}

std::string serial_at(const SerialRange& r, std::uint64_t n) {
  std::string digits = std::to_string(n);
  return r.prefix + std::string(r.width - digits.size(), '0') + digits;
}

}  // namespace

Result<Done> Journal::load_stock(std::uint64_t count, std::string first_serial,
                                 std::string last_serial, std::string actor) {
  if (count == 0 || count > kMaxBatch) return make_error(Errc::invalid_argument, "bad card count");
  const auto range = parse_range(first_serial, last_serial);
  if (!range || range->last - range->first + 1 != count) {
    return make_error(Errc::invalid_argument, "serial range does not match the count");
  }
  if (actor.empty()) return make_error(Errc::invalid_argument, "empty actor");
  std::lock_guard lock(mutex_);
  const std::string at = now_rfc3339();
  auto r = write(
      [&]() -> Result<Done> {
        auto batch = db_.prepare(
            "INSERT INTO stock_batches (count, first_serial, last_serial, actor, loaded_at)"
            " VALUES (?1, ?2, ?3, ?4, ?5)");
        if (!batch) return batch.error();
        if (auto e = batch->bind(1, static_cast<std::int64_t>(count))
                         .bind(2, std::string_view(first_serial))
                         .bind(3, std::string_view(last_serial))
                         .bind(4, std::string_view(actor))
                         .bind(5, std::string_view(at))
                         .run();
            !e) {
          return e.error();
        }
        auto id = db_.query_int("SELECT last_insert_rowid()");
        if (!id) return id.error();
        auto card = db_.prepare("INSERT INTO cards (serial, batch_id) VALUES (?1, ?2)");
        if (!card) return card.error();
        for (std::uint64_t n = range->first; n <= range->last; ++n) {
          const std::string serial = serial_at(*range, n);
          card->bind(1, std::string_view(serial)).bind(2, id->value_or(0));
          if (auto e = card->run(); !e) {
            if (e.error().code == Errc::constraint) {
              return make_error(Errc::invalid_argument, "a serial of the range is already loaded");
            }
            return e.error();
          }
          card->reset();
        }
        auto seq = append_record_locked("card.stock_loaded",
                                        json{{"count", count},
                                             {"first_serial", first_serial},
                                             {"last_serial", last_serial},
                                             {"actor", actor}},
                                        at);
        if (!seq) return seq.error();
        return Done{};
      },
      "load_stock");
  if (!r) return r.error();
  detail::log()->info("stock loaded count={} first={} last={} actor={}", count, first_serial,
                      last_serial, actor);
  return Done{};
}

Result<std::string> Journal::reserve_card(const std::string& txn) {
  std::lock_guard lock(mutex_);
  const std::string at = now_rfc3339();
  std::string serial;
  bool reused = false;
  auto r = write(
      [&]() -> Result<Done> {
        reused = false;
        auto t = db_.prepare("SELECT outcome FROM transactions WHERE id = ?1");
        if (!t) return t.error();
        auto row = t->bind(1, std::string_view(txn)).step();
        if (!row) return row.error();
        if (!*row) return make_error(Errc::not_found, "unknown transaction");
        if (!t->is_null(0)) return make_error(Errc::already_finished, "transaction is finished");

        auto held = db_.prepare("SELECT serial FROM cards WHERE txn = ?1 AND state = 'reserved'");
        if (!held) return held.error();
        auto h = held->bind(1, std::string_view(txn)).step();
        if (!h) return h.error();
        if (*h) {
          serial = held->text(0);
          reused = true;
          return Done{};
        }
        auto next = db_.prepare(
            "SELECT serial FROM cards WHERE state = 'loaded' ORDER BY batch_id, serial LIMIT 1");
        if (!next) return next.error();
        auto n = next->step();
        if (!n) return n.error();
        if (!*n) return make_error(Errc::stock_empty, "no card left in stock");
        serial = next->text(0);
        auto up = db_.prepare(
            "UPDATE cards SET state = 'reserved', txn = ?2, reserved_at = ?3 WHERE serial = ?1");
        if (!up) return up.error();
        if (auto e = up->bind(1, std::string_view(serial))
                         .bind(2, std::string_view(txn))
                         .bind(3, std::string_view(at))
                         .run();
            !e) {
          return e.error();
        }
        auto seq =
            append_record_locked("card.reserved", json{{"serial", serial}, {"txn", txn}}, at);
        if (!seq) return seq.error();
        return Done{};
      },
      "reserve_card");
  if (!r) return r.error();
  if (!reused) detail::log()->info("card reserved serial={} txn={}", serial, txn);
  return serial;
}

Result<Done> Journal::record_card_outcome(const std::string& serial, CardOutcome outcome,
                                          std::string reason) {
  std::lock_guard lock(mutex_);
  const std::string at = now_rfc3339();
  const std::string state = to_string(outcome);
  bool repeated = false;
  auto r = write(
      [&]() -> Result<Done> {
        repeated = false;
        auto st = db_.prepare("SELECT state, txn FROM cards WHERE serial = ?1");
        if (!st) return st.error();
        auto row = st->bind(1, std::string_view(serial)).step();
        if (!row) return row.error();
        if (!*row) return make_error(Errc::not_found, "unknown card serial");
        const std::string current = st->text(0);
        if (current == state) {
          repeated = true;
          return Done{};
        }
        if (current != "reserved") {
          return make_error(Errc::card_state, "card is " + current + ", not reserved");
        }
        const std::string txn = st->text(1);
        auto up = db_.prepare(
            "UPDATE cards SET state = ?2, reason = ?3, outcome_at = ?4 WHERE serial = ?1");
        if (!up) return up.error();
        if (auto e = up->bind(1, std::string_view(serial))
                         .bind(2, std::string_view(state))
                         .bind(3, std::string_view(reason))
                         .bind(4, std::string_view(at))
                         .run();
            !e) {
          return e.error();
        }
        auto seq = append_record_locked(
            "card." + state, json{{"serial", serial}, {"txn", txn}, {"reason", reason}}, at);
        if (!seq) return seq.error();
        return Done{};
      },
      "record_card_outcome");
  if (!r) return r.error();
  if (!repeated) {
    detail::log()->info("card outcome serial={} outcome={} reason={}", serial, state, reason);
  }
  return Done{};
}

Result<StockCounts> Journal::stock_counts_locked() {
  auto st = db_.prepare("SELECT state, COUNT(*) FROM cards GROUP BY state");
  if (!st) return st.error();
  StockCounts c;
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) break;
    const std::string state = st->text(0);
    const auto n = static_cast<std::uint64_t>(st->int64(1));
    c.loaded += n;
    if (state == "loaded") c.remaining = n;
    if (state == "reserved") c.reserved = n;
    if (state == "issued") c.issued = n;
    if (state == "spoiled") c.spoiled = n;
    if (state == "retained") c.retained = n;
  }
  return c;
}

Result<std::optional<std::string>> Journal::reserved_card(const std::string& txn) {
  std::lock_guard lock(mutex_);
  auto held = db_.prepare("SELECT serial FROM cards WHERE txn = ?1 AND state = 'reserved'");
  if (!held) return held.error();
  auto h = held->bind(1, std::string_view(txn)).step();
  if (!h) return h.error();
  if (!*h) return std::optional<std::string>{};
  return std::optional<std::string>{held->text(0)};
}

Result<StockCounts> Journal::stock_counts() {
  std::lock_guard lock(mutex_);
  return stock_counts_locked();
}

Result<Reconciliation> Journal::reconcile(std::uint64_t printer_counter) {
  std::lock_guard lock(mutex_);
  const std::string at = now_rfc3339();
  Reconciliation rec;
  auto r = write(
      [&]() -> Result<Done> {
        auto counts = stock_counts_locked();
        if (!counts) return counts.error();
        auto base =
            db_.query_text("SELECT value FROM settings WHERE key = 'stock.printer_counter_base'");
        if (!base) return base.error();
        rec = Reconciliation{};
        rec.printer_counter = printer_counter;
        if (*base) {
          const auto& text = **base;
          std::from_chars(text.data(), text.data() + text.size(), rec.printer_counter_base);
        }
        rec.counts = *counts;
        rec.consumed = counts->issued + counts->spoiled + counts->retained;
        rec.difference = static_cast<std::int64_t>(printer_counter) -
                         static_cast<std::int64_t>(rec.printer_counter_base) -
                         static_cast<std::int64_t>(rec.consumed);
        rec.mismatch =
            rec.difference < 0 || rec.difference > static_cast<std::int64_t>(counts->reserved);
        auto seq = append_record_locked("stock.reconciled",
                                        json{{"printer_counter", printer_counter},
                                             {"printer_counter_base", rec.printer_counter_base},
                                             {"consumed", rec.consumed},
                                             {"reserved", counts->reserved},
                                             {"difference", rec.difference},
                                             {"mismatch", rec.mismatch}},
                                        at);
        if (!seq) return seq.error();
        return Done{};
      },
      "reconcile");
  if (!r) return r.error();
  if (rec.mismatch) {
    detail::log()->warn("stock mismatch printer_counter={} base={} consumed={} reserved={}",
                        printer_counter, rec.printer_counter_base, rec.consumed,
                        rec.counts.reserved);
  }
  return rec;
}

}  // namespace kiosk::journal
