// PhotoReviewScreen (screen `photo_review`): the licence photo just taken, for the citizen to
// accept or retake. The photo itself is KioskShell's `photo` (a QImage fetched with
// session.photo when this screen appears). kioskd decides whether the photo is usable: accept
// is offered only when it is among model.actions; a quality problem (error photo_quality,
// reasons too_dark / too_bright / low_contrast / empty) is explained with what to do.
// Retake is not offered when no retake is left: kioskd would end the session instead.
import QtQuick
import Kiosk.Ui

PhotoReviewScreenForm {
    id: screen

    required property ScreenModel model
    signal act(string action, string value)

    // Whether kioskd accepts `action` now; reading `revision` re-evaluates bindings on every
    // new screen model.
    function allowed(action: string): bool {
        return screen.model.revision >= 0 && screen.model.allows(action);
    }

    readonly property var review: screen.model.data ?? {}
    readonly property int attempt: Number(screen.review.attempt ?? 1)
    readonly property int retakesLeft: Number(screen.review.retakes_left ?? 0)
    readonly property string reason: screen.model.errorCode === "photo_quality" ? screen.model.errorReason : ""
    readonly property string spokenPrompt: screen.title + " " + screen.problemHint

    function problemTitleFor(reason: string): string {
        switch (reason) {
        case "too_dark": return qsTr("The photo is too dark");
        case "too_bright": return qsTr("The photo is too bright");
        case "low_contrast": return qsTr("The photo is not clear enough");
        case "empty": return qsTr("No face could be seen");
        default: return qsTr("The photo cannot be used");
        }
    }
    function problemHintFor(reason: string): string {
        switch (reason) {
        case "too_dark":
            return qsTr("Move a little closer to the screen so its light falls on your face, and keep your face uncovered.");
        case "too_bright":
            return qsTr("Step back a little and avoid bright light shining straight onto your face.");
        case "low_contrast":
            return qsTr("Keep still, take off a hat or glasses, and look straight into the camera.");
        case "empty":
            return qsTr("Stand in front of the screen, look into the camera above it and keep your face inside the outline.");
        default:
            return qsTr("Please take the photo again.");
        }
    }

    // Declared (null until the shell sets it) so KioskShell sees that this screen shows the photo.
    photo: null
    objectName: "screen_photo_review"
    stepIndex: screen.model.progressIndex
    stepTotal: screen.model.progressTotal
    title: screen.problem ? qsTr("Let's take that again") : qsTr("Is this photo good?")
    subtitle: screen.problem ? "" : qsTr("This photo will be printed on your new licence.")

    problem: screen.reason.length > 0 || !(screen.review.quality_ok ?? true)
    problemTitle: screen.problem ? screen.problemTitleFor(screen.reason) : ""
    problemHint: screen.problem ? screen.problemHintFor(screen.reason) : ""
    lastTry: screen.retakesLeft <= 0
    attemptText: screen.retakesLeft <= 0 ? qsTr("Photo %1 · no retake left").arg(screen.attempt)
                 : screen.retakesLeft === 1 ? qsTr("Photo %1 · 1 retake left").arg(screen.attempt)
                 : qsTr("Photo %1 · %2 retakes left").arg(screen.attempt).arg(screen.retakesLeft)

    cancelButton.visible: screen.allowed("cancel")
    retakeButton.visible: screen.allowed("retake") && screen.retakesLeft > 0
    // Large text in portrait: three buttons with icons are wider than the screen (a label is
    // never narrower than its longest word); the words stay, the icons go.
    retakeButton.iconName: Theme.largeText && !Theme.landscape ? "" : "camera"
    acceptButton.iconName: Theme.largeText && !Theme.landscape ? "" : "check"
    retakeButton.kind: screen.acceptButton.visible ? "secondary" : "primary"
    acceptButton.visible: screen.allowed("accept")

    cancelButton.onClicked: screen.act("cancel", "")
    retakeButton.onClicked: screen.act("retake", "")
    acceptButton.onClicked: screen.act("accept", "")
}
