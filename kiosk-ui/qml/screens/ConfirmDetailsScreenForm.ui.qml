// ConfirmDetailsScreenForm: layout of the details check before payment (behaviour:
// ConfirmDetailsScreen.qml). The details the new licence will carry, the address with its own
// "change" button, the fee, then cancel / confirm; the address picker covers the page while open.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

Item {
    id: form

    property int stepIndex: 0
    property int stepTotal: 0
    property string nameText
    property string idNumberText
    property string addressText
    property string classesText
    property string validityText
    property string addressError
    property real feeFen: 0
    property string feeNote
    property bool picking: false
    property alias changeAddressButton: changeAddressButton
    property alias cancelButton: cancelButton
    property alias confirmButton: confirmButton
    property alias addressPicker: addressPicker
    property alias feeAmount: feeAmount

    ScreenScaffold {
        id: page
        anchors.fill: parent
        visible: !form.picking
        stepIndex: form.stepIndex
        stepTotal: form.stepTotal
        title: qsTr("Check your details")
        subtitle: qsTr("Your new licence will be made with these details.")
        iconName: "card"

        InfoCard {
            GridLayout {
                columns: Theme.largeText && !Theme.landscape ? 1 : 2
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                Layout.fillWidth: true
                DetailCell { objectName: "details_name"; label: qsTr("Name"); value: form.nameText }
                DetailCell { objectName: "details_id_number"; label: qsTr("ID card number"); value: form.idNumberText }
                DetailCell { objectName: "details_classes"; label: qsTr("Licence classes"); value: form.classesText }
                DetailCell { objectName: "details_validity"; label: qsTr("New validity"); value: form.validityText }
            }
        }

        InfoCard {
            GridLayout {
                columns: Theme.largeText && !Theme.landscape ? 1 : 2
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacingSmall
                Layout.fillWidth: true
                DetailCell {
                    objectName: "details_address"
                    label: qsTr("Address")
                    value: form.addressText
                }
                KioskButton {
                    id: changeAddressButton
                    objectName: "action_change_address"
                    text: qsTr("Change address")
                    Layout.fillWidth: false
                    Layout.preferredWidth: implicitWidth
                    Layout.alignment: Qt.AlignVCenter | Qt.AlignRight
                }
            }
            KioskText {
                objectName: "address_error"
                visible: form.addressError.length > 0
                color: Theme.danger
                text: form.addressError
                Layout.fillWidth: true
            }
        }

        InfoCard {
            accent: Theme.primary
            RowLayout {
                spacing: Theme.spacing
                Layout.fillWidth: true
                KioskText {
                    text: qsTr("Fee")
                    Layout.fillWidth: true
                }
                AmountText {
                    id: feeAmount
                    objectName: "details_fee"
                    fen: form.feeFen
                    horizontalAlignment: Text.AlignRight
                }
            }
            KioskText {
                visible: form.feeNote.length > 0
                role: "small"
                muted: true
                text: form.feeNote
                Layout.fillWidth: true
            }
        }

        Item { Layout.fillHeight: true }

        footer: [
            KioskButton {
                id: cancelButton
                objectName: "action_cancel"
                text: qsTr("Cancel")
            },
            KioskButton {
                id: confirmButton
                objectName: "action_confirm"
                kind: "primary"
                iconName: "check"
                text: qsTr("Details are correct")
            }
        ]
    }

    AddressPicker {
        id: addressPicker
        anchors.fill: parent
        visible: form.picking
    }
}
