import QtQuick
import QtTest
import Kiosk.Ui
import KioskTest

TestCase {
    id: tc
    name: "licence_info"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }

    function init() {
        Theme.largeText = false;
        h.show("licence_info");
    }

    function test_shows_the_licence_as_the_registry_holds_it() {
        const screen = h.shell.currentScreen;
        compare(screen.objectName, "screen_licence_info");
        compare(screen.nameText, "张伟");
        compare(screen.fileNumberText, "110105201800123");
        compare(screen.classesText, "C1");
        compare(screen.validFromText, "2020-03-15");
        compare(screen.validToText, "2026-03-15");
        verify(screen.pointsText.indexOf("3") === 0, screen.pointsText);
    }

    function test_a_long_term_licence_says_so_instead_of_an_empty_date() {
        const screen = h.show("licence_info-long_term");
        verify(screen.validToText.length > 0);
        verify(screen.validToText !== "", "long-term text");
    }

    function test_done_finishes_the_session() {
        const button = findChild(h.shell.currentScreen, "action_finish");
        verify(button.visible);
        verify(button.height >= Theme.minTouch);
        mouseClick(button);
        compare(h.actSpy.count, 1);
        compare(h.actSpy.signalArguments[0][0], "finish");
        compare(h.actSpy.signalArguments[0][1], "");
    }

    function test_done_is_hidden_when_kioskd_does_not_accept_finish() {
        const m = Fixtures.load("licence_info");
        m.actions = ["cancel"];
        h.screenModel.load(m);
        verify(!findChild(h.shell.currentScreen, "action_finish").visible);
    }
}
