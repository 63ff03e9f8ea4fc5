// The kiosk's top-level window: the citizen shell, the maintenance shell over it while a
// technician is logged in (or logging in), and in simulation the developer panel beside it.
import QtQuick
import QtQuick.Window
import Kiosk.Ui

Window {
    id: root

    required property bool landscape
    required property bool fullScreen
    required property bool developerPanel
    required property string socketPath

    width: landscape ? 1920 : 1080
    height: landscape ? 1080 : 1920
    visibility: fullScreen ? Window.FullScreen : Window.Windowed
    visible: true
    title: "Kiosk24"
    color: "black"

    Component.onCompleted: LocalApi.socketPath = root.socketPath

    Text {
        anchors.centerIn: parent
        color: "white"
        font.pixelSize: 48
        text: LocalApi.screen.name
    }
}
