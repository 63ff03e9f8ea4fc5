// NoConnectionScreen (UI-only screen "no_connection"): kioskd cannot be reached; no action.
import QtQuick
import Kiosk.Ui

NoConnectionScreenForm {
    id: root

    required model
    readonly property string spokenPrompt: title

    signal act(string action, string value)

    objectName: "screen_no_connection"
}
