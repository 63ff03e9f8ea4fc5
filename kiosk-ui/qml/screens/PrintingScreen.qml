// PrintingScreen (screen `printing`): the card is being printed; no actions. Shows the time
// remaining from model.etaSeconds (-1: unknown), counted down locally between two screen
// models so the number moves, and explains a second attempt (data.attempt > 1).
import QtQuick
import Kiosk.Ui

PrintingScreenForm {
    id: screen

    required property ScreenModel model
    signal act(string action, string value)

    readonly property int attempt: Number((screen.model.data ?? {}).attempt ?? 1)
    // Seconds since kioskd last published an eta (reset on every new model).
    property int elapsed: 0
    readonly property int remaining: screen.model.etaSeconds < 0 ? -1 : Math.max(0, screen.model.etaSeconds - screen.elapsed)
    readonly property string spokenPrompt: screen.title

    function etaFor(seconds: int): string {
        if (seconds < 0)
            return qsTr("This takes about a minute");
        if (seconds === 0)
            return qsTr("Almost done…");
        if (seconds === 1)
            return qsTr("About 1 second left");
        if (seconds < 90)
            return qsTr("About %1 seconds left").arg(seconds);
        return qsTr("About %1 minutes left").arg(Math.round(seconds / 60));
    }

    objectName: "screen_printing"
    stepIndex: screen.model.progressIndex
    stepTotal: screen.model.progressTotal
    etaText: screen.etaFor(screen.remaining)
    attemptText: screen.attempt > 1
                 ? qsTr("Attempt %1: the first card could not be used and was set aside. You are not charged again.").arg(screen.attempt)
                 : ""

    Connections {
        target: screen.model
        function onRevisionChanged() { screen.elapsed = 0; }
    }
    Timer {
        interval: 1000
        repeat: true
        running: screen.model.etaSeconds > 0 && screen.remaining > 0
        onTriggered: screen.elapsed += 1
    }
}
