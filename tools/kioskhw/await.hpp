#pragma once
// Turns a HAL command's asynchronous completion into a blocking call, for the bench tool
// where one technician runs one command at a time.

#include <chrono>
#include <functional>
#include <future>
#include <memory>

#include "hal/device.hpp"

namespace kiosk::tools {

// `start` receives the completion callback and returns the request id. `tick(seconds waited)`,
// if given, is called every second until the command completes: long operations (a card
// print takes 15-30 s) show that they are going on.
template <typename T, typename Start>
hal::Result<T> await(Start&& start, const std::function<void(int)>& tick = {}) {
  auto promise = std::make_shared<std::promise<hal::Result<T>>>();
  auto future = promise->get_future();
  start(
      [promise](hal::RequestId, hal::Result<T> result) { promise->set_value(std::move(result)); });
  int seconds = 0;
  while (future.wait_for(std::chrono::seconds(1)) != std::future_status::ready)
    if (tick) tick(++seconds);
  return future.get();
}

}  // namespace kiosk::tools
