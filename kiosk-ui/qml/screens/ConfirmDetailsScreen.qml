// ConfirmDetailsScreen (screen `confirm_details`): name, masked ID number, address, licence
// classes (with kioskd's class names), the new validity and the fee (fee_fen) before payment.
// "Change address" opens the AddressPicker (its limit: kioskd's address_max_bytes); the chosen
// address is sent as act("change_address", <the structured address as a JSON object string>),
// kioskd validates and composes it and publishes the screen again with the new address, or with
// error invalid_address and its reason, shown under the address. Confirm sends act("confirm").
import QtQuick
import Kiosk.Ui

ConfirmDetailsScreenForm {
    id: screen

    required property ScreenModel model
    signal act(string action, string value)

    // Whether kioskd accepts `action` now; reading `revision` re-evaluates bindings on every
    // new screen model.
    function allowed(action: string): bool {
        return screen.model.revision >= 0 && screen.model.allows(action);
    }

    readonly property var details: screen.model.data ?? {}
    readonly property string spokenPrompt: qsTr("Check your details")

    function str(value): string {
        return value === undefined || value === null ? "" : String(value);
    }

    objectName: "screen_confirm_details"
    stepIndex: screen.model.progressIndex
    stepTotal: screen.model.progressTotal

    nameText: screen.str(screen.details.name)
    idNumberText: screen.str(screen.details.id_number)
    addressText: screen.str(screen.details.address)
    classesText: Texts.classNames(screen.details.class_list).length > 0 ? Texts.classNames(screen.details.class_list)
                                                                       : screen.str(screen.details.classes)
    addressError: screen.model.errorCode === "invalid_address" ? Texts.addressProblem(screen.model.errorReason) : ""
    validityText: screen.str(screen.details.valid_to).length > 0
                  ? qsTr("%1 to %2").arg(screen.str(screen.details.valid_from)).arg(screen.str(screen.details.valid_to))
                  : qsTr("From %1, long-term").arg(screen.str(screen.details.valid_from))
    feeFen: Number(screen.details.fee_fen ?? 0)
    feeNote: screen.feeFen > 0 ? qsTr("You pay on the next screen with a mobile wallet.")
                               : qsTr("There is no fee for this service.")

    changeAddressButton.visible: screen.allowed("change_address")
    cancelButton.visible: screen.allowed("cancel")
    confirmButton.visible: screen.allowed("confirm")

    changeAddressButton.onClicked: {
        screen.addressPicker.reset();
        screen.picking = true;
    }
    cancelButton.onClicked: screen.act("cancel", "")
    confirmButton.onClicked: screen.act("confirm", "")

    addressPicker.english: screen.model.language === "en"
    addressPicker.maxBytes: Number(screen.details.address_max_bytes ?? 0)
    addressPicker.onCancelled: screen.picking = false
    addressPicker.onAccepted: address => {
        screen.picking = false;
        screen.act("change_address", address);
    }
}
