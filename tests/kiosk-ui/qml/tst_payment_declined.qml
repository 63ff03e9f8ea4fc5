import QtQuick
import QtTest
import Kiosk.Ui
import KioskTest

TestCase {
    id: tc
    name: "payment_declined"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }

    function test_retry_and_cancel() {
        const screen = h.show("payment_declined");
        compare(screen.objectName, "screen_payment_declined");
        mouseClick(findChild(screen, "action_retry"));
        mouseClick(findChild(screen, "action_cancel"));
        compare(h.actSpy.count, 2);
        compare(h.actSpy.signalArguments[0][0], "retry");
        compare(h.actSpy.signalArguments[1][0], "cancel");
    }

    function test_amount_in_yuan() {
        compare(findChild(h.show("payment_declined-risk_control"), "declined_amount").text, "¥25.50");
    }

    function test_each_reason_has_its_own_explanation() {
        const seen = {};
        for (const f of ["payment_declined", "payment_declined-code_expired", "payment_declined-risk_control", "payment_declined-other"]) {
            const screen = h.show(f);
            const reason = findChild(screen, "declined_reason").text;
            verify(reason.length > 0 && findChild(screen, "declined_hint").text.length > 0);
            seen[reason] = true;
        }
        compare(Object.keys(seen).length, 4);
    }

    function test_retry_is_hidden_when_not_allowed() {
        const m = Fixtures.load("payment_declined");
        m.actions = ["cancel"];
        h.screenModel.load(m);
        verify(!findChild(h.shell.currentScreen, "action_retry").visible);
    }
}
