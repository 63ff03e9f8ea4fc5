import QtQuick
import QtTest
import Kiosk.Ui
import KioskTest

TestCase {
    name: "checking"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }

    function english(fixture) {
        const m = Fixtures.load(fixture);
        m.language = "en";
        h.screenModel.load(m);
        return h.shell.currentScreen;
    }

    function test_says_what_is_being_checked_and_offers_no_action() {
        const screen = english("checking");
        compare(screen.objectName, "screen_checking");
        compare(screen.what, "Checking your licence records…");
        verify(findChild(screen, "checking_indicator").visible);
        verify(!findChild(screen, "action_cancel"));
        compare(english("checking-payment").what, "Confirming your payment with the licence office…");
    }

    function test_no_connection_is_calm_and_has_no_action() {
        const screen = english("no_connection");
        compare(screen.objectName, "screen_no_connection");
        verify(!findChild(screen, "action_cancel"));
        verify(!findChild(screen, "action_finish"));
    }
}
