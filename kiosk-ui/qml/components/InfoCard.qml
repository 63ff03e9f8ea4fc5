// InfoCard: a calm white panel grouping related content (details, explanations, next steps).
// Children go into a ColumnLayout (give them Layout.fillWidth: true).
//   accent: color   left edge stripe (default transparent: none), e.g. Theme.warning
//   padding: int    inner margin (default Theme.spacing)
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

Rectangle {
    id: card

    default property alias content: column.data
    property color accent: "transparent"
    property int padding: Theme.spacing

    implicitWidth: column.implicitWidth + 2 * padding
    implicitHeight: column.implicitHeight + 2 * padding
    Layout.fillWidth: true
    Layout.preferredHeight: implicitHeight
    radius: Theme.radius
    color: Theme.surface
    border.width: Theme.highContrast ? 2 : 1
    border.color: Theme.border

    Rectangle {
        visible: card.accent.a > 0
        width: 10
        radius: 5
        color: card.accent
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: card.padding / 2 }
    }
    ColumnLayout {
        id: column
        spacing: Theme.spacingSmall
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: card.padding }
        anchors.leftMargin: card.accent.a > 0 ? card.padding + 14 : card.padding
    }
}
