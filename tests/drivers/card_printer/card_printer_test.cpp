#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <map>
#include <optional>

#include "drivers/card_printer/card_printer.hpp"
#include "fake_transport.hpp"
#include "hal/await.hpp"

namespace cp = kiosk::drivers::card_printer;
namespace hal = kiosk::hal;
using kiosk::test::Action;
using kiosk::test::FakeCardTransport;

namespace {

// Longest wait for one command (a print takes seconds at KIOSK_EMU_TIME_SCALE=0.01).
constexpr std::chrono::seconds kWait{60};

// What the scripted printer's status queries answer (Rlr;p, Rse;b|o|f|n, Rrt;count, Rco;c).
struct State {
  std::string position = "OK";
  bool mouth = false;
  bool cover_open = false;
  bool feeder_empty = false;
  std::string ribbon = "500";
  std::string counter = "10";
};
const State kIdle{};
const State kAfter{"OK", true, false, false, "495", "11"};
const State kJammed{"ERR CARD", false, false, false, "497", "10"};
const State kHeld{"CARD", false, false, false, "497", "10"};

// The seven commands of one status read.
const std::vector<std::string> kStatusRead{"Rlr;p", "Rse;b",     "Rse;o", "Rse;f",
                                           "Rse;n", "Rrt;count", "Rco;c"};

// A scripted printer: OK to everything, status from `status`, and per-command overrides.
struct Printer {
  State status = kIdle;
  struct Rule {
    Action action;
    std::optional<State> status_after;  // what the status reads report from then on
  };
  std::map<std::string, Rule> on;  // command (name;params) -> rule, used once
  std::mutex m;

  void fail_at(const std::string& cmd, Action a, std::optional<State> after = {}) {
    std::lock_guard lock(m);
    on[cmd] = Rule{std::move(a), std::move(after)};
  }

  Action answer_status(const std::string& cmd) const {
    auto volts = [](bool high) {
      return Action{Action::reply, high ? "5,00 Volts" : "0,00 Volts", {}};
    };
    if (cmd == "Rlr;p") return Action{Action::reply, status.position, {}};
    if (cmd == "Rse;b") return volts(status.mouth);
    if (cmd == "Rse;o") return volts(!status.cover_open);
    if (cmd == "Rse;f") return volts(!status.feeder_empty);
    if (cmd == "Rse;n") return volts(false);
    if (cmd == "Rrt;count") return Action{Action::reply, status.ribbon, {}};
    return Action{Action::reply, status.counter, {}};  // Rco;c
  }

  FakeCardTransport::Script script() {
    return [this](const std::string& cmd) {
      std::lock_guard lock(m);
      if (auto it = on.find(cmd); it != on.end()) {
        Rule r = it->second;
        on.erase(it);
        if (r.status_after) status = *r.status_after;
        return r.action;
      }
      if (std::find(kStatusRead.begin(), kStatusRead.end(), cmd) != kStatusRead.end())
        return answer_status(cmd);
      if (cmd == "Se") status = kAfter;
      if (cmd == "Ser") status = kIdle;
      if (cmd == "Rfv") return Action{Action::reply, "FW-1.2", {}};
      if (cmd == "Rsn") return Action{Action::reply, "SN42", {}};
      return Action{Action::reply, "OK", {}};
    };
  }
};

hal::CardJob job(bool back = false) {
  hal::CardJob j;
  j.front.image = hal::RgbImage(cp::kWidth, cp::kHeight);
  for (int x = 0; x < 200; ++x) j.front.image.pixels[j.front.image.offset(x, 20)] = 0;
  if (back) j.back = j.front;
  j.job_id = "job-1";
  return j;
}

struct Rig {
  Printer printer;
  std::vector<hal::DeviceEvent> events;
  std::mutex em;
  FakeCardTransport* transport = nullptr;
  std::unique_ptr<cp::EvolisCardPrinter> device;  // last: goes first, before what it calls

  explicit Rig(std::function<void(Printer&)> setup = {}) {
    if (setup) setup(printer);
    auto t = std::make_unique<FakeCardTransport>(printer.script());
    transport = t.get();
    cp::EvolisConfig cfg;
    cfg.command_timeout = std::chrono::milliseconds(200);
    cfg.mechanical_timeout = std::chrono::milliseconds(2000);
    device = std::make_unique<cp::EvolisCardPrinter>(std::move(t), cfg);
    device->set_event_handler([this](const hal::DeviceEvent& e) {
      std::lock_guard lock(em);
      events.push_back(e);
    });
  }
  hal::Result<hal::PrintedCard> print(hal::CardJob j = job()) {
    return hal::await_completion<hal::PrintedCard>(
        *device, [&](auto done) { return device->print_card(std::move(j), done); }, kWait);
  }
  hal::Status reject() {
    return hal::await_completion<hal::Done>(
        *device, [&](auto done) { return device->reject_card(done); }, kWait);
  }
  bool saw(hal::EventKind kind) {
    std::lock_guard lock(em);
    for (const auto& e : events) {
      if (e.kind == kind) return true;
    }
    return false;
  }
  // Commands sent, the byte count of compressed downloads left out.
  std::vector<std::string> sent_names() {
    std::vector<std::string> out;
    for (const auto& s : transport->sent()) {
      out.push_back(s.starts_with("Dbc;") ? s.substr(0, s.rfind(';')) : s);
    }
    return out;
  }
};

}  // namespace

TEST_CASE("open reads firmware, serial and status", "[card_printer][driver]") {
  Rig rig;
  REQUIRE(rig.device->open().ok());
  CHECK(rig.device->info().firmware == "FW-1.2");
  CHECK(rig.device->info().serial_number == "SN42");
  CHECK(rig.device->status().state == hal::DeviceState::online);
  CHECK(rig.device->status().detail.at("ribbon") == "ok");
  CHECK(rig.device->statistics().at("RibbonRemainingPanels") == 500);
}

TEST_CASE("a card prints with the YMCKO command sequence", "[card_printer][driver]") {
  Rig rig;
  REQUIRE(rig.device->open().ok());
  auto r = rig.print();
  REQUIRE(r.ok());
  CHECK(r.value().card_counter == 11);
  std::vector<std::string> expected{"Rfv", "Rsn", "Pem;2"};
  auto status_read = [&] {
    expected.insert(expected.end(), kStatusRead.begin(), kStatusRead.end());
  };
  status_read();  // open
  status_read();  // before the job
  for (const char* c : {"Pr;ymcko", "Pmi;F;s", "Ss", "Sr", "Db;y;32", "Db;m;32", "Db;c;32",
                        "Dbc;k;2", "Dbc;o;2", "Se"}) {
    expected.push_back(c);
  }
  status_read();  // after it
  CHECK(rig.sent_names() == expected);
  CHECK(rig.device->statistics().at("CardsPrintedCount") == 1);
  CHECK(rig.device->statistics().at("RibbonRemainingPanels") == 495);
  CHECK(rig.device->status().detail.at("card") == "in_mouth");
  CHECK_FALSE(rig.device->card_spoiled());
}

TEST_CASE("a duplex card turns with Sv and prints the back", "[card_printer][driver]") {
  Rig rig;
  REQUIRE(rig.device->open().ok());
  REQUIRE(rig.print(job(true)).ok());
  auto sent = rig.sent_names();
  auto sv = std::find(sent.begin(), sent.end(), "Sv");
  REQUIRE(sv != sent.end());
  CHECK(std::count(sent.begin(), sent.end(), "Db;y;32") == 2);
  CHECK(*(sv + 1) == "Db;y;32");
}

TEST_CASE("a card of the wrong size is refused before anything is sent", "[card_printer][driver]") {
  Rig rig;
  REQUIRE(rig.device->open().ok());
  const auto before = rig.sent_names().size();
  hal::CardJob j;
  j.front.image = hal::RgbImage(10, 10);
  auto r = rig.print(j);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::invalidData);
  CHECK(r.error().reason == "image_size");
  CHECK(rig.sent_names().size() == before);
}

TEST_CASE("each printer error reply maps to its device error", "[card_printer][driver]") {
  struct Case {
    std::string at;
    char code;
    State status_after;
    hal::CompletionCode cc;
    std::string reason;
    bool spoiled;
  };
  const std::vector<Case> cases{
      {"Sr", 'C', kIdle, hal::CompletionCode::userError, "cover_open", false},
      {"Sr", 'F', kIdle, hal::CompletionCode::userError, "feeder_empty", false},
      {"Db;m;32", 'R', kHeld, hal::CompletionCode::hardwareError, "ribbon_out", true},
      {"Db;y;32", 'T', kJammed, hal::CompletionCode::hardwareError, "jam", true},
      {"Sr", 'T', kIdle, hal::CompletionCode::hardwareError, "mechanical", false},
      {"Pr;ymcko", '1', kIdle, hal::CompletionCode::unsupported, "command_rejected", false},
      {"Ss", '2', kIdle, hal::CompletionCode::invalidData, "parameter_rejected", false},
  };
  for (const auto& c : cases) {
    DYNAMIC_SECTION(c.at << " " << cp::error_text(c.code)) {
      Rig rig;
      REQUIRE(rig.device->open().ok());
      rig.printer.fail_at(c.at, Action{Action::reply, std::string(cp::error_text(c.code)), {}},
                          c.status_after);
      auto r = rig.print();
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == c.cc);
      CHECK(r.error().reason == c.reason);
      CHECK(rig.device->card_spoiled() == c.spoiled);
      CHECK(rig.device->statistics().at("FailedCommandCount") == 1);
      CHECK(rig.device->statistics().at("CardsPrintedCount") == 0);
      if (c.reason == "jam") CHECK(rig.saw(hal::EventKind::mediaJammed));
    }
  }
}

TEST_CASE("a status that shows the cover open stops the job before a card is loaded",
          "[card_printer][driver]") {
  Rig rig;
  REQUIRE(rig.device->open().ok());
  rig.printer.status.cover_open = true;
  auto r = rig.print();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason == "cover_open");
  const auto sent = rig.sent_names();
  CHECK(std::find(sent.begin(), sent.end(), "Sr") == sent.end());
  CHECK(rig.device->status().state == hal::DeviceState::userError);
}

TEST_CASE("a printer that stops answering mid-job times out and spoils the card",
          "[card_printer][driver]") {
  Rig rig;
  REQUIRE(rig.device->open().ok());
  rig.printer.fail_at("Db;c;32", Action{Action::silence, {}, {}}, kHeld);
  auto r = rig.print();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::timeout);
  CHECK(rig.device->card_spoiled());
  CHECK(rig.device->statistics().at("CommunicationErrorCount") >= 1);
}

TEST_CASE("an unplug mid-job reports disconnected, the device removed and the card spoiled",
          "[card_printer][driver]") {
  Rig rig;
  REQUIRE(rig.device->open().ok());
  rig.printer.fail_at("Db;m;32", Action{Action::disconnect, {}, {}});
  auto r = rig.print();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(r.error().reason == "disconnected");
  CHECK(rig.device->card_spoiled());
  CHECK(rig.saw(hal::EventKind::deviceRemoved));
  CHECK(rig.device->status().state == hal::DeviceState::offline);
  CHECK(rig.device->statistics().at("CommunicationErrorCount") == 1);
}

TEST_CASE("garbage in a reply is invalid data", "[card_printer][driver]") {
  Rig rig;
  REQUIRE(rig.device->open().ok());
  rig.printer.fail_at("Ss", Action{Action::raw, {}, {0x01, 0xFE, 0x0D}});
  auto r = rig.print();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::invalidData);
  CHECK(r.error().reason == "bad_reply");
  CHECK_FALSE(rig.device->card_spoiled());  // no card was loaded yet
}

TEST_CASE("cancel stops a print waiting on the printer; the card must then be rejected",
          "[card_printer][driver]") {
  Rig rig;
  REQUIRE(rig.device->open().ok());
  rig.printer.fail_at("Db;y;32", Action{Action::block, {}, {}}, kHeld);
  std::promise<hal::Result<hal::PrintedCard>> p;
  auto f = p.get_future();
  const auto id = rig.device->print_card(
      job(), [&p](hal::RequestId, hal::Result<hal::PrintedCard> r) { p.set_value(std::move(r)); });
  REQUIRE(rig.transport->wait_blocked());
  CHECK(rig.device->cancel(id));
  auto r = f.get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::canceled);
  CHECK(rig.device->card_spoiled());

  auto refused = rig.print();
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().reason == "reject_required");

  REQUIRE(rig.reject().ok());
  CHECK_FALSE(rig.device->card_spoiled());
  CHECK(rig.device->statistics().at("CardsRejectedCount") == 1);
  const auto sent = rig.sent_names();
  CHECK(std::find(sent.begin(), sent.end(), "Ser") != sent.end());
  REQUIRE(rig.print().ok());
}

TEST_CASE("reject with no card in the printer sends nothing mechanical", "[card_printer][driver]") {
  Rig rig;
  REQUIRE(rig.device->open().ok());
  REQUIRE(rig.reject().ok());
  const auto sent = rig.sent_names();
  CHECK(std::find(sent.begin(), sent.end(), "Ser") == sent.end());
  CHECK(rig.device->statistics().at("CardsRejectedCount") == 0);
}

TEST_CASE("a low ribbon and a taken card raise events", "[card_printer][driver]") {
  Rig rig;
  REQUIRE(rig.device->open().ok());
  REQUIRE(rig.print().ok());
  rig.printer.status = State{"OK", false, false, false, "20", "11"};
  auto h = rig.device->health_check();
  REQUIRE(h.ok());
  CHECK(h.value().detail.at("ribbon") == "low");
  CHECK(rig.saw(hal::EventKind::mediaLow));
  CHECK(rig.saw(hal::EventKind::cardTaken));
}

TEST_CASE("a status whose sensors read garbage is invalid data", "[card_printer][driver]") {
  Rig rig;
  REQUIRE(rig.device->open().ok());
  rig.printer.fail_at("Rse;o", Action{Action::reply, "maybe", {}});
  auto h = rig.device->health_check();
  REQUIRE_FALSE(h.ok());
  CHECK(h.error().reason == "bad_status");
}

TEST_CASE("commands before open fail as not ready", "[card_printer][driver]") {
  Rig rig;
  auto r = rig.print();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
}
