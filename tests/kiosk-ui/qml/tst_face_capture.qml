import QtQuick
import QtTest
import Kiosk.Ui
import KioskTest

TestCase {
    name: "face_capture"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }
    Rectangle { id: swatch; width: 64; height: 48; color: "teal" }

    function english(fixture) {
        const m = Fixtures.load(fixture);
        m.language = "en";
        h.screenModel.load(m);
        h.actSpy.clear();
        return h.shell.currentScreen;
    }

    function test_without_a_countdown_it_says_hold_still() {
        const screen = english("face_capture");
        compare(findChild(screen, "face_status").text, "Hold still");
        compare(screen.title, "Look at the camera");
    }

    function test_a_countdown_counts_down_from_the_model_value() {
        const screen = english("face_capture-countdown");
        compare(findChild(screen, "face_status").text, "3");
        tryCompare(findChild(screen, "face_status"), "text", "Hold still", 5000);
    }

    function test_licence_photo_purpose_changes_the_prompt() {
        const screen = english("face_capture-licence_photo");
        compare(screen.title, "Your licence photo");
    }

    function test_the_preview_is_mirrored_and_shows_the_shell_frame() {
        const screen = english("face_capture");
        const preview = findChild(screen, "face_preview");
        verify(preview.mirrored);
        verify(preview.empty, "no frame yet");
        let grabbed = null;
        verify(swatch.grabToImage(result => grabbed = result.image));
        tryVerify(() => grabbed !== null, 3000);
        h.shell.previewFrame = grabbed;
        verify(!preview.empty, "the shell's frame reaches the preview");
    }

    function test_cancel_is_sent() {
        const screen = english("face_capture");
        mouseClick(findChild(screen, "action_cancel"));
        compare(h.actSpy.signalArguments[0][0], "cancel");
    }
}
