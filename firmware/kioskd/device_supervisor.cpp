#include "firmware/kioskd/device_supervisor.hpp"

#include <algorithm>

#include "firmware/kioskd/kioskd_log.hpp"

namespace kiosk::kioskd {

DeviceSupervisor::DeviceSupervisor(std::vector<SupervisedDevice> devices,
                                   std::chrono::milliseconds rescan, std::function<void()> changed)
    : rescan_(rescan), changed_(std::move(changed)) {
  for (auto& d : devices) slots_.push_back(Slot{std::move(d), false, false, false, {}, {}});
}

DeviceSupervisor::~DeviceSupervisor() {
  stop();
}

void DeviceSupervisor::start() {
  {
    std::lock_guard lock(m_);
    if (thread_.joinable()) return;
    stop_ = false;
  }
  if (scan_all_at_once() && changed_) changed_();
  thread_ = std::thread([this] { loop(); });
}

void DeviceSupervisor::stop() {
  {
    std::lock_guard lock(m_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void DeviceSupervisor::wake(const std::string& gone) {
  {
    std::lock_guard lock(m_);
    woken_ = true;
    if (!gone.empty())
      for (auto& s : slots_)
        if (s.d.id == gone) s.gone = true;
  }
  cv_.notify_all();
}

DeviceSupervisor::Counts DeviceSupervisor::counts(const std::string& id) const {
  std::lock_guard lock(m_);
  for (const auto& s : slots_)
    if (s.d.id == id) return s.counts;
  return {};
}

bool DeviceSupervisor::present(const std::string& id) const {
  std::lock_guard lock(m_);
  for (const auto& s : slots_)
    if (s.d.id == id) return s.present;
  return false;
}

void DeviceSupervisor::loop() {
  std::unique_lock lock(m_);
  while (!stop_) {
    cv_.wait_for(lock, rescan_, [this] { return stop_ || woken_; });
    if (stop_) break;
    woken_ = false;
    lock.unlock();
    if (scan() && changed_) changed_();
    lock.lock();
  }
}

bool DeviceSupervisor::scan() {
  bool changed = false;
  for (std::size_t i = 0; i < slots_.size(); ++i) changed = scan_slot(i) || changed;
  return changed;
}

// Kioskd's start waits for this pass; the devices' opens (a card printer's takes several
// round trips) are independent, so they run side by side and the start costs the slowest one,
// not their sum.
bool DeviceSupervisor::scan_all_at_once() {
  std::vector<char> changed(slots_.size(), 0);
  std::vector<std::thread> openers;
  openers.reserve(slots_.size());
  for (std::size_t i = 0; i < slots_.size(); ++i)
    openers.emplace_back([this, i, &changed] { changed[i] = scan_slot(i) ? 1 : 0; });
  for (auto& t : openers) t.join();
  return std::find(changed.begin(), changed.end(), 1) != changed.end();
}

bool DeviceSupervisor::scan_slot(std::size_t i) {
  bool changed = false;
  Slot* s = nullptr;
  bool gone = false;
  {
    std::lock_guard lock(m_);
    s = &slots_[i];
    gone = s->gone;
    s->gone = false;
  }
  const bool present = s->d.present();
  {
    std::lock_guard lock(m_);
    s->present = present;
  }
  // The driver lost the device on its own (a command saw it disconnect): start over.
  const bool lost = s->open && s->d.device->status().state == hal::DeviceState::noDevice;
  if (s->open && (gone || !present || lost)) {
    s->d.device->close();
    kioskd_log()->warn("event=device_removed device={}", s->d.id);
    std::lock_guard lock(m_);
    s->open = false;
    ++s->counts.closed;
    changed = true;
  }
  if (!s->open && present) {
    const auto opened = s->d.device->open();
    if (opened.ok()) {
      kioskd_log()->info("event=device_arrived device={} transport={}", s->d.id,
                         s->d.device->info().transport);
      std::lock_guard lock(m_);
      s->open = true;
      s->last_failure.clear();
      ++s->counts.opened;
      changed = true;
    } else if (opened.error().reason != s->last_failure) {
      // Present but not usable (busy, no permission, a different model): in the device's
      // status, logged once per reason, and tried again at every scan.
      s->last_failure = opened.error().reason;
      kioskd_log()->warn("event=device_open_failed device={} reason={}", s->d.id, s->last_failure);
      changed = true;
    }
  }
  return changed;
}

}  // namespace kiosk::kioskd
