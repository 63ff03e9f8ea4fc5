// LicenceInfoScreen (screen `licence_info`): the result of an info query — name, file number,
// classes (with kioskd's class names), validity, state and points (of kioskd's limit) as kioskd
// sends them. Finishing ends the session.
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
    // Class names come from kioskd (class_list, in the order of `classes`).
    classesDetail: Texts.classNames(screen.info.class_list)
    validFromText: screen.str(screen.info.valid_from)
    validToText: screen.str(screen.info.valid_to).length > 0 ? screen.str(screen.info.valid_to)
                                                              : qsTr("Long-term (no expiry date)")
    stateText: screen.stateName(screen.str(screen.info.state))
    stateColor: screen.info.state === "valid" ? Theme.success
              : screen.info.state === "expired" ? Theme.warning : Theme.danger
    // "3 of 12": the limit is kioskd's (points_limit); without it only the points.
    pointsText: screen.info.points_limit === undefined || screen.info.points_limit === null
                ? String(Number(screen.info.points ?? 0))
                : qsTr("%1 of %2").arg(Number(screen.info.points ?? 0)).arg(Number(screen.info.points_limit))

    finishButton.visible: screen.allowed("finish")
    finishButton.onClicked: screen.act("finish", "")
}
