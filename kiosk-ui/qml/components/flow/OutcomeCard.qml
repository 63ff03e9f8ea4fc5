// OutcomeCard: the end of a session as the citizen may need it later, on every end screen
// (completed, call_staff, ended): what happened to the fee (kioskd's data.money, through
// Texts.moneyNote), the transaction reference to quote at the service counter
// (data.reference, "XXXX-XXXX") and, when a receipt printed, the receipt's QR code
// (data.receipt_qr). Each part shows only when kioskd sent it; the card hides when none did.
//   outcome: var       the screen model's data
//   qrBeside: bool     the QR beside the reference (wide cards) or under it (narrow columns)
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

InfoCard {
    id: card

    property var outcome: ({})
    property bool qrBeside: true

    readonly property string moneyText: Texts.moneyNote(card.outcome ? card.outcome.money : null)
    readonly property string reference: card.outcome && card.outcome.reference ? String(card.outcome.reference) : ""
    readonly property string receiptQr: card.outcome && card.outcome.receipt_qr ? String(card.outcome.receipt_qr) : ""

    objectName: "money_note"
    visible: card.moneyText.length > 0 || card.reference.length > 0 || card.receiptQr.length > 0
    accent: Theme.info

    RowLayout {
        visible: card.moneyText.length > 0
        spacing: Theme.spacing
        Layout.fillWidth: true
        KioskIcon { name: "coin"; size: 56; color: Theme.info; Layout.alignment: Qt.AlignTop }
        KioskText {
            objectName: "money_note_text"
            text: card.moneyText
            Layout.fillWidth: true
        }
    }

    GridLayout {
        visible: card.reference.length > 0 || card.receiptQr.length > 0
        columns: card.qrBeside ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacingSmall
        Layout.fillWidth: true
        Layout.topMargin: card.moneyText.length > 0 ? Theme.spacingSmall : 0

        ColumnLayout {
            visible: card.reference.length > 0
            spacing: 2
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            KioskText {
                role: "small"
                muted: true
                text: qsTr("Transaction reference")
                Layout.fillWidth: true
            }
            KioskText {
                objectName: "transaction_reference"
                role: "heading"
                text: card.reference
                font.letterSpacing: 2
                Layout.fillWidth: true
            }
            KioskText {
                role: "small"
                text: qsTr("Quote it at the service counter if you need help with this service.")
                Layout.fillWidth: true
            }
        }

        ColumnLayout {
            visible: card.receiptQr.length > 0
            spacing: 4
            Layout.alignment: Qt.AlignTop | (card.qrBeside ? Qt.AlignRight : Qt.AlignLeft)
            Rectangle {
                color: "white"
                radius: 8
                Layout.preferredWidth: Theme.landscape ? 180 : 220
                Layout.preferredHeight: Layout.preferredWidth
                QrCode {
                    objectName: "receipt_qr"
                    anchors.fill: parent
                    text: card.receiptQr
                }
            }
            KioskText {
                role: "small"
                muted: true
                text: qsTr("Also on your receipt")
                horizontalAlignment: Text.AlignHCenter
                Layout.preferredWidth: Theme.landscape ? 180 : 220
            }
        }
    }
}
