#include "firmware/kioskd/simulated_devices.hpp"

#include "drivers/camera/camera.hpp"
#include "drivers/card_printer/card_printer.hpp"
#include "drivers/emu/camera/camera_emulator.hpp"
#include "drivers/emu/card_printer/card_printer_emulator.hpp"
#include "drivers/emu/common/time_scale.hpp"
#include "drivers/emu/id_reader/id_reader_emulator.hpp"
#include "drivers/emu/id_reader/synthetic_citizens.hpp"
#include "drivers/emu/payment_scanner/payment_scanner_emulator.hpp"
#include "drivers/emu/receipt_printer/receipt_printer_emulator.hpp"
#include "drivers/id_reader/id_reader.hpp"
#include "drivers/id_reader/wlt_decoder_unavailable.hpp"
#include "drivers/payment_scanner/payment_scanner.hpp"
#include "drivers/receipt_printer/receipt_printer.hpp"
#include "drivers/transport/emulated_link.hpp"
#include "protocol/synthetic/citizens.hpp"
#include "protocol/synthetic/face.hpp"

namespace kiosk::kioskd {
namespace {

std::unique_ptr<drivers::Transport> wire(emu::ByteEmulator& e) {
  e.start();
  return std::make_unique<drivers::EmulatedTransport>(e.link(), e.name());
}

emu::CardPrinterEmulatorConfig printer_config(const SimulationOptions& o) {
  emu::CardPrinterEmulatorConfig c;
  c.feeder_cards = o.feeder_cards;
  c.card_counter = o.printer_counter;
  return c;
}

// The citizen's registry face as the camera sees it: variation 1..3 moves with the frames.
emu::CameraEmulator::SceneRenderer face_of(const std::string& id_number) {
  const auto traits = protocol::synthetic::traits_from_seed(id_number);
  return [traits](int width, int height, std::uint32_t frame) {
    auto img = protocol::synthetic::render_synthetic_face(traits, width, height,
                                                          1 + static_cast<int>(frame / 15 % 3));
    hal::RgbImage out;
    out.width = img.width;
    out.height = img.height;
    out.pixels = std::move(img.pixels);
    return out;
  };
}

// The development office's synthetic citizens as seeded for today (Asia/Shanghai, as
// kiosk-central seeds it): the simulator lays these citizens' ID cards on the reader, so that
// eligibility, face match and issuance at central find them.
std::vector<protocol::synthetic::Citizen> registry_today() {
  using namespace std::chrono;
  const auto now = floor<days>(system_clock::now() + hours(8));
  return protocol::synthetic::registry_citizens(year_month_day(now));
}

// An ID card for a registry citizen: the emulator's first resident card (WLT photo blob etc.)
// with the registry holder's fields.
std::optional<emu::SyntheticCitizen> registry_card(const std::string& id_number) {
  for (const auto& c : registry_today()) {
    const auto& h = c.holder;
    if (h.id_number != id_number) continue;
    emu::SyntheticCitizen out = emu::synthetic_citizens().front();
    out.label = c.scenario;
    out.appended_address.clear();
    auto& card = out.card;
    card.id_number = h.id_number;
    card.name = h.name;
    card.sex = h.sex == protocol::Sex::male ? hal::Sex::male : hal::Sex::female;
    card.birth_date = protocol::format_date(h.birth_date);
    card.appended_address.clear();
    if (h.nationality != "CHN") {
      card.type = hal::IdCardType::foreignPermanent;
      card.nationality = h.nationality;
      card.address.clear();
    } else {
      card.address = h.address;
    }
    return out;
  }
  return std::nullopt;
}

}  // namespace

struct SimulatedDevices::Impl {
  explicit Impl(const SimulationOptions& o) : card_emu(printer_config(o)) {
    emu::set_time_scale(o.time_scale);
    card_emu.set_output_dir(o.artifact_dir.string());
    receipt_emu.set_output_dir(o.artifact_dir);
    id_reader = std::make_unique<drivers::SamIdReader>(
        wire(id_emu), std::make_shared<drivers::WltDecoderUnavailable>());
    card_printer = std::make_unique<drivers::card_printer::EvolisCardPrinter>(wire(card_emu));
    receipt_printer = std::make_unique<drivers::EscPosReceiptPrinter>(wire(receipt_emu));
    camera = std::make_unique<drivers::V4l2Camera>(camera_emu->make_device());
    scanner = std::make_unique<drivers::SerialPaymentScanner>(wire(scanner_emu));
  }

  emu::FaultInjector* faults(const std::string& device) {
    if (device == "id_reader") return &id_emu.faults();
    if (device == "card_printer") return &card_emu.faults();
    if (device == "receipt_printer") return &receipt_emu.faults();
    if (device == "payment_terminal" || device == "payment_scanner") return &scanner_emu.faults();
    if (device == "camera") return &camera_emu->faults();
    return nullptr;
  }

  emu::IdReaderEmulator id_emu;
  emu::CardPrinterEmulator card_emu;
  emu::ReceiptPrinterEmulator receipt_emu;
  std::shared_ptr<emu::CameraEmulator> camera_emu = emu::CameraEmulator::create();
  emu::PaymentScannerEmulator scanner_emu;

  std::unique_ptr<hal::IdReader> id_reader;
  std::unique_ptr<hal::CardPrinter> card_printer;
  std::unique_ptr<hal::ReceiptPrinter> receipt_printer;
  std::unique_ptr<hal::Camera> camera;
  std::unique_ptr<hal::PaymentTerminal> scanner;
};

SimulatedDevices::SimulatedDevices(const SimulationOptions& options)
    : impl_(std::make_unique<Impl>(options)) {}

SimulatedDevices::~SimulatedDevices() {
  // Drivers first: they may still be talking to the emulators.
  for (hal::Device* d : all()) d->close();
  impl_->id_reader.reset();
  impl_->card_printer.reset();
  impl_->receipt_printer.reset();
  impl_->camera.reset();
  impl_->scanner.reset();
  impl_->id_emu.stop();
  impl_->card_emu.stop();
  impl_->receipt_emu.stop();
  impl_->scanner_emu.stop();
}

hal::IdReader& SimulatedDevices::id_reader() {
  return *impl_->id_reader;
}
hal::CardPrinter& SimulatedDevices::card_printer() {
  return *impl_->card_printer;
}
hal::ReceiptPrinter& SimulatedDevices::receipt_printer() {
  return *impl_->receipt_printer;
}
hal::Camera& SimulatedDevices::camera() {
  return *impl_->camera;
}
hal::PaymentTerminal& SimulatedDevices::payment_terminal() {
  return *impl_->scanner;
}

std::vector<CitizenInfo> SimulatedDevices::citizens() const {
  std::vector<CitizenInfo> out;
  for (const auto& c : registry_today()) out.push_back({c.holder.id_number, c.scenario});
  for (const auto& c : emu::synthetic_citizens()) out.push_back({c.card.id_number, c.label});
  return out;
}

std::string SimulatedDevices::place_id_card(const std::string& id_number) {
  std::optional<emu::SyntheticCitizen> from_registry;
  const emu::SyntheticCitizen* citizen = nullptr;
  if (!id_number.empty()) from_registry = registry_card(id_number);
  if (from_registry)
    citizen = &*from_registry;
  else
    citizen = id_number.empty() ? &emu::synthetic_citizens().front() : emu::find_citizen(id_number);
  if (citizen == nullptr) return "unknown_citizen";
  impl_->camera_emu->set_scene_renderer(face_of(citizen->card.id_number));
  impl_->camera_emu->set_scene(emu::CameraScene::face);
  impl_->id_emu.place_card(*citizen);
  return "";
}

std::string SimulatedDevices::remove_id_card() {
  impl_->id_emu.remove_card();
  return "";
}

std::string SimulatedDevices::present_payment_code(const std::string& code) {
  if (code.empty() || code.size() > 128) return "invalid_code";
  impl_->scanner_emu.present_code(code);
  return "";
}

std::string SimulatedDevices::take_card() {
  if (impl_->card_emu.card_position() != "in_mouth") return "no_card_in_mouth";
  impl_->card_emu.take_card();
  // The citizen walks away with the card: nobody in front of the camera.
  impl_->camera_emu->set_scene_renderer({});
  return "";
}

std::string SimulatedDevices::inject_fault(const std::string& device, const std::string& fault) {
  auto* f = impl_->faults(device);
  if (f == nullptr) return "unknown_device";
  const auto parsed = emu::fault_from_string(fault);
  if (!parsed) return "unknown_fault";
  f->inject(*parsed);
  return "";
}

std::string SimulatedDevices::clear_faults(const std::string& device) {
  auto* f = impl_->faults(device);
  if (f == nullptr) return "unknown_device";
  f->clear_all();
  return "";
}

std::vector<std::filesystem::path> SimulatedDevices::last_card_images() const {
  std::vector<std::filesystem::path> out;
  for (const auto& p : impl_->card_emu.last_card_paths()) out.emplace_back(p);
  return out;
}

std::filesystem::path SimulatedDevices::last_receipt_image() const {
  return impl_->receipt_emu.last_receipt_path();
}

std::string SimulatedDevices::card_position() const {
  return impl_->card_emu.card_position();
}

}  // namespace kiosk::kioskd
