// Layout of the Sync page (behaviour in SyncPage.qml).
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

Flickable {
    id: root

    property alias refreshButton: refreshButton
    property alias syncButton: syncButton
    property alias message: banner.text
    property alias failed: banner.error
    property string stateText: "—"
    property string stateTone: "neutral"
    property string depthText: "—"
    property string ackText: "—"
    property string successText: "—"
    property string errorText: "—"
    property string circuitText: "—"
    property string circuitTone: "neutral"

    contentHeight: column.implicitHeight
    clip: true
    boundsBehavior: Flickable.StopAtBounds

    Column {
        id: column
        width: root.width
        spacing: 24

        RowLayout {
            width: parent.width
            spacing: 16
            Column {
                Layout.fillWidth: true
                Text {
                    text: qsTr("Synchronisation")
                    font.pixelSize: 40
                    font.family: Theme.fontFamily
                    font.weight: Font.Bold
                    color: Theme.maintText
                }
                Text {
                    width: parent.width
                    text: qsTr("Journal records waiting for the central office.")
                    font.pixelSize: 24
                    font.family: Theme.fontFamily
                    color: Theme.maintTextMuted
                    elide: Text.ElideRight
                }
            }
            MaintButton {
                id: refreshButton
                objectName: "sync_refresh"
                text: qsTr("Refresh")
            }
            MaintButton {
                id: syncButton
                objectName: "sync_now"
                kind: "primary"
                text: qsTr("Sync now")
            }
        }

        MaintBanner {
            id: banner
            objectName: "sync_message"
            width: parent.width
        }

        MaintCard {
            width: parent.width
            spacing: 4
            MaintInfoRow {
                objectName: "sync_state"
                width: parent.width
                label: qsTr("State")
                value: root.stateText
                tone: root.stateTone
            }
            MaintInfoRow {
                objectName: "sync_depth"
                width: parent.width
                label: qsTr("Outbox depth")
                value: root.depthText
            }
            MaintInfoRow {
                width: parent.width
                label: qsTr("Last acknowledged")
                value: root.ackText
            }
            MaintInfoRow {
                width: parent.width
                label: qsTr("Last success")
                value: root.successText
            }
            MaintInfoRow {
                width: parent.width
                label: qsTr("Last error")
                value: root.errorText
            }
            MaintInfoRow {
                objectName: "sync_circuit"
                width: parent.width
                label: qsTr("Circuit to central")
                value: root.circuitText
                tone: root.circuitTone
            }
        }
    }
}
