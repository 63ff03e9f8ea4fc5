// FaceCaptureScreen (screen "face_capture"): live, mirrored camera preview (the shell's
// previewFrame, refreshed ~5 times a second while this screen is shown) with an oval guide.
// data.purpose "licence_photo" = the licence photo, otherwise face verification. With
// data.countdown_ms a 3-2-1 countdown runs locally from that value; without it the screen just
// says "hold still". Sends cancel.
import QtQuick
import Kiosk.Ui

FaceCaptureScreenForm {
    id: root

    required model
    property var previewFrame
    readonly property int countdownMs: model && model.data && model.data.countdown_ms !== undefined
                                       ? Number(model.data.countdown_ms) : -1
    property real countdownEnd: 0
    readonly property string spokenPrompt: title + " " + subtitle

    signal act(string action, string value)

    objectName: "screen_face_capture"
    title: {
        void Translator.language;
        return root.licencePhoto ? qsTr("Your licence photo") : qsTr("Look at the camera");
    }
    subtitle: {
        void Translator.language;
        return root.licencePhoto
            ? qsTr("Look straight into the camera with a neutral expression. Keep your face inside the oval.")
            : qsTr("Keep your face inside the oval and hold still while the kiosk checks it is you.");
    }
    statusText: {
        void Translator.language;
        return root.countdown > 0 ? String(root.countdown) : qsTr("Hold still");
    }
    frame: previewFrame
    cancelButton.onClicked: root.act("cancel", "")

    function restartCountdown() {
        if (root.countdownMs > 0) {
            root.countdownEnd = Date.now() + root.countdownMs;
            root.countdown = Math.ceil(root.countdownMs / 1000);
        } else {
            root.countdown = 0;
        }
    }
    onCountdownMsChanged: restartCountdown()
    Component.onCompleted: restartCountdown()

    Timer {
        interval: 100
        repeat: true
        running: root.countdown > 0
        onTriggered: root.countdown = Math.max(0, Math.ceil((root.countdownEnd - Date.now()) / 1000))
    }
}
