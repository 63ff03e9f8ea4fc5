import QtQuick
import QtTest
import Kiosk.Ui
import KioskTest

TestCase {
    name: "insert_id_card"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }

    function init() {
        h.shell.attractLanguage = "en";
    }

    function english(fixture) {
        const m = Fixtures.load(fixture);
        m.language = "en";
        h.screenModel.load(m);
        h.actSpy.clear();
        return h.shell.currentScreen;
    }

    function test_cancel_is_offered_and_sent() {
        const screen = english("insert_id_card");
        compare(screen.objectName, "screen_insert_id_card");
        mouseClick(findChild(screen, "action_cancel"));
        compare(h.actSpy.count, 1);
        compare(h.actSpy.signalArguments[0][0], "cancel");
    }

    function test_no_error_card_without_an_error() {
        const screen = english("insert_id_card");
        verify(!findChild(screen, "id_card_error").visible);
    }

    function test_card_not_removed_asks_to_lift_the_card_and_put_it_back() {
        const screen = english("insert_id_card-card_not_removed");
        verify(findChild(screen, "id_card_error").visible);
        compare(findChild(screen, "id_card_error_text").text,
                "Please lift the card off the reader and put it back.");
    }

    function test_other_read_errors_ask_to_check_the_card() {
        const screen = english("insert_id_card-checksum");
        verify(findChild(screen, "id_card_error").visible);
        verify(findChild(screen, "id_card_error_text").text.indexOf("check that it is your resident ID card") >= 0);
    }
}
