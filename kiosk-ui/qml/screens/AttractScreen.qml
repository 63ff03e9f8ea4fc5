// AttractScreen (screen "idle"): the attract loop. The service tiles take turns being
// highlighted (a calm 5-second cycle); tapping one asks the shell to start that service in the
// current language: startRequested(service, language) with service renewal, replace_lost,
// replace_damaged or query (the local API's session.start names).
import QtQuick
import Kiosk.Ui

AttractScreenForm {
    id: root

    required property ScreenModel model
    readonly property string spokenPrompt: qsTr("Welcome. Choose a service to begin.")

    signal act(string action, string value)
    signal startRequested(string service, string language)

    objectName: "screen_idle"
    // (Here, not in the .ui.qml: see Texts.qml on translated expressions in .ui.qml files.)
    heroTexts: {
        void Translator.language;
        return [qsTr("Renew your driving licence in about five minutes. Bring your ID card."),
                qsTr("Lost your licence? Get a new card printed here."),
                qsTr("Card damaged? Swap it for a new one here."),
                qsTr("See your licence's classes, validity and points.")];
    }

    Timer {
        interval: 5000
        repeat: true
        running: root.visible
        onTriggered: root.highlighted = (root.highlighted + 1) % 4
    }

    renewalButton.onClicked: root.startRequested("renewal", Translator.language)
    replaceLostButton.onClicked: root.startRequested("replace_lost", Translator.language)
    replaceDamagedButton.onClicked: root.startRequested("replace_damaged", Translator.language)
    queryButton.onClicked: root.startRequested("query", Translator.language)
}
