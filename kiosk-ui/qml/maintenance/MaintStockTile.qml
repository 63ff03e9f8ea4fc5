// One stock counter: a big number over its label.
import QtQuick
import Kiosk.Ui

Rectangle {
    id: root

    property string label: ""
    property var value: null
    property bool emphasis: false

    implicitWidth: 220
    implicitHeight: 140
    radius: 12
    color: emphasis ? Theme.maintPrimary : Theme.maintSurfaceAlt

    Column {
        anchors.centerIn: parent
        width: parent.width - 24
        spacing: 4
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: root.value === null || root.value === undefined ? "—" : String(root.value)
            font.pixelSize: 52
            font.family: Theme.fontFamily
            font.weight: Font.Bold
            color: root.emphasis ? Theme.maintHeaderInk : Theme.maintText
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: root.label
            font.pixelSize: 22
            font.family: Theme.fontFamily
            color: root.emphasis ? Theme.maintHeaderMuted : Theme.maintTextMuted
            elide: Text.ElideRight
        }
    }
}
