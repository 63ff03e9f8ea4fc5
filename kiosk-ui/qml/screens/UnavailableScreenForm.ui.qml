// UnavailableScreenForm: layout of "the service cannot start now" (session.start refused):
// the reason in plain words, what to do, and a button back to the start.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    property ScreenModel model
    readonly property string code: model ? model.errorCode : ""
    property alias backButton: back

    iconName: form.code === "central_unavailable" ? "no_connection" : "tools"
    iconColor: Theme.warning

    InfoCard {
        objectName: "next_steps"
        KioskText { role: "heading"; text: qsTr("What you can do now"); Layout.fillWidth: true }
        KioskText {
            visible: form.code === "central_unavailable"
            text: qsTr("• Try again in a few minutes.")
            Layout.fillWidth: true
        }
        KioskText {
            visible: form.code === "stock_empty"
            text: qsTr("• Licence information queries may still be possible here.")
            Layout.fillWidth: true
        }
        KioskText { text: qsTr("• Use another kiosk, or go to the service counter."); Layout.fillWidth: true }
        KioskText { text: qsTr("You have not been charged."); muted: true; Layout.fillWidth: true }
    }
    Item { Layout.fillHeight: true }

    footer: [
        Item { Layout.fillWidth: true; Layout.preferredWidth: 100 },
        KioskButton {
            id: back
            objectName: "dismiss"
            kind: "primary"
            text: qsTr("Back to start")
            Layout.maximumWidth: 480
        }
    ]
}
