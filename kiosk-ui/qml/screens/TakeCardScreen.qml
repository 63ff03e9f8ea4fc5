// TakeCardScreen (screen `take_card`): the new card waits in the card mouth; kioskd sees it
// taken (no action), and the receipt prints meanwhile.
import QtQuick
import Kiosk.Ui

TakeCardScreenForm {
    id: screen

    required property ScreenModel model
    signal act(string action, string value)

    readonly property string spokenPrompt: screen.title

    objectName: "screen_take_card"
    stepIndex: screen.model.progressIndex
    stepTotal: screen.model.progressTotal
}
