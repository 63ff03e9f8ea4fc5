// EmulatedTransport: the driver's end of an in-process emulated device.
#include "drivers/transport/emulated_link.hpp"

namespace kiosk::drivers {

EmulatedTransport::EmulatedTransport(std::shared_ptr<EmulatedLink> link, std::string name)
    : link_(std::move(link)), name_(std::move(name)) {}

std::string EmulatedTransport::describe() const {
  return "emulated:" + name_;
}

hal::Status EmulatedTransport::open() {
  if (!link_->plugged()) {
    return hal::make_error(hal::CompletionCode::deviceNotReady, "disconnected",
                           "emulated device unplugged");
  }
  open_ = true;
  return hal::Done{};
}

void EmulatedTransport::close() {
  open_ = false;
}

hal::Status EmulatedTransport::write(std::span<const std::uint8_t> data, milliseconds /*timeout*/) {
  if (!open_)
    return hal::make_error(hal::CompletionCode::deviceNotReady, "not_open", "transport not open");
  return link_->host_to_device.push(data);
}

hal::Result<Bytes> EmulatedTransport::read(std::size_t max_bytes, milliseconds timeout) {
  if (!open_)
    return hal::make_error(hal::CompletionCode::deviceNotReady, "not_open", "transport not open");
  return link_->device_to_host.pop(max_bytes, timeout);
}

void EmulatedTransport::cancel() {
  link_->device_to_host.interrupt();
}
void EmulatedTransport::clear_cancel() {
  link_->device_to_host.clear_interrupt();
}
void EmulatedTransport::flush_input() {
  link_->device_to_host.clear();
}

}  // namespace kiosk::drivers
