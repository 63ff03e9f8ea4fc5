// DetailCell: one labelled value stacked (small muted label above, the value below), for
// compact two-column detail grids. Never elides: the value wraps.
//   label: string
//   value: string
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ColumnLayout {
    id: cell

    property string label
    property string value

    spacing: 2
    Layout.fillWidth: true
    Layout.preferredWidth: 100
    Layout.alignment: Qt.AlignTop

    KioskText {
        role: "small"
        muted: true
        text: cell.label
        Layout.fillWidth: true
    }
    KioskText {
        font.weight: Font.Medium
        text: cell.value
        Layout.fillWidth: true
    }
}
