#pragma once
// How every program that shows the kiosk UI (kiosk-ui, the end-to-end test, the benchmark)
// prepares its QML engine, so the tests load Main.qml exactly as the product does.

#include <QUrl>

class QQmlEngine;

namespace kiosk::ui {

// The Kiosk.Ui module is linked in statically; its qmldir is at qrc:/Kiosk/Ui/qmldir. Qt 6.4
// does not search qrc:/ by default, and without it the types in qml/maintenance and
// qml/developer resolve only when a build tree happens to sit next to the binary.
void prepare_engine(QQmlEngine& engine);

// The top-level window: Main.qml, with required properties landscape, fullScreen,
// developerPanel and socketPath.
QUrl main_qml();

}  // namespace kiosk::ui
