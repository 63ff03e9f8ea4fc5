#pragma once
// The five devices kioskhw works with: the real ones found through the device registry, or
// emulators behind the same drivers (--emulate). Emulators write their artifacts (printed
// card, receipt) into `artifact_dir`.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "hal/camera.hpp"
#include "hal/card_printer.hpp"
#include "hal/device.hpp"
#include "hal/id_reader.hpp"
#include "hal/payment_scanner.hpp"
#include "hal/receipt_printer.hpp"

namespace kiosk::tools {

struct BenchOptions {
  bool emulate = false;
  std::filesystem::path artifact_dir = "out";
};

class BenchDevices {
 public:
  virtual ~BenchDevices() = default;
  // Null when the device is absent.
  virtual hal::IdReader* id_reader() = 0;
  virtual hal::CardPrinter* card_printer() = 0;
  virtual hal::ReceiptPrinter* receipt_printer() = 0;
  virtual hal::Camera* camera() = 0;
  virtual hal::PaymentScanner* payment_scanner() = 0;
  std::vector<hal::Device*> all();

  // Why a device is absent (its accessor returned null): reason "no_device" when nothing of
  // its kind was found, "permission" when one was found but may not be opened by this user,
  // or the error its open gave. `device` is the HAL id ("card_printer").
  virtual hal::DeviceError why_absent(const std::string& device) const;

  // Emulated benches only: put a synthetic citizen's ID card on the reader (first one when
  // `id_number` is empty). Returns false on a real bench or for an unknown citizen.
  virtual bool place_synthetic_card(const std::string& id_number) = 0;
  // Where the emulated printers wrote their last card sides / receipt ("" if none).
  virtual std::vector<std::filesystem::path> last_card_images() = 0;
  virtual std::filesystem::path last_receipt_image() = 0;
};

std::unique_ptr<BenchDevices> open_emulated_bench(const BenchOptions& options);
std::unique_ptr<BenchDevices> open_real_bench(const BenchOptions& options);

}  // namespace kiosk::tools
