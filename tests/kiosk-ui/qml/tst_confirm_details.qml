import QtQuick
import QtTest
import Kiosk.Ui

TestCase {
    id: tc
    name: "confirm_details"
    when: windowShown
    visible: true
    width: 1080
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
        mouseClick(findChild(h.shell.currentScreen, "action_change_address"));
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
        const m = fixtures.load("confirm_details");
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
        compare(h.actSpy.signalArguments[0][1], "北京市朝阳区建国路88号3号楼2单元501室");
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
        compare(h.actSpy.signalArguments[0][1], "广东省深圳市南山区南海大道1088号");
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

    function test_the_address_stays_within_300_utf8_bytes() {
        pickZhangWeisAddress();
        for (const field of ["number", "building", "unit", "room"]) {
            picker().selectField(field);
            for (let i = 0; i < 9; ++i)
                picker().press("9");
        }
        const address = picker().address;
        verify(picker().utf8Length(address) >= 1 && picker().utf8Length(address) <= 300);
        compare(address, "北京市朝阳区建国路99999号999号楼99单元99999室");
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

    function test_english_labels_with_the_chinese_below() {
        const m = fixtures.load("confirm_details");
        m.language = "en";
        h.screenModel.load(m);
        mouseClick(findChild(h.shell.currentScreen, "action_change_address"));
        const option = findChild(picker(), "address_option_0");
        compare(option.text, "Beijing");
        compare(option.description, "北京市");
    }
}
