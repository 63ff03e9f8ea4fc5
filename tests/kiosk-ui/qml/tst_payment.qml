import QtQuick
import QtTest
import Kiosk.Ui

TestCase {
    id: tc
    name: "payment"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }

    function init() {
        Theme.largeText = false;
    }

    function test_amount_in_yuan_and_the_order_qr_code() {
        const screen = h.show("payment");
        compare(screen.objectName, "screen_payment");
        compare(findChild(screen, "payment_amount").text, "¥10.00");
        const qr = findChild(screen, "payment_qr");
        compare(qr.text, "kiosk24pay://order/o-20261128-000042?amount=1000");
        verify(qr.modules > 0, "the order link encodes as a QR code");
        verify(qr.width >= 300, "large enough to scan from a phone");
    }

    function test_cancel_is_the_only_action() {
        const screen = h.show("payment");
        const cancel = findChild(screen, "action_cancel");
        verify(cancel.visible && cancel.height >= Theme.minTouch);
        mouseClick(cancel);
        compare(h.actSpy.count, 1);
        compare(h.actSpy.signalArguments[0][0], "cancel");
    }
}
