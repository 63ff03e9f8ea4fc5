// Layout of the out-of-service page (behaviour in ServicePage.qml).
import QtQuick
import Kiosk.Ui

Flickable {
    id: root

    property bool outOfService: false
    property string currentReason: ""
    property alias reasonField: reasonField
    property alias toggleButton: toggleButton
    property alias message: banner.text
    property alias failed: banner.error

    contentHeight: column.implicitHeight
    clip: true
    boundsBehavior: Flickable.StopAtBounds

    Column {
        id: column
        width: root.width
        spacing: 24

        Text {
            text: qsTr("Kiosk service")
            font.pixelSize: 40
            font.family: Theme.fontFamily
            font.weight: Font.Bold
            color: Theme.maintText
        }

        Rectangle {
            width: parent.width
            height: stateColumn.implicitHeight + 56
            radius: 14
            color: root.outOfService ? Theme.maintErrorBackground : Theme.maintOkBackground
            border.color: root.outOfService ? Theme.maintErrorBorder : Theme.maintOkBorder
            border.width: 2
            Column {
                id: stateColumn
                x: 28
                y: 28
                width: parent.width - 56
                spacing: 8
                Text {
                    objectName: "service_state"
                    width: parent.width
                    text: root.outOfService ? qsTr("Out of service") : qsTr("In service")
                    font.pixelSize: 44
                    font.family: Theme.fontFamily
                    font.weight: Font.Bold
                    color: root.outOfService ? Theme.maintErrorInk : Theme.maintOkInk
                }
                Text {
                    width: parent.width
                    wrapMode: Text.Wrap
                    text: root.outOfService
                          ? (root.currentReason.length > 0 ? qsTr("Citizens cannot start a session. Reason: %1").arg(root.currentReason)
                                                           : qsTr("Citizens cannot start a session."))
                          : qsTr("Citizens can start sessions.")
                    font.pixelSize: 26
                    font.family: Theme.fontFamily
                    color: Theme.maintTextStrong
                }
            }
        }

        MaintCard {
            width: parent.width
            title: root.outOfService ? qsTr("Return to service") : qsTr("Take out of service")
            Text {
                width: parent.width
                visible: !root.outOfService
                text: qsTr("A session in progress is allowed to finish; then the kiosk shows the out-of-service screen.")
                wrapMode: Text.Wrap
                font.pixelSize: 24
                font.family: Theme.fontFamily
                color: Theme.maintTextMuted
            }
            MaintField {
                id: reasonField
                width: parent.width
                fieldName: "service_reason"
                label: qsTr("Reason (recorded in the audit log)")
                placeholder: root.outOfService ? qsTr("e.g. ribbon replaced") : qsTr("e.g. ribbon change")
            }
            MaintBanner {
                id: banner
                objectName: "service_message"
                width: parent.width
            }
            MaintButton {
                id: toggleButton
                objectName: "service_toggle"
                anchors.right: parent.right
                kind: root.outOfService ? "primary" : "danger"
                text: root.outOfService ? qsTr("Return to service") : qsTr("Take out of service")
            }
        }
    }
}
