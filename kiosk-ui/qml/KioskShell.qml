// KioskShell: the citizen side of the kiosk. Shows the screen for model.name (one screen file
// per name, loaded on demand), the top bar (language switch, accessibility toggles), the idle
// warning overlay and the hidden maintenance gesture. It never calls LocalApi: Main.qml (and the
// tests and the screenshot tour) drive it with a ScreenModel and wire its signals.
//
// Screens: model.name "idle" -> screens/AttractScreen.qml, any other name "foo_bar" ->
// screens/FooBarScreen.qml (a missing file shows a neutral "one moment" page). A screen root
// declares `required property ScreenModel model` and `signal act(string action, string value)`;
// optional members the shell honours when present:
//   signal startRequested(string service, string language)   (attract)
//   signal dismissRequested()                                 (unavailable, no_connection)
//   signal photoWanted()                                      (ask for the photo again)
//   property var previewFrame   <- shell.previewFrame            (face_capture)
//   property var photo          <- shell.photo                   (photo_review)
//   property var services       <- shell.services (kiosk.status)  (attract)
//   property string spokenPrompt  read aloud when the screen appears (TextToSpeech)
//
// Language: during a session the model's language (switching sends act("set_language", l));
// without one the attract screen's choice (attractLanguage, default zh). Translator follows it.
// Idle warning: model.idleWarning shows "Are you still there?" with model.idleSecondsLeft.
// "I'm still here" (or any touch on the overlay) emits keepAliveRequested() (Main.qml sends
// kioskd's session.keep_alive, which restarts the idle timer and ends the warning). The overlay
// hides until the warning ends.
import QtQuick
import QtTextToSpeech
import Kiosk.Ui

Rectangle {
    id: shell

    required property ScreenModel model
    property var previewFrame
    property var photo
    property var services: ({})  // kiosk.status services: which can start now
    property string attractLanguage: "zh"
    // Speak the screen prompts (off in tests and the screenshot tour).
    property bool speech: true
    // Screen transitions (off for the screenshot tour, which grabs right after a change).
    property bool animate: true

    readonly property bool inSession: model.sessionId.length > 0
    readonly property string language: inSession && (model.language === "zh" || model.language === "en")
                                       ? model.language : attractLanguage
    readonly property QtObject currentScreen: screenLoader.item
    readonly property string screenFile: shell.screenFileFor(model.name)
    property bool idleDismissed: false

    signal act(string action, string value)
    signal keepAliveRequested()
    signal startRequested(string service, string language)
    signal dismissRequested()
    signal maintenanceRequested()
    signal previewWanted()
    signal photoWanted()

    function screenFileFor(name: string): string {
        if (name === "idle" || name === "")
            return "screens/AttractScreen.qml";
        const parts = name.split("_");
        let pascal = "";
        for (const part of parts)
            pascal += part.charAt(0).toUpperCase() + part.slice(1);
        return "screens/" + pascal + "Screen.qml";
    }

    function chooseLanguage(lang: string) {
        if (shell.inSession)
            shell.act("set_language", lang);
        else
            shell.attractLanguage = lang;
    }

    function stillHere() {
        shell.idleDismissed = true;
        if (shell.inSession)
            shell.keepAliveRequested();
    }

    function wire(screen) {
        if (screen.act)
            screen.act.connect(shell.act);
        if (screen.startRequested)
            screen.startRequested.connect(shell.startRequested);
        if (screen.dismissRequested)
            screen.dismissRequested.connect(shell.dismissRequested);
        if (screen.photoWanted)
            screen.photoWanted.connect(shell.photoWanted);
        shell.screenHasPreview = "previewFrame" in screen;
        shell.screenHasPhoto = "photo" in screen;
        shell.screenHasServices = "services" in screen;
        shell.speak(screen.spokenPrompt);
    }

    function speak(text) {
        if (!shell.speech || !text || tts.state === TextToSpeech.Error)
            return;
        tts.stop();
        tts.say(text);
    }

    property bool screenHasPreview: false
    property bool screenHasPhoto: false
    property bool screenHasServices: false

    color: Theme.background
    implicitWidth: 1080
    implicitHeight: 1920

    Binding { target: Theme; property: "landscape"; value: shell.width > shell.height }
    Binding { target: Translator; property: "language"; value: shell.language }

    property int photoAttempt: -1

    Connections {
        target: shell.model
        function onChanged() {
            if (!shell.model.idleWarning)
                shell.idleDismissed = false;
            // The licence photo under review: fetched again for every new attempt.
            const attempt = shell.model.name === "photo_review" ? (shell.model.data?.attempt ?? 0) : -1;
            if (attempt !== shell.photoAttempt) {
                shell.photoAttempt = attempt;
                if (attempt >= 0)
                    shell.photoWanted();
            }
        }
    }

    TextToSpeech { id: tts }

    // Camera preview pacing: ~5 frames per second while the face capture screen is shown.
    Timer {
        interval: 200
        repeat: true
        running: shell.model.name === "face_capture"
        triggeredOnStart: true
        onTriggered: shell.previewWanted()
    }

    TopBar {
        id: topBar
        z: 2
        anchors.left: parent.left
        anchors.right: parent.right
        y: Theme.lowered ? shell.height - height : 0
        language: shell.language
        onLanguageChosen: lang => shell.chooseLanguage(lang)
    }

    Item {
        id: screenArea
        clip: true
        anchors.left: parent.left
        anchors.right: parent.right
        y: Theme.lowered ? 0 : topBar.height
        height: shell.height - topBar.height

        Loader {
            id: screenLoader
            anchors.fill: parent
            asynchronous: false
            onLoaded: {
                shell.wire(item);
                if (shell.animate)
                    fadeIn.restart();
            }
            NumberAnimation {
                id: fadeIn
                target: screenLoader.item
                property: "opacity"
                from: 0
                to: 1
                duration: 220
                easing.type: Easing.OutCubic
            }
        }
        Loader {
            id: pendingLoader
            anchors.fill: parent
            active: screenLoader.status === Loader.Error
            sourceComponent: PendingPage {}
        }
    }

    // (Re)load the screen whenever the screen name changes; the same file stays loaded across
    // model updates (the screens bind to the model).
    onScreenFileChanged: screenLoader.setSource(shell.screenFile, { "model": shell.model })
    Component.onCompleted: screenLoader.setSource(shell.screenFile, { "model": shell.model })

    Binding {
        target: screenLoader.item
        property: "previewFrame"
        value: shell.previewFrame
        when: shell.screenHasPreview && screenLoader.item !== null
    }
    Binding {
        target: screenLoader.item
        property: "services"
        value: shell.services
        when: shell.screenHasServices && screenLoader.item !== null
    }
    Binding {
        target: screenLoader.item
        property: "photo"
        value: shell.photo
        when: shell.screenHasPhoto && screenLoader.item !== null
    }

    IdleWarning {
        anchors.fill: parent
        visible: shell.model.idleWarning && !shell.idleDismissed
        secondsLeft: shell.model.idleSecondsLeft
        canCancel: Actions.allowed(shell.model, "cancel")
        onStillHere: shell.stillHere()
        onEndRequested: shell.act("cancel", "")
    }

    // Hidden maintenance gesture: hold the top-left corner for 3 seconds.
    MouseArea {
        objectName: "maintenance_gesture"
        x: 0
        y: 0
        width: 140
        height: 140
        z: 100
        pressAndHoldInterval: 3000
        onPressAndHold: shell.maintenanceRequested()
    }
}
