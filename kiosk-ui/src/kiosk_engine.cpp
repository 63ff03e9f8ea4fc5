#include "kiosk_engine.hpp"

#include <QQmlEngine>

namespace kiosk::ui {

void prepare_engine(QQmlEngine& engine) {
  engine.addImportPath(QStringLiteral("qrc:/"));
}

QUrl main_qml() {
  return QUrl(QStringLiteral("qrc:/Kiosk/Ui/qml/Main.qml"));
}

}  // namespace kiosk::ui
