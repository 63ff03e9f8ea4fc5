// CheckingScreen (screen "checking"): waiting for the licence office (face match,
// eligibility, charge, issuance); says what is being checked from the last completed step.
import QtQuick
import Kiosk.Ui

CheckingScreenForm {
    id: root

    required model
    readonly property string spokenPrompt: title + " " + what

    signal act(string action, string value)

    objectName: "screen_checking"
    what: {
        void Translator.language;
        switch (root.model.step) {
        case "identified":
        case "consent": return qsTr("Checking your face with the licence office…");
        case "face_verified": return qsTr("Checking your licence records…");
        case "details_confirmed":
        case "old_card_returned": return qsTr("Preparing your payment…");
        case "payment_created":
        case "payment_charged": return qsTr("Confirming your payment with the licence office…");
        case "issuance_authorised": return qsTr("Preparing your new licence…");
        }
        return qsTr("Contacting the licence office…");
    }
}
