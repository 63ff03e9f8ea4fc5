// AttractScreen (screen "idle"): the attract loop. The service tiles take turns being
// highlighted (a calm 5-second cycle); tapping one asks the shell to start that service in the
// current language: startRequested(service, language) with service renewal, replace_lost,
// replace_damaged or query (the local API's session.start names). `services` is kiosk.status's
// services object (the shell binds it): a service kioskd says is not available (a device it
// needs is not connected) has its tile greyed out and a note says why, so nobody starts it
// only to be turned away.
import QtQuick
import Kiosk.Ui

AttractScreenForm {
    id: root

    required property ScreenModel model
    property var services: ({})
    readonly property bool anyUnavailable: !available("renewal") || !available("replace_lost")
                                           || !available("replace_damaged") || !available("query")
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

    function available(service: string): bool {
        const s = root.services ? root.services[service] : undefined;
        return !s || s.available !== false;
    }

    unavailableNote.visible: root.anyUnavailable
    unavailableNote.text: {
        void Translator.language;
        return qsTr("Some services are not available at this kiosk right now: one of its devices is not connected. Please use the service counter for them.");
    }
    renewalButton.enabled: available("renewal")
    replaceLostButton.enabled: available("replace_lost")
    replaceDamagedButton.enabled: available("replace_damaged")
    queryButton.enabled: available("query")

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
