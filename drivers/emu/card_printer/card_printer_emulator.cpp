// CardPrinterEmulator: executes Evolis commands with a printer's timing, supplies and faults.
#include "drivers/emu/card_printer/card_printer_emulator.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "drivers/emu/common/png_writer.hpp"
#include "drivers/emu/common/time_scale.hpp"

namespace kiosk::drivers::emu {
namespace {

namespace cp = drivers::card_printer;
using std::chrono::milliseconds;

constexpr milliseconds kLoad{1500};
constexpr milliseconds kDownload{100};  // a panel into the printer's memory
constexpr milliseconds kColourPanel{2500};
constexpr milliseconds kBlackPanel{2000};
constexpr milliseconds kOverlay{1000};
constexpr milliseconds kTurn{1000};
constexpr milliseconds kEject{1000};

milliseconds panel_time(cp::PanelKind kind) {
  switch (kind) {
    case cp::PanelKind::k:
      return kBlackPanel;
    case cp::PanelKind::o:
      return kOverlay;
    default:
      return kColourPanel;
  }
}

}  // namespace

hal::RgbImage CardPrinterEmulator::SidePanels::image() const {
  auto ptr = [](const std::optional<cp::Panel>& p) { return p ? &*p : nullptr; };
  return cp::composite(ptr(y), ptr(m), ptr(c), ptr(k));
}

CardPrinterEmulator::CardPrinterEmulator(CardPrinterEmulatorConfig config)
    : ByteEmulator("card_printer"),
      config_(std::move(config)),
      ribbon_panels_(config_.ribbon_panels),
      feeder_cards_(config_.feeder_cards),
      card_counter_(config_.card_counter) {}

CardPrinterEmulator::~CardPrinterEmulator() {
  stop();
}

void CardPrinterEmulator::unplug() {
  link_dropped_ = true;
  ByteEmulator::unplug();
}

void CardPrinterEmulator::replug() {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (link()->host_to_device.size() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(1));
  }
  // The emulator thread may hold a chunk it popped before the disconnect; its back-off on a
  // closed link is 10 ms, so after this it has seen the link down and dropped that chunk.
  std::this_thread::sleep_for(milliseconds(50));
  ByteEmulator::replug();
}

void CardPrinterEmulator::on_host_bytes(std::span<const std::uint8_t> bytes) {
  if (!link()->plugged()) {
    link_dropped_ = true;  // leftovers of a dead link
    return;
  }
  if (link_dropped_.exchange(false)) rx_.clear();
  rx_.insert(rx_.end(), bytes.begin(), bytes.end());
  while (!rx_.empty() && !stopping()) {
    if (link_dropped_) {
      rx_.clear();  // the rest was sent before the disconnect
      return;
    }
    auto parsed = cp::parse_command(rx_);
    if (!parsed.ok()) {
      // Resynchronise on the next ESC, as the printer's parser would, and say why.
      auto next = std::find(rx_.begin() + 1, rx_.end(), cp::kEsc);
      rx_.erase(rx_.begin(), next);
      fail(parsed.error().reason == "bad_command" ? '1' : '2');
      continue;
    }
    if (!parsed.value().command) {  // padding, then wait for the rest
      rx_.erase(rx_.begin(), rx_.begin() + static_cast<std::ptrdiff_t>(parsed.value().consumed));
      return;
    }
    rx_.erase(rx_.begin(), rx_.begin() + static_cast<std::ptrdiff_t>(parsed.value().consumed));
    execute(*parsed.value().command);
  }
}

// A command whose link dropped while it ran is not answered after a replug: the host that
// sent it is gone.
void CardPrinterEmulator::answer(std::string_view text) {
  if (link_dropped_ || !reply(cp::encode_reply(text))) link_dropped_ = true;
}

void CardPrinterEmulator::fail(char code) {
  if (link_dropped_ || !reply(cp::encode_error_reply(code))) link_dropped_ = true;
}

void CardPrinterEmulator::execute(cp::Command& cmd) {
  const std::string& name = cmd.name;
  const std::string param = cmd.params.empty() ? std::string() : cmd.params[0];
  if (name == "Rfv") return answer(config_.firmware);
  if (name == "Rsn") return answer(config_.serial_number);
  if (name == "Rlr") {
    std::lock_guard lock(m_);
    if (param.empty()) {
      const std::string r = last_result_;
      return answer(r);
    }
    if (param == "h") return answer("NO CARD");  // the reject hopper is never full here
    if (param != "p") return fail('2');
    switch (card_) {
      case CardAt::held:
        return answer("CARD");
      case CardAt::jammed:
        return answer("ERR CARD");
      default:
        return answer("OK");
    }
  }
  if (name == "Rse") {
    const bool cover_open = faults().active(Fault::coverOpen);
    const bool feeder_fault = faults().active(Fault::feederEmpty);
    std::lock_guard lock(m_);
    if (param == "b") return answer(cp::format_volts(card_ == CardAt::in_mouth ? 4.95 : 0.22));
    if (param == "o") return answer(cp::format_volts(cover_open ? 0.0 : 5.0));
    if (param == "f")
      return answer(cp::format_volts(feeder_cards_ == 0 || feeder_fault ? 0.0 : 5.0));
    if (param == "n")
      return answer(cp::format_volts(feeder_cards_ < config_.feeder_low_cards ? 3.92 : 0.17));
    return fail('2');  // Rse reads one sensor; there is no summary
  }
  if (name == "Rrt") {
    const bool ribbon_fault = faults().active(Fault::ribbonOut);
    std::lock_guard lock(m_);
    if (param == "count") return answer(std::to_string(ribbon_fault ? 0 : ribbon_panels_));
    if (param == "qty") return answer(std::to_string(config_.ribbon_panels));
    return fail('2');
  }
  if (name == "Rco") {
    std::lock_guard lock(m_);
    if (param == "c" || param == "p") return answer(std::to_string(card_counter_));
    return fail('2');
  }
  if (name == "Pr") {
    if (cmd.params.size() != 1) return fail('2');
    const std::string want = config_.ribbon == hal::RibbonType::k ? "k" : "ymcko";
    if (cmd.params[0] != "ymcko" && cmd.params[0] != "k") return fail('2');
    if (cmd.params[0] != want) return fail('R');
    return answer("OK");
  }
  // Settings (Pem, Pmi, Pc, Pdt, Ppws, Mr, ...) are taken and do not change what we emulate.
  if (name.size() >= 2 && (name[0] == 'P' || name[0] == 'M')) return answer("OK");
  const bool sequence_cmd = name == "Ss" || name == "Sr" || name == "Sv" || name == "Se" ||
                            name == "Ser" || name == "Db" || name == "Dbc";
  if (!sequence_cmd) return fail('1');
  if (faults().active(Fault::coverOpen)) return fail('C');

  if (name == "Ss") {
    std::lock_guard lock(m_);
    if (card_ == CardAt::held || card_ == CardAt::jammed) return fail('T');
    in_sequence_ = true;
    print_time_ = milliseconds{0};
    side_ = Side::none;
    front_ = {};
    back_ = {};
    return answer("OK");
  }
  if (name == "Sr") {
    {
      std::lock_guard lock(m_);
      if (!in_sequence_ || side_ != Side::none) return fail('1');
      if (feeder_cards_ == 0 || faults().active(Fault::feederEmpty)) {
        in_sequence_ = false;
        last_result_ = "NO CARD";
        return fail('F');
      }
    }
    if (!device_delay(kLoad, stop_flag())) return;
    std::lock_guard lock(m_);
    --feeder_cards_;
    card_ = CardAt::held;  // a card left in the mouth counts as taken
    side_ = Side::front;
    return answer("OK");
  }
  if (name == "Db" || name == "Dbc") {
    const auto kind = cmd.panel->kind;
    {
      std::lock_guard lock(m_);
      if (!in_sequence_ || card_ != CardAt::held || side_ == Side::none) return fail('1');
    }
    if (faults().active(Fault::jam)) {
      (void)device_delay(panel_time(kind) / 2, stop_flag());
      std::lock_guard lock(m_);
      card_ = CardAt::jammed;
      in_sequence_ = false;
      last_result_ = "ERR CARD";
      return fail('T');
    }
    {
      std::lock_guard lock(m_);
      if (ribbon_panels_ == 0 || faults().active(Fault::ribbonOut)) {
        ribbon_panels_ = 0;
        in_sequence_ = false;
        last_result_ = "ERR CARD";
        return fail('R');
      }
    }
    if (!device_delay(kDownload, stop_flag())) return;
    std::lock_guard lock(m_);
    --ribbon_panels_;
    print_time_ += panel_time(kind);  // the panels print at Se
    SidePanels& s = side_ == Side::back ? back_ : front_;
    s.used = true;
    switch (kind) {
      case cp::PanelKind::y:
        s.y = std::move(*cmd.panel);
        break;
      case cp::PanelKind::m:
        s.m = std::move(*cmd.panel);
        break;
      case cp::PanelKind::c:
        s.c = std::move(*cmd.panel);
        break;
      case cp::PanelKind::k:
        s.k = std::move(*cmd.panel);
        break;
      case cp::PanelKind::o:
        break;  // varnish: not visible in the picture
    }
    return answer("OK");
  }
  if (name == "Sv") {
    {
      std::lock_guard lock(m_);
      if (!in_sequence_ || card_ != CardAt::held || side_ != Side::front) return fail('1');
    }
    if (!device_delay(kTurn, stop_flag())) return;
    std::lock_guard lock(m_);
    side_ = Side::back;
    back_.used = true;
    return answer("OK");
  }
  if (name == "Se") {
    {
      std::lock_guard lock(m_);
      if (!in_sequence_ || card_ != CardAt::held) return fail('1');
    }
    milliseconds printing{0};
    {
      std::lock_guard lock(m_);
      printing = print_time_;
    }
    if (!device_delay(printing + kEject, stop_flag())) return;
    finish_card();
    return answer("OK");
  }
  // Ser: card to the reject bin.
  {
    std::lock_guard lock(m_);
    if (card_ == CardAt::none) return answer("OK");
    if (card_ == CardAt::jammed && faults().active(Fault::jam)) return fail('T');
  }
  if (!device_delay(kEject, stop_flag())) return;
  std::lock_guard lock(m_);
  card_ = CardAt::none;
  in_sequence_ = false;
  side_ = Side::none;
  ++rejected_;
  return answer("OK");
}

void CardPrinterEmulator::finish_card() {
  std::lock_guard lock(m_);
  ++card_counter_;
  card_ = CardAt::in_mouth;
  in_sequence_ = false;
  last_result_ = "OK";
  last_front_ = front_.image();
  last_back_.reset();
  if (back_.used) last_back_ = back_.image();
  side_ = Side::none;
  last_paths_.clear();
  if (output_dir_.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(output_dir_, ec);
  const std::string base = output_dir_ + "/card-" + std::to_string(card_counter_);
  if (write_png(*last_front_, base + "-front.png").ok()) last_paths_.push_back(base + "-front.png");
  if (last_back_ && write_png(*last_back_, base + "-back.png").ok()) {
    last_paths_.push_back(base + "-back.png");
  }
}

void CardPrinterEmulator::set_output_dir(std::string path) {
  std::lock_guard lock(m_);
  output_dir_ = std::move(path);
}

std::vector<std::string> CardPrinterEmulator::last_card_paths() const {
  std::lock_guard lock(m_);
  return last_paths_;
}

std::optional<hal::RgbImage> CardPrinterEmulator::last_front() const {
  std::lock_guard lock(m_);
  return last_front_;
}

std::optional<hal::RgbImage> CardPrinterEmulator::last_back() const {
  std::lock_guard lock(m_);
  return last_back_;
}

std::uint64_t CardPrinterEmulator::ribbon_panels() const {
  std::lock_guard lock(m_);
  return ribbon_panels_;
}

std::uint64_t CardPrinterEmulator::feeder_cards() const {
  std::lock_guard lock(m_);
  return feeder_cards_;
}

std::uint64_t CardPrinterEmulator::card_counter() const {
  std::lock_guard lock(m_);
  return card_counter_;
}

std::uint64_t CardPrinterEmulator::rejected_cards() const {
  std::lock_guard lock(m_);
  return rejected_;
}

void CardPrinterEmulator::set_ribbon_panels(std::uint64_t n) {
  std::lock_guard lock(m_);
  ribbon_panels_ = n;
}

void CardPrinterEmulator::set_feeder_cards(std::uint64_t n) {
  std::lock_guard lock(m_);
  feeder_cards_ = n;
}

std::string CardPrinterEmulator::card_position() const {
  std::lock_guard lock(m_);
  switch (card_) {
    case CardAt::none:
      return "none";
    case CardAt::held:
      return "held";
    case CardAt::in_mouth:
      return "in_mouth";
    case CardAt::jammed:
      return "jammed";
  }
  return "none";
}

void CardPrinterEmulator::take_card() {
  std::lock_guard lock(m_);
  if (card_ == CardAt::in_mouth) card_ = CardAt::none;
}

}  // namespace kiosk::drivers::emu
