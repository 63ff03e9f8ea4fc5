// AddressDivisions: the address picker's division tree from data/addresses.json; malformed
// entries are dropped, an unreadable file gives an empty list.
import QtQuick
import QtTest
import Kiosk.Ui

TestCase {
    id: tc
    name: "address_divisions"

    readonly property string builtIn: ":/Kiosk/Ui/data/addresses.json"

    function localPath(relative) {
        return Qt.resolvedUrl(relative).toString().replace(/^file:\/\//, "");
    }

    function cleanup() {
        AddressDivisions.load(tc.builtIn);
    }

    function test_the_built_in_list_has_complete_branches() {
        const provinces = AddressDivisions.provinces;
        verify(provinces.length >= 5);
        const names = provinces.map(p => p.zh);
        for (const expected of ["北京市", "上海市", "广东省", "浙江省", "四川省"])
            verify(names.indexOf(expected) >= 0, expected);
        for (const p of provinces) {
            verify(p.en.length > 0 && p.cities.length > 0, p.en);
            for (const c of p.cities) {
                verify(c.districts.length > 0, c.en);
                for (const d of c.districts)
                    verify(d.streets.length > 0 && d.streets.length <= 12, d.en);
            }
        }
    }

    function test_malformed_entries_are_dropped() {
        compare(AddressDivisions.load(localPath("data/addresses-malformed.json")), 1);
        const provinces = AddressDivisions.provinces;
        compare(provinces.length, 1);
        const chaoyang = provinces[0].cities[0].districts;
        compare(chaoyang.length, 1, "a district without streets is dropped");
        compare(chaoyang[0].streets.length, 1);
        compare(chaoyang[0].streets[0].zh, "建国路");
    }

    function test_an_unreadable_file_gives_an_empty_list() {
        compare(AddressDivisions.load(localPath("data/no-such-file.json")), 0);
        compare(AddressDivisions.provinces.length, 0);
        compare(AddressDivisions.load(tc.builtIn) > 0, true);
    }
}
