// Every fixture screen model (tests/kiosk-ui/fixtures/screens) shown on KioskShell, in both
// languages, normal and large text (portrait 1080x1920) and landscape (1920x1080), passes the
// layout checker: no elided, overflowing, clipped or broken-up text, no touch target below
// Theme.minTouch. And the payment screen shows both ways to pay without scrolling in every mode.
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

using kiosk::ui_test::settle;

struct Mode {
  const char* language;
  bool landscape;
  bool large_text;
  bool high_contrast = false;
  bool lowered = false;
};

std::string mode_name(const Mode& mode) {
  return std::string(mode.language) + (mode.landscape ? " landscape" : " portrait") +
         (mode.large_text ? " large" : "") + (mode.high_contrast ? " contrast" : "") +
         (mode.lowered ? " lowered" : "");
}

// KioskShell in a window of the mode's size, over its own ScreenModel, with the mode's Theme.
class ShellWindow {
 public:
  explicit ShellWindow(const Mode& mode) {
    engine_.addImportPath(QStringLiteral("qrc:/"));
    QQmlComponent component(&engine_);
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
    root_.reset(component.create());
    INFO(component.errorString().toStdString());
    auto* root = qobject_cast<QQuickItem*>(root_.get());
    REQUIRE(root != nullptr);
    shell = root->property("shell").value<QQuickItem*>();
    theme = root->property("theme").value<QObject*>();
    REQUIRE(shell != nullptr);
    REQUIRE(theme != nullptr);
    model = qobject_cast<ScreenModel*>(shell->property("model").value<QObject*>());
    REQUIRE(model != nullptr);
    theme->setProperty("largeText", mode.large_text);
    theme->setProperty("highContrast", mode.high_contrast);
    theme->setProperty("lowered", mode.lowered);
    kiosk::ui_test::show_in_window(&window, root,
                                   mode.landscape ? QSize(1920, 1080) : QSize(1080, 1920));
    shell->setProperty("attractLanguage", QString::fromLatin1(mode.language));
    language_ = QString::fromLatin1(mode.language);
  }
  ~ShellWindow() {
    theme->setProperty("largeText", false);
    theme->setProperty("highContrast", false);
    theme->setProperty("lowered", false);
  }

  // Shows fixture `file` (in the mode's language) and lets the layouts settle.
  void show(const QString& file) {
    QFile f(fixtures().filePath(file));
    REQUIRE(f.open(QIODevice::ReadOnly));
    QVariantMap screen = QJsonDocument::fromJson(f.readAll()).object().toVariantMap();
    if (!screen.value("session_id").toString().isEmpty()) screen["language"] = language_;
    // "kiosk_services": kiosk.status's services beside the screen (a service greyed out).
    shell->setProperty("services", screen.value("kiosk_services").toMap());
    model->load(screen);
    settle(&window, 5);
  }

  static QDir fixtures() {
    return QDir(QStringLiteral(KIOSK_SOURCE_DIR "/tests/kiosk-ui/fixtures/screens"));
  }

  QQuickWindow window;
  QQuickItem* shell = nullptr;
  QObject* theme = nullptr;
  ScreenModel* model = nullptr;

 private:
  QQmlEngine engine_;
  std::unique_ptr<QObject> root_;
  QString language_;
};

QQuickItem* find_item(QQuickItem* item, const QString& name) {
  if (item->objectName() == name) return item;
  for (QQuickItem* child : item->childItems())
    if (QQuickItem* found = find_item(child, name)) return found;
  return nullptr;
}

// Renders each fixture with `mode` and returns "<fixture>: <problem>" lines.
std::string problems_in(const Mode& mode, int* screens_checked) {
  ShellWindow shown(mode);
  std::string out;
  const double min_touch = shown.theme->property("minTouch").toDouble();
  for (const QString& file :
       ShellWindow::fixtures().entryList({"*.json"}, QDir::Files, QDir::Name)) {
    shown.show(file);
    for (const auto& p : kiosk::ui_test::find_layout_problems(&shown.window, min_touch))
      out += file.chopped(5).toStdString() + ": " + p.kind + " " + p.item + ": " + p.detail + "\n";
    ++*screens_checked;
  }
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

TEST_CASE("every fixture screen is laid out cleanly in English, landscape", "[screens]") {
  check_mode({"en", true, false});
}

// Both ways to pay (the order QR for the phone, the payment code for the scanner) must be
// seen at once: each card, its heading, its picture and its instruction entirely inside the
// page's visible area, with the page not scrolled, in every mode a citizen can choose.
TEST_CASE("the payment screen shows both ways to pay without scrolling in every mode",
          "[screens][payment]") {
  std::string failures;
  int modes = 0;
  for (const char* language : {"zh", "en"}) {
    for (const bool landscape : {false, true}) {
      for (const bool large : {false, true}) {
        for (const bool contrast : {false, true}) {
          for (const bool lowered : {false, true}) {
            const Mode mode{language, landscape, large, contrast, lowered};
            ShellWindow shown(mode);
            shown.show(QStringLiteral("payment.json"));
            ++modes;
            QString file = QString::fromStdString("payment-" + mode_name(mode) + ".png");
            file.replace(QLatin1Char(' '), QLatin1Char('-'));
            QDir().mkpath(QStringLiteral(KIOSK_SCREENSHOT_DIR));
            CHECK(settle(&shown.window, 1).save(QStringLiteral(KIOSK_SCREENSHOT_DIR "/") + file));
            QQuickItem* scroller = find_item(shown.shell, QStringLiteral("page_scroller"));
            REQUIRE(scroller != nullptr);
            const QRectF viewport =
                scroller->mapRectToScene(QRectF(0, 0, scroller->width(), scroller->height()));
            const QRectF window(0, 0, shown.window.width(), shown.window.height());
            if (scroller->property("contentY").toDouble() != 0.0)
              failures += mode_name(mode) + ": the page is scrolled\n";
            for (const char* name :
                 {"payment_way_qr", "payment_qr", "payment_way_qr_hint", "payment_way_code",
                  "payment_scanner_picture", "payment_way_code_hint"}) {
              QQuickItem* item = find_item(shown.shell, QString::fromLatin1(name));
              if (item == nullptr || !item->isVisible()) {
                failures += mode_name(mode) + ": " + name + " is not shown\n";
                continue;
              }
              const QRectF box = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
              if (box.isEmpty() || !viewport.contains(box.adjusted(1, 1, -1, -1)) ||
                  !window.contains(box.adjusted(1, 1, -1, -1)))
                failures += mode_name(mode) + ": " + name + " is not entirely in view\n";
            }
          }
        }
      }
    }
  }
  INFO(modes << " modes checked\n" << failures);
  CHECK(modes == 32);
  CHECK(failures.empty());
}
