// KioskButton: the one touch button of the citizen UI. At least Theme.minTouch high (in practice
// Theme.buttonHeight), never elides: long labels wrap and the button grows.
//   text: string          the label
//   description: string   optional second line (service tiles on the attract screen)
//   iconName: string      optional KioskIcon name, shown left of the label
//   kind: string          "primary" (filled, one per screen) | "secondary" (outlined, default)
//                         | "danger" (filled red) | "quiet" (text only, e.g. help links)
//   pressed: bool         (read-only) a finger is on it
//   signal clicked()
// Session action buttons set objectName "action_<action>" (UI_BRIEF); in a RowLayout/
// ColumnLayout it fills the width by default (Layout.fillWidth), siblings sharing it equally.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

Item {
    id: button

    property string text
    property string description
    property string iconName
    property string kind: "secondary"
    readonly property bool pressed: area.pressed

    signal clicked()

    readonly property bool filled: kind === "primary" || kind === "danger"
    readonly property color ink: !enabled ? Theme.textMuted
                               : kind === "primary" ? Theme.primaryInk
                               : kind === "danger" ? Theme.dangerInk
                               : Theme.secondary
    readonly property int padding: Theme.spacing

    implicitWidth: Math.max(Theme.minTouch * 3, content.implicitWidth + 2 * padding)
    implicitHeight: Math.max(description.length > 0 ? Theme.buttonHeight * 1.5 : Theme.buttonHeight,
                             content.implicitHeight + padding)
    Layout.fillWidth: true
    Layout.preferredWidth: 100
    Layout.minimumHeight: implicitHeight

    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.description: description
    Accessible.onPressAction: button.clicked()

    Rectangle {
        anchors.fill: parent
        radius: Theme.radius
        color: !button.enabled ? Theme.surfaceAlt
             : button.kind === "primary" ? (button.pressed ? Theme.primaryPressed : Theme.primary)
             : button.kind === "danger" ? Theme.danger
             : button.kind === "quiet" ? "transparent"
             : (button.pressed ? Theme.surfaceAlt : Theme.surface)
        border.width: button.kind === "secondary" ? Theme.strokeWidth : 0
        border.color: button.enabled ? Theme.secondary : Theme.border
        scale: button.pressed ? 0.98 : 1.0
        Behavior on scale { NumberAnimation { duration: 80 } }
    }

    RowLayout {
        id: content
        anchors.fill: parent
        anchors.leftMargin: button.padding
        anchors.rightMargin: button.padding
        spacing: Theme.spacing

        KioskIcon {
            visible: button.iconName.length > 0
            name: button.iconName
            color: button.ink
            size: button.description.length > 0 ? Theme.iconSize : Math.round(Theme.buttonTextSize * 1.3)
            Layout.alignment: Qt.AlignVCenter
        }
        ColumnLayout {
            spacing: 4
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignVCenter
            Text {
                text: button.text
                color: button.ink
                font.family: Theme.fontFamily
                font.pixelSize: button.description.length > 0 ? Theme.headingSize : Theme.buttonTextSize
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                horizontalAlignment: button.iconName.length > 0 ? Text.AlignLeft : Text.AlignHCenter
                Layout.fillWidth: true
            }
            Text {
                visible: button.description.length > 0
                text: button.description
                color: button.filled ? button.ink : Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                wrapMode: Text.Wrap
                horizontalAlignment: button.iconName.length > 0 ? Text.AlignLeft : Text.AlignHCenter
                Layout.fillWidth: true
            }
        }
    }

    MouseArea {
        id: area
        anchors.fill: parent
        enabled: button.enabled
        onClicked: button.clicked()
    }
}
