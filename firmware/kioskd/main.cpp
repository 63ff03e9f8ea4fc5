// kioskd: reads its config, composes the daemon, tells systemd when it is ready, pings the
// watchdog while healthy, and stops cleanly on SIGTERM/SIGINT.
//   kioskd [--config /etc/kioskd/kioskd.conf]
#include <signal.h>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>

#include "firmware/kioskd/config.hpp"
#include "firmware/kioskd/kioskd.hpp"
#include "firmware/kioskd/sd_notify.hpp"
#if KIOSK_WITH_SIMULATION
#include "firmware/kioskd/simulated_devices.hpp"
#endif

int main(int argc, char** argv) {
  std::string config_path = "/etc/kioskd/kioskd.conf";
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
      config_path = argv[++i];
    } else {
      std::fprintf(stderr, "usage: kioskd [--config FILE]\n");
      return 2;
    }
  }
  // Block the stop signals before any thread exists: every thread inherits the mask and the
  // main thread alone takes them with sigtimedwait.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  auto loaded = kiosk::kioskd::load_config(config_path);
  if (auto* err = std::get_if<kiosk::kioskd::ConfigError>(&loaded)) {
    std::fprintf(stderr, "kioskd: %s:%d: %s\n", config_path.c_str(), err->line,
                 err->message.c_str());
    return 78;  // EX_CONFIG: systemd does not restart on it in a loop worth having
  }
  const auto& config = std::get<kiosk::kioskd::KioskdConfig>(loaded);
  std::string error;
#if KIOSK_WITH_SIMULATION
  const kiosk::kioskd::Simulation simulation = kiosk::kioskd::simulation();
#else
  const kiosk::kioskd::Simulation simulation;  // a release build: real devices only
#endif
  auto daemon = kiosk::kioskd::Kioskd::create(config, &error, simulation);
  if (!daemon || !daemon->start(&error)) {
    std::fprintf(stderr, "kioskd: %s\n", error.c_str());
    return 1;
  }
  const auto notifier = kiosk::kioskd::SystemdNotifier::from_environment();
  notifier.ready();
  std::fprintf(stderr, "kioskd: ready kiosk=%s\n", config.kiosk_id.c_str());

  const auto interval = notifier.watchdog_interval().value_or(std::chrono::seconds(1));
  timespec wait{};
  wait.tv_sec = static_cast<time_t>(interval.count() / 1000000);
  wait.tv_nsec = static_cast<long>(interval.count() % 1000000) * 1000;
  for (;;) {
    const int sig = sigtimedwait(&stop_signals, nullptr, &wait);
    if (sig == SIGTERM || sig == SIGINT) break;
    // Ping only while healthy: a wedged daemon is restarted by systemd.
    if (daemon->healthy()) notifier.watchdog();
  }
  notifier.stopping();
  daemon->stop();
  daemon.reset();
  std::fprintf(stderr, "kioskd: stopped\n");
  return 0;
}
