#include "drivers/emu/common/byte_emulator.hpp"

#include <chrono>
#include <random>

namespace kiosk::drivers::emu {

ByteEmulator::ByteEmulator(std::string name)
    : name_(std::move(name)), link_(std::make_shared<drivers::EmulatedLink>()) {}

ByteEmulator::~ByteEmulator() = default;

void ByteEmulator::start() {
  if (thread_.joinable()) return;
  stopping_ = false;
  stop_plain_ = false;
  thread_ = std::thread([this] { loop(); });
}

void ByteEmulator::stop() {
  stopping_ = true;
  stop_plain_ = true;
  link_->host_to_device.interrupt();
  if (thread_.joinable()) thread_.join();
  link_->host_to_device.clear_interrupt();
}

void ByteEmulator::unplug() {
  link_->unplug();
}
void ByteEmulator::replug() {
  link_->plug();
}

void ByteEmulator::loop() {
  while (!stopping_) {
    auto got = link_->host_to_device.pop(4096, std::chrono::milliseconds(50));
    if (!got.ok()) {
      if (got.error().reason == "disconnected")
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      continue;
    }
    on_host_bytes(got.value());
  }
}

bool ByteEmulator::reply(std::vector<std::uint8_t> bytes) {
  if (faults_.take(Fault::unplugMidCommand)) {
    link_->unplug();
    return false;
  }
  if (faults_.take(Fault::noAnswer)) return true;
  if (faults_.take(Fault::garbage)) {
    std::mt19937 rng(static_cast<unsigned>(bytes.size()) * 2654435761U);
    for (auto& b : bytes) b = static_cast<std::uint8_t>(rng());
  }
  if (faults_.take(Fault::shortFrame) && !bytes.empty()) bytes.resize(bytes.size() / 2);
  if (faults_.take(Fault::oversizedFrame)) bytes.resize(bytes.size() + 64, 0xEE);
  return link_->device_to_host.push(bytes).ok();
}

bool ByteEmulator::send_raw(std::span<const std::uint8_t> bytes) {
  return link_->device_to_host.push(bytes).ok();
}

}  // namespace kiosk::drivers::emu
