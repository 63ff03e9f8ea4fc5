#include "tests/campaign/faults.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace kiosk::campaign {
namespace {

struct DeviceFault {
  const char* device;
  const char* fault;
};

// The emulators' faults (drivers/emu/common/faults.hpp) that a kiosk meets in the field.
constexpr DeviceFault kDeviceFaults[] = {
    {"card_printer", "jam"},       {"card_printer", "ribbon_out"}, {"card_printer", "unplug"},
    {"card_printer", "garbage"},   {"card_printer", "no_answer"},  {"receipt_printer", "paper_out"},
    {"receipt_printer", "unplug"}, {"receipt_printer", "garbage"}, {"receipt_printer", "no_answer"},
    {"payment_scanner", "unplug"}, {"id_reader", "no_answer"},
};

const std::vector<std::string>& devices() {
  static const std::vector<std::string> d{"card_printer", "receipt_printer", "payment_scanner",
                                          "id_reader", "camera"};
  return d;
}

void sleep_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

int uniform(std::mt19937_64& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

}  // namespace

std::vector<Fault> choose_faults(std::mt19937_64& rng, int span_ms, bool disk) {
  static const std::vector<std::string> kinds{"kill_kioskd",
                                              "kill_kioskd_in_recovery",
                                              "central_down",
                                              "central_5xx_before",
                                              "central_5xx_after",
                                              "device",
                                              "device",
                                              "disk_full"};
  const int r = uniform(rng, 0, 9);
  const int count = r == 0 ? 0 : r <= 5 ? 1 : r <= 8 ? 2 : 3;
  std::vector<Fault> out;
  for (int i = 0; i < count; ++i) {
    Fault f;
    do {
      f.kind = kinds[static_cast<std::size_t>(uniform(rng, 0, int(kinds.size()) - 1))];
    } while (f.kind == "disk_full" && !disk);
    f.at_ms = uniform(rng, 0, span_ms);
    f.hold_ms = uniform(rng, 100, 3000);
    f.recovery_kill_ms = uniform(rng, 0, 300);
    if (f.kind == "device") {
      const auto& d = kDeviceFaults[uniform(rng, 0, int(std::size(kDeviceFaults)) - 1)];
      f.device = d.device;
      f.device_fault = d.fault;
    }
    out.push_back(f);
  }
  std::sort(out.begin(), out.end(),
            [](const Fault& a, const Fault& b) { return a.at_ms < b.at_ms; });
  return out;
}

void inject(const std::vector<Fault>& faults, Office& office, Kiosk& kiosk) {
  const auto start = std::chrono::steady_clock::now();
  for (const auto& f : faults) {
    std::this_thread::sleep_until(start + std::chrono::milliseconds(f.at_ms));
    if (f.kind == "kill_kioskd") {
      kiosk.kill();
      kiosk.start();
    } else if (f.kind == "kill_kioskd_in_recovery") {
      kiosk.kill();
      kiosk.spawn();  // killed again during its start-up recovery
      sleep_ms(f.recovery_kill_ms);
      kiosk.kill();
      kiosk.start();
    } else if (f.kind == "central_down") {
      office.kill();
      sleep_ms(f.hold_ms);
      office.start();
    } else if (f.kind == "central_5xx_before" || f.kind == "central_5xx_after") {
      office.answer_5xx(f.kind == "central_5xx_before" ? "before" : "after");
      sleep_ms(f.hold_ms);
      office.answer_5xx("");
    } else if (f.kind == "disk_full") {
      kiosk.fill_disk();
      sleep_ms(f.hold_ms);
      kiosk.free_disk();
    } else if (f.kind == "device") {
      if (auto* api = kiosk.api())
        (void)api->call("emulator.inject_fault", {{"device", f.device}, {"fault", f.device_fault}});
    }
  }
}

void clear_all(Office& office, Kiosk& kiosk) {
  office.answer_5xx("");
  kiosk.free_disk();
  if (!office.up()) office.start();
  if (!kiosk.running()) kiosk.start();
  if (auto* api = kiosk.api())
    for (const auto& d : devices()) (void)api->call("emulator.clear_faults", {{"device", d}});
}

}  // namespace kiosk::campaign
