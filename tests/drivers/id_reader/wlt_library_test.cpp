// The WLT decoder of a vendor library, loaded with dlopen: the test library
// (wlt_test_library.c) implements the documented entry point.
#include "drivers/id_reader/wlt_library.hpp"

#include <catch2/catch.hpp>

#include <future>

#include "drivers/id_reader/id_reader.hpp"
#include "tests/drivers/id_reader/sample_cards.hpp"
#include "tests/drivers/id_reader/scripted_transport.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
namespace idr = drivers::id_reader;

namespace {

const idr::Bytes kSamId{0x05, 0x00, 0x01, 0x00, 0x08, 0x29, 0x35, 0x01,
                        0x18, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00};

hal::IdCard card_with_photo() {
  auto card = test::resident_card();
  card.photo_wlt.resize(1024);
  for (std::size_t i = 0; i < card.photo_wlt.size(); ++i)
    card.photo_wlt[i] = static_cast<std::uint8_t>(i * 7);
  return card;
}

}  // namespace

TEST_CASE("the SAM id is shown in its printed form", "[id_reader][codec]") {
  CHECK(idr::format_sam_id(kSamId) == "05.01-20261128-000000024-000000001");
  CHECK(idr::format_sam_id(idr::Bytes{0x05, 0x01, 0xAB}) == "0501AB");  // too short: hex
}

TEST_CASE("no library configured: the photo is unavailable, typed", "[id_reader][wlt]") {
  std::string why;
  auto decoder = drivers::make_wlt_decoder("", &why);
  REQUIRE(decoder);
  auto r = decoder->decode(std::vector<std::uint8_t>(1024, 0x11));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::unsupported);
  CHECK(r.error().reason == "wlt_decoder_unavailable");
}

TEST_CASE("a library that is missing or lacks the entry point is a typed error",
          "[id_reader][wlt]") {
  auto missing = drivers::WltLibraryDecoder::load("/nonexistent/libvendorwlt.so");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == hal::CompletionCode::unsupported);
  CHECK(missing.error().reason == "wlt_library_unavailable");
  // A real library without kiosk_wlt_decode: the C library itself.
  auto wrong = drivers::WltLibraryDecoder::load("libc.so.6");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().reason == "wlt_library_unavailable");
  std::string why;
  auto fallback = drivers::make_wlt_decoder("/nonexistent/libvendorwlt.so", &why);
  CHECK_FALSE(why.empty());
  CHECK(fallback->decode({}).error().reason == "wlt_decoder_unavailable");
}

TEST_CASE("the library decodes the whole frame with the SAM id", "[id_reader][wlt]") {
  auto loaded = drivers::WltLibraryDecoder::load(KIOSK_TEST_WLT_LIBRARY);
  REQUIRE(loaded.ok());
  auto& decoder = *loaded.value();
  const auto card = card_with_photo();
  auto data = idr::encode_read_reply_data(card, idr::ReadKind::textPhoto);
  REQUIRE(data.ok());
  const auto frame = idr::build_response(0x90, data.value());
  auto photo = decoder.decode_frame(frame, "05.01-20261128-000000024-000000001");
  REQUIRE(photo.ok());
  CHECK(photo.value().width == 102);
  CHECK(photo.value().height == 126);
  CHECK(photo.value().pixels[3 * 5] == card.photo_wlt[5]);
  // The library refuses (its licence check) without a SAM id: a typed error, no crash.
  auto refused = decoder.decode_frame(frame, "");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().reason == "wlt_decode_failed");
  CHECK(decoder.decode_frame(std::span(frame).first(100), "05.01-1-2-3").error().reason ==
        "wlt_decode_failed");
  // hal::WltDecoder::decode: the WLT bytes alone, framed by the decoder.
  decoder.set_sam_id("05.01-20261128-000000024-000000001");
  auto alone = decoder.decode(card.photo_wlt);
  REQUIRE(alone.ok());
  CHECK(alone.value().pixels[3 * 9] == card.photo_wlt[9]);
}

TEST_CASE("a reader with the library returns the decoded photo with the card", "[id_reader][wlt]") {
  auto loaded = drivers::WltLibraryDecoder::load(KIOSK_TEST_WLT_LIBRARY);
  REQUIRE(loaded.ok());
  auto probe = std::make_shared<test::TransportProbe>();
  probe->reader.card = card_with_photo();
  probe->reader.override_next(idr::cmd::kReadSamId,
                              {test::ReadStep::data(idr::build_response(0x90, kSamId))});
  drivers::SamIdReaderConfig config;
  config.response_timeout = 100ms;
  config.inter_byte_timeout = 30ms;
  config.poll_interval = 5ms;
  drivers::SamIdReader reader(std::make_unique<test::ScriptedTransport>(probe), loaded.value(),
                              config);
  REQUIRE(reader.open().ok());
  CHECK(reader.capabilities().sam_id == "05.01-20261128-000000024-000000001");
  {
    std::lock_guard lock(probe->m);
    probe->reader.card_present = true;
  }
  std::promise<hal::Result<hal::IdCard>> p;
  reader.read_card({false, 1000},
                   [&p](hal::RequestId, hal::Result<hal::IdCard> r) { p.set_value(std::move(r)); });
  auto r = p.get_future().get();
  REQUIRE(r.ok());
  REQUIRE(r.value().photo);
  CHECK(r.value().photo->width == 102);
  CHECK(r.value().photo->pixels[3 * 7] == r.value().photo_wlt[7]);
}

TEST_CASE("a reader without a library reads the card and leaves the photo undecoded",
          "[id_reader][wlt]") {
  auto probe = std::make_shared<test::TransportProbe>();
  probe->reader.card = card_with_photo();
  drivers::SamIdReaderConfig config;
  config.response_timeout = 100ms;
  config.poll_interval = 5ms;
  drivers::SamIdReader reader(std::make_unique<test::ScriptedTransport>(probe),
                              drivers::make_wlt_decoder(""), config);
  REQUIRE(reader.open().ok());
  {
    std::lock_guard lock(probe->m);
    probe->reader.card_present = true;
  }
  std::promise<hal::Result<hal::IdCard>> p;
  reader.read_card({false, 1000},
                   [&p](hal::RequestId, hal::Result<hal::IdCard> r) { p.set_value(std::move(r)); });
  auto r = p.get_future().get();
  REQUIRE(r.ok());
  CHECK_FALSE(r.value().photo);
  CHECK(r.value().photo_wlt.size() == 1024);
  CHECK(reader.wlt_decoder()->decode(r.value().photo_wlt).error().code ==
        hal::CompletionCode::unsupported);
}
