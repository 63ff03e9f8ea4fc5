// Layout of the Transactions page (behaviour in TransactionsPage.qml).
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

Item {
    id: root

    property alias refreshButton: refreshButton
    property alias list: list
    property alias error: banner.text
    property bool wide: width > 1200

    ColumnLayout {
        anchors.fill: parent
        spacing: 20

        RowLayout {
            Layout.fillWidth: true
            Column {
                Layout.fillWidth: true
                Text {
                    text: qsTr("Recent transactions")
                    font.pixelSize: 40
                    font.family: Theme.fontFamily
                    font.weight: Font.Bold
                    color: Theme.maintText
                }
                Text {
                    text: qsTr("The last 20 sessions. No personal data is shown here.")
                    font.pixelSize: 24
                    font.family: Theme.fontFamily
                    color: Theme.maintTextMuted
                }
            }
            MaintButton {
                id: refreshButton
                objectName: "transactions_refresh"
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

            MaintTxnRow {
                id: header
                width: parent.width
                header: true
                wide: root.wide
            }
            ListView {
                id: list
                anchors.top: header.bottom
                anchors.bottom: parent.bottom
                width: parent.width
                clip: true
                boundsBehavior: Flickable.StopAtBounds
            }
        }
    }
}
