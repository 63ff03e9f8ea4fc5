import QtQuick
import QtTest
import Kiosk.Ui
import KioskTest

TestCase {
    name: "consent"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }

    function init() {
        h.show("consent");
    }

    function test_screen_root_is_named() {
        compare(h.shell.currentScreen.objectName, "screen_consent");
    }

    function test_each_offered_action_has_a_button_that_sends_it_data() {
        return [{ tag: "consent" }, { tag: "call_staff" }, { tag: "cancel" }];
    }
    function test_each_offered_action_has_a_button_that_sends_it(data) {
        const button = findChild(h.shell.currentScreen, "action_" + data.tag);
        verify(button, "button for " + data.tag);
        verify(button.visible);
        verify(button.height >= Theme.minTouch);
        mouseClick(button);
        compare(h.actSpy.count, 1);
        compare(h.actSpy.signalArguments[0][0], data.tag);
        compare(h.actSpy.signalArguments[0][1], "");
    }

    function test_a_button_disappears_when_its_action_is_not_offered() {
        const m = Fixtures.load("consent");
        m.actions = ["consent", "cancel"];
        h.screenModel.load(m);
        verify(!findChild(h.shell.currentScreen, "action_call_staff").visible);
        verify(findChild(h.shell.currentScreen, "action_consent").visible);
    }

    function test_language_switch_in_a_session_sends_set_language_and_follows_the_model() {
        mouseClick(findChild(h.shell, "language_en"));
        compare(h.actSpy.count, 1);
        compare(h.actSpy.signalArguments[0][0], "set_language");
        compare(h.actSpy.signalArguments[0][1], "en");
        compare(Translator.language, "zh", "the UI follows the model, not the tap");
        const m = Fixtures.load("consent");
        m.language = "en";
        h.screenModel.load(m);
        compare(Translator.language, "en");
        compare(findChild(h.shell.currentScreen, "action_consent").text, "I agree");
        m.language = "zh";
        h.screenModel.load(m);
        compare(findChild(h.shell.currentScreen, "action_consent").text, "同意并继续");
    }
}
