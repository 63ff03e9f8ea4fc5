// CompletedScreen (screen `completed`): the session finished. Shows the new card's serial
// (data.card_serial, when a card was issued), what happened to the fee (data.money), the
// transaction reference and the receipt QR, the reminder to take the ID card, and finish.
import QtQuick
import Kiosk.Ui

CompletedScreenForm {
    id: screen

    required property ScreenModel model
    signal act(string action, string value)

    // Whether kioskd accepts `action` now; reading `revision` re-evaluates bindings on every
    // new screen model.
    function allowed(action: string): bool {
        return screen.model.revision >= 0 && screen.model.allows(action);
    }

    readonly property var result: screen.model.data ?? {}
    readonly property string spokenPrompt: screen.title + " " + qsTr("Remember to take your ID card from the reader.")

    objectName: "screen_completed"
    subtitle: screen.serialText.length > 0 ? qsTr("Your new driving licence is ready. Thank you for using the self-service kiosk.")
                                           : qsTr("Thank you for using the self-service kiosk.")
    serialText: screen.result.card_serial === undefined || screen.result.card_serial === null ? "" : String(screen.result.card_serial)
    outcome: screen.result

    finishButton.visible: screen.allowed("finish")
    finishButton.onClicked: screen.act("finish", "")
}
