import QtQuick
import QtTest
import Kiosk.Ui

TestCase {
    name: "unavailable"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }

    function init() {
        h.shell.attractLanguage = "en";
    }

    function test_each_refusal_reason_is_explained_data() {
        return [
            { tag: "out_of_service", title: "This kiosk is out of service" },
            { tag: "central_unavailable", title: "The licence office cannot be reached" },
            { tag: "stock_empty", title: "This kiosk has run out of licence cards" },
            { tag: "journal_unavailable", title: "This kiosk cannot take new services" }
        ];
    }
    function test_each_refusal_reason_is_explained(data) {
        const screen = h.show("unavailable-" + data.tag);
        compare(screen.objectName, "screen_unavailable");
        compare(screen.title, data.title);
        verify(screen.subtitle.length > 0);
        verify(findChild(screen, "next_steps").visible);
    }

    function test_back_to_start_asks_the_shell_to_dismiss() {
        const screen = h.show("unavailable-stock_empty");
        mouseClick(findChild(screen, "dismiss"));
        compare(h.dismissSpy.count, 1);
        compare(h.actSpy.count, 0);
    }
}
