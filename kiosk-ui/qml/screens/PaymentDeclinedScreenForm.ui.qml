// PaymentDeclinedScreenForm: layout of a declined payment (behaviour:
// PaymentDeclinedScreen.qml): why, what to do, that nothing was charged; cancel / try again.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    property real amountFen: 0
    property string reasonText
    property string hintText
    property alias amount: amount
    property alias cancelButton: cancelButton
    property alias retryButton: retryButton

    title: qsTr("The payment did not go through")
    subtitle: qsTr("You have not been charged.")
    iconName: "warning"
    iconColor: Theme.warning

    InfoCard {
        accent: Theme.warning
        KioskText {
            objectName: "declined_reason"
            role: "heading"
            text: form.reasonText
            Layout.fillWidth: true
        }
        KioskText {
            objectName: "declined_hint"
            text: form.hintText
            Layout.fillWidth: true
        }
    }

    InfoCard {
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            KioskText {
                text: qsTr("Amount to pay")
                Layout.fillWidth: true
            }
            AmountText {
                id: amount
                objectName: "declined_amount"
                role: "heading"
                fen: form.amountFen
                horizontalAlignment: Text.AlignRight
            }
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
            id: retryButton
            objectName: "action_retry"
            kind: "primary"
            iconName: "renew"
            text: qsTr("Try again")
        }
    ]
}
