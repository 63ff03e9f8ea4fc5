// String names of the HAL enums, used by logs, JSON output and the local API.
#include "hal/device.hpp"
#include "hal/payment_scanner.hpp"
#include "hal/result.hpp"
#include "protocol/enum_names.hpp"

namespace kiosk::hal {

constexpr auto kCompletionCodeNames =
    KIOSK_ENUM_NAMES(CompletionCode, success, canceled, timeout, deviceNotReady, hardwareError,
                     userError, invalidData, unsupported);

std::string_view to_string(CompletionCode code) {
  return protocol::name_of(kCompletionCodeNames, code);
}

constexpr auto kDeviceStateNames = KIOSK_ENUM_NAMES(DeviceState, online, busy, offline, noDevice,
                                                    powerOff, hardwareError, userError);

std::string_view to_string(DeviceState state) {
  return protocol::name_of(kDeviceStateNames, state);
}

constexpr auto kEventKindNames =
    KIOSK_ENUM_NAMES(EventKind, statusChanged, cardPlaced, cardTaken, mediaJammed, mediaLow,
                     paymentCodeRead, deviceRemoved, deviceArrived);

std::string_view to_string(EventKind kind) {
  return protocol::name_of(kEventKindNames, kind);
}

constexpr auto kWalletNames = KIOSK_ENUM_NAMES(Wallet, wechat, alipay, unionpay);

std::string_view to_string(Wallet wallet) {
  return protocol::name_of(kWalletNames, wallet);
}

}  // namespace kiosk::hal
