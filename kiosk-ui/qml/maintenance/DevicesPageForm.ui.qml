// Layout of the Devices page (behaviour in DevicesPage.qml).
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

Item {
    id: root

    property alias refreshButton: refreshButton
    property alias selftestAllButton: selftestAllButton
    property alias list: list
    property alias error: banner.text
    property alias summary: summaryText.text

    ColumnLayout {
        anchors.fill: parent
        spacing: 20

        RowLayout {
            Layout.fillWidth: true
            spacing: 16
            Column {
                Layout.fillWidth: true
                Text {
                    text: qsTr("Devices")
                    font.pixelSize: 40
                    font.family: Theme.fontFamily
                    font.weight: Font.Bold
                    color: Theme.maintText
                }
                Text {
                    id: summaryText
                    font.pixelSize: 24
                    font.family: Theme.fontFamily
                    color: Theme.maintTextMuted
                }
            }
            MaintButton {
                id: refreshButton
                objectName: "devices_refresh"
                text: qsTr("Refresh")
            }
            MaintButton {
                id: selftestAllButton
                objectName: "selftest_all"
                kind: "primary"
                text: qsTr("Self-test all")
            }
        }

        MaintBanner {
            id: banner
            objectName: "devices_error"
            Layout.fillWidth: true
            error: true
        }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 20
            boundsBehavior: Flickable.StopAtBounds
        }
    }
}
