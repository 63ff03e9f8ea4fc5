// bench_kiosk_ui: kiosk-ui's numbers (printed, never asserted).
//
//  (a) start to attract: a fresh process (this binary re-run as a child with --child-start)
//      loads Main.qml exactly like kiosk-ui's main() against a running kioskd and reports the
//      time from its own process start (/proc/self/stat starttime) and from the engine load to
//      the first frame swapped while the attract screen (objectName "screen_idle") is shown.
//      kiosk-ui itself has no "print when the attract frame is up" option, so this is measured
//      in a child of the same code (same module, same Main.qml), not of the kiosk-ui binary.
//      Offscreen always; also on xcb when a display is available:
//          xvfb-run -a build/ci/bench/kiosk_ui/bench_kiosk_ui
//  (b) resident memory (VmRSS) after start (attract shown) and after cycling every screen.
//  (c) frame times during screen transitions: KioskShell driven by a ScreenModel through a
//      sequence of fixture models (tests/kiosk-ui/fixtures/screens/*.json when present, else
//      a built-in minimal sequence), intervals between frameSwapped signals (p50/p95/max) and
//      the latency from ScreenModel::load() to the first frame of the new screen.
// Options: --runs N (start runs per platform, default 5), --cycles N (screen cycles, default 1)
#include <unistd.h>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kiosk_engine.hpp"
#include "screen_model.hpp"
#include "tests/kiosk-ui/support/kiosk_stack.hpp"

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

namespace {

// ---- measurements helpers ----

long rss_kib() {
  QFile f("/proc/self/status");
  if (!f.open(QIODevice::ReadOnly)) return -1;
  for (const QByteArray& line : f.readAll().split('\n'))
    if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').first().toLong();
  return -1;
}

// Milliseconds since this process started (kernel's starttime, clock ticks since boot).
double ms_since_process_start() {
  QFile stat("/proc/self/stat");
  if (!stat.open(QIODevice::ReadOnly)) return -1;
  const QByteArray s = stat.readAll();
  // Field 22 (starttime) counting after the ")" that closes the command name.
  const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
  if (fields.size() < 20) return -1;
  const double start_s = fields[19].toDouble() / static_cast<double>(sysconf(_SC_CLK_TCK));
  timespec now{};
  clock_gettime(CLOCK_BOOTTIME, &now);
  const double now_s = static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
  return (now_s - start_s) * 1000.0;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

bool wait_until(const std::function<bool()>& done, int timeout_ms) {
  QElapsedTimer t;
  t.start();
  while (!done()) {
    if (t.elapsed() > timeout_ms) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
  }
  return true;
}

bool visible_named(QQuickItem* item, const QString& name) {
  if (item == nullptr || !item->isVisible() || item->opacity() <= 0) return false;
  if (item->objectName() == name) return true;
  const auto children = item->childItems();
  return std::any_of(children.begin(), children.end(),
                     [&](QQuickItem* c) { return visible_named(c, name); });
}

// ---- child: one cold start ----

int child_start(const QString& socket) {
  const double at_main = ms_since_process_start();
  qputenv("QT_IM_MODULE", QByteArray("qtvirtualkeyboard"));
  int argc = 1;
  char name[] = "bench_kiosk_ui";
  char* argv[] = {name, nullptr};
  QGuiApplication app(argc, argv);
  QGuiApplication::setApplicationName("kiosk-ui");
  QGuiApplication::setOrganizationName("Kiosk24");
  QElapsedTimer since_load;
  QQmlApplicationEngine engine;
  engine.setInitialProperties({{"landscape", false},
                               {"fullScreen", false},
                               {"developerPanel", false},
                               {"socketPath", socket}});
  since_load.start();
  kiosk::ui::prepare_engine(engine);
  engine.load(kiosk::ui::main_qml());
  if (engine.rootObjects().isEmpty()) return 2;
  auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
  if (window == nullptr) return 2;
  double load_ms = -1, start_ms = -1;
  QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
    if (start_ms < 0 && visible_named(window->contentItem(), "screen_idle")) {
      load_ms = static_cast<double>(since_load.nsecsElapsed()) / 1e6;
      start_ms = ms_since_process_start();
    }
  });
  if (!wait_until([&] { return start_ms >= 0; }, 30000)) return 3;
  // RSS once the attract screen is up and idle for a moment.
  wait_until([] { return false; }, 500);
  std::printf("%.1f %.1f %.1f %ld\n", at_main, start_ms, load_ms, rss_kib());
  return 0;
}

// ---- parent ----

struct StartRun {
  double at_main, start, load;
  long rss;
};

std::vector<StartRun> run_starts(const QString& self, const QString& socket,
                                 const QString& platform, int runs) {
  std::vector<StartRun> out;
  for (int i = 0; i < runs; ++i) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", platform);
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(self, {"--child-start", socket});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
      std::fprintf(stderr, "start run on %s failed (exit %d): %s\n", qPrintable(platform),
                   p.exitCode(), p.readAllStandardError().right(2000).constData());
      continue;
    }
    const QList<QByteArray> f = p.readAllStandardOutput().trimmed().split('\n').last().split(' ');
    if (f.size() == 4)
      out.push_back({f[0].toDouble(), f[1].toDouble(), f[2].toDouble(), f[3].toLong()});
  }
  return out;
}

std::vector<QVariantMap> fixture_models() {
  std::vector<QVariantMap> models;
  QDir dir(QStringLiteral(KIOSK_SOURCE_DIR "/tests/kiosk-ui/fixtures/screens"));
  for (const QString& f : dir.entryList({"*.json"}, QDir::Files, QDir::Name)) {
    QFile file(dir.filePath(f));
    if (!file.open(QIODevice::ReadOnly)) continue;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (doc.isObject() && doc.object().contains("screen"))
      models.push_back(doc.object().toVariantMap());
  }
  if (!models.empty()) return models;
  // Built-in minimal sequence (docs/screen-model.md), synthetic data only.
  const char* sequence[] = {
      R"({"screen":"idle","session_id":"","actions":["start"],"idle":{"seconds_left":-1}})",
      R"({"screen":"insert_id_card","session_id":"s-1","service":"renewal","language":"zh","actions":["cancel"],"progress":{"index":1,"total":12},"idle":{"seconds_left":80,"warning":false}})",
      R"({"screen":"consent","session_id":"s-1","service":"renewal","language":"zh","data":{"purpose":"face_verification","alternative":"call_staff"},"actions":["consent","call_staff","cancel"],"progress":{"index":2,"total":12},"idle":{"seconds_left":80,"warning":false}})",
      R"({"screen":"checking","session_id":"s-1","service":"renewal","language":"zh","actions":[],"progress":{"index":4,"total":12},"idle":{"seconds_left":-1}})",
      R"({"screen":"photo_review","session_id":"s-1","service":"renewal","language":"zh","data":{"attempt":1,"retakes_left":3,"quality_ok":true},"actions":["accept","retake","cancel"],"progress":{"index":6,"total":12},"idle":{"seconds_left":80,"warning":false}})",
      R"({"screen":"confirm_details","session_id":"s-1","service":"renewal","language":"zh","data":{"name":"测试用户","id_number":"1101********001X","address":"北京市东城区测试路1号","classes":"C1","valid_from":"2026-12-01","valid_to":"2032-12-01","fee_fen":1000},"actions":["confirm","change_address","cancel"],"progress":{"index":7,"total":12},"idle":{"seconds_left":80,"warning":false}})",
      R"({"screen":"payment","session_id":"s-1","service":"renewal","language":"zh","data":{"amount_fen":1000,"qr":"kiosk24pay://order/o-1?amount=1000"},"actions":["cancel"],"progress":{"index":8,"total":12},"idle":{"seconds_left":80,"warning":false}})",
      R"({"screen":"printing","session_id":"s-1","service":"renewal","language":"zh","data":{"attempt":1},"actions":[],"progress":{"index":10,"total":12,"eta_seconds":40},"idle":{"seconds_left":-1}})",
      R"({"screen":"take_card","session_id":"s-1","service":"renewal","language":"zh","actions":[],"progress":{"index":11,"total":12},"idle":{"seconds_left":-1}})",
      R"({"screen":"completed","session_id":"s-1","service":"renewal","language":"zh","data":{"outcome":"completed","card_serial":"C00000001","refunded":false},"actions":["finish"],"progress":{"index":12,"total":12},"idle":{"seconds_left":30,"warning":false}})",
  };
  for (const char* m : sequence)
    models.push_back(QJsonDocument::fromJson(QByteArray(m)).object().toVariantMap());
  return models;
}

struct TransitionStats {
  std::vector<double> intervals_ms;  // between consecutive frames during transitions
  int idle_gaps = 0;                 // intervals > 250 ms: nothing animating, not a frame time
  std::vector<double> latency_ms;    // load() to the first frame showing the new screen
  int transitions = 0;
  int missed = 0;
};

TransitionStats cycle_screens(QQmlEngine& engine, int cycles) {
  TransitionStats stats;
  QQmlComponent component(&engine);
  component.setData(
      "import QtQuick\nimport Kiosk.Ui\n"
      "Window { id: w; width: 1080; height: 1920; visible: true; color: \"black\"\n"
      "  property ScreenModel model: ScreenModel {}\n"
      "  KioskShell { anchors.fill: parent; model: w.model } }\n",
      QUrl::fromLocalFile(QStringLiteral("/bench/ShellWindow.qml")));
  std::unique_ptr<QObject> root(component.create());
  auto* window = qobject_cast<QQuickWindow*>(root.get());
  if (window == nullptr) {
    std::fprintf(stderr, "KioskShell window failed: %s\n", qPrintable(component.errorString()));
    return stats;
  }
  auto* model = root->property("model").value<ScreenModel*>();
  if (model == nullptr) return stats;

  const auto models = fixture_models();
  QElapsedTimer clock;
  clock.start();
  std::vector<qint64> frames;
  QObject::connect(window, &QQuickWindow::frameSwapped, window,
                   [&] { frames.push_back(clock.nsecsElapsed()); });
  model->load(models.back());  // the cycle starts with a change of screen
  wait_until([] { return false; }, 1000);

  for (int c = 0; c < cycles; ++c) {
    for (const QVariantMap& m : models) {
      const QString name = "screen_" + m.value("screen").toString();
      frames.clear();
      const qint64 t0 = clock.nsecsElapsed();
      model->load(m);
      ++stats.transitions;
      double shown = -1;
      // Until the new screen is on a swapped frame, then 700 ms of its entry animation.
      const bool ok = wait_until(
          [&] {
            if (shown < 0 && !frames.empty() && visible_named(window->contentItem(), name))
              shown = static_cast<double>(frames.back() - t0) / 1e6;
            return shown >= 0 && (clock.nsecsElapsed() - t0) / 1000000 > shown + 700;
          },
          5000);
      if (!ok) {
        ++stats.missed;
        continue;
      }
      stats.latency_ms.push_back(shown);
      for (size_t i = 1; i < frames.size(); ++i) {
        const double interval = static_cast<double>(frames[i] - frames[i - 1]) / 1e6;
        if (interval > 250)
          ++stats.idle_gaps;
        else
          stats.intervals_ms.push_back(interval);
      }
    }
  }
  return stats;
}

int parent_main(int argc, char* argv[]) {
  int runs = 5, cycles = 1;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0)
      runs = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--cycles") == 0)
      cycles = std::atoi(argv[++i]);
  }
  const bool has_display = !qEnvironmentVariableIsEmpty("DISPLAY");
  const QString platform = has_display ? "xcb" : "offscreen";
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", platform.toUtf8());
  qputenv("QT_IM_MODULE", QByteArray("qtvirtualkeyboard"));
  QGuiApplication app(argc, argv);
  QGuiApplication::setApplicationName("kiosk-ui");
  QGuiApplication::setOrganizationName("Kiosk24");

  kiosk::ui_test::StackOptions options;
  options.stock_count = 0;
  kiosk::ui_test::KioskStack stack(options);
  try {
    stack.start();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }

  std::printf("kiosk-ui benchmarks (Qt %s, render backend %s)\n", qVersion(),
              qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND")
                  ? "default"
                  : qgetenv("QT_QUICK_BACKEND").constData());
  std::printf("\n(a) start to attract screen, %d fresh processes per platform (median / max)\n",
              runs);
  std::vector<QString> platforms{"offscreen"};
  if (has_display) platforms.push_back("xcb");
  for (const QString& p : platforms) {
    const auto r =
        run_starts(QCoreApplication::applicationFilePath(), stack.socket_path(), p, runs);
    if (r.empty()) {
      std::printf("  %-9s no successful run\n", qPrintable(p));
      continue;
    }
    std::vector<double> start, load, main_at;
    std::vector<double> rss;
    for (const auto& s : r) {
      start.push_back(s.start);
      load.push_back(s.load);
      main_at.push_back(s.at_main);
      rss.push_back(static_cast<double>(s.rss));
    }
    std::printf(
        "  %-9s process start -> attract frame %7.1f / %7.1f ms"
        "  (of which exec -> main %5.1f ms; engine.load -> attract frame %7.1f / %7.1f ms)"
        "  RSS %6.0f KiB\n",
        qPrintable(p), percentile(start, 0.5), percentile(start, 1.0), percentile(main_at, 0.5),
        percentile(load, 0.5), percentile(load, 1.0), percentile(rss, 0.5));
  }

  // (b) + (c) in this process: Main.qml up on the attract screen, then KioskShell cycling.
  QQmlApplicationEngine engine;
  engine.setInitialProperties({{"landscape", false},
                               {"fullScreen", false},
                               {"developerPanel", false},
                               {"socketPath", stack.socket_path()}});
  kiosk::ui::prepare_engine(engine);
  engine.load(kiosk::ui::main_qml());
  if (engine.rootObjects().isEmpty()) return 1;
  auto* main_window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
  wait_until(
      [&] { return main_window && visible_named(main_window->contentItem(), "screen_idle"); },
      30000);
  wait_until([] { return false; }, 1000);
  const long rss_start = rss_kib();

  if (main_window != nullptr && main_window->rendererInterface() != nullptr) {
    const auto api = main_window->rendererInterface()->graphicsApi();
    std::printf("\nscene graph: %s\n", api == QSGRendererInterface::Software ? "software"
                                       : api == QSGRendererInterface::OpenGL ? "OpenGL (RHI)"
                                                                             : "other RHI");
  }
  const TransitionStats t = cycle_screens(engine, cycles);
  const long rss_cycled = rss_kib();
  std::printf("\n(b) resident memory (%s, this process: Main.qml on attract, then KioskShell)\n",
              qPrintable(platform));
  std::printf("  after start (attract shown)       %7ld KiB\n", rss_start);
  std::printf("  after %d cycles of all screens     %7ld KiB\n", cycles, rss_cycled);

  std::printf("\n(c) screen transitions on %s: %d transitions (%zu screens x %d), %d not shown\n",
              qPrintable(platform), t.transitions, fixture_models().size(), cycles, t.missed);
  std::printf("  load() -> first frame of new screen  p50 %6.1f  p95 %6.1f  max %6.1f ms\n",
              percentile(t.latency_ms, 0.5), percentile(t.latency_ms, 0.95),
              percentile(t.latency_ms, 1.0));
  std::printf("  frame interval (%5zu frames)        p50 %6.1f  p95 %6.1f  max %6.1f ms\n",
              t.intervals_ms.size(), percentile(t.intervals_ms, 0.5),
              percentile(t.intervals_ms, 0.95), percentile(t.intervals_ms, 1.0));
  std::printf("  (%d gaps > 250 ms between frames not counted: nothing was animating)\n",
              t.idle_gaps);
  return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
  if (argc == 3 && std::strcmp(argv[1], "--child-start") == 0)
    return child_start(QString::fromLocal8Bit(argv[2]));
  return parent_main(argc, argv);
}
