import QtQuick
import QtTest
import Kiosk.Ui
import KioskTest

TestCase {
    id: tc
    name: "printing"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }

    function test_time_remaining_from_the_eta() {
        const m = Fixtures.load("printing");
        m.language = "en";
        h.screenModel.load(m);
        const screen = h.shell.currentScreen;
        compare(screen.objectName, "screen_printing");
        compare(findChild(screen, "printing_eta").text, "About 15 seconds left");
        verify(!findChild(screen, "printing_attempt").visible, "first attempt: nothing to explain");
    }

    function test_eta_texts_data() {
        return [
            { tag: "unknown", eta: -1, text: "This takes about a minute" },
            { tag: "zero", eta: 0, text: "Almost done…" },
            { tag: "one", eta: 1, text: "About 1 second left" },
            { tag: "seconds", eta: 45, text: "About 45 seconds left" },
            { tag: "minutes", eta: 150, text: "About 3 minutes left" }
        ];
    }
    function test_eta_texts(data) {
        const m = Fixtures.load("printing");
        m.language = "en";
        m.progress.eta_seconds = data.eta;
        h.screenModel.load(m);
        compare(findChild(h.shell.currentScreen, "printing_eta").text, data.text);
    }

    function test_the_countdown_restarts_with_every_new_model() {
        const m = Fixtures.load("printing");
        m.language = "en";
        h.screenModel.load(m);
        const screen = h.shell.currentScreen;
        screen.elapsed = 5;
        compare(screen.remaining, 10);
        h.screenModel.load(m);
        compare(screen.remaining, 15);
    }

    function test_a_second_attempt_is_explained() {
        const screen = h.show("printing-retry");
        const attempt = findChild(screen, "printing_attempt");
        verify(attempt.visible);
        verify(attempt.text.indexOf("2") >= 0);
        compare(h.actSpy.count, 0);
    }
}
