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
        visible: !Theme.landscape
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
        columns: Theme.largeText && !Theme.landscape ? 1 : 2
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
            GridLayout {
                columns: Theme.landscape ? 2 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacingSmall
                Layout.fillWidth: true
                Rectangle {
                    color: "white"
                    radius: 8
                    Layout.row: 0
                    Layout.column: 0
                    Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
                    Layout.preferredWidth: Theme.landscape ? 270 : (Theme.lowered ? 280 : 380)
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
                    Layout.row: Theme.landscape ? 0 : 1
                    Layout.column: Theme.landscape ? 1 : 0
                    Layout.fillWidth: true
                    // Its width comes from the card, not from its unwrapped line.
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                }
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
            GridLayout {
                columns: Theme.landscape ? 2 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacingSmall
                Layout.fillWidth: true
                ScannerIllustration {
                    Layout.row: 0
                    Layout.column: 0
                    Layout.preferredWidth: Theme.landscape ? 240 : (Theme.lowered ? 260 : 360)
                    Layout.preferredHeight: Math.round(Layout.preferredWidth * 260 / 300)
                    Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
                }
                KioskText {
                    role: "small"
                    text: qsTr("Open the payment code in your wallet app and hold the phone over the scanner below the screen, on the right.")
                    Layout.row: Theme.landscape ? 0 : 1
                    Layout.column: Theme.landscape ? 1 : 0
                    Layout.fillWidth: true
                    // Its width comes from the card, not from its unwrapped line.
                    Layout.preferredWidth: 1
                    Layout.alignment: Qt.AlignTop
                }
            }
        }
    }

    RowLayout {
        visible: !Theme.landscape
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
        Item { Layout.fillWidth: true },
        // Landscape: the amount sits in the footer, beside the waiting line.
        WaitingIndicator {
            visible: Theme.landscape
            dotSize: 20
            Layout.alignment: Qt.AlignVCenter
        },
        KioskText {
            visible: Theme.landscape
            text: qsTr("Amount to pay")
            Layout.alignment: Qt.AlignVCenter
        },
        AmountText {
            visible: Theme.landscape
            fen: form.amountFen
            Layout.alignment: Qt.AlignVCenter
        }
    ]
}
