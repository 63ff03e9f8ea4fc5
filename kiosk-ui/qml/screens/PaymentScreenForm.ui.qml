// PaymentScreenForm: layout of the payment (behaviour: PaymentScreen.qml). The amount, then
// the two ways to pay — scan the order QR code with the phone, or show the wallet's payment
// code to the scanner (drawn, with where it is) — and a calm "waiting" line; cancel.
// Both ways must be in view at once in every mode (tests/kiosk-ui/check screens check):
// side by side, pictures above their words (portrait) or beside them (landscape); in large
// portrait text one above the other, each picture beside its words; where height is short
// (landscape, lowered, large text) the amount moves into the footer (in landscape with the
// waiting line) and the pictures shrink; with large text in landscape the step indicator and the title give way to the two
// ways (PaymentScreen.qml; the footer still says what to pay); in the lowered layout the page starts higher (the ways to pay need no touch, only
// Cancel in the footer does, and it stays within reach).
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    property real amountFen: 0
    property string qrText
    property alias amount: amount
    property alias cancelButton: cancelButton

    // One way above the other (large text, portrait), else side by side.
    readonly property bool stacked: Theme.largeText && !Theme.landscape
    // Each picture beside its instruction instead of above it.
    readonly property bool pictureBeside: Theme.landscape || form.stacked
    // Short of height: the amount and the waiting line go to the footer.
    readonly property bool amountInFooter: Theme.landscape || Theme.lowered || Theme.largeText
    readonly property int qrSize: Theme.landscape ? (Theme.largeText ? 180 : Theme.lowered ? 200 : 250)
                                : form.stacked ? (Theme.lowered ? 180 : 280)
                                : Theme.lowered ? (Theme.largeText ? 200 : 280) : 380
    readonly property int scannerWidth: Math.round(form.qrSize * 0.95)

    title: qsTr("Pay the fee")
    iconName: "coin"
    loweredShare: Theme.landscape ? 0.06 : 0.12

    InfoCard {
        visible: !form.amountInFooter
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
        columns: form.stacked ? 1 : 2
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing
        Layout.fillWidth: true

        InfoCard {
            objectName: "payment_way_qr"
            Layout.preferredWidth: 100
            Layout.fillHeight: !form.stacked
            Layout.alignment: Qt.AlignTop
            KioskText {
                role: "heading"
                text: qsTr("Scan this code with your phone")
                Layout.fillWidth: true
            }
            // A positioner, not a layout: the words' height follows the width left for them
            // at once (a GridLayout kept the height the words had at a width of 1 px).
            Grid {
                id: qrWay
                columns: form.pictureBeside ? 2 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacingSmall
                horizontalItemAlignment: Grid.AlignHCenter
                Layout.fillWidth: true
                Rectangle {
                    color: "white"
                    radius: 8
                    width: form.qrSize
                    height: form.qrSize
                    QrCode {
                        objectName: "payment_qr"
                        anchors.fill: parent
                        text: form.qrText
                    }
                }
                KioskText {
                    objectName: "payment_way_qr_hint"
                    role: "small"
                    text: qsTr("Open Alipay or WeChat, choose Scan and point the camera at the code.")
                    width: Math.max(0, form.pictureBeside ? qrWay.width - form.qrSize - Theme.spacing : qrWay.width)
                }
            }
        }

        InfoCard {
            objectName: "payment_way_code"
            Layout.preferredWidth: 100
            Layout.fillHeight: !form.stacked
            Layout.alignment: Qt.AlignTop
            KioskText {
                role: "heading"
                text: qsTr("Or show your payment code")
                Layout.fillWidth: true
            }
            Grid {
                id: codeWay
                columns: form.pictureBeside ? 2 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacingSmall
                horizontalItemAlignment: Grid.AlignHCenter
                Layout.fillWidth: true
                ScannerIllustration {
                    objectName: "payment_scanner_picture"
                    width: form.scannerWidth
                    height: Math.round(form.scannerWidth * 260 / 300)
                }
                KioskText {
                    objectName: "payment_way_code_hint"
                    role: "small"
                    text: qsTr("Open the payment code in your wallet app and hold the phone over the scanner below the screen, on the right.")
                    width: Math.max(0, form.pictureBeside ? codeWay.width - form.scannerWidth - Theme.spacing : codeWay.width)
                }
            }
        }
    }

    RowLayout {
        visible: !Theme.landscape && !Theme.lowered
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
        // Short of height: the amount sits in the footer (landscape: beside the waiting line).
        WaitingIndicator {
            visible: form.amountInFooter && Theme.landscape
            dotSize: 20
            Layout.alignment: Qt.AlignVCenter
        },
        KioskText {
            visible: form.amountInFooter
            text: qsTr("Amount to pay")
            Layout.alignment: Qt.AlignVCenter
        },
        AmountText {
            visible: form.amountInFooter
            fen: form.amountFen
            Layout.alignment: Qt.AlignVCenter
        }
    ]
}
