import QtQuick
import QtTest
import Kiosk.Ui
import KioskTest

TestCase {
    name: "shell"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }
    SignalSpy { id: previewSpy; target: h.shell; signalName: "previewWanted" }
    SignalSpy { id: keepAliveSpy; target: h.shell; signalName: "keepAliveRequested" }

    function init() {
        Theme.largeText = false;
        Theme.highContrast = false;
        Theme.lowered = false;
        h.show("consent");
    }

    function test_each_screen_name_loads_its_screen_data() {
        return [
            { tag: "idle", fixture: "idle", root: "screen_idle" },
            { tag: "no_connection", fixture: "no_connection", root: "screen_no_connection" },
            { tag: "unavailable", fixture: "unavailable-out_of_service", root: "screen_unavailable" },
            { tag: "insert_id_card", fixture: "insert_id_card", root: "screen_insert_id_card" },
            { tag: "consent", fixture: "consent", root: "screen_consent" },
            { tag: "face_capture", fixture: "face_capture", root: "screen_face_capture" },
            { tag: "checking", fixture: "checking", root: "screen_checking" },
            { tag: "call_staff", fixture: "call_staff", root: "screen_call_staff" },
            { tag: "ended", fixture: "ended-cancelled", root: "screen_ended" }
        ];
    }
    function test_each_screen_name_loads_its_screen(data) {
        h.show(data.fixture);
        compare(h.shell.currentScreen.objectName, data.root);
    }

    function test_idle_warning_shows_the_seconds_left_and_a_touch_keeps_the_session() {
        h.show("consent-idle_warning");
        const overlay = findChild(h.shell, "idle_warning");
        verify(overlay.visible);
        waitForRendering(h.shell);
        compare(findChild(overlay, "idle_seconds").text, "17");
        keepAliveSpy.clear();
        mouseClick(findChild(overlay, "idle_continue"));
        verify(!overlay.visible, "dismissed at once");
        compare(keepAliveSpy.count, 1, "session.keep_alive");
        compare(h.actSpy.count, 0, "no session action, no set_language");
        // kioskd ends the warning, then warns again later: the overlay comes back.
        const m = Fixtures.load("consent");
        h.screenModel.load(m);
        verify(!overlay.visible);
        h.screenModel.load(Fixtures.load("consent-idle_warning"));
        verify(overlay.visible);
    }

    function test_idle_warning_offers_to_end_the_session() {
        h.show("consent-idle_warning");
        const overlay = findChild(h.shell, "idle_warning");
        waitForRendering(h.shell);
        mouseClick(findChild(overlay, "idle_cancel"));
        compare(h.actSpy.signalArguments[0][0], "cancel");
    }

    function test_no_idle_warning_without_the_flag() {
        h.show("consent");
        verify(!findChild(h.shell, "idle_warning").visible);
    }

    function test_face_capture_asks_for_preview_frames_and_stops_after() {
        previewSpy.clear();
        h.show("face_capture");
        previewSpy.wait(1000);
        verify(previewSpy.count >= 1);
        h.show("checking");
        const count = previewSpy.count;
        wait(450);
        compare(previewSpy.count, count, "no frames wanted off the capture screen");
    }

    function test_landscape_follows_the_shell_geometry() {
        h.width = 1920;
        h.height = 1080;
        verify(Theme.landscape);
        h.width = 1080;
        h.height = 1920;
        verify(!Theme.landscape);
    }

    function test_every_touch_target_on_the_top_bar_is_finger_sized() {
        h.show("consent");
        for (const name of ["language_zh", "language_en", "toggle_large_text", "toggle_high_contrast", "toggle_lowered"]) {
            const item = findChild(h.shell, name);
            verify(item.width >= Theme.minTouch && item.height >= Theme.minTouch, name);
        }
    }

    function touchTargets(item, out) {
        if (item.visible === false)
            return out;
        const name = item.objectName || "";
        if (name.startsWith("action_") || name.startsWith("service_") || name === "dismiss")
            out.push(item);
        for (let i = 0; i < item.children.length; ++i)
            touchTargets(item.children[i], out);
        return out;
    }

    function test_every_button_is_finger_sized_in_every_mode_data() {
        const rows = [];
        for (const fixture of ["idle", "insert_id_card", "consent", "face_capture-licence_photo",
                               "call_staff", "ended-not_eligible", "unavailable-stock_empty"]) {
            rows.push({ tag: fixture + " normal", fixture: fixture, large: false, w: 1080, hgt: 1920 });
            rows.push({ tag: fixture + " large", fixture: fixture, large: true, w: 1080, hgt: 1920 });
            rows.push({ tag: fixture + " landscape", fixture: fixture, large: false, w: 1920, hgt: 1080 });
        }
        return rows;
    }
    function test_every_button_is_finger_sized_in_every_mode(data) {
        h.width = data.w;
        h.height = data.hgt;
        Theme.largeText = data.large;
        h.show(data.fixture);
        waitForRendering(h.shell);
        const targets = touchTargets(h.shell.currentScreen, []);
        verify(targets.length > 0, "buttons found");
        for (const t of targets)
            verify(t.width >= Theme.minTouch && t.height >= Theme.minTouch,
                   t.objectName + " " + t.width + "x" + t.height);
        h.width = 1080;
        h.height = 1920;
    }

    function test_attract_presentation_follows_the_language() {
        h.shell.attractLanguage = "en";
        const screen = h.show("idle");
        compare(screen.heroTexts[0], "Renew your driving licence in about five minutes. Bring your ID card.");
        h.shell.attractLanguage = "zh";
        compare(screen.heroTexts[0], "约五分钟即可换领驾驶证。请携带本人身份证。");
    }
}
