// The real driver against the emulator, over the in-process emulated transport.
#include "drivers/emu/id_reader/id_reader_emulator.hpp"

#include <catch2/catch.hpp>

#include <future>

#include "drivers/emu/common/time_scale.hpp"
#include "drivers/id_reader/id_reader.hpp"

using namespace kiosk;
namespace emu = kiosk::drivers::emu;
using namespace std::chrono_literals;
namespace idr = drivers::id_reader;

namespace {

// Timeouts that hold at any KIOSK_EMU_TIME_SCALE: the slowest emulated command (a
// fingerprint read, 600 ms real) scaled, plus a margin.
drivers::SamIdReaderConfig config_for_emulator() {
  drivers::SamIdReaderConfig c;
  c.response_timeout = 150ms + emu::scaled(1000ms);
  c.inter_byte_timeout = 60ms;
  c.poll_interval = 10ms;
  return c;
}

struct Rig {
  std::unique_ptr<emu::IdReaderEmulator> emulator;
  std::mutex events_m;
  std::vector<hal::EventKind> events;
  std::unique_ptr<drivers::SamIdReader> reader;

  explicit Rig(emu::IdReaderEmulatorOptions options = {},
               drivers::SamIdReaderConfig config = config_for_emulator())
      : emulator(std::make_unique<emu::IdReaderEmulator>(std::move(options))) {
    emulator->start();
    reader = std::make_unique<drivers::SamIdReader>(
        std::make_unique<drivers::EmulatedTransport>(emulator->link(), "id_reader"), nullptr,
        config);
    reader->set_event_handler([this](const hal::DeviceEvent& e) {
      std::lock_guard lock(events_m);
      events.push_back(e.kind);
    });
  }
  ~Rig() {
    reader.reset();
    emulator->stop();
  }

  hal::Result<hal::IdCard> read(int timeout_ms = 5000, bool fingerprint = false) {
    hal::ReadIdOptions o;
    o.timeout_ms = timeout_ms;
    o.with_fingerprint = fingerprint;
    std::promise<hal::Result<hal::IdCard>> p;
    reader->read_card(
        o, [&p](hal::RequestId, hal::Result<hal::IdCard> r) { p.set_value(std::move(r)); });
    return p.get_future().get();
  }
  // Lifts the card and lets the driver see it gone.
  void lift() {
    emulator->remove_card();
    auto r = read(0);
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.error().reason == "no_card");
  }
  int count_events(hal::EventKind k) {
    std::lock_guard lock(events_m);
    return static_cast<int>(std::count(events.begin(), events.end(), k));
  }
  std::uint64_t stat(std::string_view name) { return reader->statistics().at(std::string(name)); }
};

const emu::SyntheticCitizen& citizen(std::size_t i) {
  return emu::synthetic_citizens().at(i);
}

}  // namespace

TEST_CASE("the driver opens against the emulator and reads the SAM id", "[id_reader][emu]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  // The printed form vendor tools show (id_reader::format_sam_id).
  CHECK(rig.reader->capabilities().sam_id == "05.01-20261128-000000024-000000001");
  CHECK(rig.reader->info().transport == "emulated:id_reader");
  CHECK(rig.reader->status().detail.at("sam") == "ok");
}

TEST_CASE("every synthetic citizen is read in full, one after the other", "[id_reader][emu]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  for (const auto& c : emu::synthetic_citizens()) {
    INFO(c.label);
    rig.emulator->place_card(c);
    const bool fp = !c.card.fingerprint.empty();
    auto r = rig.read(5000, fp);
    REQUIRE(r.ok());
    const auto& d = r.value();
    CHECK(d.type == c.card.type);
    CHECK(d.name == c.card.name);
    CHECK(d.chinese_name == c.card.chinese_name);
    CHECK(d.sex == c.card.sex);
    CHECK(d.nation_code == c.card.nation_code);
    CHECK(d.nationality == c.card.nationality);
    CHECK(d.birth_date == c.card.birth_date);
    CHECK(d.address == c.card.address);
    CHECK(d.id_number == c.card.id_number);
    CHECK(d.issuing_authority == c.card.issuing_authority);
    CHECK(d.valid_from == c.card.valid_from);
    CHECK(d.valid_to == c.card.valid_to);
    CHECK(d.card_version == c.card.card_version);
    CHECK(d.photo_wlt == c.card.photo_wlt);
    CHECK(d.fingerprint == c.card.fingerprint);
    rig.lift();
  }
  CHECK(rig.stat("CardsReadCount") == emu::synthetic_citizens().size());
  CHECK(rig.stat(hal::stat::kCommunicationErrorCount) == 0);
  CHECK(rig.count_events(hal::EventKind::cardPlaced) ==
        static_cast<int>(emu::synthetic_citizens().size()));
  CHECK(rig.count_events(hal::EventKind::cardTaken) ==
        static_cast<int>(emu::synthetic_citizens().size()));
}

TEST_CASE("a card left on the emulated reader blocks the next read until lifted",
          "[id_reader][emu]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.emulator->place_card(citizen(0));
  REQUIRE(rig.read().ok());
  auto again = rig.read();
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == hal::CompletionCode::userError);
  CHECK(again.error().reason == "card_not_removed");
  rig.lift();
  rig.emulator->place_card(citizen(1));
  auto next = rig.read();
  REQUIRE(next.ok());
  CHECK(next.value().id_number == citizen(1).card.id_number);
}

TEST_CASE("a read waits for a card placed while it polls", "[id_reader][emu]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  std::promise<hal::Result<hal::IdCard>> p;
  hal::ReadIdOptions o;
  o.timeout_ms = 60000;
  rig.reader->read_card(
      o, [&p](hal::RequestId, hal::Result<hal::IdCard> r) { p.set_value(std::move(r)); });
  while (rig.emulator->requests(idr::cmd::kFindCard) < 2) std::this_thread::yield();
  rig.emulator->place_card(citizen(2));
  auto r = p.get_future().get();
  REQUIRE(r.ok());
  CHECK(r.value().valid_to == "long-term");
}

TEST_CASE("canceling a read that waits for a card on the emulator", "[id_reader][emu]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  std::promise<hal::Result<hal::IdCard>> p;
  hal::ReadIdOptions o;
  o.timeout_ms = 60000;
  const auto id = rig.reader->read_card(
      o, [&p](hal::RequestId, hal::Result<hal::IdCard> r) { p.set_value(std::move(r)); });
  while (rig.emulator->requests(idr::cmd::kFindCard) < 1) std::this_thread::yield();
  REQUIRE(rig.reader->cancel(id));
  auto r = p.get_future().get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::canceled);
  rig.emulator->place_card(citizen(3));
  auto next = rig.read();
  INFO((next.ok() ? std::string("ok") : next.error().reason));
  REQUIRE(next.ok());
}

TEST_CASE("each injected link fault gives its typed error and the next read recovers",
          "[id_reader][emu]") {
  struct Row {
    emu::Fault fault;
    hal::CompletionCode code;
    const char* reason;
    int injections;  // garbled frames are resent once, so they must fail twice to surface
  };
  const Row rows[] = {
      {emu::Fault::badChecksum, hal::CompletionCode::invalidData, "checksum", 2},
      {emu::Fault::garbage, hal::CompletionCode::invalidData, "garbage", 2},
      {emu::Fault::shortFrame, hal::CompletionCode::invalidData, "truncated", 2},
      {emu::Fault::oversizedFrame, hal::CompletionCode::invalidData, "length", 2},
      {emu::Fault::noAnswer, hal::CompletionCode::timeout, "timeout", 1},
      {emu::Fault::unplugMidCommand, hal::CompletionCode::deviceNotReady, "disconnected", 1},
  };
  for (const auto& row : rows) {
    INFO(emu::to_string(row.fault));
    Rig rig;
    REQUIRE(rig.reader->open().ok());
    rig.emulator->place_card(citizen(4));
    for (int i = 0; i < row.injections; ++i) rig.emulator->faults().inject(row.fault);
    auto bad = rig.read();
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == row.code);
    CHECK(bad.error().reason == row.reason);
    CHECK(rig.stat(hal::stat::kCommunicationErrorCount) ==
          static_cast<std::uint64_t>(row.injections));
    if (row.fault == emu::Fault::unplugMidCommand) {
      CHECK(rig.reader->status().state == hal::DeviceState::noDevice);
      rig.emulator->replug();
    }
    auto good = rig.read();
    REQUIRE(good.ok());
    CHECK(good.value().id_number == citizen(4).card.id_number);
    CHECK(rig.reader->status().state == hal::DeviceState::online);
  }
}

TEST_CASE("a single garbled reply is cured by one resend", "[id_reader][emu]") {
  for (auto fault : {emu::Fault::badChecksum, emu::Fault::garbage, emu::Fault::shortFrame,
                     emu::Fault::oversizedFrame}) {
    INFO(emu::to_string(fault));
    Rig rig;
    REQUIRE(rig.reader->open().ok());
    rig.emulator->place_card(citizen(5));
    rig.emulator->faults().inject(fault);
    auto r = rig.read();
    REQUIRE(r.ok());
    CHECK(rig.stat(hal::stat::kCommunicationErrorCount) == 1);
  }
}

TEST_CASE("a fault in the middle of a read sequence is recovered too", "[id_reader][emu]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.emulator->place_card(citizen(6));
  // Let find and select through, then spoil a later reply (normally the 1295-byte read reply).
  std::promise<hal::Result<hal::IdCard>> p;
  rig.reader->read_card(
      {}, [&p](hal::RequestId, hal::Result<hal::IdCard> r) { p.set_value(std::move(r)); });
  while (rig.emulator->requests(idr::cmd::kReadTextPhoto) < 1) std::this_thread::yield();
  rig.emulator->faults().inject(emu::Fault::badChecksum);
  auto r = p.get_future().get();
  REQUIRE(r.ok());
  CHECK(r.value().photo_wlt == citizen(6).card.photo_wlt);
}

TEST_CASE("SAM and card failures from the emulator map to typed errors", "[id_reader][emu]") {
  SECTION("a SAM failing its self-test") {
    Rig rig;
    rig.emulator->set_sam_status(0x60);
    auto r = rig.reader->open();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().reason == "sam_failed");
    rig.emulator->set_sam_status(0x90);
    auto h = rig.reader->health_check();
    REQUIRE(h.ok());
    CHECK(h.value().detail.at("sam") == "ok");
  }
  SECTION("a card that fails authentication, then reads") {
    Rig rig;
    REQUIRE(rig.reader->open().ok());
    rig.emulator->place_card(citizen(7));
    rig.emulator->set_read_status(0x31);
    auto r = rig.read();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == hal::CompletionCode::hardwareError);
    CHECK(r.error().reason == "auth_failed");
    rig.emulator->set_read_status(std::nullopt);
    REQUIRE(rig.read().ok());
  }
}

TEST_CASE("reset works whether the SAM knows 10 FF or only 01 FF", "[id_reader][emu]") {
  for (bool only_01ff : {false, true}) {
    emu::IdReaderEmulatorOptions o;
    o.reset_01ff_only = only_01ff;
    Rig rig(o);
    REQUIRE(rig.reader->open().ok());
    std::promise<hal::Status> p;
    rig.reader->reset([&p](hal::RequestId, hal::Status s) { p.set_value(std::move(s)); });
    REQUIRE(p.get_future().get().ok());
    CHECK(rig.emulator->requests(idr::cmd::kResetSamAlt) == (only_01ff ? 1U : 0U));
  }
}

TEST_CASE("a reader without fingerprint support still reads the card", "[id_reader][emu]") {
  emu::IdReaderEmulatorOptions o;
  o.fingerprint_supported = false;
  Rig rig(o);
  REQUIRE(rig.reader->open().ok());
  rig.emulator->place_card(citizen(0));
  auto r = rig.read(5000, true);
  REQUIRE(r.ok());
  CHECK(r.value().fingerprint.empty());
  CHECK_FALSE(rig.reader->capabilities().fingerprint);
}

TEST_CASE("the appended address is read from the emulator when configured", "[id_reader][emu]") {
  auto config = config_for_emulator();
  config.read_appended_address = true;
  Rig rig({}, config);
  REQUIRE(rig.reader->open().ok());
  const emu::SyntheticCitizen* with_appended = nullptr;
  for (const auto& c : emu::synthetic_citizens()) {
    if (!c.appended_address.empty()) with_appended = &c;
  }
  REQUIRE(with_appended != nullptr);
  rig.emulator->place_card(*with_appended);
  auto r = rig.read();
  REQUIRE(r.ok());
  CHECK(r.value().appended_address == with_appended->appended_address);
  CHECK(r.value().address == with_appended->card.address);
}

TEST_CASE("the emulator answers a damaged request with the checksum status", "[id_reader][emu]") {
  emu::IdReaderEmulator e;
  e.start();
  drivers::EmulatedTransport t(e.link(), "raw");
  REQUIRE(t.open().ok());
  auto req = idr::build_request(idr::cmd::kSamStatus);
  req.back() ^= 0x01;
  REQUIRE(t.write(req, 100ms).ok());
  idr::FrameParser parser;
  std::optional<idr::RawFrame> frame;
  while (!frame) {
    auto got = t.read(4096, 2s);
    REQUIRE(got.ok());
    parser.feed(got.value());
    auto f = parser.next();
    REQUIRE(f.ok());
    frame = f.value();
  }
  auto resp = idr::to_response(*frame);
  REQUIRE(resp.ok());
  CHECK(resp.value().sw3 == 0x10);
  e.stop();
}

TEST_CASE("a read card the reader no longer finds is still seen by the 30 03 presence check",
          "[id_reader][emu]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.emulator->place_card(citizen(0));
  REQUIRE(rig.read().ok());
  // As field readers do, the emulator now answers find-card with "no card" (80) ...
  const auto finds = rig.emulator->requests(drivers::id_reader::cmd::kFindCard);
  auto health = rig.reader->health_check();
  REQUIRE(health.ok());
  CHECK(health.value().detail.at("card") == "present");  // ... the 30 03 read still sees it
  auto again = rig.read();
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().reason == "card_not_removed");
  CHECK(rig.emulator->requests(drivers::id_reader::cmd::kFindCard) == finds);
  rig.lift();
  rig.emulator->place_card(citizen(0));
  CHECK(rig.read().ok());
}
