#include "firmware/kioskd/real_devices.hpp"

#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>

#include "drivers/camera/camera.hpp"
#include "drivers/camera/v4l2_device_linux.hpp"
#include "drivers/card_printer/card_printer.hpp"
#include "drivers/id_reader/id_reader.hpp"
#include "drivers/id_reader/wlt_library.hpp"
#include "drivers/payment_scanner/evdev_keyboard_scanner.hpp"
#include "drivers/payment_scanner/payment_scanner.hpp"
#include "drivers/receipt_printer/receipt_printer.hpp"
#include "drivers/transport/serial_transport_termios.hpp"
#include "drivers/transport/usb_context.hpp"
#include "drivers/transport/usb_transport_libusb.hpp"
#include "firmware/kioskd/kioskd_log.hpp"

namespace kiosk::kioskd {
namespace {

drivers::UsbMatch usb_match(const DeviceConfig& d) {
  drivers::UsbMatch m;
  m.vid = d.usb->vid;
  m.pid = d.usb->pid;
  m.bus = d.usb_bus;
  m.port_path = d.usb_port;
  return m;
}

bool matches(const DeviceConfig& d, const drivers::UsbDeviceAddress& a) {
  if (!d.usb || a.vid != d.usb->vid || a.pid != d.usb->pid) return false;
  if (d.usb_bus && a.bus != *d.usb_bus) return false;
  return d.usb_port.empty() || a.port_path == d.usb_port;
}

std::string usb_id(std::uint16_t vid, std::uint16_t pid) {
  char text[10];
  std::snprintf(text, sizeof text, "%04x:%04x", vid, pid);
  return text;
}

// A node that exists now; a by-id symlink whose target is gone does not count.
bool node_exists(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

}  // namespace

struct RealDevices::Impl {
  DevicesConfig config;
  std::shared_ptr<drivers::UsbContext> usb;
  drivers::UsbContext::SubscriptionId usb_subscription = 0;
  std::unique_ptr<hal::IdReader> id_reader;
  std::unique_ptr<hal::CardPrinter> card_printer;
  std::unique_ptr<hal::ReceiptPrinter> receipt_printer;
  std::unique_ptr<hal::Camera> camera;
  std::unique_ptr<hal::PaymentScanner> scanner;
  std::unique_ptr<DeviceSupervisor> supervisor;

  // A configured USB device that is missing while another product of its vendor is on the bus
  // (an Evolis of another model, a different Epson): the technician is told which one, since
  // "not connected" would send them looking for a cable. Keyed by device id; guarded.
  mutable std::mutex other_model_m;
  std::map<std::string, std::string, std::less<>> other_model;  // id -> "0f49:0002"

  std::function<bool()> usb_present(const DeviceConfig* d, std::string id) {
    auto ctx = usb;
    return [this, ctx, d, id = std::move(id)] {
      std::string other;
      for (const auto& a : ctx->enumerate()) {
        if (matches(*d, a)) {
          note_other_model(id, {});
          return true;
        }
        // Same vendor, another product (the same product on another port is not a model).
        if (d->usb && a.vid == d->usb->vid && a.pid != d->usb->pid && other.empty())
          other = usb_id(a.vid, a.pid);
      }
      note_other_model(id, other);
      return false;
    };
  }

  void note_other_model(const std::string& id, const std::string& found) {
    std::lock_guard lock(other_model_m);
    auto& seen = other_model[id];
    if (seen == found) return;
    seen = found;
    if (!found.empty())
      kioskd_log()->warn("event=device_different_model device={} found={}", id, found);
  }

  std::string other_model_of(std::string_view id) const {
    std::lock_guard lock(other_model_m);
    auto it = other_model.find(id);
    return it == other_model.end() ? std::string() : it->second;
  }

  // Which configured USB device an address is, or empty.
  std::string usb_device_id(const drivers::UsbDeviceAddress& a) const {
    if (matches(config.id_reader, a)) return "id_reader";
    if (matches(config.card_printer, a)) return "card_printer";
    if (matches(config.receipt_printer, a)) return "receipt_printer";
    return {};
  }
};

RealDevices::RealDevices() : impl_(std::make_unique<Impl>()) {}

std::unique_ptr<RealDevices> RealDevices::create(const DevicesConfig& config, std::string* error) {
  auto usb = drivers::UsbContext::create();
  if (!usb) {
    if (error) *error = "USB: " + usb.error().message;
    return nullptr;
  }
  std::unique_ptr<RealDevices> out(new RealDevices());
  Impl& d = *out->impl_;
  d.config = config;
  d.usb = std::move(usb).value();
  const DevicesConfig& c = d.config;

  std::string wlt_error;
  auto wlt = drivers::make_wlt_decoder(c.id_reader.wlt_library.string(), &wlt_error);
  if (!wlt_error.empty())
    // The reader still reads the card's text; only the chip's photo is not decoded.
    kioskd_log()->warn("event=wlt_library_unavailable reason={}", wlt_error);
  d.id_reader = std::make_unique<drivers::SamIdReader>(
      std::make_unique<drivers::LibusbTransport>(d.usb, usb_match(c.id_reader)), std::move(wlt));
  d.card_printer = std::make_unique<drivers::card_printer::EvolisCardPrinter>(
      std::make_unique<drivers::LibusbTransport>(d.usb, usb_match(c.card_printer)));
  d.receipt_printer = std::make_unique<drivers::EscPosReceiptPrinter>(
      std::make_unique<drivers::LibusbTransport>(d.usb, usb_match(c.receipt_printer)));
  drivers::V4l2CameraSettings camera;
  camera.power_line_hz = c.camera.power_line_hz.value_or(camera.power_line_hz);
  camera.format = c.camera.format;
  camera.frame_rate = c.camera.frame_rate.value_or(camera.frame_rate);
  camera.lock_exposure = c.camera.lock_exposure.value_or(camera.lock_exposure);
  d.camera = std::make_unique<drivers::V4l2Camera>(
      drivers::make_linux_v4l2_device(c.camera.v4l2.string()), "camera", camera);
  const DeviceConfig& s = c.payment_scanner;
  if (!s.evdev.empty())
    d.scanner = std::make_unique<drivers::EvdevPaymentScanner>(s.evdev.string());
  else
    d.scanner =
        std::make_unique<drivers::SerialPaymentScanner>(std::make_unique<drivers::SerialTransport>(
            s.serial.string(), s.baud,
            s.rts_cts ? drivers::FlowControl::rtsCts : drivers::FlowControl::none));

  return out;
}

RealDevices::~RealDevices() {
  stop();
  for (hal::Device* d : all()) d->close();
}

void RealDevices::start(std::function<void()> changed) {
  Impl& d = *impl_;
  if (d.supervisor) return;
  const DevicesConfig& c = d.config;
  const std::filesystem::path camera_node = c.camera.v4l2;
  const std::filesystem::path scanner_node = c.payment_scanner.configured_node();
  d.supervisor = std::make_unique<DeviceSupervisor>(
      std::vector<SupervisedDevice>{
          {d.id_reader.get(), "id_reader", d.usb_present(&c.id_reader, "id_reader")},
          {d.card_printer.get(), "card_printer", d.usb_present(&c.card_printer, "card_printer")},
          {d.receipt_printer.get(), "receipt_printer",
           d.usb_present(&c.receipt_printer, "receipt_printer")},
          {d.camera.get(), "camera", [camera_node] { return node_exists(camera_node); }},
          {d.scanner.get(), "payment_scanner",
           [scanner_node] { return node_exists(scanner_node); }},
      },
      c.rescan_interval, std::move(changed));
  DeviceSupervisor* sup = d.supervisor.get();
  Impl* impl = &d;
  d.usb_subscription =
      d.usb->subscribe([sup, impl](drivers::UsbChange change, const drivers::UsbDeviceAddress& a) {
        const std::string id = impl->usb_device_id(a);
        if (id.empty()) return;
        sup->wake(change == drivers::UsbChange::removed ? id : std::string());
      });
  d.supervisor->start();
}

void RealDevices::stop() {
  Impl& d = *impl_;
  if (d.usb_subscription != 0) {
    d.usb->unsubscribe(d.usb_subscription);
    d.usb_subscription = 0;
  }
  if (d.supervisor) d.supervisor->stop();
  d.supervisor.reset();
}

const DeviceSupervisor* RealDevices::supervisor() const {
  return impl_->supervisor.get();
}

hal::DeviceStatus RealDevices::status_of(hal::Device& device) {
  auto st = device.status();
  const DeviceSupervisor* sup = impl_->supervisor.get();
  // A driver that never saw its device says offline or noDevice; either way the supervisor
  // knows why.
  const bool down = st.state == hal::DeviceState::offline || st.state == hal::DeviceState::noDevice;
  if (sup != nullptr && down && !sup->present(device.info().id)) {
    st.state = hal::DeviceState::noDevice;
    if (const auto other = impl_->other_model_of(device.info().id); !other.empty()) {
      st.detail["connection"] = "different_model";
      st.detail["found"] = other;
      st.message = "a different model is connected (" + other + ")";
    } else {
      st.detail["connection"] = "not_connected";
      st.message = "not connected";
    }
  }
  return st;
}

hal::IdReader& RealDevices::id_reader() {
  return *impl_->id_reader;
}
hal::CardPrinter& RealDevices::card_printer() {
  return *impl_->card_printer;
}
hal::ReceiptPrinter& RealDevices::receipt_printer() {
  return *impl_->receipt_printer;
}
hal::Camera& RealDevices::camera() {
  return *impl_->camera;
}
hal::PaymentScanner& RealDevices::payment_scanner() {
  return *impl_->scanner;
}

}  // namespace kiosk::kioskd
