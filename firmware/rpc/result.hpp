#pragma once
// A value or a typed error: kiosk_rpc reports failure through it and never throws across its
// API. The container is the firmware's one Expected (central/pki/expected.hpp).

#include "central/pki/expected.hpp"

namespace kiosk::rpc {

template <class T, class E>
using Expected = central::Expected<T, E>;

struct Ok {};

}  // namespace kiosk::rpc
