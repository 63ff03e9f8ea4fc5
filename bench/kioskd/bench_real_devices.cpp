// bench_kioskd_real_devices [--runs N]
// kioskd in real-device mode against the emulated kernel devices (tests/support/
// emulated_kernel.hpp), emulators at time scale 0 (zero device latency). Each run: a fresh
// kiosk-central in-process and a fresh kioskd child, stock loaded, one renewal by the scripted
// citizen. Prints kioskd's start to ready and to every device found, its resident memory, its
// own CPU time per renewal (/proc: user + system), the renewal time; then libusb round trips
// through usbdevfs (umockdev) of the ID reader's driver: a status command and a card read.
// Re-runs itself under LD_PRELOAD=libumockdev-preload.so.0 when that is not active yet.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <future>
#include <thread>
#include <vector>

#include "bench/kioskd/bench_support.hpp"
#include "drivers/emu/id_reader/id_reader_emulator.hpp"
#include "drivers/id_reader/id_reader.hpp"
#include "drivers/id_reader/wlt_decoder_unavailable.hpp"
#include "drivers/transport/usb_context.hpp"
#include "drivers/transport/usb_transport_libusb.hpp"
#include "firmware/citizen/citizen.hpp"
#include "firmware/rpc/client.hpp"
#include "tests/firmware/kioskd/fixtures.hpp"
#include "tests/support/emulated_kernel.hpp"
#include "tests/support/emulated_kernel_hand.hpp"
#include "tests/support/proc_stats.hpp"
#include "tests/support/umockdev_usb_device.hpp"

namespace fs = std::filesystem;
using kiosk::bench::Clock;
using kiosk::bench::ms_since;
using kiosk::bench::percentile;
using namespace kiosk;

namespace {

bool every_device_found(rpc::Client& c) {
  auto r = c.call("devices.list");
  if (!r) return false;
  for (const auto& d : r.value()["devices"])
    if (d.value("state", "") == "noDevice") return false;
  return true;
}

bool on_attract_screen(rpc::Client& c) {
  auto r = c.call("session.get");
  return r && r.value().value("screen", "") == "idle";
}

struct RunNumbers {
  double ready_ms = 0, devices_ms = 0, renewal_ms = 0, cpu_ms = 0, rss_start = 0, rss_end = 0,
         rss_peak = 0;
  bool ok = false;
};

RunNumbers one_run() {
  RunNumbers n;
  char tmpl[] = "/tmp/bench-real-devices-XXXXXX";
  const fs::path dir = ::mkdtemp(tmpl);
  {
    testing::InProcessCentral central(dir / "central");
    testing::EmulatedKernel kernel(dir / "devices");
    auto c = testing::kioskd_config(dir, &central);
    c.simulation.enabled = false;
    c.capture_countdown = std::chrono::seconds(0);
    testing::write_kioskd_conf(c, dir / "kioskd.conf", kernel.devices_config());
    const auto t0 = Clock::now();
    const pid_t pid = testing::spawn_kioskd(KIOSKD_BINARY, dir / "kioskd.conf", dir / "kioskd.log");
    auto client = testing::connect_when_ready(c.socket_path, std::chrono::seconds(10),
                                              std::chrono::microseconds(500));
    n.ready_ms = ms_since(t0);
    for (int i = 0; client && i < 20000 && !every_device_found(*client); ++i)
      std::this_thread::sleep_for(std::chrono::microseconds(500));
    n.devices_ms = ms_since(t0);
    n.rss_start = testing::memory_mib(pid, "VmRSS");
    const std::string token = client ? testing::technician_token(*client) : "";
    if (client && !token.empty() && client->call("stock.load", testing::blank_cards(token, 10))) {
      citizen::CitizenOptions o;
      o.socket = c.socket_path;
      o.timeout = std::chrono::seconds(300);
      o.hand = testing::citizen_hand(kernel);
      const double cpu0 = testing::cpu_ms(pid);
      const auto r = citizen::run_citizen(o);
      n.cpu_ms = testing::cpu_ms(pid) - cpu0;
      n.ok = r.completed;
      n.renewal_ms = r.elapsed_seconds * 1000;
      n.rss_peak = testing::memory_mib(pid, "VmHWM");
      // Resident memory once kioskd is back on the attract screen (what the next citizen
      // finds), not mid-way through the session's end.
      for (int i = 0; i < 200 && !on_attract_screen(*client); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      n.rss_end = testing::memory_mib(pid, "VmRSS");
      if (!r.completed)
        std::printf("  renewal failed: %s %s (see %s)\n", r.final_screen.c_str(), r.error.c_str(),
                    (dir / "kioskd.log").c_str());
    }
    client.reset();
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
  }
  std::error_code ec;
  if (n.ok) fs::remove_all(dir, ec);
  return n;
}

template <typename T, typename Start>
hal::Result<T> wait_for(Start&& start) {
  std::promise<hal::Result<T>> p;
  auto f = p.get_future();
  start([&p](hal::RequestId, hal::Result<T> r) { p.set_value(std::move(r)); });
  return f.get();
}

// The ID reader's driver over libusb, its emulator behind usbdevfs.
void libusb_round_trips() {
  testing::UmockdevUsbBus bus;
  drivers::emu::IdReaderEmulator reader;
  reader.start();
  testing::UsbDeviceSpec spec;
  spec.vid = testing::kEmulatedIdReaderVid;
  spec.pid = testing::kEmulatedIdReaderPid;
  auto device = bus.plug(spec, reader.link());
  {
    auto usb = drivers::UsbContext::create();
    if (!usb) return;
    drivers::UsbMatch m;
    m.vid = spec.vid;
    m.pid = spec.pid;
    drivers::SamIdReader driver(std::make_unique<drivers::LibusbTransport>(usb.value(), m),
                                std::make_shared<drivers::WltDecoderUnavailable>());
    if (!driver.open().ok()) {
      std::printf("libusb round trips: the reader did not open\n");
      return;
    }
    std::vector<double> status, read;
    for (int i = 0; i < 300; ++i) {
      const auto t0 = Clock::now();
      if (driver.health_check().ok()) status.push_back(ms_since(t0));
    }
    reader.place_card(drivers::emu::synthetic_citizens().front());
    for (int i = 0; i < 50; ++i) {
      const auto t0 = Clock::now();
      auto r = wait_for<hal::IdCard>(
          [&](auto done) { return driver.read_card(hal::ReadIdOptions{}, done); });
      if (r.ok()) read.push_back(ms_since(t0));
    }
    std::printf(
        "libusb round trips through usbdevfs (umockdev), ID reader driver:\n"
        "  status command (health check): p50 %.3f ms  p99 %.3f ms  (n=%zu)\n"
        "  card read (select, read, reply frame of text and photo): p50 %.2f ms  p99 %.2f ms  "
        "(n=%zu)\n",
        percentile(status, 0.5), percentile(status, 0.99), status.size(), percentile(read, 0.5),
        percentile(read, 0.99), read.size());
    driver.close();
  }
  device->unplug();
  reader.stop();
}

}  // namespace

int main(int argc, char** argv) {
  if (!testing::UmockdevUsbBus::available()) {
    ::setenv("LD_PRELOAD", "libumockdev-preload.so.0", 1);
    ::execv("/proc/self/exe", argv);
    std::perror("bench_kioskd_real_devices: re-exec under umockdev");
    return 1;
  }
  int runs = 3;
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = std::atoi(argv[++i]);
  ::setenv("KIOSK_EMU_TIME_SCALE", "0", 1);  // zero device latency
  ::signal(SIGPIPE, SIG_IGN);
  std::vector<double> ready, devices, renewal, cpu;
  double rss_start = 0, rss_end = 0, rss_peak = 0;
  for (int i = 0; i < runs; ++i) {
    const auto n = one_run();
    if (!n.ok) continue;
    ready.push_back(n.ready_ms);
    devices.push_back(n.devices_ms);
    renewal.push_back(n.renewal_ms);
    cpu.push_back(n.cpu_ms);
    rss_start = std::max(rss_start, n.rss_start);
    rss_end = std::max(rss_end, n.rss_end);
    rss_peak = std::max(rss_peak, n.rss_peak);
  }
  std::printf("runs ok: %zu/%d (real-device mode, emulated kernel devices, time scale 0)\n",
              renewal.size(), runs);
  std::printf("kioskd start to ready (local API answers): median %.1f ms  max %.1f ms\n",
              percentile(ready, 0.5), percentile(ready, 1.0));
  std::printf("kioskd start to every device found: median %.1f ms  max %.1f ms\n",
              percentile(devices, 0.5), percentile(devices, 1.0));
  std::printf(
      "kioskd resident memory: %.1f MiB after start, %.1f MiB back on the attract screen after a "
      "renewal, peak %.1f MiB\n",
      rss_start, rss_end, rss_peak);
  std::printf("kioskd CPU time per renewal (user + system): median %.0f ms  max %.0f ms\n",
              percentile(cpu, 0.5), percentile(cpu, 1.0));
  std::printf(
      "renewal through the emulated kernel, scripted citizen: median %.0f ms  max %.0f ms\n",
      percentile(renewal, 0.5), percentile(renewal, 1.0));
  libusb_round_trips();
  return renewal.size() == static_cast<std::size_t>(runs) ? 0 : 1;
}
