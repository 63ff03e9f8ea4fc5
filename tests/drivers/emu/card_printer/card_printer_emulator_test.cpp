#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <future>
#include <random>

#include "drivers/card_printer/card_printer.hpp"
#include "drivers/emu/card_printer/card_printer_emulator.hpp"
#include "drivers/emu/common/png_writer.hpp"
#include "hal/await.hpp"
#include "tests/drivers/card_printer/card_images.hpp"

namespace cp = kiosk::drivers::card_printer;
namespace emu = kiosk::drivers::emu;
namespace hal = kiosk::hal;
using kiosk::test::fill_rect;

namespace {

// Longest wait for one command (a print takes seconds at KIOSK_EMU_TIME_SCALE=0.01).
constexpr std::chrono::seconds kWait{60};

hal::CardJob colour_job(bool back = false) {
  hal::CardJob j;
  j.front.image = hal::RgbImage(cp::kWidth, cp::kHeight);
  fill_rect(j.front.image, {0, 0, 1016, 120}, 20, 80, 160);       // blue band
  fill_rect(j.front.image, {700, 180, 260, 340}, 230, 200, 170);  // photo-ish
  fill_rect(j.front.image, {60, 200, 400, 30}, 0, 0, 0);          // text bar
  fill_rect(j.front.image, {60, 300, 200, 60}, 200, 30, 40);      // red stamp
  j.front.overlay_cutouts = {{700, 180, 260, 340}};
  if (back) {
    hal::CardSide s;
    s.image = hal::RgbImage(cp::kWidth, cp::kHeight);
    fill_rect(s.image, {100, 500, 800, 80}, 0, 0, 0);
    fill_rect(s.image, {100, 100, 300, 100}, 120, 180, 90);
    j.back = s;
  }
  j.job_id = "emu-job";
  return j;
}

struct Rig {
  std::vector<hal::DeviceEvent> events;
  std::mutex em;
  emu::CardPrinterEmulator emulator;
  std::unique_ptr<cp::EvolisCardPrinter> device;
  std::string dir;

  explicit Rig(emu::CardPrinterEmulatorConfig cfg = {}) : emulator(cfg) {
    emulator.start();
    dir = (std::filesystem::temp_directory_path() /
           ("kiosk-card-emu-" + std::to_string(reinterpret_cast<std::uintptr_t>(this))))
              .string();
    std::filesystem::remove_all(dir);
    emulator.set_output_dir(dir);
    cp::EvolisConfig config;
    config.command_timeout = std::chrono::milliseconds(500);
    device = std::make_unique<cp::EvolisCardPrinter>(
        std::make_unique<kiosk::drivers::EmulatedTransport>(emulator.link(), "card_printer"),
        config);
    device->set_event_handler([this](const hal::DeviceEvent& e) {
      std::lock_guard lock(em);
      events.push_back(e);
    });
    REQUIRE(device->open().ok());
  }
  ~Rig() {
    device.reset();
    emulator.stop();
    std::filesystem::remove_all(dir);
  }
  hal::Result<hal::PrintedCard> print(hal::CardJob j) {
    return hal::await_completion<hal::PrintedCard>(
        *device, [&](auto done) { return device->print_card(std::move(j), done); }, kWait);
  }
  hal::Status reject() {
    return hal::await_completion<hal::Done>(
        *device, [&](auto done) { return device->reject_card(done); }, kWait);
  }
  bool saw(hal::EventKind kind) {
    std::lock_guard lock(em);
    return std::any_of(events.begin(), events.end(), [&](const auto& e) { return e.kind == kind; });
  }
};

bool close_to(const hal::RgbImage& a, const hal::RgbImage& b, int x, int y, int tol = 14) {
  const auto o = a.offset(x, y);
  for (int i = 0; i < 3; ++i) {
    if (std::abs(a.pixels[o + i] - b.pixels[o + i]) > tol) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("a card printed on the emulator is written as PNG matching the job",
          "[card_printer][emu]") {
  Rig rig;
  const auto job = colour_job();
  auto r = rig.print(job);
  REQUIRE(r.ok());
  CHECK(r.value().card_counter == 1);
  const auto paths = rig.emulator.last_card_paths();
  REQUIRE(paths.size() == 1);
  CHECK(paths[0] == rig.dir + "/card-1-front.png");
  auto png = emu::read_png(paths[0]);
  REQUIRE(png.ok());
  REQUIRE(png.value().width == cp::kWidth);
  for (auto [x, y] :
       {std::pair{10, 10}, {500, 60}, {800, 300}, {100, 215}, {150, 330}, {500, 600}}) {
    INFO("x=" << x << " y=" << y);
    CHECK(close_to(png.value(), job.front.image, x, y));
  }
  CHECK(rig.emulator.ribbon_panels() == 995);
  CHECK(rig.emulator.feeder_cards() == 99);
  CHECK(rig.emulator.card_position() == "in_mouth");
  const auto stats = rig.device->statistics();
  CHECK(stats.at("CardsPrintedCount") == 1);
  CHECK(stats.at("RibbonRemainingPanels") == 995);
  CHECK(stats.at("SuccessfulCommandCount") == 1);
  rig.emulator.take_card();
  REQUIRE(rig.device->health_check().ok());
  CHECK(rig.saw(hal::EventKind::cardTaken));
}

TEST_CASE("a duplex card writes front and back", "[card_printer][emu]") {
  Rig rig;
  const auto job = colour_job(true);
  REQUIRE(rig.print(job).ok());
  const auto paths = rig.emulator.last_card_paths();
  REQUIRE(paths.size() == 2);
  auto back = emu::read_png(paths[1]);
  REQUIRE(back.ok());
  CHECK(close_to(back.value(), job.back->image, 500, 540));
  CHECK(close_to(back.value(), job.back->image, 200, 150));
  CHECK(close_to(back.value(), job.back->image, 900, 50));
  CHECK(rig.emulator.ribbon_panels() == 990);
}

TEST_CASE("a jammed card is spoiled, rejected, and the next card prints", "[card_printer][emu]") {
  Rig rig;
  rig.emulator.faults().inject(emu::Fault::jam);
  auto r = rig.print(colour_job());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::hardwareError);
  CHECK(r.error().reason == "jam");
  CHECK(rig.device->card_spoiled());
  CHECK(rig.saw(hal::EventKind::mediaJammed));
  CHECK(rig.device->status().detail.at("card") == "jammed");
  CHECK(rig.device->status().state == hal::DeviceState::hardwareError);

  // While the jam is not cleared, the reject fails too.
  auto stuck = rig.reject();
  REQUIRE_FALSE(stuck.ok());
  CHECK(stuck.error().reason == "jam");

  rig.emulator.faults().clear(emu::Fault::jam);  // technician clears the path
  REQUIRE(rig.reject().ok());
  CHECK(rig.emulator.rejected_cards() == 1);
  CHECK(rig.device->statistics().at("CardsRejectedCount") == 1);
  CHECK_FALSE(rig.device->card_spoiled());

  auto next = rig.print(colour_job());
  REQUIRE(next.ok());
  CHECK(rig.emulator.feeder_cards() == 98);  // one spoiled, one issued
  CHECK(rig.device->statistics().at("CardsPrintedCount") == 1);
}

TEST_CASE("the ribbon running out mid-job spoils the card", "[card_printer][emu]") {
  emu::CardPrinterEmulatorConfig cfg;
  cfg.ribbon_panels = 3;
  Rig rig(cfg);
  CHECK(rig.device->status().detail.at("ribbon") == "low");
  CHECK(rig.saw(hal::EventKind::mediaLow));
  auto r = rig.print(colour_job());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason == "ribbon_out");
  CHECK(r.error().code == hal::CompletionCode::hardwareError);
  CHECK(rig.device->card_spoiled());
  CHECK(rig.device->status().detail.at("ribbon") == "out");
  REQUIRE(rig.reject().ok());
  // With no ribbon the next job stops before loading a card.
  auto again = rig.print(colour_job());
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().reason == "ribbon_out");
  CHECK_FALSE(rig.device->card_spoiled());
}

TEST_CASE("an empty feeder and an open cover are user errors and spoil nothing",
          "[card_printer][emu]") {
  Rig rig;
  rig.emulator.faults().inject(emu::Fault::feederEmpty);
  auto r = rig.print(colour_job());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::userError);
  CHECK(r.error().reason == "feeder_empty");
  CHECK_FALSE(rig.device->card_spoiled());
  rig.emulator.faults().clear(emu::Fault::feederEmpty);

  rig.emulator.faults().inject(emu::Fault::coverOpen);
  auto c = rig.print(colour_job());
  REQUIRE_FALSE(c.ok());
  CHECK(c.error().reason == "cover_open");
  CHECK(rig.device->status().state == hal::DeviceState::userError);
  rig.emulator.faults().clear(emu::Fault::coverOpen);

  rig.emulator.set_feeder_cards(0);
  auto f = rig.print(colour_job());
  REQUIRE_FALSE(f.ok());
  CHECK(f.error().reason == "feeder_empty");
  rig.emulator.set_feeder_cards(5);
  REQUIRE(rig.print(colour_job()).ok());
  CHECK(rig.device->statistics().at("FailedCommandCount") == 3);
}

TEST_CASE("an unplug mid-job is reported and the card is rejected after replug",
          "[card_printer][emu]") {
  Rig rig;
  std::promise<hal::Result<hal::PrintedCard>> p;
  auto f = p.get_future();
  rig.device->print_card(colour_job(), [&p](hal::RequestId, hal::Result<hal::PrintedCard> r) {
    p.set_value(std::move(r));
  });
  // Unplug once the card is inside the printer.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (rig.emulator.card_position() != "held" && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  REQUIRE(rig.emulator.card_position() == "held");
  rig.emulator.unplug();
  auto r = f.get();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason == "disconnected");
  CHECK(rig.device->card_spoiled());
  CHECK(rig.saw(hal::EventKind::deviceRemoved));
  rig.emulator.replug();
  auto rj = rig.reject();
  INFO((rj.ok() ? std::string() : rj.error().reason + " " + rj.error().message));
  REQUIRE(rj.ok());
  REQUIRE(rig.print(colour_job()).ok());
}

TEST_CASE("a reply lost on the link is a timeout", "[card_printer][emu]") {
  Rig rig;
  rig.emulator.faults().inject(emu::Fault::noAnswer);  // the status check goes unanswered
  auto r = rig.print(colour_job());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::timeout);
  CHECK_FALSE(rig.device->card_spoiled());
  CHECK(rig.device->statistics().at("CommunicationErrorCount") >= 1);
  rig.emulator.faults().inject(emu::Fault::garbage);
  auto g = rig.print(colour_job());
  REQUIRE_FALSE(g.ok());
  REQUIRE(rig.print(colour_job()).ok());
}

namespace {

// Drives the emulator without its thread: feed bytes, collect what it answered.
std::string feed(emu::CardPrinterEmulator& e, std::span<const std::uint8_t> bytes) {
  e.on_host_bytes(bytes);
  std::string out;
  for (;;) {
    auto got = e.link()->device_to_host.pop(4096, std::chrono::milliseconds(0));
    if (!got.ok()) break;
    out.append(got.value().begin(), got.value().end());
  }
  return out;
}

std::string feed_command(emu::CardPrinterEmulator& e, std::string_view name,
                         const std::vector<std::string>& params = {}) {
  return feed(e, cp::encode_command(name, params));
}

}  // namespace

TEST_CASE("the emulator answers Rlr with the last card result", "[card_printer][emu]") {
  emu::CardPrinterEmulator e;
  CHECK(feed_command(e, "Rlr") == "OK\r");
  e.faults().inject(emu::Fault::feederEmpty);
  CHECK(feed_command(e, "Ss") == "OK\r");
  CHECK(feed_command(e, "Sr") == "ERR FEEDER EMPTY\r");
  CHECK(feed_command(e, "Rlr") == "NO CARD\r");
  e.faults().clear(emu::Fault::feederEmpty);
  e.faults().inject(emu::Fault::jam);
  CHECK(feed_command(e, "Ss") == "OK\r");
  CHECK(feed_command(e, "Sr") == "OK\r");
  CHECK(feed_command(e, "Rlr", {"p"}) == "CARD\r");
  cp::Panel k{cp::PanelKind::k, 2, std::vector<std::uint8_t>(cp::kPixels, 0)};
  CHECK(feed(e, cp::encode_download(k, true)) == "ERR MECHANICAL\r");
  CHECK(feed_command(e, "Rlr") == "ERR CARD\r");
  CHECK(feed_command(e, "Rlr", {"p"}) == "ERR CARD\r");
  CHECK(e.card_position() == "jammed");
  CHECK(feed_command(e, "Xyz") == "ERR CMD\r");
  CHECK(feed_command(e, "Pr", {"rainbow"}) == "ERR PARAM\r");
}

TEST_CASE("the emulator answers the status queries as field printers do", "[card_printer][emu]") {
  emu::CardPrinterEmulatorConfig cfg;
  cfg.card_counter = 41;
  emu::CardPrinterEmulator e(cfg);
  CHECK(feed_command(e, "Rlr", {"p"}) == "OK\r");
  CHECK(feed_command(e, "Rse", {"b"}) == "0,22 Volts\r");
  CHECK(feed_command(e, "Rse", {"o"}) == "5,00 Volts\r");
  CHECK(feed_command(e, "Rse", {"f"}) == "5,00 Volts\r");
  CHECK(feed_command(e, "Rse", {"n"}) == "0,17 Volts\r");
  CHECK(feed_command(e, "Rrt", {"count"}) == "1000\r");
  CHECK(feed_command(e, "Rrt", {"qty"}) == "1000\r");
  CHECK(feed_command(e, "Rco", {"c"}) == "41\r");
  CHECK(feed_command(e, "Rse") == "ERR PARAM\r");  // no summary: one sensor per query
  e.faults().inject(emu::Fault::coverOpen);
  CHECK(feed_command(e, "Rse", {"o"}) == "0,00 Volts\r");
  e.faults().clear(emu::Fault::coverOpen);
  e.set_feeder_cards(0);
  CHECK(feed_command(e, "Rse", {"f"}) == "0,00 Volts\r");
  CHECK(feed_command(e, "Rse", {"n"}) == "3,92 Volts\r");
  // Settings the vendor's driver sends are taken; padding between commands is skipped.
  for (const char* setting : {"Pem", "Pmi", "Pc", "Pdt", "Mr", "Ppws"}) {
    CHECK(feed_command(e, setting, {"2"}) == "OK\r");
  }
  std::vector<std::uint8_t> padded(16, 0x00);
  const auto rfv = cp::encode_command("Rfv");
  padded.insert(padded.end(), rfv.begin(), rfv.end());
  CHECK(feed(e, padded) == "EMU-EVL-1.0\r");
}

TEST_CASE("the emulator survives random bytes from the host", "[card_printer][emu][fuzz]") {
  emu::CardPrinterEmulator e;
  std::mt19937 rng(99);
  for (int i = 0; i < 200; ++i) {
    std::vector<std::uint8_t> junk(rng() % 200);
    for (auto& b : junk) b = static_cast<std::uint8_t>(rng());
    if (i % 2 == 0 && !junk.empty()) junk[0] = cp::kEsc;
    if (i % 4 == 1) {
      const std::string cmd = i % 8 == 1 ? "\x1b"
                                           "Db\r"
                                         : "\x1b"
                                           "Dbc;k;2;\x05\x01\r";
      junk.assign(cmd.begin(), cmd.end());
    }
    (void)feed(e, junk);
  }
  // Still speaks the protocol afterwards (after a clean command boundary).
  (void)feed(e, std::vector<std::uint8_t>{cp::kCr});
  (void)feed(e, std::vector<std::uint8_t>(70, 'A'));
  CHECK(feed_command(e, "Rse", {"o"}) == "5,00 Volts\r");
}

TEST_CASE("a monochrome printer prints the k panel only", "[card_printer][emu]") {
  emu::CardPrinterEmulatorConfig ecfg;
  ecfg.ribbon = hal::RibbonType::k;
  emu::CardPrinterEmulator e(ecfg);
  e.start();
  cp::EvolisConfig cfg;
  cfg.ribbon = hal::RibbonType::k;
  cp::EvolisCardPrinter printer(std::make_unique<kiosk::drivers::EmulatedTransport>(e.link(), "cp"),
                                cfg);
  REQUIRE(printer.open().ok());
  CHECK(printer.capabilities().ribbons == std::vector<hal::RibbonType>{hal::RibbonType::k});
  std::promise<hal::Result<hal::PrintedCard>> p;
  auto f = p.get_future();
  printer.print_card(colour_job(), [&p](hal::RequestId, hal::Result<hal::PrintedCard> r) {
    p.set_value(std::move(r));
  });
  REQUIRE(f.get().ok());
  CHECK(e.ribbon_panels() == 999);
  const auto front = e.last_front();
  REQUIRE(front);
  const auto o = front->offset(100, 215);  // the black bar
  CHECK(front->pixels[o] == 0);
  const auto w = front->offset(500, 600);  // white stays white
  CHECK(front->pixels[w] == 255);
  e.stop();
}
