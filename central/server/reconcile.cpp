#include "central/server/reconcile.hpp"

#include <map>
#include <set>

#include "central/payment/payment.hpp"

namespace kiosk::central::reconcile {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>()
                                                                : std::string();
}

std::int64_t num(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_number_integer() ? j[key].get<std::int64_t>()
                                                                        : 0;
}

// What the kiosk's synced journal says, per transaction.
struct Journal {
  std::map<std::string, std::set<std::string>> orders_of_txn;    // order ids its steps name
  std::map<std::string, std::string> authorisation_of_txn;       // issuance_authorised done
  std::map<std::string, std::vector<std::string>> cards_of_txn;  // card.issued serials
  std::optional<CounterReport> counter;
  std::int64_t consumed_before_counter = 0;  // card outcomes synced before the last report
  std::int64_t consumed = 0;
};

Journal read_journal(store::Store& store, const std::string& kiosk_id) {
  constexpr std::size_t kBatch = 1000;
  Journal j;
  std::uint64_t next = 1;
  for (;;) {
    const auto batch = store.events(kiosk_id, next, kBatch);
    for (const auto& e : batch) {
      next = e.seq + 1;
      const auto p = json::parse(e.payload, nullptr, false);
      const std::string txn = str(p, "txn");
      if (e.type == "txn.step") {
        const json data = p.is_object() && p.contains("data") ? p["data"] : json::object();
        if (const auto order = str(data, "order_id"); !order.empty())
          j.orders_of_txn[txn].insert(order);
        if (str(p, "step") == "issuance_authorised" && str(p, "phase") == "done")
          j.authorisation_of_txn[txn] = str(data, "authorisation_id");
      } else if (e.type == "card.issued") {
        j.cards_of_txn[txn].push_back(str(p, "serial"));
        ++j.consumed;
      } else if (e.type == "card.spoiled" || e.type == "card.retained") {
        ++j.consumed;
      } else if (e.type == "stock.reconciled") {
        j.counter = CounterReport{num(p, "printer_counter"), num(p, "printer_counter_base"),
                                  num(p, "consumed"), num(p, "reserved")};
        j.consumed_before_counter = j.consumed;
      }
    }
    if (batch.size() < kBatch) break;
  }
  return j;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

KioskReport reconcile_kiosk(store::Store& store, const std::string& kiosk_id,
                            const store::CardStockRow& stock) {
  KioskReport r;
  r.kiosk_id = kiosk_id;
  r.stock = stock;
  const Journal journal = read_journal(store, kiosk_id);
  auto add = [&](std::string kind, std::string subject, std::string detail, std::string action) {
    r.discrepancies.push_back(
        Discrepancy{std::move(kind), std::move(subject), std::move(detail), std::move(action)});
  };

  std::map<std::string, payment::OrderState> order_state;
  std::map<std::string, std::string> authorisation_of_order;  // what central's claim recorded
  for (const auto& row : store.payments_of(kiosk_id)) {
    auto order = payment::order_from_json(json::parse(row.document, nullptr, false));
    if (!order) continue;
    order_state[row.order_id] = order->state;
    ++r.orders;
    if (order->state == payment::OrderState::paid) ++r.paid;
    if (order->state == payment::OrderState::refunded) ++r.refunded;
    if (auto a = store.idempotency_answer(kiosk_id, "issuance.order", row.order_id))
      authorisation_of_order[row.order_id] = *a;
  }
  std::map<std::string, store::IssuanceRow> authorisations;
  for (auto& row : store.issuances_of(kiosk_id)) authorisations[row.authorisation_id] = row;
  r.authorisations = static_cast<std::int64_t>(authorisations.size());
  std::map<std::string, std::string> txn_of_authorisation;
  for (const auto& [txn, a] : journal.authorisation_of_txn) txn_of_authorisation[a] = txn;
  auto cards_of = [&](const std::string& authorisation) -> std::vector<std::string> {
    auto t = txn_of_authorisation.find(authorisation);
    if (t == txn_of_authorisation.end()) return {};
    auto c = journal.cards_of_txn.find(t->second);
    return c == journal.cards_of_txn.end() ? std::vector<std::string>{} : c->second;
  };
  auto state_of = [&](const std::string& authorisation) {
    auto it = authorisations.find(authorisation);
    return it == authorisations.end() ? std::string("unknown") : it->second.state;
  };
  for (const auto& [txn, serials] : journal.cards_of_txn)
    r.cards_issued += static_cast<std::int64_t>(serials.size());

  for (const auto& [order_id, state] : order_state) {
    const auto a = authorisation_of_order.find(order_id);
    const std::string authorisation = a == authorisation_of_order.end() ? "" : a->second;
    const bool delivered =
        !authorisation.empty() && (state_of(authorisation) == store::issuance_state::delivered ||
                                   !cards_of(authorisation).empty());
    if (state == payment::OrderState::paid && !delivered) {
      add("paid_without_card_or_refund", order_id,
          authorisation.empty() ? "captured; no authorisation was issued for it"
                                : "captured; authorisation " + authorisation + " (" +
                                      state_of(authorisation) + ") has no card delivered",
          "refund order " + order_id + " (or hand out the card its authorisation allows)");
    }
    if (state == payment::OrderState::refunded && !authorisation.empty() &&
        state_of(authorisation) != store::issuance_state::voided) {
      add("refund_not_voided", order_id,
          "refunded; authorisation " + authorisation + " is " + state_of(authorisation),
          state_of(authorisation) == store::issuance_state::delivered
              ? "a card was delivered for a refunded order: recover card " +
                    joined(cards_of(authorisation)) + " or charge again"
              : "void authorisation " + authorisation);
    }
  }

  for (const auto& [authorisation, row] : authorisations) {
    const auto cards = cards_of(authorisation);
    if (cards.size() > 1) {
      add("several_cards_one_authorisation", authorisation,
          std::to_string(cards.size()) + " cards issued: " + joined(cards),
          "recover or invalidate all cards but one of " + joined(cards));
    }
    const auto t = txn_of_authorisation.find(authorisation);
    std::vector<std::string> charged;
    if (t != txn_of_authorisation.end()) {
      auto orders = journal.orders_of_txn.find(t->second);
      if (orders != journal.orders_of_txn.end())
        for (const auto& o : orders->second)
          if (auto s = order_state.find(o);
              s != order_state.end() && s->second == payment::OrderState::paid)
            charged.push_back(o);
    }
    if (charged.size() > 1) {
      add("several_charges_one_authorisation", authorisation,
          std::to_string(charged.size()) + " captured orders: " + joined(charged),
          "refund all orders but one of " + joined(charged));
    }
  }

  // A card handed out is paid for: the orders its transaction names (none: a free service).
  for (const auto& [txn, serials] : journal.cards_of_txn) {
    auto orders = journal.orders_of_txn.find(txn);
    if (orders == journal.orders_of_txn.end() || orders->second.empty()) continue;
    bool paid = false;
    for (const auto& o : orders->second)
      if (auto s = order_state.find(o);
          s != order_state.end() && s->second == payment::OrderState::paid)
        paid = true;
    if (!paid) {
      const std::vector<std::string> order_list(orders->second.begin(), orders->second.end());
      add("card_without_payment", txn,
          "card " + joined(serials) + " delivered; no captured order among " + joined(order_list),
          "recover card " + joined(serials) + " or collect the fee");
    }
  }

  if (stock.expected_stock() < 0) {
    add("card_stock_negative", kiosk_id,
        "loaded " + std::to_string(stock.loaded) + " < issued+spoiled+retained " +
            std::to_string(stock.issued + stock.spoiled + stock.retained),
        "count the cards in the kiosk and record the missing stock load");
  }
  if (journal.counter) {
    r.counter = journal.counter;
    const auto& c = *journal.counter;
    const std::int64_t printed = c.printer_counter - c.printer_counter_base;
    const std::int64_t unaccounted = printed - c.consumed;
    if (unaccounted < 0 || unaccounted > c.reserved ||
        c.consumed != journal.consumed_before_counter) {
      add("card_stock_counter_mismatch", kiosk_id,
          "printer counted " + std::to_string(printed) + " cards; the kiosk's ledger " +
              std::to_string(c.consumed) + " (+" + std::to_string(c.reserved) +
              " reserved); central received " + std::to_string(journal.consumed_before_counter),
          "inspect the printer and its waste bin; account for every blank card");
    }
  }
  return r;
}

}  // namespace

std::vector<KioskReport> reconcile_all(store::Store& store) {
  std::map<std::string, store::CardStockRow> kiosks;
  for (const auto& k : store.kiosks()) kiosks[k.kiosk_id].kiosk_id = k.kiosk_id;
  for (const auto& row : store.card_stock()) kiosks[row.kiosk_id] = row;
  for (const auto& i : store.issuances(std::size_t{1} << 40))
    kiosks[i.kiosk_id].kiosk_id = i.kiosk_id;
  std::vector<KioskReport> out;
  for (const auto& [id, stock] : kiosks) out.push_back(reconcile_kiosk(store, id, stock));
  return out;
}

nlohmann::json to_json(const std::vector<KioskReport>& reports) {
  json kiosks = json::array();
  std::size_t total = 0;
  for (const auto& r : reports) {
    json d = json::array();
    for (const auto& x : r.discrepancies)
      d.push_back(
          {{"kind", x.kind}, {"subject", x.subject}, {"detail", x.detail}, {"action", x.action}});
    total += r.discrepancies.size();
    json k = {{"kiosk_id", r.kiosk_id},
              {"stock",
               {{"loaded", r.stock.loaded},
                {"issued", r.stock.issued},
                {"spoiled", r.stock.spoiled},
                {"retained", r.stock.retained},
                {"expected", r.stock.expected_stock()}}},
              {"orders", r.orders},
              {"paid", r.paid},
              {"refunded", r.refunded},
              {"authorisations", r.authorisations},
              {"cards_issued", r.cards_issued},
              {"discrepancies", d}};
    if (r.counter) {
      k["printer_counter"] = {{"counter", r.counter->printer_counter},
                              {"base", r.counter->printer_counter_base},
                              {"consumed", r.counter->consumed},
                              {"reserved", r.counter->reserved}};
    }
    kiosks.push_back(std::move(k));
  }
  return json{{"kiosks", kiosks}, {"discrepancies", total}};
}

}  // namespace kiosk::central::reconcile
