// KioskButton: the one touch button of the citizen UI. At least Theme.minTouch high (in practice
// Theme.buttonHeight), never elides: long labels wrap between words (never inside one) and the
// button grows; in a layout it is never narrower than its longest word (Layout.minimumWidth).
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

    // The widest piece of the label that cannot be broken: a word, or one CJK character (a line
    // may break between any two of them).
    function longestPiece(words: string, metrics: FontMetrics): real {
        const pieces = words.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+/g) ?? [];
        let widest = 0;
        for (const piece of pieces)
            widest = Math.max(widest, metrics.advanceWidth(piece));
        return Math.ceil(widest);
    }
    readonly property real minimumContentWidth: {
        void labelMetrics.height;         // re-evaluated when the fonts change (large text)
        void descriptionMetrics.height;
        return Math.max(button.longestPiece(button.text, labelMetrics),
                        button.longestPiece(button.description, descriptionMetrics))
               + (button.iconName.length > 0 ? icon.size + Theme.spacing : 0);
    }

    implicitWidth: Math.max(Theme.minTouch * 3, content.implicitWidth + 2 * padding)
    implicitHeight: Math.max(description.length > 0 ? Theme.buttonHeight * 1.5 : Theme.buttonHeight,
                             content.implicitHeight + padding)
    Layout.fillWidth: true
    Layout.preferredWidth: 100
    Layout.minimumHeight: implicitHeight
    Layout.minimumWidth: Math.max(Theme.minTouch, minimumContentWidth + 2 * padding)

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
            id: icon
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
                id: label
                text: button.text
                color: button.ink
                font.family: Theme.fontFamily
                font.pixelSize: button.description.length > 0 ? Theme.headingSize : Theme.buttonTextSize
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
                horizontalAlignment: button.iconName.length > 0 ? Text.AlignLeft : Text.AlignHCenter
                Layout.fillWidth: true
            }
            Text {
                id: descriptionLabel
                visible: button.description.length > 0
                text: button.description
                color: button.filled ? button.ink : Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.smallSize
                wrapMode: Text.WordWrap
                horizontalAlignment: button.iconName.length > 0 ? Text.AlignLeft : Text.AlignHCenter
                Layout.fillWidth: true
            }
        }
    }

    FontMetrics { id: labelMetrics; font: label.font }
    FontMetrics { id: descriptionMetrics; font: descriptionLabel.font }

    MouseArea {
        id: area
        anchors.fill: parent
        enabled: button.enabled
        onClicked: button.clicked()
    }
}
