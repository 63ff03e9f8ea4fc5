// Layout of the Audit page (behaviour in AuditPage.qml).
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

Item {
    id: root

    property alias refreshButton: refreshButton
    property alias list: list
    property alias error: banner.text
    property var chainOk: null      // true, false or null (unknown)

    ColumnLayout {
        anchors.fill: parent
        spacing: 20

        RowLayout {
            Layout.fillWidth: true
            spacing: 16
            Column {
                Layout.fillWidth: true
                spacing: 8
                Text {
                    text: qsTr("Audit log")
                    font.pixelSize: 40
                    font.family: Theme.fontFamily
                    font.weight: Font.Bold
                    color: Theme.maintText
                }
                MaintPill {
                    objectName: "audit_chain"
                    visible: root.chainOk !== null
                    text: root.chainOk === true ? qsTr("Chain verified") : qsTr("Chain broken")
                    tone: root.chainOk === true ? "good" : "bad"
                }
            }
            MaintButton {
                id: refreshButton
                objectName: "audit_refresh"
                text: qsTr("Refresh")
            }
        }

        MaintBanner {
            id: banner
            Layout.fillWidth: true
            error: true
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: 14
            color: Theme.maintSurface
            border.color: Theme.maintBorder
            clip: true
            ListView {
                id: list
                anchors.fill: parent
                anchors.margins: 2
                clip: true
                boundsBehavior: Flickable.StopAtBounds
            }
        }
    }
}
