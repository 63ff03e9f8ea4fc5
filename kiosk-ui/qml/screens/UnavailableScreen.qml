// UnavailableScreen (screen "unavailable"): session.start was refused (errorCode
// out_of_service, central_unavailable, stock_empty, journal_unavailable). "Back to start"
// (objectName dismiss) emits dismissRequested(): Main.qml calls LocalApi.dismiss().
import QtQuick
import Kiosk.Ui

UnavailableScreenForm {
    id: root

    required model
    readonly property string spokenPrompt: title + " " + subtitle

    signal act(string action, string value)
    signal dismissRequested()

    objectName: "screen_unavailable"
    title: Texts.unavailableTitle(code)
    subtitle: Texts.unavailableExplanation(code)
    backButton.onClicked: root.dismissRequested()
}
