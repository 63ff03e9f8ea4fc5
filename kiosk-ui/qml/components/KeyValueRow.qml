// KeyValueRow: one labelled value ("Name  张伟") for detail lists inside an InfoCard. The label
// sits above the value in portrait/large text and beside it in landscape.
//   label: string   what the value is
//   value: string   the value (wraps, never elided)
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

GridLayout {
    id: row

    property string label
    property string value

    columns: Theme.landscape && !Theme.largeText ? 2 : 1
    columnSpacing: Theme.spacing
    rowSpacing: 2
    Layout.fillWidth: true

    KioskText {
        role: "small"
        muted: true
        text: row.label
        // A fixed label column beside the value: a width taken from the row's own width feeds
        // back into the layout (and a row created in landscape kept the height of its first,
        // zero-width pass); a long label wraps within the column instead.
        Layout.preferredWidth: row.columns === 2 ? Theme.smallSize * 9 : -1
        Layout.fillWidth: row.columns === 1
    }
    KioskText {
        text: row.value
        font.weight: Font.Medium
        Layout.fillWidth: true
    }
}
