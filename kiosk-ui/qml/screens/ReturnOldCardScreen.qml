// ReturnOldCardScreen (screen `return_old_card`, replace_damaged): the citizen puts the old
// card into the recovery slot and says so (old_card_returned), or cancels.
import QtQuick
import Kiosk.Ui

ReturnOldCardScreenForm {
    id: screen

    required property ScreenModel model
    signal act(string action, string value)

    // Whether kioskd accepts `action` now; reading `revision` re-evaluates bindings on every
    // new screen model.
    function allowed(action: string): bool {
        return screen.model.revision >= 0 && screen.model.allows(action);
    }

    readonly property string spokenPrompt: screen.title

    objectName: "screen_return_old_card"
    stepIndex: screen.model.progressIndex
    stepTotal: screen.model.progressTotal

    cancelButton.visible: screen.allowed("cancel")
    returnedButton.visible: screen.allowed("old_card_returned")
    cancelButton.onClicked: screen.act("cancel", "")
    returnedButton.onClicked: screen.act("old_card_returned", "")
}
