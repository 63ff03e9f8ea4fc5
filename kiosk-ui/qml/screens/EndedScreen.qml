// EndedScreen (screen "ended"): the error and help screen for every early end kioskd reports
// (docs/screen-model.md "Errors on ended"): what happened, what to do next, the fee. Sends
// finish (back to the attract screen).
import QtQuick
import Kiosk.Ui

EndedScreenForm {
    id: root

    required model
    readonly property string spokenPrompt: title + " " + subtitle

    signal act(string action, string value)

    objectName: "screen_ended"
    finishButton.onClicked: root.act("finish", "")
}
