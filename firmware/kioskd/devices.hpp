#pragma once
// The kiosk's five devices as HAL interfaces, and (simulation only) the hand of the citizen on
// the emulators. kioskd composes one DeviceSet at start: RealDevices (real_devices.hpp: the
// kiosk's hardware through the kernel) or, in simulation mode, SimulatedDevices (emulators
// behind the real drivers), which only builds with KIOSK_SIMULATION link.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "hal/camera.hpp"
#include "hal/card_printer.hpp"
#include "hal/id_reader.hpp"
#include "hal/payment_scanner.hpp"
#include "hal/receipt_printer.hpp"

namespace kiosk::kioskd {

class DeviceSet {
 public:
  virtual ~DeviceSet() = default;
  virtual hal::IdReader& id_reader() = 0;
  virtual hal::CardPrinter& card_printer() = 0;
  virtual hal::ReceiptPrinter& receipt_printer() = 0;
  virtual hal::Camera& camera() = 0;
  virtual hal::PaymentScanner& payment_scanner() = 0;
  std::vector<hal::Device*> all() {
    return {&id_reader(), &card_printer(), &receipt_printer(), &camera(), &payment_scanner()};
  }
  // The device's status as the kiosk reports it: the driver's own, except that a closed
  // driver whose device is not plugged in reads noDevice ("not connected") rather than
  // offline, so a technician sees a cable to plug rather than a device to wake.
  virtual hal::DeviceStatus status_of(hal::Device& device) { return device.status(); }
};

// What the emulator.* local-API methods do. Errors are returned as a reason string
// ("unknown_citizen", "unknown_device", "unknown_fault", "no_card_in_mouth"); "" = done.
struct CitizenInfo {
  std::string id_number;  // synthetic, safe to show
  std::string label;      // what the entry exercises
};

class EmulatorControl {
 public:
  virtual ~EmulatorControl() = default;
  // The office registry's synthetic citizens seeded for today (label = scenario, e.g.
  // "due_for_renewal"), then the ID-reader emulator's own cards (not in the registry).
  virtual std::vector<CitizenInfo> citizens() const = 0;
  // Places the citizen's ID card on the reader AND puts the same person (the face of their
  // registry photo) in front of the camera.
  virtual std::string place_id_card(const std::string& id_number) = 0;
  virtual std::string remove_id_card() = 0;
  virtual std::string present_payment_code(const std::string& code) = 0;
  virtual std::string take_card() = 0;
  virtual std::string inject_fault(const std::string& device, const std::string& fault) = 0;
  virtual std::string clear_faults(const std::string& device) = 0;
  // The technician's hand at the card printer: the feeder filled with blank cards and a new
  // ribbon (what a long run needs besides stock.load in the journal).
  virtual std::string refill_card_printer() = 0;
  virtual std::vector<std::filesystem::path> last_card_images() const = 0;
  virtual std::filesystem::path last_receipt_image() const = 0;
  virtual std::string card_position() const = 0;  // "none" | "in_mouth" | ...
};

// A device set that is also the emulators' control: what simulation mode runs on.
class SimulatedDeviceSet : public DeviceSet, public EmulatorControl {};

}  // namespace kiosk::kioskd

namespace kiosk::rpc {
class Server;
}

namespace kiosk::kioskd {

struct SimulationConfig;

// What a build with simulation adds to kioskd (kiosk_kioskd_simulation: simulation()).
// kioskd's core names no emulator; main.cpp and the tests hand this in.
struct Simulation {
  std::function<std::unique_ptr<SimulatedDeviceSet>(const SimulationConfig&)> make_devices;
  std::function<void(rpc::Server&, EmulatorControl&)> bind_methods;
};

}  // namespace kiosk::kioskd
