// AddressPicker: a Chinese postal address chosen without typing Chinese (Debian's Qt Virtual
// Keyboard has no Chinese input method). The citizen picks province -> city -> district ->
// street/road from lists (kiosk-ui/data/addresses.json through the AddressDivisions singleton,
// a subset of real administrative divisions), then types the house number, and optionally building, unit and room, on a big
// digit keypad. A preview shows the resulting address as kioskd will compose it (Chinese; with
// an English rendering when the UI is English). kioskd validates and composes the address it
// receives; the picker only keeps the citizen within kioskd's published limit.
//
// API:
//   english: bool               labels in English (pinyin names) with the Chinese below
//   maxBytes: int               kioskd's limit on the composed address in UTF-8 bytes
//                               (confirm_details.data.address_max_bytes); 0: none published
//   provinces: var              the division tree (default AddressDivisions.provinces)
//   readonly address: string    the Chinese address built so far, e.g.
//                               "北京市朝阳区建国路88号3号楼2单元501室"
//   readonly addressEnglish: string   "Room 501, Unit 2, Building 3, No. 88 Jianguo Road, ..."
//   readonly complete: bool     a street and a house number are chosen, within maxBytes
//   readonly structured: var    {province, city, district, street, house, building?, unit?,
//                               room?} (Chinese names; numbers as digit strings)
//   readonly level: int         0 province, 1 city, 2 district, 3 street, 4 numbers
//   signal accepted(string address)   confirm pressed on a complete address: `structured` as a
//                               JSON object string, the change_address value kioskd expects
//   signal cancelled()
//   reset()                     back to an empty choice (call before showing it again)
//   choose(index), back(), backTo(level), press(key) with key "0".."9" | "erase" | "next",
//   selectField(name) with name "number" | "building" | "unit" | "room", confirm()
//   (the same functions the buttons call; tests and the developer panel may use them)
// Municipalities (北京市, 上海市: one city of the same name) skip the city step and do not
// repeat the name. The picker holds no state beyond what is on screen; it knows nothing of
// the session: the screen using it sends the address to kioskd (change_address).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

Rectangle {
    id: picker

    property bool english: false
    property int maxBytes: 0

    // [{zh, en, cities: [{zh, en, districts: [{zh, en, streets: [{zh, en}]}]}]}]
    // (data/addresses.json through the AddressDivisions singleton).
    property var provinces: AddressDivisions.provinces

    property int provinceIndex: -1
    property int cityIndex: -1
    property int districtIndex: -1
    property int streetIndex: -1
    property string number
    property string building
    property string unit
    property string room
    property string field: "number"

    readonly property var province: picker.provinceIndex >= 0 ? picker.provinces[picker.provinceIndex] : null
    readonly property var city: picker.province && picker.cityIndex >= 0 ? picker.province.cities[picker.cityIndex] : null
    readonly property var district: picker.city && picker.districtIndex >= 0 ? picker.city.districts[picker.districtIndex] : null
    readonly property var street: picker.district && picker.streetIndex >= 0 ? picker.district.streets[picker.streetIndex] : null
    readonly property bool municipality: picker.province !== null && picker.province.cities.length === 1
                                         && picker.province.cities[0].zh === picker.province.zh
    readonly property int level: !picker.province ? 0 : !picker.city ? 1 : !picker.district ? 2 : !picker.street ? 3 : 4
    readonly property var options: picker.level === 0 ? picker.provinces
                                 : picker.level === 1 ? picker.province.cities
                                 : picker.level === 2 ? picker.city.districts
                                 : picker.level === 3 ? picker.district.streets : []
    readonly property string address: picker.compose()
    readonly property string addressEnglish: picker.composeEnglish()
    readonly property bool tooLong: picker.maxBytes > 0 && picker.utf8Length(picker.address) > picker.maxBytes
    readonly property bool complete: picker.street !== null && picker.number.length > 0 && !picker.tooLong
    readonly property var structured: picker.composeStructured()

    // Longest digit string per field (a house number up to 99999, building 999, ...).
    readonly property var maxDigits: ({ "number": 5, "building": 3, "unit": 2, "room": 5 })
    readonly property var fieldOrder: ["number", "building", "unit", "room"]
    // Most entries one level may list (data/addresses.json stays below it).
    readonly property int maxOptions: 12

    signal accepted(string address)
    signal cancelled()

    function utf8Length(text: string): int {
        let bytes = 0;
        for (const ch of text) {
            const c = ch.codePointAt(0);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        }
        return bytes;
    }

    function compose(): string {
        if (!picker.province)
            return "";
        let text = picker.province.zh;
        if (picker.city && picker.city.zh !== picker.province.zh)
            text += picker.city.zh;
        if (picker.district)
            text += picker.district.zh;
        if (picker.street)
            text += picker.street.zh;
        if (picker.number.length > 0)
            text += picker.number + "号";
        if (picker.building.length > 0)
            text += picker.building + "号楼";
        if (picker.unit.length > 0)
            text += picker.unit + "单元";
        if (picker.room.length > 0)
            text += picker.room + "室";
        return text;
    }

    function composeStructured(): var {
        if (!picker.street)
            return null;
        const out = {
            province: picker.province.zh,
            city: picker.city.zh,
            district: picker.district.zh,
            street: picker.street.zh,
            house: picker.number
        };
        if (picker.building.length > 0)
            out.building = picker.building;
        if (picker.unit.length > 0)
            out.unit = picker.unit;
        if (picker.room.length > 0)
            out.room = picker.room;
        return out;
    }

    function composeEnglish(): string {
        if (!picker.province)
            return "";
        let text = "";
        const add = part => { text += (text.length > 0 ? ", " : "") + part; };
        if (picker.room.length > 0)
            add("Room " + picker.room);
        if (picker.unit.length > 0)
            add("Unit " + picker.unit);
        if (picker.building.length > 0)
            add("Building " + picker.building);
        if (picker.street)
            add(picker.number.length > 0 ? "No. " + picker.number + " " + picker.street.en : picker.street.en);
        if (picker.district)
            add(picker.district.en);
        if (picker.city && picker.city.zh !== picker.province.zh)
            add(picker.city.en);
        add(picker.province.en);
        return text;
    }

    function reset() {
        picker.provinceIndex = -1;
        picker.cityIndex = -1;
        picker.districtIndex = -1;
        picker.streetIndex = -1;
        picker.number = "";
        picker.building = "";
        picker.unit = "";
        picker.room = "";
        picker.field = "number";
    }

    function choose(index: int) {
        if (index < 0 || index >= picker.options.length)
            return;
        switch (picker.level) {
        case 0:
            picker.provinceIndex = index;
            if (picker.municipality)
                picker.cityIndex = 0;
            break;
        case 1: picker.cityIndex = index; break;
        case 2: picker.districtIndex = index; break;
        case 3: picker.streetIndex = index; picker.field = "number"; break;
        }
    }

    // Undo choices down to `target` (0..3): that level is chosen again.
    function backTo(target: int) {
        if (target <= 3) {
            picker.streetIndex = -1;
            picker.number = "";
            picker.building = "";
            picker.unit = "";
            picker.room = "";
            picker.field = "number";
        }
        if (target <= 2)
            picker.districtIndex = -1;
        if (target <= 1)
            picker.cityIndex = -1;
        if (target <= 0 || (target === 1 && picker.municipality)) {
            picker.cityIndex = -1;
            picker.provinceIndex = -1;
        }
    }

    function back() {
        if (picker.level === 0)
            picker.cancelled();
        else if (picker.level === 2 && picker.municipality)
            picker.backTo(0);
        else
            picker.backTo(picker.level - 1);
    }

    function selectField(name: string) {
        if (picker.fieldOrder.includes(name))
            picker.field = name;
    }

    function press(key: string) {
        if (picker.level !== 4)
            return;
        const current = picker[picker.field];
        if (key === "erase") {
            picker[picker.field] = current.slice(0, -1);
        } else if (key === "next") {
            const at = picker.fieldOrder.indexOf(picker.field);
            picker.field = picker.fieldOrder[(at + 1) % picker.fieldOrder.length];
        } else if (/^[0-9]$/.test(key)) {
            // No leading zero: "0" alone or "05" is no number on a Chinese address.
            if (current.length >= picker.maxDigits[picker.field] || (current.length === 0 && key === "0"))
                return;
            picker[picker.field] = current + key;
        }
    }

    function confirm() {
        if (picker.complete)
            picker.accepted(JSON.stringify(picker.structured));
    }

    function label(item: var): string {
        return item ? (picker.english ? item.en : item.zh) : "";
    }

    function levelPrompt(level: int): string {
        switch (level) {
        case 0: return qsTr("Choose your province or municipality");
        case 1: return qsTr("Choose your city");
        case 2: return qsTr("Choose your district");
        case 3: return qsTr("Choose your street or road");
        default: return qsTr("Type the house number, and building, unit and room if any");
        }
    }

    function fieldLabel(name: string): string {
        switch (name) {
        case "number": return qsTr("No.");
        case "building": return qsTr("Building");
        case "unit": return qsTr("Unit");
        default: return qsTr("Room");
        }
    }

    objectName: "address_picker"
    color: Theme.background

    // Swallows touches meant for the screen underneath.
    MouseArea { anchors.fill: parent }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        anchors.topMargin: Theme.margin * 0.75
        spacing: Theme.spacing

        KioskText {
            // Landscape with large text has no room for it while typing numbers; the chosen
            // places above the fields say where the citizen is.
            visible: !(Theme.landscape && Theme.largeText && picker.level === 4)
            role: "title"
            text: qsTr("Change your address")
            Layout.fillWidth: true
        }
        KioskText {
            objectName: "address_prompt"
            visible: !((Theme.landscape || Theme.largeText) && picker.level === 4)
            muted: true
            text: picker.levelPrompt(picker.level)
            Layout.fillWidth: true
        }

        // What is chosen so far; touching a part chooses it again.
        Flow {
            visible: picker.level > 0
            spacing: Theme.spacingSmall
            Layout.fillWidth: true
            Repeater {
                model: 4
                delegate: Rectangle {
                    id: crumb
                    required property int index
                    readonly property var item: crumb.index === 0 ? picker.province
                                              : crumb.index === 1 ? (picker.municipality ? null : picker.city)
                                              : crumb.index === 2 ? picker.district : picker.street
                    objectName: "address_crumb_" + crumb.index
                    visible: crumb.item !== null
                    width: crumbText.implicitWidth + 2 * Theme.spacing
                    height: Math.max(Theme.minTouch, crumbText.implicitHeight + Theme.spacingSmall)
                    radius: height / 2
                    color: crumbArea.pressed ? Theme.surfaceAlt : Theme.surface
                    border.width: Theme.strokeWidth
                    border.color: Theme.secondary
                    Accessible.role: Accessible.Button
                    Accessible.name: crumbText.text
                    KioskText {
                        id: crumbText
                        anchors.centerIn: parent
                        color: Theme.secondary
                        text: picker.label(crumb.item) + "  ✎"
                    }
                    MouseArea {
                        id: crumbArea
                        anchors.fill: parent
                        onClicked: picker.backTo(crumb.index)
                    }
                }
            }
        }

        // Lists (levels 0-3) or the number entry (level 4), and the preview. Portrait: one
        // column (fields, keypad, preview); landscape: the keypad on the right.
        GridLayout {
            id: body
            columns: Theme.landscape ? 2 : 1
            columnSpacing: Theme.spacing * 2
            rowSpacing: Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true

            GridLayout {
                visible: picker.level < 4
                columns: Theme.landscape ? (Theme.largeText ? 2 : 3) : (Theme.largeText ? 1 : 2)
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                Layout.row: 0
                Layout.column: 0
                Layout.columnSpan: Theme.landscape ? 2 : 1
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                // A fixed set of buttons, shown as needed: rebuilding delegates while a layout
                // arranges them (a choice made from one of them) is fragile in Qt 6.4.
                Repeater {
                    model: picker.maxOptions
                    delegate: KioskButton {
                        id: option
                        required property int index
                        readonly property var entry: option.index < picker.options.length ? picker.options[option.index] : null
                        objectName: "address_option_" + option.index
                        visible: option.entry !== null
                        // English: the pinyin name with the Chinese beside it, on one line
                        text: picker.english && option.entry ? option.entry.en + "  " + option.entry.zh
                                                             : picker.label(option.entry)
                        onClicked: picker.choose(option.index)
                    }
                }
            }

            // House number / building / unit / room: touch a box to type into it.
            GridLayout {
                visible: picker.level === 4
                columns: 4
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                Layout.row: 0
                Layout.column: 0
                Layout.fillWidth: true
                Layout.preferredWidth: 100
                Layout.alignment: Qt.AlignTop
                Repeater {
                    model: picker.fieldOrder
                    delegate: Rectangle {
                        id: fieldBox
                        required property string modelData
                        readonly property bool active: picker.field === fieldBox.modelData
                        objectName: "address_field_" + fieldBox.modelData
                        Layout.fillWidth: true
                        Layout.alignment: Qt.AlignTop
                        Layout.preferredWidth: 100
                        Layout.preferredHeight: Math.max(Theme.minTouch, fieldColumn.implicitHeight + Theme.spacing)
                        radius: Theme.radius
                        color: Theme.surface
                        border.width: fieldBox.active ? Theme.strokeWidth * 2 : 1
                        border.color: fieldBox.active ? Theme.focus : Theme.border
                        Accessible.role: Accessible.EditableText
                        Accessible.name: fieldLabelText.text
                        ColumnLayout {
                            id: fieldColumn
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            anchors.margins: Theme.spacingSmall
                            spacing: 0
                            KioskText {
                                id: fieldLabelText
                                role: "small"
                                muted: true
                                text: picker.fieldLabel(fieldBox.modelData)
                                Layout.fillWidth: true
                            }
                            KioskText {
                                role: "heading"
                                text: picker[fieldBox.modelData].length > 0 ? picker[fieldBox.modelData]
                                                                            : (fieldBox.active ? "_" : " ")
                                color: fieldBox.active ? Theme.focus : Theme.text
                                Layout.fillWidth: true
                            }
                        }
                        MouseArea {
                            anchors.fill: parent
                            onClicked: picker.selectField(fieldBox.modelData)
                        }
                    }
                }
            }

            DigitKeypad {
                visible: picker.level === 4
                keyHeight: Theme.landscape || Theme.largeText ? Theme.minTouch : 100
                Layout.row: Theme.landscape ? 0 : 1
                Layout.column: Theme.landscape ? 1 : 0
                Layout.rowSpan: Theme.landscape ? 2 : 1
                Layout.fillWidth: !Theme.landscape
                Layout.preferredWidth: Theme.landscape ? 760 : 100
                Layout.alignment: Qt.AlignTop
                onKeyPressed: key => picker.press(key)
            }

            InfoCard {
                objectName: "address_preview"
                // Landscape lists: the chosen places above already say it; the room goes to the list.
                visible: picker.level > 0 && !(Theme.landscape && picker.level < 4)
                accent: picker.complete ? Theme.success : Theme.border
                Layout.row: Theme.landscape ? 1 : 2
                Layout.column: 0
                Layout.columnSpan: Theme.landscape && picker.level < 4 ? 2 : 1
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                KioskText {
                    role: "small"
                    muted: true
                    text: qsTr("Your new address")
                    Layout.fillWidth: true
                }
                KioskText {
                    objectName: "address_preview_text"
                    role: "heading"
                    text: picker.address
                    Layout.fillWidth: true
                }
                KioskText {
                    visible: picker.english && !Theme.largeText
                    role: "small"
                    muted: true
                    text: picker.addressEnglish
                    Layout.fillWidth: true
                }
                KioskText {
                    objectName: "address_too_long"
                    visible: picker.tooLong
                    role: "small"
                    color: Theme.danger
                    text: qsTr("This address is too long to print on the licence. Leave out the building, unit or room number if you can.")
                    Layout.fillWidth: true
                }
            }

            Item {
                Layout.row: Theme.landscape ? 2 : 3
                Layout.column: 0
                Layout.fillHeight: true
            }

            // Cancel / back / confirm: at the bottom; in landscape while typing numbers, under
            // the keypad (the page is too short for both).
            RowLayout {
                spacing: Theme.spacing
                Layout.row: Theme.landscape ? (picker.level === 4 ? 2 : 3) : 4
                Layout.column: Theme.landscape && picker.level === 4 ? 1 : 0
                Layout.columnSpan: Theme.landscape && picker.level < 4 ? 2 : 1
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignBottom
                KioskButton {
                    objectName: "address_cancel"
                    text: qsTr("Cancel")
                    Layout.fillWidth: picker.level < 4
                    Layout.preferredWidth: picker.level < 4 ? 100 : implicitWidth
                    onClicked: picker.cancelled()
                }
                KioskButton {
                    objectName: "address_back"
                    // Landscape number step: the footer shares the keypad's column; the chosen
                    // places (touch one to change it) stand in for Back.
                    visible: picker.level > 0 && !(Theme.landscape && picker.level === 4)
                    iconName: "arrow_left"
                    text: qsTr("Back")
                    Layout.fillWidth: picker.level < 4
                    Layout.preferredWidth: picker.level < 4 ? 100 : implicitWidth
                    onClicked: picker.back()
                }
                KioskButton {
                    objectName: "address_confirm"
                    visible: picker.level === 4
                    enabled: picker.complete
                    kind: "primary"
                    iconName: "check"
                    text: qsTr("Confirm")
                    onClicked: picker.confirm()
                }
            }
        }
    }
}
