// Catch2 runner for kiosk-ui tests: one QGuiApplication (offscreen platform unless the
// environment chose another) lives for the whole run, so tests can use Qt's event loop, images
// and QML. Built once as the OBJECT library kiosk_ui_catch_main and shared by the UI tests.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QGuiApplication>

int main(int argc, char* argv[]) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QGuiApplication app(argc, argv);
  return Catch::Session().run(argc, argv);
}
