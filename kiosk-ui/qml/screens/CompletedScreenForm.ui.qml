// CompletedScreenForm: layout of the end of a successful session (behaviour:
// CompletedScreen.qml): done, the card number, what happened to the fee with the transaction
// reference and the receipt QR, the ID card reminder, finish.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    property string serialText
    property var outcome: ({})
    property alias finishButton: finishButton

    title: qsTr("All done")
    iconName: "check"
    iconColor: Theme.success

    InfoCard {
        visible: form.serialText.length > 0
        accent: Theme.success
        KeyValueRow {
            objectName: "completed_serial"
            label: qsTr("Card number")
            value: form.serialText
        }
    }

    OutcomeCard {
        outcome: form.outcome
    }

    InfoCard {
        accent: Theme.warning
        KioskText {
            role: "heading"
            text: qsTr("Remember to take your ID card from the reader.")
            Layout.fillWidth: true
        }
    }

    Item { Layout.fillHeight: true }

    footer: [
        KioskButton {
            id: finishButton
            objectName: "action_finish"
            kind: "primary"
            text: qsTr("Finish")
            Layout.fillWidth: true
        }
    ]
}
