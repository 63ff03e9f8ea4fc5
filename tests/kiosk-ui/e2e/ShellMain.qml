// ShellMain: the citizen half of Main.qml as UI_BRIEF's contract describes it (Window ->
// KioskShell { model: LocalApi.screen } wired to LocalApi), for running the e2e renewal while
// the real Main.qml does not show KioskShell yet: KIOSK_E2E_MAIN=shell. The test normally
// loads qrc:/Kiosk/Ui/qml/Main.qml.
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
    visible: true
    color: "black"

    Component.onCompleted: LocalApi.socketPath = root.socketPath

    KioskShell {
        anchors.fill: parent
        model: LocalApi.screen
        speech: false
        previewFrame: LocalApi.previewFrame
        photo: LocalApi.photo
        onAct: (action, value) => LocalApi.act(action, value)
        onStartRequested: (service, language) => LocalApi.startSession(service, language)
        onDismissRequested: LocalApi.dismiss()
        onPreviewWanted: LocalApi.refreshPreview()
        onPhotoWanted: LocalApi.refreshPhoto()
    }
}
