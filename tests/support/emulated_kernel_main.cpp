// kiosk-emulated-kernel: runs kioskd, unmodified and in real-device mode, against the kiosk's
// five devices emulated behind their kernel interfaces (emulated_kernel.hpp), and lets a
// scripted citizen use them. For scripts/demo --real-devices.
//
// Usage (under LD_PRELOAD=libumockdev-preload.so.0):
//   kiosk-emulated-kernel --dir DIR --kioskd BIN --config BASE.conf --socket SOCK
//                         [--setup CMD] [--citizen SERVICE] [--replug] [--report FILE]
//                         [--keep-running]
//   BASE.conf   kioskd's configuration without devices; [device.*] sections are appended and
//               the whole written to DIR/kioskd.conf (kioskd's log: DIR/kioskd.log)
//   --setup     a shell command run once kioskd answers (KIOSKD_SOCKET set), e.g. stock.load
//   --citizen   a scripted citizen uses the service (renewal, ...) through the local API
//   --replug    each USB device is unplugged and plugged back during the citizen's service
//   --report    JSON numbers: kioskd start to ready, its CPU time and memory, the service time
// Exit status: 0 done, 1 kioskd or the citizen failed, 2 usage.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <thread>

#include "firmware/rpc/client.hpp"
#include "tests/support/emulated_kernel.hpp"
#include "tests/support/emulated_kernel_hand.hpp"
#include "tests/support/kioskd_process.hpp"
#include "tests/support/proc_stats.hpp"
#include "tests/support/umockdev_usb_device.hpp"

using namespace kiosk;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

struct Args {
  std::filesystem::path dir, kioskd, config, socket, report;
  std::string setup, citizen;
  bool replug = false, keep_running = false;
};

std::optional<Args> parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string f = argv[i];
    const bool has_value = i + 1 < argc;
    if (f == "--replug")
      a.replug = true;
    else if (f == "--keep-running")
      a.keep_running = true;
    else if (!has_value)
      return std::nullopt;
    else if (f == "--dir")
      a.dir = argv[++i];
    else if (f == "--kioskd")
      a.kioskd = argv[++i];
    else if (f == "--config")
      a.config = argv[++i];
    else if (f == "--socket")
      a.socket = argv[++i];
    else if (f == "--setup")
      a.setup = argv[++i];
    else if (f == "--citizen")
      a.citizen = argv[++i];
    else if (f == "--report")
      a.report = argv[++i];
    else
      return std::nullopt;
  }
  if (a.dir.empty() || a.kioskd.empty() || a.config.empty() || a.socket.empty())
    return std::nullopt;
  return a;
}

volatile sig_atomic_t g_stop = 0;

}  // namespace

int main(int argc, char** argv) {
  auto args = parse(argc, argv);
  if (!args) {
    std::fprintf(stderr,
                 "usage: kiosk-emulated-kernel --dir DIR --kioskd BIN --config BASE.conf "
                 "--socket SOCK [--setup CMD] [--citizen SERVICE] [--replug] [--report FILE] "
                 "[--keep-running]\n");
    return 2;
  }
  const Args& a = *args;
  if (!testing::UmockdevUsbBus::available()) {
    std::fprintf(stderr, "kiosk-emulated-kernel: run under LD_PRELOAD=libumockdev-preload.so.0\n");
    return 2;
  }
  std::filesystem::create_directories(a.dir);
  testing::EmulatedKernel kernel(a.dir / "devices");
  {
    std::ifstream base(a.config);
    std::ofstream conf(a.dir / "kioskd.conf");
    conf << base.rdbuf() << "\n" << kernel.devices_config();
  }

  const auto t0 = Clock::now();
  const pid_t pid =
      testing::spawn_kioskd(a.kioskd.c_str(), a.dir / "kioskd.conf", a.dir / "kioskd.log");
  auto client = testing::connect_when_ready(a.socket, std::chrono::seconds(10));
  const double ready_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  int status = 0;
  if (!client) {
    std::fprintf(stderr, "kiosk-emulated-kernel: kioskd did not answer; see %s\n",
                 (a.dir / "kioskd.log").c_str());
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
    return 1;
  }
  bool all_found = true;
  for (const char* id :
       {"id_reader", "card_printer", "receipt_printer", "camera", "payment_scanner"})
    all_found =
        testing::await_device_state(*client, id, "noDevice", false) != "noDevice" && all_found;
  const double devices_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  std::printf("kioskd ready in %.0f ms, devices %s in %.0f ms\n", ready_ms,
              all_found ? "all found" : "NOT all found", devices_ms);
  json report{{"kioskd_ready_ms", ready_ms},
              {"devices_found_ms", devices_ms},
              {"rss_after_start_mib", testing::memory_mib(pid, "VmRSS")}};

  if (!a.setup.empty()) {
    ::setenv("KIOSKD_SOCKET", a.socket.c_str(), 1);
    if (std::system(a.setup.c_str()) != 0) {
      std::fprintf(stderr, "kiosk-emulated-kernel: the setup command failed\n");
      status = 1;
    }
  }

  if (status == 0 && !a.citizen.empty()) {
    citizen::CitizenOptions co;
    co.socket = a.socket;
    co.service = a.citizen;
    co.hand = testing::citizen_hand(kernel);
    co.log = [](const std::string& line) { std::printf("  %s\n", line.c_str()); };
    const auto& pull_at = testing::renewal_replug_points();
    if (a.replug) {
      co.on_screen = [&](const std::string& screen) {
        auto it = pull_at.find(screen);
        if (it == pull_at.end()) return;
        std::printf("  (the %s's cable is pulled and plugged back)\n", it->second.c_str());
        kernel.unplug(it->second);
        testing::await_device_state(*client, it->second, "noDevice");
        kernel.replug(it->second);
        testing::await_device_state(*client, it->second, "online");
      };
    }
    const double cpu_before = testing::cpu_ms(pid);
    const auto s0 = Clock::now();
    const auto r = citizen::run_citizen(co);
    report["service_ms"] = std::chrono::duration<double, std::milli>(Clock::now() - s0).count();
    report["kioskd_cpu_ms_per_service"] = testing::cpu_ms(pid) - cpu_before;
    report["completed"] = r.completed;
    report["card_images"] = r.card_images;
    report["receipt_image"] = r.receipt_image;
    if (!r.completed) {
      std::fprintf(stderr, "kiosk-emulated-kernel: the citizen ended on %s (%s)\n",
                   r.final_screen.c_str(), r.error.c_str());
      status = 1;
    } else {
      for (const auto& p : r.card_images) std::printf("  card: %s\n", p.c_str());
      std::printf("  receipt: %s\n", r.receipt_image.c_str());
    }
  }
  report["rss_mib"] = testing::memory_mib(pid, "VmRSS");
  report["peak_rss_mib"] = testing::memory_mib(pid, "VmHWM");
  if (!a.report.empty()) std::ofstream(a.report) << report.dump(2) << "\n";

  if (a.keep_running && status == 0) {
    std::printf("kioskd keeps running on the emulated devices (KIOSKD_SOCKET=%s); Ctrl-C stops.\n",
                a.socket.c_str());
    std::fflush(stdout);
    ::signal(SIGINT, [](int) { g_stop = 1; });
    ::signal(SIGTERM, [](int) { g_stop = 1; });
    while (g_stop == 0 && ::waitpid(pid, nullptr, WNOHANG) == 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  client.reset();
  ::kill(pid, SIGTERM);
  ::waitpid(pid, nullptr, 0);
  return status;
}
