// The kiosk's top-level window: the citizen shell bound to kioskd's live screen model, the
// maintenance shell over it while a technician logs in or works, and in simulation the
// developer panel in a window of its own beside the kiosk. Only this file talks to LocalApi
// on the citizen's behalf; the shell below it only emits what the citizen did.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Window
import Kiosk.Ui

Window {
    id: root

    required property bool landscape
    required property bool fullScreen
    required property bool developerPanel
    required property string socketPath

    property bool maintenanceRequested: false

    width: landscape ? 1920 : 1080
    height: landscape ? 1080 : 1920
    visibility: fullScreen ? Window.FullScreen : Window.Windowed
    visible: true
    title: "Kiosk24"
    color: "black"

    Component.onCompleted: LocalApi.socketPath = root.socketPath

    KioskShell {
        id: shell
        anchors.fill: parent
        model: LocalApi.screen
        previewFrame: LocalApi.previewFrame
        photo: LocalApi.photo
        services: LocalApi.status.services ?? ({})
        onAct: (action, value) => LocalApi.act(action, value)
        onKeepAliveRequested: LocalApi.keepAlive()
        onStartRequested: (service, language) => LocalApi.startSession(service, language)
        onDismissRequested: LocalApi.dismiss()
        onPreviewWanted: LocalApi.refreshPreview()
        onPhotoWanted: LocalApi.refreshPhoto()
        // Maintenance only from the attract screen: never over a citizen's session.
        onMaintenanceRequested: if (LocalApi.screen.name === "idle") root.maintenanceRequested = true
    }

    Loader {
        anchors.fill: parent
        active: root.maintenanceRequested || LocalApi.maintenanceActive
        sourceComponent: MaintenanceShell {
            onClosed: root.maintenanceRequested = false
        }
    }

    Loader {
        active: root.developerPanel && LocalApi.simulation
        sourceComponent: DeveloperPanel {
            kioskWindow: root
        }
    }
}
