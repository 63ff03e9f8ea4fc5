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
            KeyValueRow { label: qsTr("Name"); value: form.nameText }
            KeyValueRow { label: qsTr("ID card number"); value: form.idNumberText }
            KeyValueRow { label: qsTr("Licence classes"); value: form.classesText }
            KeyValueRow { label: qsTr("New validity"); value: form.validityText }
        }

        InfoCard {
            KioskText {
                role: "small"
                muted: true
                text: qsTr("Address")
                Layout.fillWidth: true
            }
            KioskText {
                objectName: "details_address"
                font.weight: Font.Medium
                text: form.addressText
                Layout.fillWidth: true
            }
            KioskButton {
                id: changeAddressButton
                objectName: "action_change_address"
                iconName: "arrow_left"
                text: qsTr("Change address")
                Layout.fillWidth: !Theme.landscape
                Layout.alignment: Qt.AlignLeft
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
