// IdleWarning: the "Are you still there?" overlay shown in the last seconds before kioskd ends
// a session for lack of input. A touch anywhere (or the button, objectName idle_continue) means
// "I'm still here"; "End now" (objectName idle_cancel, only when cancel is allowed) ends it.
//   secondsLeft: int      model.idleSecondsLeft
//   canCancel: bool       whether the end button is offered
//   signal stillHere()
//   signal endRequested()
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

Rectangle {
    id: overlay

    property int secondsLeft: 0
    property bool canCancel: false
    signal stillHere()
    signal endRequested()

    objectName: "idle_warning"
    color: Theme.overlay

    MouseArea {
        anchors.fill: parent
        onClicked: overlay.stillHere()
    }

    InfoCard {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 1100)
        padding: Theme.spacing * 1.5

        KioskIcon {
            name: "clock"
            color: Theme.warning
            Layout.alignment: Qt.AlignHCenter
        }
        KioskText {
            role: "title"
            text: qsTr("Are you still there?")
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        KioskText {
            objectName: "idle_seconds"
            role: "display"
            color: Theme.warning
            text: Math.max(overlay.secondsLeft, 0)
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        KioskText {
            text: qsTr("For your privacy, the session will end and your details will be cleared when the time runs out. Touch the screen to continue.")
            muted: true
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
            Layout.bottomMargin: Theme.spacing
        }
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            KioskButton {
                objectName: "idle_cancel"
                visible: overlay.canCancel
                text: qsTr("End now")
                onClicked: overlay.endRequested()
            }
            KioskButton {
                objectName: "idle_continue"
                kind: "primary"
                text: qsTr("I'm still here")
                onClicked: overlay.stillHere()
            }
        }
    }
}
