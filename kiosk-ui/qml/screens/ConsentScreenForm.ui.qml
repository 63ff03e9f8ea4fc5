// ConsentScreenForm: layout of the face-verification consent: what will happen, then
// cancel (left), ask staff instead, and agree (primary, right).
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    property ScreenModel model
    property alias cancelButton: cancel
    property alias callStaffButton: callStaff
    property alias consentButton: consent

    title: qsTr("Face verification")
    subtitle: qsTr("To confirm that you are the holder of this ID card, the kiosk compares a photo of your face with the photo on your ID card.")
    iconName: "face"
    stepIndex: model ? model.progressIndex : 0
    stepTotal: model ? model.progressTotal : 0

    InfoCard {
        KioskText { role: "heading"; text: qsTr("What happens"); Layout.fillWidth: true }
        KioskText { text: qsTr("• The camera takes a photo of your face."); Layout.fillWidth: true }
        KioskText { text: qsTr("• The licence office compares it with your ID card photo."); Layout.fillWidth: true }
        KioskText { text: qsTr("• The photo is used only for this check and is not kept at the kiosk."); Layout.fillWidth: true }
    }
    KioskText {
        text: qsTr("If you do not want face verification, a staff member can check your identity at the service counter instead.")
        muted: true
        Layout.fillWidth: true
    }
    Item { Layout.fillHeight: true }

    footer: [
        KioskButton {
            id: cancel
            objectName: "action_cancel"
            text: qsTr("Cancel")
            visible: Actions.allowed(form.model, "cancel")
        },
        KioskButton {
            id: callStaff
            objectName: "action_call_staff"
            text: qsTr("Ask staff")
            visible: Actions.allowed(form.model, "call_staff")
        },
        KioskButton {
            id: consent
            objectName: "action_consent"
            kind: "primary"
            text: qsTr("I agree")
            visible: Actions.allowed(form.model, "consent")
        }
    ]
}
