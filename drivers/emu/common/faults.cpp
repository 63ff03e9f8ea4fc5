#include "drivers/emu/common/faults.hpp"

#include <array>
#include <utility>

namespace kiosk::drivers::emu {
namespace {

constexpr std::array<std::pair<Fault, std::string_view>, 12> kNames{{
    {Fault::jam, "jam"},
    {Fault::ribbonOut, "ribbon_out"},
    {Fault::feederEmpty, "feeder_empty"},
    {Fault::paperOut, "paper_out"},
    {Fault::paperNearEnd, "paper_near_end"},
    {Fault::coverOpen, "cover_open"},
    {Fault::unplugMidCommand, "unplug"},
    {Fault::noAnswer, "no_answer"},
    {Fault::garbage, "garbage"},
    {Fault::shortFrame, "short_frame"},
    {Fault::oversizedFrame, "oversized_frame"},
    {Fault::badChecksum, "bad_checksum"},
}};

}  // namespace

std::string_view to_string(Fault fault) {
  for (const auto& [f, name] : kNames) {
    if (f == fault) return name;
  }
  return "unknown";
}

std::optional<Fault> fault_from_string(std::string_view name) {
  for (const auto& [f, n] : kNames) {
    if (n == name) return f;
  }
  return std::nullopt;
}

bool is_one_shot(Fault fault) {
  switch (fault) {
    case Fault::unplugMidCommand:
    case Fault::noAnswer:
    case Fault::garbage:
    case Fault::shortFrame:
    case Fault::oversizedFrame:
    case Fault::badChecksum:
      return true;
    default:
      return false;
  }
}

void FaultInjector::inject(Fault fault) {
  std::lock_guard lock(m_);
  if (!is_one_shot(fault) && armed_.count(fault) > 0) return;
  armed_.insert(fault);
}

void FaultInjector::clear(Fault fault) {
  std::lock_guard lock(m_);
  armed_.erase(fault);
}

void FaultInjector::clear_all() {
  std::lock_guard lock(m_);
  armed_.clear();
}

bool FaultInjector::active(Fault fault) const {
  std::lock_guard lock(m_);
  return armed_.count(fault) > 0;
}

bool FaultInjector::take(Fault fault) {
  std::lock_guard lock(m_);
  auto it = armed_.find(fault);
  if (it == armed_.end()) return false;
  if (is_one_shot(fault)) armed_.erase(it);
  return true;
}

}  // namespace kiosk::drivers::emu
