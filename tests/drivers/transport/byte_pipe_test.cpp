#include "drivers/transport/byte_pipe.hpp"
#include "drivers/transport/emulated_link.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace kiosk;
using namespace std::chrono_literals;

TEST_CASE("a pipe returns at most the bytes asked for, in order", "[transport]") {
  drivers::BytePipe p;
  const std::vector<std::uint8_t> data{1, 2, 3, 4, 5};
  REQUIRE(p.push(data).ok());
  auto a = p.pop(3, 10ms);
  REQUIRE(a.ok());
  CHECK(a.value() == std::vector<std::uint8_t>{1, 2, 3});
  auto b = p.pop(10, 10ms);
  REQUIRE(b.ok());
  CHECK(b.value() == std::vector<std::uint8_t>{4, 5});
}

TEST_CASE("an empty pipe times out", "[transport]") {
  drivers::BytePipe p;
  auto r = p.pop(1, 5ms);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::timeout);
}

TEST_CASE("interrupt wakes a pending read with canceled", "[transport]") {
  drivers::BytePipe p;
  std::thread t([&] {
    std::this_thread::sleep_for(10ms);
    p.interrupt();
  });
  auto r = p.pop(1, 5s);
  t.join();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == hal::CompletionCode::canceled);
}

TEST_CASE("unplugging a link fails reads and writes as disconnected", "[transport]") {
  auto link = std::make_shared<drivers::EmulatedLink>();
  drivers::EmulatedTransport t(link, "x");
  REQUIRE(t.open().ok());
  link->unplug();
  const std::uint8_t byte = 1;
  auto w = t.write(std::span(&byte, 1), 10ms);
  REQUIRE_FALSE(w.ok());
  CHECK(w.error().reason == "disconnected");
  auto r = t.read(1, 10ms);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason == "disconnected");
  CHECK(r.error().code == hal::CompletionCode::deviceNotReady);
}
