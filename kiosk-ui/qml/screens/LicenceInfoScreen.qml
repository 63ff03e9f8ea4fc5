// LicenceInfoScreen (screen `licence_info`): the result of an info query — name, file number,
// classes, validity, state and points as kioskd sends them. Finishing ends the session.
// kioskd also accepts `cancel` here; it would only end the same session as "cancelled", so the
// screen offers the one clear action, Done (finish).
import QtQuick
import Kiosk.Ui

LicenceInfoScreenForm {
    id: screen

    required property ScreenModel model
    signal act(string action, string value)

    // Whether kioskd accepts `action` now; reading `revision` re-evaluates bindings on every
    // new screen model.
    function allowed(action: string): bool {
        return screen.model.revision >= 0 && screen.model.allows(action);
    }

    readonly property var info: screen.model.data ?? {}
    readonly property string spokenPrompt: screen.title

    function str(value): string {
        return value === undefined || value === null ? "" : String(value);
    }
    // Short descriptions of the common Chinese licence classes (GA/T 2016 codes).
    function classDescription(code: string): string {
        switch (code) {
        case "A1": return qsTr("large bus");
        case "A2": return qsTr("tractor-trailer");
        case "A3": return qsTr("city bus");
        case "B1": return qsTr("medium bus");
        case "B2": return qsTr("large truck");
        case "C1": return qsTr("small car");
        case "C2": return qsTr("small automatic car");
        case "C3": return qsTr("low-speed truck");
        case "C4": return qsTr("three-wheeled car");
        case "C5": return qsTr("adapted automatic car");
        case "C6": return qsTr("light trailer");
        case "D": return qsTr("three-wheeled motorcycle");
        case "E": return qsTr("motorcycle");
        case "F": return qsTr("light motorcycle");
        case "M": return qsTr("wheeled machinery");
        case "N": return qsTr("trolleybus");
        case "P": return qsTr("tram");
        default: return "";
        }
    }
    function classesDescription(classes: string): string {
        const codes = classes.match(/[A-Z][0-9]?/g) ?? [];
        const parts = [];
        for (const code of codes) {
            const d = screen.classDescription(code);
            if (d.length > 0)
                parts.push(code + " " + d);
        }
        return parts.join(qsTr(", "));
    }
    function stateName(state: string): string {
        switch (state) {
        case "valid": return qsTr("Valid");
        case "expired": return qsTr("Expired");
        case "suspended": return qsTr("Suspended");
        case "revoked": return qsTr("Revoked");
        case "lost_reported": return qsTr("Reported lost");
        default: return state;
        }
    }

    objectName: "screen_licence_info"
    stepIndex: screen.model.progressIndex
    stepTotal: screen.model.progressTotal

    nameText: screen.str(screen.info.name)
    fileNumberText: screen.str(screen.info.file_number)
    classesText: screen.str(screen.info.classes)
    classesDetail: screen.classesDescription(screen.str(screen.info.classes))
    validFromText: screen.str(screen.info.valid_from)
    validToText: screen.str(screen.info.valid_to).length > 0 ? screen.str(screen.info.valid_to)
                                                              : qsTr("Long-term (no expiry date)")
    stateText: screen.stateName(screen.str(screen.info.state))
    stateColor: screen.info.state === "valid" ? Theme.success
              : screen.info.state === "expired" ? Theme.warning : Theme.danger
    pointsText: qsTr("%1 of 12").arg(Number(screen.info.points ?? 0))

    finishButton.visible: screen.allowed("finish")
    finishButton.onClicked: screen.act("finish", "")
}
