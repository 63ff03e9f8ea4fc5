import QtQuick
import QtTest
import Kiosk.Ui
import KioskTest

TestCase {
    name: "call_staff"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }

    function test_sends_the_citizen_to_the_counter_and_finishes() {
        const m = Fixtures.load("call_staff");
        m.language = "en";
        h.screenModel.load(m);
        h.actSpy.clear();
        const screen = h.shell.currentScreen;
        compare(screen.objectName, "screen_call_staff");
        compare(screen.title, "Please go to the service counter");
        compare(findChild(screen, "money_note_text").text, "You have not been charged.");
        compare(findChild(screen, "transaction_reference").text, "3F2A-9C01");
        verify(!findChild(screen, "receipt_qr").visible);
        mouseClick(findChild(screen, "action_finish"));
        compare(h.actSpy.signalArguments[0][0], "finish");
    }
}
