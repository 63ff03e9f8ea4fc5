// The real bench: USB devices recognised by the device registry's VID/PID table, serial
// devices the technician names, and the V4L2 camera.
//
//   KIOSKHW_SERIAL="/dev/ttyACM0:9600:paymentScanner,/dev/ttyUSB0:115200:idReader"
//   KIOSKHW_CAMERA=/dev/video0   (the default)
#include <cstdlib>
#include <map>
#include <sstream>

#include "drivers/camera/camera.hpp"
#include "drivers/camera/v4l2_device_linux.hpp"
#include "drivers/card_printer/card_printer.hpp"
#include "drivers/id_reader/id_reader.hpp"
#include "drivers/id_reader/wlt_decoder_unavailable.hpp"
#include "drivers/payment_scanner/payment_scanner.hpp"
#include "drivers/receipt_printer/receipt_printer.hpp"
#include "drivers/registry/device_registry.hpp"
#include "tools/kioskhw/bench_devices.hpp"

namespace kiosk::tools {
namespace {

std::vector<drivers::SerialPortConfig> serial_ports_from_env() {
  std::vector<drivers::SerialPortConfig> ports;
  const char* env = std::getenv("KIOSKHW_SERIAL");
  if (env == nullptr) return ports;
  std::stringstream list(env);
  std::string entry;
  while (std::getline(list, entry, ',')) {
    std::stringstream fields(entry);
    std::string path, baud, kind;
    std::getline(fields, path, ':');
    std::getline(fields, baud, ':');
    std::getline(fields, kind, ':');
    auto k = drivers::device_kind_from_string(kind);
    if (path.empty() || !k) continue;
    ports.push_back({path, baud.empty() ? 115200 : std::atoi(baud.c_str()), *k});
  }
  return ports;
}

class RealBench final : public BenchDevices {
 public:
  RealBench() {
    auto usb = drivers::UsbContext::create();
    registry_ = std::make_unique<drivers::DeviceRegistry>(usb.ok() ? usb.value() : nullptr);
    for (auto& port : serial_ports_from_env()) registry_->add_serial_port(port);
    for (const auto& candidate : registry_->discover()) attach(candidate);

    const char* video = std::getenv("KIOSKHW_CAMERA");
    auto cam = std::make_unique<drivers::V4l2Camera>(
        drivers::make_linux_v4l2_device(video ? video : "/dev/video0"));
    if (auto opened = cam->open(); opened.ok())
      camera_ = std::move(cam);
    else if (opened.error().reason != "no_device" && opened.error().reason != "disconnected")
      failures_["camera"] = opened.error();
  }

  hal::DeviceError why_absent(const std::string& device) const override {
    if (auto it = failures_.find(device); it != failures_.end()) return it->second;
    return BenchDevices::why_absent(device);
  }

  ~RealBench() override {
    for (hal::Device* d : all()) d->close();
  }

  hal::IdReader* id_reader() override { return id_reader_.get(); }
  hal::CardPrinter* card_printer() override { return card_printer_.get(); }
  hal::ReceiptPrinter* receipt_printer() override { return receipt_printer_.get(); }
  hal::Camera* camera() override { return camera_.get(); }
  hal::PaymentScanner* payment_scanner() override { return scanner_.get(); }
  bool place_synthetic_card(const std::string&) override { return false; }
  std::vector<std::filesystem::path> last_card_images() override { return {}; }
  std::filesystem::path last_receipt_image() override { return {}; }

 private:
  // The first device of each kind is used; a device that fails to open is left out.
  void attach(const drivers::DeviceCandidate& candidate) {
    auto transport = candidate.open_transport();
    if (!transport.ok()) {
      failures_.emplace(hal_id(candidate.kind), transport.error());
      return;
    }
    auto t = std::move(transport).value();
    switch (candidate.kind) {
      case drivers::DeviceKind::idReader:
        if (!id_reader_) {
          id_reader_ = std::make_unique<drivers::SamIdReader>(
              std::move(t), std::make_shared<drivers::WltDecoderUnavailable>());
          keep_if_opened(id_reader_, candidate.kind);
        }
        break;
      case drivers::DeviceKind::cardPrinter:
        if (!card_printer_) {
          card_printer_ = std::make_unique<drivers::card_printer::EvolisCardPrinter>(std::move(t));
          keep_if_opened(card_printer_, candidate.kind);
        }
        break;
      case drivers::DeviceKind::receiptPrinter:
        if (!receipt_printer_) {
          receipt_printer_ = std::make_unique<drivers::EscPosReceiptPrinter>(std::move(t));
          keep_if_opened(receipt_printer_, candidate.kind);
        }
        break;
      case drivers::DeviceKind::paymentScanner:
        if (!scanner_) {
          scanner_ = std::make_unique<drivers::SerialPaymentScanner>(std::move(t));
          keep_if_opened(scanner_, candidate.kind);
        }
        break;
      case drivers::DeviceKind::camera:
        break;  // cameras are V4L2 nodes, not byte transports
    }
  }

  static std::string hal_id(drivers::DeviceKind kind) {
    switch (kind) {
      case drivers::DeviceKind::idReader:
        return "id_reader";
      case drivers::DeviceKind::cardPrinter:
        return "card_printer";
      case drivers::DeviceKind::receiptPrinter:
        return "receipt_printer";
      case drivers::DeviceKind::camera:
        return "camera";
      case drivers::DeviceKind::paymentScanner:
        break;
    }
    return "payment_scanner";
  }

  // Keeps a driver whose device opened; otherwise remembers why (the first failure of a kind).
  template <typename D>
  void keep_if_opened(std::unique_ptr<D>& driver, drivers::DeviceKind kind) {
    if (auto opened = driver->open(); !opened.ok()) {
      failures_.emplace(hal_id(kind), opened.error());
      driver.reset();
    }
  }

  std::map<std::string, hal::DeviceError> failures_;
  std::unique_ptr<drivers::DeviceRegistry> registry_;
  std::unique_ptr<hal::IdReader> id_reader_;
  std::unique_ptr<hal::CardPrinter> card_printer_;
  std::unique_ptr<hal::ReceiptPrinter> receipt_printer_;
  std::unique_ptr<hal::Camera> camera_;
  std::unique_ptr<hal::PaymentScanner> scanner_;
};

}  // namespace

std::unique_ptr<BenchDevices> open_real_bench(const BenchOptions&) {
  return std::make_unique<RealBench>();
}

}  // namespace kiosk::tools
