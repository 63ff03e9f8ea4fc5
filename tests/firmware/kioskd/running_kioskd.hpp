#pragma once
// kioskd composed in the test's process against the in-process central (fixtures.hpp).
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "firmware/kioskd/kioskd.hpp"
#include "firmware/kioskd/simulated_devices.hpp"
#include "firmware/rpc/client.hpp"
#include "tests/firmware/kioskd/fixtures.hpp"

namespace kiosk::testing {

// kioskd composed in this process (simulation) against an in-process central, started, with
// a client connected to its local API. `adjust` changes the configuration before kioskd is
// created.
struct RunningKioskd {
  TempDir dir;
  InProcessCentral central{dir.path / "central"};
  kioskd::KioskdConfig config;
  std::unique_ptr<kioskd::Kioskd> daemon;
  std::unique_ptr<rpc::Client> client;

  explicit RunningKioskd(const std::function<void(kioskd::KioskdConfig&)>& adjust = nullptr) {
    REQUIRE(central.port() != 0);
    config = kioskd_config(dir.path / "kiosk", &central);
    if (adjust) adjust(config);
    std::filesystem::create_directories(dir.path / "kiosk");
    std::string error;
    daemon = kioskd::Kioskd::create(config, &error, kioskd::simulation());
    REQUIRE(daemon);
    REQUIRE(daemon->start(&error));
    auto c = rpc::Client::connect(config.socket_path);
    REQUIRE(c.ok());
    client = std::move(c.value());
  }
  ~RunningKioskd() {
    client.reset();
    daemon->stop();
  }
  RunningKioskd(const RunningKioskd&) = delete;
  RunningKioskd& operator=(const RunningKioskd&) = delete;
};

}  // namespace kiosk::testing
