// CallStaffScreenForm: layout of "a staff member will help you" (the citizen declined face
// verification): where to go, what to bring, what happened to the fee with the transaction
// reference to quote at the counter, and Finish.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    property ScreenModel model
    property alias finishButton: finish

    title: qsTr("Please go to the service counter")
    subtitle: qsTr("You chose not to use face verification. A staff member will check your identity and help you with your licence.")
    iconName: "staff"

    InfoCard {
        KioskText { role: "heading"; text: qsTr("Please bring"); Layout.fillWidth: true }
        KioskText { text: qsTr("• Your resident ID card (take it from the reader)"); Layout.fillWidth: true }
        KioskText { text: qsTr("• Your current driving licence, if you have it"); Layout.fillWidth: true }
    }
    OutcomeCard {
        outcome: form.model ? form.model.data : null
    }
    KioskText {
        muted: true
        text: qsTr("Your details have been cleared from the kiosk.")
        Layout.fillWidth: true
    }
    Item { Layout.fillHeight: true }

    footer: [
        Item { Layout.fillWidth: true; Layout.preferredWidth: 100 },
        KioskButton {
            id: finish
            objectName: "action_finish"
            kind: "primary"
            text: qsTr("Finish")
            visible: Actions.allowed(form.model, "finish")
            Layout.maximumWidth: 480
        }
    ]
}
