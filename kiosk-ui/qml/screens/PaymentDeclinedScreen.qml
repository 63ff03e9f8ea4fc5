// PaymentDeclinedScreen (screen `payment_declined`): the wallet declined the charge (error
// payment_declined with the acquirer's reason). Says why in plain words and what to do, then
// retry (a new order) or cancel.
import QtQuick
import Kiosk.Ui

PaymentDeclinedScreenForm {
    id: screen

    required property ScreenModel model
    signal act(string action, string value)

    // Whether kioskd accepts `action` now; reading `revision` re-evaluates bindings on every
    // new screen model.
    function allowed(action: string): bool {
        return screen.model.revision >= 0 && screen.model.allows(action);
    }

    readonly property string reason: screen.model.errorReason
    readonly property string spokenPrompt: screen.title + " " + screen.reasonText

    function reasonFor(reason: string): string {
        switch (reason) {
        case "insufficient_funds": return qsTr("Your wallet does not have enough money");
        case "code_expired": return qsTr("The payment code had expired");
        case "risk_control": return qsTr("Your wallet provider stopped this payment");
        case "acquirer_timeout":
        case "acquirer_unavailable":
        case "not_charged": return qsTr("The payment service did not answer");
        default: return qsTr("Your wallet provider declined the payment");
        }
    }
    function hintFor(reason: string): string {
        switch (reason) {
        case "insufficient_funds":
            return qsTr("Top up your wallet or choose another bank card in the app, then try again.");
        case "code_expired":
            return qsTr("Payment codes change every minute. Refresh the code in your wallet app and try again.");
        case "risk_control":
            return qsTr("Check your wallet app for a message, or try again with another wallet or card.");
        case "acquirer_timeout":
        case "acquirer_unavailable":
        case "not_charged":
            return qsTr("Please wait a moment and try again.");
        default:
            return qsTr("Try again, or use another wallet or bank card.");
        }
    }

    objectName: "screen_payment_declined"
    stepIndex: screen.model.progressIndex
    stepTotal: screen.model.progressTotal

    amountFen: Number((screen.model.data ?? {}).amount_fen ?? 0)
    reasonText: screen.reasonFor(screen.reason)
    hintText: screen.hintFor(screen.reason)

    cancelButton.visible: screen.allowed("cancel")
    retryButton.visible: screen.allowed("retry")
    cancelButton.onClicked: screen.act("cancel", "")
    retryButton.onClicked: screen.act("retry", "")
}
