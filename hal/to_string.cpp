// String names of the HAL enums, used by logs, JSON output and the local API.
#include "hal/device.hpp"
#include "hal/payment_scanner.hpp"
#include "hal/result.hpp"

namespace kiosk::hal {

std::string_view to_string(CompletionCode code) {
  switch (code) {
    case CompletionCode::success:
      return "success";
    case CompletionCode::canceled:
      return "canceled";
    case CompletionCode::timeout:
      return "timeout";
    case CompletionCode::deviceNotReady:
      return "deviceNotReady";
    case CompletionCode::hardwareError:
      return "hardwareError";
    case CompletionCode::userError:
      return "userError";
    case CompletionCode::invalidData:
      return "invalidData";
    case CompletionCode::unsupported:
      return "unsupported";
  }
  return "unknown";
}

std::string_view to_string(DeviceState state) {
  switch (state) {
    case DeviceState::online:
      return "online";
    case DeviceState::busy:
      return "busy";
    case DeviceState::offline:
      return "offline";
    case DeviceState::noDevice:
      return "noDevice";
    case DeviceState::powerOff:
      return "powerOff";
    case DeviceState::hardwareError:
      return "hardwareError";
    case DeviceState::userError:
      return "userError";
  }
  return "unknown";
}

std::string_view to_string(EventKind kind) {
  switch (kind) {
    case EventKind::statusChanged:
      return "statusChanged";
    case EventKind::cardPlaced:
      return "cardPlaced";
    case EventKind::cardTaken:
      return "cardTaken";
    case EventKind::mediaJammed:
      return "mediaJammed";
    case EventKind::mediaLow:
      return "mediaLow";
    case EventKind::paymentCodeRead:
      return "paymentCodeRead";
    case EventKind::deviceRemoved:
      return "deviceRemoved";
    case EventKind::deviceArrived:
      return "deviceArrived";
  }
  return "unknown";
}

std::string_view to_string(Wallet wallet) {
  switch (wallet) {
    case Wallet::wechat:
      return "wechat";
    case Wallet::alipay:
      return "alipay";
    case Wallet::unionpay:
      return "unionpay";
  }
  return "unknown";
}

}  // namespace kiosk::hal
