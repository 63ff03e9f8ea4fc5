#include "drivers/registry/device_registry.hpp"

#include <sys/stat.h>

#include <charconv>
#include <sstream>

#include "drivers/transport/serial_transport_termios.hpp"
#include "drivers/transport/usb_transport_libusb.hpp"

namespace kiosk::drivers {
namespace {

struct KindName {
  DeviceKind kind;
  std::string_view name;
};
constexpr KindName kKindNames[] = {
    {DeviceKind::idReader, "idReader"},
    {DeviceKind::cardPrinter, "cardPrinter"},
    {DeviceKind::receiptPrinter, "receiptPrinter"},
    {DeviceKind::camera, "camera"},
    {DeviceKind::paymentScanner, "paymentScanner"},
};

// The built-in USB table, in the same text form a configuration file uses.
constexpr std::string_view kBuiltinUsbTable = R"(
# vid:pid     kind          model
0400:c35a     idReader      CVR-100 compatible ID card reader
0f49:*        cardPrinter   Evolis card printer
04b8:0202     receiptPrinter Epson TM receipt printer (TM-T88 and others)
04b8:0e03     receiptPrinter Epson TM-T20 receipt printer
0dd4:*        receiptPrinter Custom kiosk receipt printer
0519:*        receiptPrinter Star Micronics receipt printer
)";

bool parse_hex16(std::string_view s, std::uint16_t& out) {
  if (s.empty() || s.size() > 4) return false;
  unsigned v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 16);
  if (ec != std::errc() || end != s.data() + s.size()) return false;
  out = static_cast<std::uint16_t>(v);
  return true;
}

hal::DeviceError rule_error(std::size_t line, std::string_view what) {
  return hal::make_error(hal::CompletionCode::invalidData, "usb_rule",
                         "USB table line " + std::to_string(line) + ": " + std::string(what));
}

bool path_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

}  // namespace

std::string_view to_string(DeviceKind kind) {
  for (const auto& k : kKindNames) {
    if (k.kind == kind) return k.name;
  }
  return "unknown";
}

std::optional<DeviceKind> device_kind_from_string(std::string_view name) {
  for (const auto& k : kKindNames) {
    if (k.name == name) return k.kind;
  }
  return std::nullopt;
}

std::string_view to_string(DeviceSource source) {
  switch (source) {
    case DeviceSource::usb:
      return "usb";
    case DeviceSource::serial:
      return "serial";
    case DeviceSource::emulated:
      return "emulated";
  }
  return "unknown";
}

hal::Result<std::vector<UsbDeviceRule>> parse_usb_rules(std::string_view text) {
  std::vector<UsbDeviceRule> rules;
  std::istringstream in{std::string(text)};
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::istringstream words(line);
    std::string ids;
    std::string kind;
    if (!(words >> ids)) continue;  // blank or comment
    if (!(words >> kind)) return rule_error(number, "expected '<vid>:<pid> <kind>'");
    const auto colon = ids.find(':');
    if (colon == std::string::npos) return rule_error(number, "expected '<vid>:<pid>'");
    UsbDeviceRule rule;
    const std::string_view vid = std::string_view(ids).substr(0, colon);
    const std::string_view pid = std::string_view(ids).substr(colon + 1);
    if (!parse_hex16(vid, rule.vid)) return rule_error(number, "bad vendor id");
    if (pid != "*") {
      std::uint16_t p = 0;
      if (!parse_hex16(pid, p)) return rule_error(number, "bad product id");
      rule.pid = p;
    }
    const auto k = device_kind_from_string(kind);
    if (!k) return rule_error(number, "unknown device kind");
    rule.kind = *k;
    std::string word;
    while (words >> word) {
      if (!rule.model.empty()) rule.model += ' ';
      rule.model += word;
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

std::vector<UsbDeviceRule> builtin_usb_rules() {
  auto rules = parse_usb_rules(kBuiltinUsbTable);
  return rules.ok() ? std::move(rules).value() : std::vector<UsbDeviceRule>{};
}

DeviceRegistry::DeviceRegistry(std::shared_ptr<UsbContext> usb, std::vector<UsbDeviceRule> rules)
    : usb_(std::move(usb)), rules_(std::move(rules)) {
  if (usb_) {
    subscription_ = usb_->subscribe([this](UsbChange change, const UsbDeviceAddress& address) {
      on_usb_change(change, address);
    });
  }
}

DeviceRegistry::~DeviceRegistry() {
  if (usb_) usb_->unsubscribe(subscription_);
}

void DeviceRegistry::add_usb_rule(UsbDeviceRule rule) {
  std::lock_guard lock(m_);
  rules_.push_back(std::move(rule));
}

void DeviceRegistry::add_serial_port(SerialPortConfig port) {
  std::lock_guard lock(m_);
  serial_.push_back(std::move(port));
}

void DeviceRegistry::add_emulated(std::string name, DeviceKind kind,
                                  std::shared_ptr<EmulatedLink> link) {
  std::lock_guard lock(m_);
  emulated_[std::move(name)] = Emulated{kind, std::move(link)};
}

void DeviceRegistry::remove_emulated(const std::string& name) {
  std::lock_guard lock(m_);
  emulated_.erase(name);
}

void DeviceRegistry::register_factory(DeviceKind kind, DriverFactory factory) {
  std::lock_guard lock(m_);
  factories_[kind] = std::move(factory);
}

void DeviceRegistry::set_change_handler(DeviceChangeHandler handler) {
  std::lock_guard lock(m_);
  on_change_ = std::move(handler);
}

std::optional<UsbDeviceRule> DeviceRegistry::classify_usb(std::uint16_t vid,
                                                          std::uint16_t pid) const {
  std::lock_guard lock(m_);
  const UsbDeviceRule* vendor_wide = nullptr;
  for (auto it = rules_.rbegin(); it != rules_.rend(); ++it) {
    if (it->vid != vid) continue;
    if (it->pid && *it->pid == pid) return *it;
    if (!it->pid && vendor_wide == nullptr) vendor_wide = &*it;
  }
  if (vendor_wide != nullptr) return *vendor_wide;
  return std::nullopt;
}

DeviceCandidate DeviceRegistry::usb_candidate(const UsbDeviceAddress& address,
                                              const UsbDeviceRule& rule) const {
  DeviceCandidate c;
  c.kind = rule.kind;
  c.location = address.describe();
  c.source = DeviceSource::usb;
  c.model = rule.model;
  c.open_transport =
      [usb = usb_, match = UsbMatch::from(address)]() -> hal::Result<std::unique_ptr<Transport>> {
    return std::unique_ptr<Transport>(std::make_unique<LibusbTransport>(usb, match));
  };
  return c;
}

std::vector<DeviceCandidate> DeviceRegistry::discover() const {
  std::vector<DeviceCandidate> out;
  if (usb_) {
    for (const auto& address : usb_->enumerate()) {
      if (auto rule = classify_usb(address.vid, address.pid))
        out.push_back(usb_candidate(address, *rule));
    }
  }
  std::lock_guard lock(m_);
  for (const auto& port : serial_) {
    if (!path_exists(port.path)) continue;
    DeviceCandidate c;
    c.kind = port.kind;
    c.location = "serial:" + port.path;
    c.source = DeviceSource::serial;
    c.open_transport = [port]() -> hal::Result<std::unique_ptr<Transport>> {
      return std::unique_ptr<Transport>(std::make_unique<SerialTransport>(port.path, port.baud));
    };
    out.push_back(std::move(c));
  }
  for (const auto& [name, e] : emulated_) {
    DeviceCandidate c;
    c.kind = e.kind;
    c.location = "emulated:" + name;
    c.source = DeviceSource::emulated;
    c.open_transport = [link = e.link, name = name]() -> hal::Result<std::unique_ptr<Transport>> {
      return std::unique_ptr<Transport>(std::make_unique<EmulatedTransport>(link, name));
    };
    out.push_back(std::move(c));
  }
  return out;
}

hal::Result<std::unique_ptr<hal::Device>> DeviceRegistry::create(
    const DeviceCandidate& candidate) const {
  DriverFactory factory;
  {
    std::lock_guard lock(m_);
    auto it = factories_.find(candidate.kind);
    if (it == factories_.end()) {
      return hal::make_error(hal::CompletionCode::unsupported, "no_factory",
                             "no driver registered for " + std::string(to_string(candidate.kind)));
    }
    factory = it->second;
  }
  if (!candidate.open_transport) {
    return hal::make_error(hal::CompletionCode::invalidData, "no_transport",
                           "candidate has no transport");
  }
  auto transport = candidate.open_transport();
  if (!transport.ok()) return transport.error();
  return factory(std::move(transport).value(), candidate);
}

void DeviceRegistry::on_usb_change(UsbChange change, const UsbDeviceAddress& address) {
  const auto rule = classify_usb(address.vid, address.pid);
  if (!rule) return;
  DeviceChangeHandler handler;
  {
    std::lock_guard lock(m_);
    handler = on_change_;
  }
  if (!handler) return;
  handler(change == UsbChange::arrived ? DeviceChange::arrived : DeviceChange::removed,
          usb_candidate(address, *rule));
}

}  // namespace kiosk::drivers
