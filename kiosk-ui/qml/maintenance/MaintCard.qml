// A white panel with an optional title; children go in its column.
import QtQuick
import Kiosk.Ui

Rectangle {
    id: root

    property string title: ""
    default property alias content: body.data
    property alias spacing: body.spacing

    implicitHeight: body.implicitHeight + 2 * 28
    radius: 14
    color: Theme.maintSurface
    border.color: Theme.maintBorder
    border.width: 1

    Column {
        id: body
        x: 28
        y: 28
        width: root.width - 56
        spacing: 16

        Text {
            visible: root.title.length > 0
            width: parent.width
            text: root.title
            font.pixelSize: 30
            font.family: Theme.fontFamily
            font.weight: Font.Bold
            color: Theme.maintText
            elide: Text.ElideRight
        }
    }
}
