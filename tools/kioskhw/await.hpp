#pragma once
// Turns a HAL command's asynchronous completion into a blocking call, for the bench tool
// where one technician runs one command at a time.

#include <future>
#include <memory>

#include "hal/device.hpp"

namespace kiosk::tools {

// `start` receives the completion callback and returns the request id.
template <typename T, typename Start>
hal::Result<T> await(Start&& start) {
  auto promise = std::make_shared<std::promise<hal::Result<T>>>();
  auto future = promise->get_future();
  start(
      [promise](hal::RequestId, hal::Result<T> result) { promise->set_value(std::move(result)); });
  return future.get();
}

}  // namespace kiosk::tools
