// NoConnectionScreenForm: layout of the UI-only "kioskd cannot be reached" screen: calm, no
// action; the client reconnects by itself and the screen goes away.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    property ScreenModel model

    title: qsTr("The kiosk is getting ready")
    subtitle: qsTr("The kiosk is starting up or reconnecting. This screen will change by itself in a moment.")
    iconName: "no_connection"
    iconColor: Theme.textMuted

    Item { Layout.fillHeight: true }
    WaitingIndicator { Layout.alignment: Qt.AlignHCenter }
    KioskText {
        text: qsTr("If this takes more than a few minutes, please ask staff at the service counter.")
        muted: true
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }
    Item { Layout.fillHeight: true }
}
