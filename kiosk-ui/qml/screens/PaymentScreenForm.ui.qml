// PaymentScreenForm: layout of the payment (behaviour: PaymentScreen.qml). The amount, then
// the two ways to pay side by side — scan the order QR code with the phone, or show the wallet's
// payment code to the scanner (drawn, with where it is) — and a calm "waiting" line; cancel.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    property real amountFen: 0
    property string qrText
    property alias amount: amount
    property alias cancelButton: cancelButton

    title: qsTr("Pay the fee")
    iconName: "coin"

    InfoCard {
        accent: Theme.primary
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            KioskText {
                text: qsTr("Amount to pay")
                Layout.fillWidth: true
            }
            AmountText {
                id: amount
                objectName: "payment_amount"
                fen: form.amountFen
                horizontalAlignment: Text.AlignRight
            }
        }
    }

    GridLayout {
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing
        Layout.fillWidth: true

        InfoCard {
            Layout.preferredWidth: 100
            Layout.fillHeight: true
            Layout.alignment: Qt.AlignTop
            KioskText {
                role: "heading"
                text: qsTr("Scan this code with your phone")
                Layout.fillWidth: true
            }
            Rectangle {
                color: "white"
                radius: 8
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Theme.landscape ? 340 : 380
                Layout.preferredHeight: Layout.preferredWidth
                QrCode {
                    objectName: "payment_qr"
                    anchors.fill: parent
                    text: form.qrText
                }
            }
            KioskText {
                role: "small"
                text: qsTr("Open Alipay or WeChat, choose Scan and point the camera at the code.")
                Layout.fillWidth: true
            }
        }

        InfoCard {
            Layout.preferredWidth: 100
            Layout.fillHeight: true
            Layout.alignment: Qt.AlignTop
            KioskText {
                role: "heading"
                text: qsTr("Or show your payment code")
                Layout.fillWidth: true
            }
            KioskFrontIllustration {
                part: "scanner"
                label: qsTr("Scanner")
                Layout.fillWidth: true
                Layout.preferredHeight: implicitHeight
            }
            KioskText {
                role: "small"
                text: qsTr("Open the payment code in your wallet app and hold the phone over the scanner below the screen, on the right.")
                Layout.fillWidth: true
            }
        }
    }

    RowLayout {
        spacing: Theme.spacing
        Layout.fillWidth: true
        WaitingIndicator {
            dotSize: 20
            Layout.alignment: Qt.AlignVCenter
        }
        KioskText {
            muted: true
            text: qsTr("Waiting for your payment…")
            Layout.fillWidth: true
        }
    }

    Item { Layout.fillHeight: true }

    footer: [
        KioskButton {
            id: cancelButton
            objectName: "action_cancel"
            text: qsTr("Cancel")
            Layout.fillWidth: false
            Layout.preferredWidth: implicitWidth
        },
        Item { Layout.fillWidth: true }
    ]
}
