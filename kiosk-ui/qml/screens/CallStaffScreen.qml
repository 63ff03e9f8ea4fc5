// CallStaffScreen (screen "call_staff"): the citizen declined face verification; sends the
// citizen to the service counter. Sends finish.
import QtQuick
import Kiosk.Ui

CallStaffScreenForm {
    id: root

    required model
    readonly property string spokenPrompt: title + " " + subtitle

    signal act(string action, string value)

    objectName: "screen_call_staff"
    finishButton.onClicked: root.act("finish", "")
}
