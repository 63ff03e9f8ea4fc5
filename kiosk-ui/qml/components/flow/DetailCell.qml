// DetailCell: one labelled value stacked (small muted label above, the value below), for
// compact two-column detail grids. Never elides: the value wraps. A plain Column whose texts
// take the cell's width, so its height follows the wrapped text (no layout feedback loop).
//   label: string
//   value: string
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

Column {
    id: cell

    property string label
    property string value

    spacing: 2
    Layout.fillWidth: true
    Layout.preferredWidth: 100
    Layout.preferredHeight: implicitHeight
    Layout.alignment: Qt.AlignTop

    KioskText {
        width: cell.width
        role: "small"
        muted: true
        text: cell.label
    }
    KioskText {
        width: cell.width
        font.weight: Font.Medium
        text: cell.value
    }
}
