// Layout of the Supplies & stock page (behaviour in SuppliesPage.qml).
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

Flickable {
    id: root

    property var stock: ({})
    property alias countField: countField
    property alias firstField: firstField
    property alias lastField: lastField
    property alias loadButton: loadButton
    property alias reconcileButton: reconcileButton
    property alias loadMessage: loadBanner.text
    property alias loadFailed: loadBanner.error
    property alias reconcileMessage: reconcileBanner.text
    property alias reconcileFailed: reconcileBanner.error
    property alias error: errorBanner.text
    property bool wide: width > 1200

    contentHeight: column.implicitHeight
    clip: true
    boundsBehavior: Flickable.StopAtBounds

    Column {
        id: column
        width: root.width
        spacing: 24

        Text {
            text: qsTr("Supplies and card stock")
            font.pixelSize: 40
            font.family: Theme.fontFamily
            font.weight: Font.Bold
            color: Theme.maintText
        }

        MaintBanner {
            id: errorBanner
            width: parent.width
            error: true
        }

        MaintCard {
            width: parent.width
            title: qsTr("Blank cards")
            Grid {
                width: parent.width
                columns: root.wide ? 6 : 3
                spacing: 16
                MaintStockTile {
                    objectName: "stock_remaining"
                    width: (parent.width - (parent.columns - 1) * 16) / parent.columns
                    emphasis: true
                    label: qsTr("Remaining")
                    value: root.stock.remaining ?? null
                }
                MaintStockTile {
                    width: (parent.width - (parent.columns - 1) * 16) / parent.columns
                    label: qsTr("Loaded")
                    value: root.stock.loaded ?? null
                }
                MaintStockTile {
                    width: (parent.width - (parent.columns - 1) * 16) / parent.columns
                    label: qsTr("Issued")
                    value: root.stock.issued ?? null
                }
                MaintStockTile {
                    width: (parent.width - (parent.columns - 1) * 16) / parent.columns
                    label: qsTr("Spoiled")
                    value: root.stock.spoiled ?? null
                }
                MaintStockTile {
                    width: (parent.width - (parent.columns - 1) * 16) / parent.columns
                    label: qsTr("Retained")
                    value: root.stock.retained ?? null
                }
                MaintStockTile {
                    width: (parent.width - (parent.columns - 1) * 16) / parent.columns
                    label: qsTr("Reserved")
                    value: root.stock.reserved ?? null
                }
            }
        }

        MaintCard {
            width: parent.width
            title: qsTr("Load blank cards")
            Text {
                width: parent.width
                text: qsTr("Enter the number of cards placed in the feeder and the serial numbers printed on the first and the last card.")
                wrapMode: Text.Wrap
                font.pixelSize: 24
                font.family: Theme.fontFamily
                color: Theme.maintTextMuted
            }
            GridLayout {
                width: parent.width
                columns: root.wide ? 3 : 1
                columnSpacing: 24
                rowSpacing: 16
                MaintField {
                    id: countField
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    fieldName: "stock_count"
                    label: qsTr("Number of cards")
                    hints: Qt.ImhDigitsOnly
                }
                MaintField {
                    id: firstField
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    fieldName: "stock_first_serial"
                    label: qsTr("First serial")
                    hints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
                }
                MaintField {
                    id: lastField
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    fieldName: "stock_last_serial"
                    label: qsTr("Last serial")
                    hints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
                }
            }
            MaintBanner {
                id: loadBanner
                objectName: "stock_load_message"
                width: parent.width
            }
            MaintButton {
                id: loadButton
                objectName: "stock_load"
                anchors.right: parent.right
                kind: "primary"
                text: qsTr("Load cards")
            }
        }

        MaintCard {
            width: parent.width
            title: qsTr("Reconcile")
            Text {
                width: parent.width
                text: qsTr("Compares the card printer's counter with the cards the journal has used.")
                wrapMode: Text.Wrap
                font.pixelSize: 24
                font.family: Theme.fontFamily
                color: Theme.maintTextMuted
            }
            MaintBanner {
                id: reconcileBanner
                objectName: "stock_reconcile_message"
                width: parent.width
            }
            MaintButton {
                id: reconcileButton
                objectName: "stock_reconcile"
                anchors.right: parent.right
                text: qsTr("Reconcile now")
            }
        }
    }
}
