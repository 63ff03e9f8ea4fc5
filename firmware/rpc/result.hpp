#pragma once
// A value or a typed error: kiosk_rpc reports failure through it and never throws across its
// API. The container is the project's one Expected (protocol/expected.hpp).

#include "protocol/expected.hpp"

namespace kiosk::rpc {

template <class T, class E>
using Expected = protocol::Expected<T, E>;

using Done = protocol::Done;

}  // namespace kiosk::rpc
