// kiosk_ui_tour: renders KioskShell for every fixture screen model and saves one PNG per
// (fixture, language, mode): <out>/<fixture>-<lang>-<mode>.png with lang zh|en and mode
// normal|large (portrait 1080x1920) or landscape (1920x1080, zh, normal text only).
// The camera preview and the licence photo are a synthetic drawing (no real face).
//   kiosk_ui_tour --fixtures DIR --out DIR [fixture-name ...]
// Exit status: 0 when every screenshot was written; 1 when a fixture failed to load, a screen
// failed to render or (once wired) the layout check reported a problem.
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QPainter>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQml/QQmlExtensionPlugin>
#include <cstdio>
#include <memory>

#include "screen_model.hpp"

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

namespace {

// A calm synthetic "camera frame": a head-and-shoulders silhouette on a wall; no person.
QImage synthetic_frame(const QSize& size) {
  QImage image(size, QImage::Format_RGB32);
  image.fill(QColor(0x8a, 0x95, 0xa5));
  QPainter p(&image);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(0x3b, 0x4a, 0x60));
  const double w = size.width(), h = size.height();
  p.drawEllipse(QPointF(w / 2, h * 1.05), w * 0.42, h * 0.38);  // shoulders
  p.setBrush(QColor(0xd9, 0xb8, 0x9c));
  p.drawEllipse(QPointF(w / 2, h * 0.45), w * 0.17, h * 0.24);  // head
  return image;
}

struct Mode {
  const char* name;
  bool landscape;
  bool large_text;
  bool high_contrast = false;
  bool lowered = false;
  bool extra = false;  // only with --all-modes (zh portrait)
};

// The Theme singleton (a QML singleton: reached through a QML expression).
QObject* theme_of(QQmlEngine& engine) {
  QQmlComponent component(&engine);
  component.setData("import QtQuick\nimport Kiosk.Ui\nQtObject { property QtObject theme: Theme }",
                    QUrl(QStringLiteral("qrc:/tour/ThemeHandle.qml")));
  std::unique_ptr<QObject> handle(component.create());
  return handle ? handle->property("theme").value<QObject*>() : nullptr;
}

void set_theme(QObject* theme, const Mode& mode) {
  theme->setProperty("largeText", mode.large_text);
  theme->setProperty("highContrast", mode.high_contrast);
  theme->setProperty("lowered", mode.lowered);
}

}  // namespace

int main(int argc, char* argv[]) {
  QGuiApplication app(argc, argv);
  QCommandLineParser parser;
  const QCommandLineOption fixtures_option("fixtures", "Fixture screen models.", "dir");
  const QCommandLineOption out_option("out", "Screenshot folder.", "dir");
  const QCommandLineOption all_modes_option(
      "all-modes", "Also high contrast and lowered layout (zh, portrait): contrast, lowered.");
  parser.addOptions({fixtures_option, out_option, all_modes_option});
  parser.addPositionalArgument("fixture", "Only these fixtures (file names without .json).");
  parser.process(app);

  const QDir fixtures(parser.value(fixtures_option));
  const QDir out(parser.value(out_option));
  if (!QDir().mkpath(out.path())) {
    std::fprintf(stderr, "cannot create %s\n", qPrintable(out.path()));
    return 1;
  }
  QStringList names;
  for (const QString& file : fixtures.entryList({"*.json"}, QDir::Files, QDir::Name))
    names << file.chopped(5);
  if (!parser.positionalArguments().isEmpty()) names = parser.positionalArguments();
  if (names.isEmpty()) {
    std::fprintf(stderr, "no fixtures in %s\n", qPrintable(fixtures.path()));
    return 1;
  }

  QQmlEngine engine;
  engine.addImportPath(QStringLiteral("qrc:/"));
  QQmlComponent component(&engine);
  component.setData(R"(
import QtQuick
import Kiosk.Ui
KioskShell {
    speech: false
    animate: false
    model: ScreenModel {}
}
)",
                    QUrl(QStringLiteral("qrc:/tour/TourShell.qml")));
  std::unique_ptr<QObject> root(component.create());
  auto* shell = qobject_cast<QQuickItem*>(root.get());
  if (shell == nullptr) {
    std::fprintf(stderr, "cannot create KioskShell: %s\n", qPrintable(component.errorString()));
    return 1;
  }
  auto* model = qobject_cast<ScreenModel*>(shell->property("model").value<QObject*>());
  if (model == nullptr) return 1;
  QObject* theme = theme_of(engine);
  if (theme == nullptr) {
    std::fprintf(stderr, "no Theme singleton\n");
    return 1;
  }
  QQuickWindow window;
  window.setColor(Qt::black);
  shell->setParentItem(window.contentItem());
  window.show();

  const Mode modes[] = {{"normal", false, false},
                        {"large", false, true},
                        {"landscape", true, false},
                        {"contrast", false, false, true, false, true},
                        {"lowered", false, false, false, true, true}};
  const bool all_modes = parser.isSet(all_modes_option);
  int failures = 0, written = 0;
  for (const QString& name : names) {
    QFile file(fixtures.filePath(name + ".json"));
    QJsonParseError error{};
    const QJsonDocument doc = file.open(QIODevice::ReadOnly)
                                  ? QJsonDocument::fromJson(file.readAll(), &error)
                                  : QJsonDocument();
    if (!doc.isObject()) {
      std::fprintf(stderr, "%s: not a screen model\n", qPrintable(name));
      ++failures;
      continue;
    }
    for (const char* lang : {"zh", "en"}) {
      for (const Mode& mode : modes) {
        const bool zh_only = mode.landscape || mode.extra;
        if (zh_only && QLatin1String(lang) != QLatin1String("zh")) continue;
        if (mode.extra && !all_modes) continue;
        set_theme(theme, mode);
        const QSize size = mode.landscape ? QSize(1920, 1080) : QSize(1080, 1920);
        window.resize(size);
        shell->setSize(size);
        QVariantMap screen = doc.object().toVariantMap();
        if (!screen.value("session_id").toString().isEmpty()) screen["language"] = lang;
        shell->setProperty("attractLanguage", QString::fromLatin1(lang));
        shell->setProperty("previewFrame", QVariant::fromValue(synthetic_frame({640, 480})));
        shell->setProperty("photo", QVariant::fromValue(synthetic_frame({358, 441})));
        // "kiosk_services": kiosk.status's services beside the screen (a service greyed out).
        shell->setProperty("services", screen.value("kiosk_services").toMap());
        model->load(screen);
        for (int i = 0; i < 3; ++i) QCoreApplication::processEvents();

        const QImage shot = window.grabWindow();
        // The layout of every fixture in these modes is checked (and fails the build) by
        // tests/kiosk-ui/check/screens_check_test.cpp; the tour only keeps the pictures.
        const QString path =
            out.filePath(QStringLiteral("%1-%2-%3.png").arg(name, lang, mode.name));
        if (shot.isNull() || !shot.save(path)) {
          std::fprintf(stderr, "%s: cannot render or save\n", qPrintable(path));
          ++failures;
          continue;
        }
        ++written;
      }
    }
  }
  std::printf("%d screenshots in %s, %d failures\n", written, qPrintable(out.path()), failures);
  return failures == 0 ? 0 : 1;
}
