#include "drivers/id_reader/id_reader.hpp"

#include <catch2/catch.hpp>

#include <future>

#include "drivers/id_reader/wlt_decoder_unavailable.hpp"
#include "tests/drivers/id_reader/sample_cards.hpp"
#include "tests/drivers/id_reader/scripted_transport.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using test::ReadStep;
using test::Reply;
namespace idr = drivers::id_reader;
namespace cmd = idr::cmd;

namespace {

struct Rig {
  std::shared_ptr<test::TransportProbe> probe = std::make_shared<test::TransportProbe>();
  std::mutex events_m;
  std::vector<hal::EventKind> events;
  std::unique_ptr<drivers::SamIdReader> reader;  // last: goes first, before what its handler uses

  explicit Rig(drivers::SamIdReaderConfig config = fast_config()) {
    probe->reader.card = test::resident_card();
    reader = std::make_unique<drivers::SamIdReader>(
        std::make_unique<test::ScriptedTransport>(probe), nullptr, config);
    reader->set_event_handler([this](const hal::DeviceEvent& e) {
      std::lock_guard lock(events_m);
      events.push_back(e.kind);
    });
  }

  static drivers::SamIdReaderConfig fast_config() {
    drivers::SamIdReaderConfig c;
    c.response_timeout = 100ms;
    c.inter_byte_timeout = 30ms;
    c.poll_interval = 5ms;
    return c;
  }

  void place(bool present) {
    std::lock_guard lock(probe->m);
    probe->reader.card_present = present;
  }
  void override_next(idr::Command c, Reply r) {
    std::lock_guard lock(probe->m);
    probe->reader.override_next(c, std::move(r));
  }
  void plug(bool plugged) {
    {
      std::lock_guard lock(probe->m);
      probe->plugged = plugged;
    }
    probe->cv.notify_all();
  }

  hal::Result<hal::IdCard> read(hal::ReadIdOptions options = {false, 1000}) {
    std::promise<hal::Result<hal::IdCard>> p;
    reader->read_card(
        options, [&p](hal::RequestId, hal::Result<hal::IdCard> r) { p.set_value(std::move(r)); });
    return p.get_future().get();
  }
  hal::Status reset() {
    std::promise<hal::Status> p;
    reader->reset([&p](hal::RequestId, hal::Status r) { p.set_value(std::move(r)); });
    return p.get_future().get();
  }
  int count_events(hal::EventKind k) {
    std::lock_guard lock(events_m);
    return static_cast<int>(std::count(events.begin(), events.end(), k));
  }
  std::uint64_t stat(std::string_view name) { return reader->statistics().at(std::string(name)); }
};

hal::ReadIdOptions opts(int timeout_ms, bool fingerprint = false) {
  hal::ReadIdOptions o;
  o.timeout_ms = timeout_ms;
  o.with_fingerprint = fingerprint;
  return o;
}

test::Bytes read_reply_frame(const hal::IdCard& card) {
  return idr::build_response(0x90,
                             idr::encode_read_reply_data(card, idr::ReadKind::textPhoto).value());
}

}  // namespace

TEST_CASE("opening asks the SAM for its status and id and reports them", "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  CHECK(rig.probe->requests_copy() == std::vector<idr::Command>{cmd::kSamStatus, cmd::kReadSamId});
  CHECK(rig.reader->capabilities().sam_id == "0501ABCD");
  CHECK(rig.reader->info().serial_number == "0501ABCD");
  CHECK(rig.reader->info().transport == "scripted:id_reader");
  const auto st = rig.reader->status();
  CHECK(st.state == hal::DeviceState::online);
  CHECK(st.detail.at("sam") == "ok");
  CHECK(rig.reader->state() == drivers::SamIdReader::State::idle);
}

TEST_CASE("a reader that does not answer fails to open as not ready", "[id_reader][driver]") {
  Rig rig;
  rig.override_next(cmd::kSamStatus, {});
  auto r = rig.reader->open();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(r.error().reason == "timeout");
}

TEST_CASE("an unplugged reader fails to open as not ready", "[id_reader][driver]") {
  Rig rig;
  rig.plug(false);
  auto r = rig.reader->open();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(rig.reader->status().state == hal::DeviceState::offline);
}

TEST_CASE("a SAM that fails its self-test fails open with sam_failed", "[id_reader][driver]") {
  Rig rig;
  rig.probe->reader.sam_sw3 = 0x60;
  auto r = rig.reader->open();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::hardwareError);
  CHECK(r.error().reason == "sam_failed");
  CHECK(rig.reader->status().state == hal::DeviceState::hardwareError);
  CHECK(rig.reader->status().detail.at("sam") == "failed");
}

TEST_CASE("reading before open completes with deviceNotReady", "[id_reader][driver]") {
  Rig rig;
  auto r = rig.read();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
}

TEST_CASE("a placed card is found, selected, read and decoded", "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  auto r = rig.read();
  REQUIRE(r.ok());
  const auto& want = rig.probe->reader.card;
  CHECK(r.value().name == want.name);
  CHECK(r.value().id_number == want.id_number);
  CHECK(r.value().address == want.address);
  CHECK(r.value().photo_wlt == want.photo_wlt);
  CHECK(rig.probe->requests_copy() == std::vector<idr::Command>{cmd::kSamStatus, cmd::kReadSamId,
                                                                cmd::kFindCard, cmd::kSelectCard,
                                                                cmd::kReadTextPhoto});
  CHECK(rig.count_events(hal::EventKind::cardPlaced) == 1);
  CHECK(rig.stat("CardsReadCount") == 1);
  CHECK(rig.stat(hal::stat::kSuccessfulCommandCount) == 1);
  CHECK(rig.stat(hal::stat::kCommunicationErrorCount) == 0);
  CHECK(rig.reader->status().detail.at("card") == "present");
  CHECK(rig.reader->status().state == hal::DeviceState::online);
}

TEST_CASE("the card must be taken off the reader before the next read", "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  REQUIRE(rig.read().ok());

  auto again = rig.read();
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == hal::CompletionCode::userError);
  CHECK(again.error().reason == "card_not_removed");

  rig.place(false);
  auto none = rig.read(opts(20));
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().code == hal::CompletionCode::timeout);
  CHECK(none.error().reason == "no_card");
  CHECK(rig.count_events(hal::EventKind::cardTaken) == 1);

  rig.place(true);
  REQUIRE(rig.read().ok());
  CHECK(rig.count_events(hal::EventKind::cardPlaced) == 2);
  CHECK(rig.stat("CardsReadCount") == 2);
  CHECK(rig.stat(hal::stat::kFailedCommandCount) == 2);
}

TEST_CASE("a card lifted and placed again during one read is read", "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  REQUIRE(rig.read().ok());
  // The check that the card was lifted (a 30 03 read) sees no card; the next poll finds the
  // new one.
  rig.override_next(cmd::kReadAppendedAddress, {ReadStep::data(idr::build_response(0x41))});
  REQUIRE(rig.read().ok());
}

TEST_CASE("a reader that answers find-card with 90 instead of 9F is taken as finding a card",
          "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  rig.override_next(cmd::kFindCard, {ReadStep::data(idr::build_response(0x90))});
  REQUIRE(rig.read().ok());
}

TEST_CASE("no card within the timeout completes with timeout/no_card", "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  auto r = rig.read(opts(30));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::timeout);
  CHECK(r.error().reason == "no_card");
  CHECK(rig.probe->count(cmd::kFindCard) >= 2);
  CHECK(rig.reader->status().detail.at("card") == "absent");
}

TEST_CASE("a reply delivered in 64-byte transfers is reassembled", "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  rig.override_next(cmd::kReadTextPhoto, test::ScriptedReader::in_usb_transfers(
                                             read_reply_frame(rig.probe->reader.card)));
  auto r = rig.read();
  REQUIRE(r.ok());
  CHECK(r.value().photo_wlt.size() == 1024);
}

TEST_CASE("a reader that stops answering gives timeout and the next read works",
          "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  rig.override_next(cmd::kReadTextPhoto, {});
  auto r = rig.read();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::timeout);
  CHECK(r.error().reason == "timeout");
  CHECK(rig.stat(hal::stat::kCommunicationErrorCount) == 1);
  REQUIRE(rig.read().ok());
}

TEST_CASE("a short read is resent once and then succeeds", "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  auto frame = read_reply_frame(rig.probe->reader.card);
  frame.resize(frame.size() / 2);
  rig.override_next(cmd::kReadTextPhoto, {ReadStep::data(frame)});
  auto r = rig.read();
  REQUIRE(r.ok());
  CHECK(rig.probe->count(cmd::kReadTextPhoto) == 2);
  CHECK(rig.stat(hal::stat::kCommunicationErrorCount) == 1);
}

TEST_CASE("two short reads in a row give invalidData/truncated", "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  auto frame = read_reply_frame(rig.probe->reader.card);
  frame.resize(100);
  rig.override_next(cmd::kReadTextPhoto, {ReadStep::data(frame)});
  rig.override_next(cmd::kReadTextPhoto, {ReadStep::data(frame)});
  auto r = rig.read();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::invalidData);
  CHECK(r.error().reason == "truncated");
  CHECK(rig.stat(hal::stat::kCommunicationErrorCount) == 2);
}

TEST_CASE("a reply with a bad checksum is resent once; twice is invalidData/checksum",
          "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  auto bad = idr::build_response(0x9F, test::Bytes{0, 0, 0, 0});
  bad.back() ^= 0xFF;
  rig.override_next(cmd::kFindCard, {ReadStep::data(bad)});
  const int flushes_before = rig.probe->flushes;
  REQUIRE(rig.read().ok());
  CHECK(rig.probe->flushes > flushes_before);
  rig.place(false);
  REQUIRE_FALSE(rig.read(opts(0)).ok());
  rig.place(true);
  rig.override_next(cmd::kSelectCard, {ReadStep::data(bad)});
  rig.override_next(cmd::kSelectCard, {ReadStep::data(bad)});
  auto r = rig.read();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::invalidData);
  CHECK(r.error().reason == "checksum");
}

TEST_CASE("random bytes instead of a reply are invalidData/garbage after one resend",
          "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  const test::Bytes noise{0x13, 0x37, 0x00, 0xFF, 0x42, 0xAA};
  rig.override_next(cmd::kFindCard, {ReadStep::data(noise)});
  rig.override_next(cmd::kFindCard, {ReadStep::data(noise)});
  auto r = rig.read();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason == "garbage");
  REQUIRE(rig.read().ok());
}

TEST_CASE("extra bytes after a reply frame are invalidData/length after one resend",
          "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  auto frame = idr::build_response(0x90, test::Bytes(8, 0));
  frame.resize(frame.size() + 64, 0xEE);
  rig.override_next(cmd::kSelectCard, {ReadStep::data(frame)});
  rig.override_next(cmd::kSelectCard, {ReadStep::data(frame)});
  auto r = rig.read();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason == "length");
}

TEST_CASE("the SAM's own checksum complaint about a request is resent once",
          "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  rig.override_next(cmd::kSelectCard, {ReadStep::data(idr::build_response(0x10))});
  REQUIRE(rig.read().ok());
  CHECK(rig.probe->count(cmd::kSelectCard) == 2);
}

TEST_CASE("a late reply to an earlier command is not taken for the next command's",
          "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  rig.override_next(cmd::kSelectCard,
                    {ReadStep::data(idr::build_response(0x9F, test::Bytes{0, 0, 0, 0})),
                     ReadStep::data(idr::build_response(0x90, test::Bytes(8, 0)))});
  REQUIRE(rig.read().ok());
  CHECK(rig.probe->count(cmd::kSelectCard) == 1);
}

TEST_CASE("a stalled endpoint is a hardwareError/stall", "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  rig.override_next(cmd::kReadTextPhoto,
                    {ReadStep::fail(hal::CompletionCode::hardwareError, "stall")});
  auto r = rig.read();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::hardwareError);
  CHECK(r.error().reason == "stall");
  CHECK(rig.reader->status().state == hal::DeviceState::hardwareError);
  rig.place(false);
  REQUIRE(rig.reader->health_check().ok());
  CHECK(rig.reader->status().state == hal::DeviceState::online);
}

TEST_CASE("unplugging mid-transfer is deviceNotReady/disconnected and replugging recovers",
          "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  auto frame = read_reply_frame(rig.probe->reader.card);
  const test::Bytes half(frame.begin(), frame.begin() + 600);
  rig.override_next(
      cmd::kReadTextPhoto,
      {ReadStep::data(half), ReadStep::fail(hal::CompletionCode::deviceNotReady, "disconnected")});
  auto r = rig.read();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(r.error().reason == "disconnected");
  CHECK(rig.reader->status().state == hal::DeviceState::noDevice);
  CHECK(rig.count_events(hal::EventKind::deviceRemoved) == 1);

  auto still = rig.read();
  REQUIRE_FALSE(still.ok());
  CHECK(still.error().code == hal::CompletionCode::deviceNotReady);

  rig.plug(true);
  auto ok = rig.read();
  REQUIRE(ok.ok());
  CHECK(rig.count_events(hal::EventKind::deviceArrived) == 1);
  CHECK(rig.reader->status().state == hal::DeviceState::online);
}

TEST_CASE("canceling a read that waits for a card completes it as canceled",
          "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  std::promise<hal::Result<hal::IdCard>> p;
  const auto id = rig.reader->read_card(
      opts(60000), [&p](hal::RequestId, hal::Result<hal::IdCard> r) { p.set_value(std::move(r)); });
  // Wait until the reader is polling, then cancel.
  while (rig.probe->count(cmd::kFindCard) < 2) std::this_thread::yield();
  CHECK(rig.reader->cancel(id));
  auto r = p.get_future().get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::canceled);
  CHECK(rig.reader->status().state == hal::DeviceState::online);
  CHECK_FALSE(rig.reader->cancel(id));
  rig.place(true);
  REQUIRE(rig.read().ok());
}

TEST_CASE("canceling a read blocked on the transport reaches the transport",
          "[id_reader][driver]") {
  auto config = Rig::fast_config();
  config.response_timeout = 60s;
  Rig rig(config);
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  rig.override_next(cmd::kReadTextPhoto, {ReadStep::block()});
  std::promise<hal::Result<hal::IdCard>> p;
  const auto id = rig.reader->read_card(
      opts(1000), [&p](hal::RequestId, hal::Result<hal::IdCard> r) { p.set_value(std::move(r)); });
  while (rig.probe->count(cmd::kReadTextPhoto) < 1) std::this_thread::yield();
  CHECK(rig.reader->cancel(id));
  auto r = p.get_future().get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::canceled);
  CHECK(rig.stat(hal::stat::kCommunicationErrorCount) == 0);
}

TEST_CASE("SAM errors while reading map to their typed reasons", "[id_reader][driver]") {
  struct Row {
    idr::Command command;
    std::uint8_t sw3;
    hal::CompletionCode code;
    const char* reason;
  };
  const Row rows[] = {
      {cmd::kSelectCard, 0x81, hal::CompletionCode::userError, "select_failed"},
      {cmd::kReadTextPhoto, 0x41, hal::CompletionCode::hardwareError, "read_failed"},
      {cmd::kReadTextPhoto, 0x31, hal::CompletionCode::hardwareError, "auth_failed"},
      {cmd::kReadTextPhoto, 0x32, hal::CompletionCode::hardwareError, "auth_failed"},
      {cmd::kReadTextPhoto, 0x40, hal::CompletionCode::invalidData, "unknown_card_type"},
      {cmd::kReadTextPhoto, 0x33, hal::CompletionCode::hardwareError, "info_check_failed"},
      {cmd::kFindCard, 0x24, hal::CompletionCode::hardwareError, "unknown_error"},
  };
  for (const auto& row : rows) {
    INFO(row.reason);
    Rig rig;
    REQUIRE(rig.reader->open().ok());
    rig.place(true);
    rig.override_next(row.command, {ReadStep::data(idr::build_response(row.sw3))});
    auto r = rig.read();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == row.code);
    CHECK(r.error().reason == row.reason);
    // A per-card failure does not mark the reader as broken, and the next read works.
    CHECK(rig.reader->status().state == hal::DeviceState::online);
    REQUIRE(rig.read().ok());
  }
}

TEST_CASE("a card whose ID number fails its check character is invalidData",
          "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  rig.probe->reader.card.id_number.back() =
      rig.probe->reader.card.id_number.back() == '1' ? '2' : '1';
  auto r = rig.read();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::invalidData);
  CHECK(r.error().reason == "id_check_character");
}

TEST_CASE("a foreign permanent-residence card is read", "[id_reader][driver]") {
  Rig rig;
  rig.probe->reader.card = test::foreign_card();
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  auto r = rig.read();
  REQUIRE(r.ok());
  CHECK(r.value().type == hal::IdCardType::foreignPermanent);
  CHECK(r.value().nationality == "AUS");
}

TEST_CASE("reading with fingerprint uses 30 10", "[id_reader][driver]") {
  Rig rig;
  rig.probe->reader.card.fingerprint.assign(1024, 0x77);
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  auto r = rig.read(opts(1000, true));
  REQUIRE(r.ok());
  CHECK(r.value().fingerprint.size() == 1024);
  CHECK(rig.probe->count(cmd::kReadWithFingerprint) == 1);
}

TEST_CASE("a SAM without fingerprint support falls back to 30 01 and says so",
          "[id_reader][driver]") {
  Rig rig;
  rig.probe->reader.fingerprint_supported = false;
  REQUIRE(rig.reader->open().ok());
  CHECK(rig.reader->capabilities().fingerprint);
  rig.place(true);
  auto r = rig.read(opts(1000, true));
  REQUIRE(r.ok());
  CHECK(r.value().fingerprint.empty());
  CHECK_FALSE(rig.reader->capabilities().fingerprint);
}

TEST_CASE("the appended address is read beside the printed one when configured",
          "[id_reader][driver]") {
  auto config = Rig::fast_config();
  config.read_appended_address = true;
  Rig rig(config);
  rig.probe->reader.appended_address = "北京市朝阳区测试新路8号";
  REQUIRE(rig.reader->open().ok());
  rig.place(true);
  auto r = rig.read();
  REQUIRE(r.ok());
  CHECK(r.value().appended_address == "北京市朝阳区测试新路8号");
  CHECK(r.value().address == rig.probe->reader.card.address);
  rig.place(false);
  (void)rig.read(opts(0));
  rig.probe->reader.appended_address.clear();
  rig.place(true);
  auto plain = rig.read();
  REQUIRE(plain.ok());
  CHECK(plain.value().address == rig.probe->reader.card.address);
  CHECK(plain.value().appended_address.empty());
}

TEST_CASE("reset sends 10 FF, and 01 FF to a SAM that only knows that", "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  REQUIRE(rig.reset().ok());
  CHECK(rig.probe->count(cmd::kResetSam) == 1);
  CHECK(rig.probe->count(cmd::kResetSamAlt) == 0);
  rig.probe->reader.reset_01ff_only = true;
  REQUIRE(rig.reset().ok());
  CHECK(rig.probe->count(cmd::kResetSamAlt) == 1);
}

TEST_CASE("a health check reports the SAM and whether a card is on the reader",
          "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  auto h = rig.reader->health_check();
  REQUIRE(h.ok());
  CHECK(h.value().state == hal::DeviceState::online);
  CHECK(h.value().detail.at("sam") == "ok");
  CHECK(h.value().detail.at("card") == "absent");
  rig.probe->reader.sam_sw3 = 0x60;
  auto bad = rig.reader->health_check();
  REQUIRE(bad.ok());
  CHECK(bad.value().state == hal::DeviceState::hardwareError);
  CHECK(bad.value().detail.at("sam") == "failed");
}

TEST_CASE("close cancels a waiting read and the reader reports offline", "[id_reader][driver]") {
  Rig rig;
  REQUIRE(rig.reader->open().ok());
  std::promise<hal::Result<hal::IdCard>> p;
  rig.reader->read_card(
      opts(60000), [&p](hal::RequestId, hal::Result<hal::IdCard> r) { p.set_value(std::move(r)); });
  while (rig.probe->count(cmd::kFindCard) < 1) std::this_thread::yield();
  rig.reader->close();
  auto r = p.get_future().get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::canceled);
  CHECK(rig.reader->status().state == hal::DeviceState::offline);
}

TEST_CASE("without a vendor library WLT photos are unsupported", "[id_reader][driver]") {
  drivers::WltDecoderUnavailable d;
  auto r = d.decode(std::vector<std::uint8_t>(1024, 0));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::unsupported);
}
