// Catch2 main for kiosk-ui checks that need a Qt GUI application: a QGuiApplication on the
// offscreen platform (unless QT_QPA_PLATFORM says otherwise, e.g. xcb under Xvfb), so QML
// windows can be created, laid out and rendered without a display.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QGuiApplication>

int main(int argc, char* argv[]) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  return Catch::Session().run(argc, argv);
}
