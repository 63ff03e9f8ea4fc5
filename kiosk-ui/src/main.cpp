// kiosk-ui: the kiosk's touch interface. Loads the Kiosk.Ui module's Main.qml against kioskd's
// local API socket. Options:
//   --socket PATH       kioskd's socket (default $KIOSKD_SOCKET or /run/kioskd/kioskd.sock)
//   --landscape         1920 x 1080 instead of portrait 1080 x 1920
//   --fullscreen        cover the screen (production); default is a window of the kiosk's size
//   --developer-panel   the emulator controls beside the kiosk (simulation mode only)
//   --screenshot FILE   save the first frame that shows kioskd's screen (or, after 15 s, the
//                       one shown then) as a PNG and quit (the demo's headless check)
#include <memory>

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

#include "kiosk_engine.hpp"
#include "local_api.hpp"

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

int main(int argc, char* argv[]) {
  qputenv("QT_IM_MODULE", QByteArray("qtvirtualkeyboard"));
  QGuiApplication app(argc, argv);
  QGuiApplication::setApplicationName("kiosk-ui");
  QGuiApplication::setOrganizationName("Kiosk24");

  QCommandLineParser parser;
  parser.setApplicationDescription("Kiosk24 touch interface");
  parser.addHelpOption();
  const QCommandLineOption socket("socket", "kioskd's local API socket.", "path");
  const QCommandLineOption landscape("landscape", "Landscape 1920x1080 layout.");
  const QCommandLineOption fullscreen("fullscreen", "Cover the whole screen.");
  const QCommandLineOption developer("developer-panel", "Show the emulator controls.");
  const QCommandLineOption screenshot("screenshot", "Save a frame as PNG and quit.", "file");
  parser.addOptions({socket, landscape, fullscreen, developer, screenshot});
  parser.process(app);

  QString path = parser.value(socket);
  if (path.isEmpty()) path = qEnvironmentVariable("KIOSKD_SOCKET", "/run/kioskd/kioskd.sock");

  QQmlApplicationEngine engine;
  engine.setInitialProperties({{"landscape", parser.isSet(landscape)},
                               {"fullScreen", parser.isSet(fullscreen)},
                               {"developerPanel", parser.isSet(developer)},
                               {"socketPath", path}});
  QObject::connect(
      &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
      [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
  kiosk::ui::prepare_engine(engine);
  engine.load(kiosk::ui::main_qml());

  if (parser.isSet(screenshot)) {
    auto* window = engine.rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (window == nullptr) return 1;
    const QString file = parser.value(screenshot);
    auto grab = [window, file] {
      QCoreApplication::exit(window->grabWindow().save(file, "PNG") ? 0 : 1);
    };
    // Grab once kioskd's screen is shown, not the "no connection" one drawn before the local
    // API has answered, and after its entry animation has settled (screens fade in);
    // frameSwapped may come from the render thread, hence &app.
    auto scheduled = std::make_shared<bool>(false);
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [grab, scheduled] {
      const LocalApi* api = LocalApi::instance();
      if (*scheduled || api == nullptr || !api->connected() ||
          api->screen()->name() == "no_connection")
        return;
      *scheduled = true;
      QTimer::singleShot(1500, grab);
    });
    QTimer::singleShot(15000, &app, grab);
  }
  return QGuiApplication::exec();
}
