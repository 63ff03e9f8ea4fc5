// Every fixture screen model (tests/kiosk-ui/fixtures/screens) shown on KioskShell, in both
// languages, normal and large text (portrait 1080x1920) and landscape (1920x1080), passes the
// layout checker: no elided, overflowing or clipped text, no touch target below Theme.minTouch.
#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQml/QQmlExtensionPlugin>
#include <memory>
#include <string>

#include "screen_model.hpp"
#include "tests/kiosk-ui/support/layout_check.hpp"

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

namespace {

struct Mode {
  const char* language;
  bool landscape;
  bool large_text;
};

// Renders each fixture with `mode` and returns "<fixture>: <problem>" lines.
std::string problems_in(const Mode& mode, int* screens_checked) {
  QQmlEngine engine;
  engine.addImportPath(QStringLiteral("qrc:/"));
  QQmlComponent component(&engine);
  component.setData(R"(
import QtQuick
import Kiosk.Ui
Item {
    property QtObject theme: Theme
    property alias shell: shell
    KioskShell { id: shell; anchors.fill: parent; speech: false; animate: false
                 model: ScreenModel {} }
}
)",
                    QUrl::fromLocalFile(QStringLiteral("/check/ScreensCheck.qml")));
  std::unique_ptr<QObject> root_object(component.create());
  INFO(component.errorString().toStdString());
  auto* root = qobject_cast<QQuickItem*>(root_object.get());
  REQUIRE(root != nullptr);
  auto* shell = root->property("shell").value<QQuickItem*>();
  QObject* theme = root->property("theme").value<QObject*>();
  REQUIRE(shell != nullptr);
  REQUIRE(theme != nullptr);
  auto* model = qobject_cast<ScreenModel*>(shell->property("model").value<QObject*>());
  REQUIRE(model != nullptr);

  theme->setProperty("largeText", mode.large_text);
  QQuickWindow window;
  const QSize size = mode.landscape ? QSize(1920, 1080) : QSize(1080, 1920);
  window.resize(size);
  root->setParentItem(window.contentItem());
  root->setSize(size);
  window.show();
  shell->setProperty("attractLanguage", QString::fromLatin1(mode.language));

  const QDir fixtures(QStringLiteral(KIOSK_SOURCE_DIR "/tests/kiosk-ui/fixtures/screens"));
  std::string out;
  for (const QString& file : fixtures.entryList({"*.json"}, QDir::Files, QDir::Name)) {
    QFile f(fixtures.filePath(file));
    REQUIRE(f.open(QIODevice::ReadOnly));
    QVariantMap screen = QJsonDocument::fromJson(f.readAll()).object().toVariantMap();
    if (!screen.value("session_id").toString().isEmpty())
      screen["language"] = QString::fromLatin1(mode.language);
    model->load(screen);
    // Nested layouts with wrapping text settle over a few polish passes (a text's height
    // follows the width its layout gave it); check what the citizen sees once they have.
    for (int pass = 0; pass < 4; ++pass) {
      QCoreApplication::processEvents();
      (void)window.grabWindow();
    }
    const double min_touch = theme->property("minTouch").toDouble();
    for (const auto& p : kiosk::ui_test::find_layout_problems(&window, min_touch))
      out += file.chopped(5).toStdString() + ": " + p.kind + " " + p.item + ": " + p.detail + "\n";
    ++*screens_checked;
  }
  theme->setProperty("largeText", false);
  return out;
}

void check_mode(const Mode& mode) {
  int checked = 0;
  const std::string problems = problems_in(mode, &checked);
  INFO(checked << " screens checked\n" << problems);
  CHECK(checked > 0);
  CHECK(problems.empty());
}

}  // namespace

TEST_CASE("every fixture screen is laid out cleanly in Chinese, portrait", "[screens]") {
  check_mode({"zh", false, false});
}

TEST_CASE("every fixture screen is laid out cleanly in English, portrait", "[screens]") {
  check_mode({"en", false, false});
}

TEST_CASE("every fixture screen is laid out cleanly in Chinese, large text", "[screens]") {
  check_mode({"zh", false, true});
}

TEST_CASE("every fixture screen is laid out cleanly in English, large text", "[screens]") {
  check_mode({"en", false, true});
}

TEST_CASE("every fixture screen is laid out cleanly in Chinese, landscape", "[screens]") {
  check_mode({"zh", true, false});
}
