// --emulate: the emulated rig (drivers/emu/rig), every device an in-process emulator behind
// its real driver.
#include <memory>

#include "drivers/emu/rig/emulated_rig.hpp"
#include "tools/kioskhw/bench_devices.hpp"

namespace kiosk::tools {
namespace {

class EmulatedBench final : public BenchDevices {
 public:
  explicit EmulatedBench(const BenchOptions& options) : rig_(rig_options(options)) {}

  hal::IdReader* id_reader() override { return &rig_.id_reader(); }
  hal::CardPrinter* card_printer() override { return &rig_.card_printer(); }
  hal::ReceiptPrinter* receipt_printer() override { return &rig_.receipt_printer(); }
  hal::Camera* camera() override { return &rig_.camera(); }
  hal::PaymentScanner* payment_scanner() override { return &rig_.payment_scanner(); }

  bool place_synthetic_card(const std::string& id_number) override {
    return rig_.place_synthetic_card(id_number) != nullptr;
  }
  std::vector<std::filesystem::path> last_card_images() override { return rig_.last_card_images(); }
  std::filesystem::path last_receipt_image() override { return rig_.last_receipt_image(); }

 private:
  static drivers::emu::RigOptions rig_options(const BenchOptions& options) {
    drivers::emu::RigOptions r;
    r.artifact_dir = options.artifact_dir;
    return r;  // opened at once: a failed open shows in status / selftest
  }

  drivers::emu::EmulatedRig rig_;
};

}  // namespace

std::unique_ptr<BenchDevices> open_emulated_bench(const BenchOptions& options) {
  return std::make_unique<EmulatedBench>(options);
}

}  // namespace kiosk::tools
