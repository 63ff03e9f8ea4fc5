import QtQuick
import QtTest
import Kiosk.Ui

TestCase {
    id: tc
    name: "photo_review"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }

    function init() {
        Theme.largeText = false;
    }

    function test_the_shell_hands_its_photo_to_the_screen() {
        const screen = h.show("photo_review");
        compare(screen.objectName, "screen_photo_review");
        verify(h.shell.screenHasPhoto, "the screen declares `photo`");
        const frame = findChild(screen, "licence_photo");
        verify(frame);
        // licence photo proportions, 22 x 32 mm
        fuzzyCompare(frame.width / frame.height, 22 / 32, 0.01);
    }

    function test_a_good_photo_can_be_accepted_or_retaken() {
        const screen = h.show("photo_review");
        verify(!screen.problem);
        const accept = findChild(screen, "action_accept");
        const retake = findChild(screen, "action_retake");
        verify(accept.visible && retake.visible);
        mouseClick(accept);
        compare(h.actSpy.count, 1);
        compare(h.actSpy.signalArguments[0][0], "accept");
        mouseClick(retake);
        compare(h.actSpy.signalArguments[1][0], "retake");
        mouseClick(findChild(screen, "action_cancel"));
        compare(h.actSpy.signalArguments[2][0], "cancel");
    }

    function test_each_quality_problem_is_explained_and_accept_is_not_offered_data() {
        return [
            { tag: "too_dark", fixture: "photo_review-too_dark" },
            { tag: "too_bright", fixture: "photo_review-too_bright" },
            { tag: "low_contrast", fixture: "photo_review-low_contrast" },
            { tag: "empty", fixture: "photo_review-empty" }
        ];
    }
    function test_each_quality_problem_is_explained_and_accept_is_not_offered(data) {
        const screen = h.show(data.fixture);
        verify(screen.problem);
        compare(screen.reason, data.tag);
        const problem = findChild(screen, "photo_problem");
        const hint = findChild(screen, "photo_hint");
        verify(problem.visible && problem.text.length > 0);
        verify(hint.text.length > 8, "a hint says what to do: " + hint.text);
        verify(!findChild(screen, "action_accept").visible);
        const retake = findChild(screen, "action_retake");
        verify(retake.visible);
        compare(retake.kind, "primary", "retake is the one primary action");
        mouseClick(retake);
        compare(h.actSpy.signalArguments[0][0], "retake");
    }

    function test_the_reasons_have_different_hints() {
        const hints = {};
        for (const f of ["photo_review-too_dark", "photo_review-too_bright", "photo_review-low_contrast", "photo_review-empty"])
            hints[h.show(f).problemHint] = true;
        compare(Object.keys(hints).length, 4);
    }

    function test_attempt_and_retakes_left_are_shown() {
        const screen = h.show("photo_review-low_contrast");
        compare(screen.attempt, 3);
        compare(screen.retakesLeft, 1);
        verify(findChild(screen, "photo_attempt").text.indexOf("3") >= 0);
    }

    function test_no_retake_button_when_no_retake_is_left() {
        const screen = h.show("photo_review-last");
        verify(!findChild(screen, "action_retake").visible);
        verify(findChild(screen, "action_accept").visible);
        verify(findChild(screen, "photo_last_try").visible);
    }
}
