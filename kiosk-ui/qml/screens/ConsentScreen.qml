// ConsentScreen (screen "consent"): asks for consent to face verification; the alternative is
// calling staff. Sends consent, call_staff or cancel.
import QtQuick
import Kiosk.Ui

ConsentScreenForm {
    id: root

    required model
    readonly property string spokenPrompt: title + " " + subtitle

    signal act(string action, string value)

    objectName: "screen_consent"
    cancelButton.onClicked: root.act("cancel", "")
    callStaffButton.onClicked: root.act("call_staff", "")
    consentButton.onClicked: root.act("consent", "")
}
