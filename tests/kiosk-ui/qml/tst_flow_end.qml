// return_old_card, take_card and completed: the short screens of the end of the flow.
import QtQuick
import QtTest
import Kiosk.Ui

TestCase {
    id: tc
    name: "flow_end"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }

    function test_return_old_card_confirms_or_cancels() {
        const screen = h.show("return_old_card");
        compare(screen.objectName, "screen_return_old_card");
        const done = findChild(screen, "action_old_card_returned");
        verify(done.visible && done.height >= Theme.minTouch);
        mouseClick(done);
        mouseClick(findChild(screen, "action_cancel"));
        compare(h.actSpy.signalArguments[0][0], "old_card_returned");
        compare(h.actSpy.signalArguments[1][0], "cancel");
    }

    function test_take_card_has_no_action() {
        const screen = h.show("take_card");
        compare(screen.objectName, "screen_take_card");
        compare(findChild(screen, "action_cancel"), null);
        compare(findChild(screen, "action_finish"), null);
    }

    function test_completed_shows_the_card_serial_and_finishes() {
        const screen = h.show("completed");
        compare(screen.objectName, "screen_completed");
        compare(findChild(screen, "completed_serial").value, "K0042-000123");
        compare(findChild(screen, "money_note_text").text, "您已支付 ¥10.00。");
        compare(findChild(screen, "transaction_reference").text, "3F2A-9C01");
        verify(findChild(screen, "receipt_qr").visible);
        mouseClick(findChild(screen, "action_finish"));
        compare(h.actSpy.count, 1);
        compare(h.actSpy.signalArguments[0][0], "finish");
    }

    function test_completed_with_a_refund_says_so_with_its_reference() {
        const screen = h.show("completed-refunded");
        const text = findChild(screen, "money_note_text").text;
        verify(text.indexOf("退") >= 0 && text.indexOf("RF-7D21C8") >= 0, text);
    }
}
