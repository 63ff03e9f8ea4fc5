#include "firmware/kioskd/kiosk_status.hpp"

#include <ctime>

namespace kiosk::kioskd {

std::string iso_utc(std::chrono::system_clock::time_point at) {
  const std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {
bool is_error_state(hal::DeviceState s) {
  return s == hal::DeviceState::hardwareError || s == hal::DeviceState::userError ||
         s == hal::DeviceState::offline || s == hal::DeviceState::noDevice ||
         s == hal::DeviceState::powerOff;
}
}  // namespace

void DeviceErrors::observe(const std::string& device, const hal::DeviceStatus& status,
                           std::chrono::system_clock::time_point now) {
  std::string key(hal::to_string(status.state));
  std::string reason;
  for (const auto& [code, value] : status.detail) {
    key += ";" + code + "=" + value;
    // The detail codes that describe the fault ("ribbon:out", "card:jammed", "cover:open").
    if (value != "ok" && value != "none" && value != "stopped" && value != "running" &&
        value != "idle" && value != "closed" && value != "ready" && value != "scanning") {
      if (!reason.empty()) reason += ",";
      reason += code + ":" + value;
    }
  }
  std::lock_guard lock(m_);
  auto& seen = seen_[device];
  if (seen == key) return;
  seen = key;
  if (!is_error_state(status.state)) return;
  last_[device] = nlohmann::json{{"code", std::string(hal::to_string(status.state))},
                                 {"reason", reason},
                                 {"at", iso_utc(now)}};
}

void DeviceErrors::note(const std::string& device, const std::string& code,
                        const std::string& reason, std::chrono::system_clock::time_point now) {
  std::lock_guard lock(m_);
  last_[device] = nlohmann::json{{"code", code}, {"reason", reason}, {"at", iso_utc(now)}};
}

nlohmann::json DeviceErrors::last_error(const std::string& device) const {
  std::lock_guard lock(m_);
  auto it = last_.find(device);
  return it == last_.end() ? nlohmann::json(nullptr) : it->second;
}

StatusWatch::StatusWatch(std::function<nlohmann::json()> fingerprint, std::function<void()> changed,
                         std::chrono::milliseconds interval)
    : fingerprint_(std::move(fingerprint)), changed_(std::move(changed)), interval_(interval) {}

StatusWatch::~StatusWatch() {
  stop();
}

void StatusWatch::start() {
  std::lock_guard lock(m_);
  if (thread_.joinable()) return;
  stop_ = false;
  thread_ = std::thread([this] { loop(); });
}

void StatusWatch::stop() {
  {
    std::lock_guard lock(m_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void StatusWatch::poke() {
  {
    std::lock_guard lock(m_);
    poked_ = true;
  }
  cv_.notify_all();
}

void StatusWatch::loop() {
  nlohmann::json last = fingerprint_();
  std::unique_lock lock(m_);
  while (!stop_) {
    cv_.wait_for(lock, interval_, [this] { return stop_ || poked_; });
    if (stop_) break;
    poked_ = false;
    lock.unlock();
    nlohmann::json now = fingerprint_();
    if (now != last) {
      last = std::move(now);
      changed_();
    }
    lock.lock();
  }
}

}  // namespace kiosk::kioskd
