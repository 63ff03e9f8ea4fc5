import QtQuick
import QtTest
import Kiosk.Ui
import KioskTest

TestCase {
    id: tc
    name: "licence_info"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }

    function init() {
        Theme.largeText = false;
        h.show("licence_info");
    }

    function test_shows_the_licence_as_the_registry_holds_it() {
        const screen = h.shell.currentScreen;
        compare(screen.objectName, "screen_licence_info");
        compare(screen.nameText, "张伟");
        compare(screen.fileNumberText, "110105201800123");
        compare(screen.classesText, "C1");
        compare(screen.validFromText, "2020-03-15");
        compare(screen.validToText, "2026-03-15");
        verify(screen.pointsText.indexOf("3") === 0, screen.pointsText);
    }

    function test_class_names_and_the_points_limit_come_from_kioskd() {
        const m = Fixtures.load("licence_info-long_term");
        m.language = "en";
        h.screenModel.load(m);
        const screen = h.shell.currentScreen;
        compare(screen.classesDetail, "C1 small car, E motorcycle");
        compare(findChild(screen, "licence_classes").value, "C1 small car, E motorcycle");
        m.data.points = 4;
        m.data.points_limit = 9;
        h.screenModel.load(m);
        compare(screen.pointsText, "4 of 9");
        // Without kioskd's names and limit: the codes and the points alone, no rule of our own.
        delete m.data.class_list;
        delete m.data.points_limit;
        h.screenModel.load(m);
        compare(findChild(screen, "licence_classes").value, "C1E");
        compare(screen.pointsText, "4");
        m.language = "zh";
        m.data.class_list = [{code: "C1", zh: "小型汽车", en: "small car"}];
        h.screenModel.load(m);
        compare(screen.classesDetail, "C1 小型汽车");
    }

    function test_a_long_term_licence_says_so_instead_of_an_empty_date() {
        const screen = h.show("licence_info-long_term");
        verify(screen.validToText.length > 0);
        verify(screen.validToText !== "", "long-term text");
    }

    function test_done_finishes_the_session() {
        const button = findChild(h.shell.currentScreen, "action_finish");
        verify(button.visible);
        verify(button.height >= Theme.minTouch);
        mouseClick(button);
        compare(h.actSpy.count, 1);
        compare(h.actSpy.signalArguments[0][0], "finish");
        compare(h.actSpy.signalArguments[0][1], "");
    }

    function test_done_is_hidden_when_kioskd_does_not_accept_finish() {
        const m = Fixtures.load("licence_info");
        m.actions = ["cancel"];
        h.screenModel.load(m);
        verify(!findChild(h.shell.currentScreen, "action_finish").visible);
    }
}
