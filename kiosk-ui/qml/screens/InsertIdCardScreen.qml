// InsertIdCardScreen (screen "insert_id_card"): shows where to place the ID card, looping an
// animation of the card settling on the reader; shows id_card_not_read errors (reason
// card_not_removed: lift the card and put it back). Sends cancel.
import QtQuick
import Kiosk.Ui

InsertIdCardScreenForm {
    id: root

    required model
    readonly property string spokenPrompt: readError ? errorText : title
    property bool animate: true

    signal act(string action, string value)

    objectName: "screen_insert_id_card"
    errorText: {
        void Translator.language;
        return root.model.errorReason === "card_not_removed"
            ? qsTr("Please lift the card off the reader and put it back.")
            : qsTr("Please lift the card, check that it is your resident ID card, and lay it flat on the reader again.");
    }
    cancelButton.onClicked: root.act("cancel", "")

    SequentialAnimation {
        running: root.animate && root.visible
        loops: Animation.Infinite
        NumberAnimation { target: root; property: "cardY"; from: 96; to: Math.max(96, root.landingY); duration: 1400; easing.type: Easing.InOutCubic }
        PauseAnimation { duration: 1400 }
        NumberAnimation { target: root; property: "cardY"; to: 96; duration: 500; easing.type: Easing.InOutQuad }
        PauseAnimation { duration: 400 }
    }
}
