// PaymentScreen (screen `payment`): the fee (amount_fen) and the two ways to pay: the order QR
// code (data.qr) for the citizen's phone to scan, or the wallet's payment code shown to the
// kiosk's scanner. kioskd sees the payment by itself; the only action is cancel.
import QtQuick
import Kiosk.Ui

PaymentScreenForm {
    id: screen

    required property ScreenModel model
    signal act(string action, string value)

    // Whether kioskd accepts `action` now; reading `revision` re-evaluates bindings on every
    // new screen model.
    function allowed(action: string): bool {
        return screen.model.revision >= 0 && screen.model.allows(action);
    }

    readonly property var order: screen.model.data ?? {}
    readonly property string spokenPrompt: qsTr("Pay the fee: scan the code with your phone, or show your payment code to the scanner.")

    objectName: "screen_payment"
    // Large text in landscape: the two ways to pay need the height of the step indicator and of
    // the title (the cards' headings and the footer's amount say what to do).
    readonly property bool roomForWays: Theme.landscape && Theme.largeText
    stepIndex: screen.roomForWays ? 0 : screen.model.progressIndex
    stepTotal: screen.model.progressTotal
    title: screen.roomForWays ? "" : qsTr("Pay the fee")
    subtitle: Theme.landscape || Theme.lowered || Theme.largeText ? "" : qsTr("Choose one of the two ways below.")

    amountFen: Number(screen.order.amount_fen ?? 0)
    qrText: screen.order.qr === undefined || screen.order.qr === null ? "" : String(screen.order.qr)

    cancelButton.visible: screen.allowed("cancel")
    cancelButton.onClicked: screen.act("cancel", "")
}
