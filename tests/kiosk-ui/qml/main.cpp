// Qt Quick Test runner of the kiosk UI. Every tst_*.qml can `import KioskTest` for the singleton
// `Fixtures`, a loader of the screen-model fixtures (tests/kiosk-ui/fixtures/screens/<name>.json),
// and the type `ScriptedChannel` (tests/kiosk-ui/support/scripted_channel.hpp: kioskd's answers
// for MaintenanceApi), and imports the statically linked Kiosk.Ui module.
#include <QtQuickTest/quicktest.h>
#include <QFile>
#include <QJsonDocument>
#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>
#include <QtQml/QQmlExtensionPlugin>

#include "tests/kiosk-ui/support/scripted_channel.hpp"

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

class Fixtures : public QObject {
  Q_OBJECT
 public:
  using QObject::QObject;
  // The screen model of fixture `name` (file name without .json); {} if it cannot be read.
  Q_INVOKABLE QVariantMap load(const QString& name) const {
    QFile file(QStringLiteral(KIOSK_UI_FIXTURES_DIR "/") + name + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(file.readAll()).toVariant().toMap();
  }
};

class Setup : public QObject {
  Q_OBJECT
 public slots:
  void qmlEngineAvailable(QQmlEngine* engine) {
    // The statically linked module's qmldir lives at qrc:/Kiosk/Ui.
    engine->addImportPath(QStringLiteral("qrc:/"));
    // One process runs one test file: one engine, one registration.
    static Fixtures fixtures;
    static const bool registered =
        qmlRegisterSingletonInstance("KioskTest", 1, 0, "Fixtures", &fixtures) >= 0;
    Q_UNUSED(registered);
    kiosk::ui_test::register_scripted_channel();
  }
};

QUICK_TEST_MAIN_WITH_SETUP(kiosk_ui_qml, Setup)

#include "main.moc"
