#pragma once
// Faults an emulator can be told to produce, at run time, from tests, kioskhw or kioskctl.

#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace kiosk::drivers::emu {

enum class Fault {
  // Device conditions (stay until cleared)
  jam,           // card or paper jam during the next job
  ribbonOut,     // card printer ribbon runs out (mid-job if one is running)
  feederEmpty,   // card printer has no blank cards
  paperOut,      // receipt printer
  paperNearEnd,  // receipt printer
  coverOpen,
  // Link-level misbehaviour (one-shot: applies to the next reply)
  unplugMidCommand,  // the device disappears after receiving the next command
  noAnswer,          // the next command gets no reply
  garbage,           // the next reply is random bytes
  shortFrame,        // the next reply is truncated
  oversizedFrame,    // the next reply carries extra bytes / a too-large length
  badChecksum,       // the next reply's checksum is wrong
};

std::string_view to_string(Fault fault);
std::optional<Fault> fault_from_string(std::string_view name);
bool is_one_shot(Fault fault);

// Thread-safe set of armed faults. Device conditions persist until cleared; one-shot faults
// are consumed by take().
class FaultInjector {
 public:
  void inject(Fault fault);
  void clear(Fault fault);
  void clear_all();
  bool active(Fault fault) const;
  // True once per injection of a one-shot fault (consumes it); for conditions, same as active.
  bool take(Fault fault);

 private:
  mutable std::mutex m_;
  std::multiset<Fault> armed_;
};

}  // namespace kiosk::drivers::emu
