import QtQuick
import QtTest
import Kiosk.Ui

TestCase {
    id: tc
    name: "attract"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }

    function init() {
        Theme.largeText = false;
        Theme.highContrast = false;
        Theme.lowered = false;
        h.shell.attractLanguage = "zh";
        h.shell.services = {};
        h.show("idle");
    }

    function test_screen_root_is_named() {
        compare(h.shell.currentScreen.objectName, "screen_idle");
    }

    function test_each_service_tile_starts_its_service_in_the_chosen_language_data() {
        return [
            { tag: "renewal", button: "service_renewal", service: "renewal" },
            { tag: "lost", button: "service_replace_lost", service: "replace_lost" },
            { tag: "damaged", button: "service_replace_damaged", service: "replace_damaged" },
            { tag: "query", button: "service_query", service: "query" }
        ];
    }
    function test_each_service_tile_starts_its_service_in_the_chosen_language(data) {
        const button = findChild(h.shell, data.button);
        verify(button, data.button);
        verify(button.height >= Theme.minTouch);
        mouseClick(button);
        compare(h.startSpy.count, 1);
        compare(h.startSpy.signalArguments[0][0], data.service);
        compare(h.startSpy.signalArguments[0][1], "zh");
        compare(h.actSpy.count, 0);
    }

    function test_a_service_whose_device_is_missing_is_greyed_out_with_a_note() {
        const note = findChild(h.shell.currentScreen, "services_unavailable_note");
        verify(note);
        verify(!note.visible, "every service available: no note");
        h.shell.services = {
            renewal: { available: false, missing_device: "card_printer" },
            replace_lost: { available: false, missing_device: "card_printer" },
            replace_damaged: { available: false, missing_device: "card_printer" },
            query: { available: true, missing_device: null }
        };
        verify(note.visible);
        verify(note.text.length > 0);
        verify(!findChild(h.shell.currentScreen, "attract_hero").visible,
               "no hero advertising a service that cannot start");
        const renewal = findChild(h.shell, "service_renewal");
        verify(!renewal.enabled);
        mouseClick(renewal);
        compare(h.startSpy.count, 0, "a greyed tile starts nothing");
        const query = findChild(h.shell, "service_query");
        verify(query.enabled);
        mouseClick(query);
        compare(h.startSpy.count, 1);
        compare(h.startSpy.signalArguments[0][0], "query");
        h.shell.services = {};
        verify(!note.visible, "devices back: the note goes");
        verify(findChild(h.shell.currentScreen, "attract_hero").visible);
        verify(renewal.enabled);
    }

    function test_language_choice_without_session_switches_locally() {
        mouseClick(findChild(h.shell, "language_en"));
        compare(h.actSpy.count, 0, "no session: no set_language action");
        compare(Translator.language, "en");
        mouseClick(findChild(h.shell, "service_renewal"));
        compare(h.startSpy.signalArguments[0][1], "en");
        mouseClick(findChild(h.shell, "language_zh"));
        compare(Translator.language, "zh");
    }

    function test_language_switch_retranslates_the_screen() {
        const title = findChild(h.shell.currentScreen, "service_renewal");
        mouseClick(findChild(h.shell, "language_en"));
        compare(title.text, "Renew my licence");
        mouseClick(findChild(h.shell, "language_zh"));
        verify(title.text !== "Renew my licence", "Chinese: " + title.text);
    }

    function test_accessibility_toggles_flip_the_theme() {
        mouseClick(findChild(h.shell, "toggle_large_text"));
        verify(Theme.largeText);
        mouseClick(findChild(h.shell, "toggle_high_contrast"));
        verify(Theme.highContrast);
        mouseClick(findChild(h.shell, "toggle_lowered"));
        verify(Theme.lowered);
        mouseClick(findChild(h.shell, "toggle_lowered"), 20, 20);
        verify(!Theme.lowered, "the toggle moved with the bar and still works");
    }

    function test_hidden_gesture_asks_for_maintenance_after_a_long_press() {
        const area = findChild(h.shell, "maintenance_gesture");
        verify(area);
        h.maintenanceSpy.clear();
        mousePress(area, 20, 20);
        h.maintenanceSpy.wait(4000);
        mouseRelease(area, 20, 20);
        compare(h.maintenanceSpy.count, 1);
    }
}
