// DigitKeypad: a big on-screen keypad for numbers (1-9, erase, 0, next), keys at least
// Theme.minTouch high. Emits the key pressed; the owner decides what it means.
//   keyHeight: real            height of one key (>= Theme.minTouch)
//   nextLabel: string          label of the bottom-right key (default "Next")
//   signal keyPressed(string key)   "0".."9", "erase" or "next"
// Keys have objectName "key_<key>" for tests.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

GridLayout {
    id: keypad

    property real keyHeight: 120
    property string nextLabel: qsTr("Next")

    signal keyPressed(string key)

    columns: 3
    rowSpacing: Theme.spacingSmall
    columnSpacing: Theme.spacingSmall

    Repeater {
        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "next"]
        delegate: Rectangle {
            id: key
            required property string modelData
            readonly property string caption: key.modelData === "erase" ? "⌫"
                                            : key.modelData === "next" ? keypad.nextLabel : key.modelData
            objectName: "key_" + key.modelData
            Layout.fillWidth: true
            Layout.preferredWidth: 100
            Layout.preferredHeight: Math.max(Theme.minTouch, keypad.keyHeight, keyText.implicitHeight + Theme.spacingSmall)
            radius: Theme.radius
            color: keyArea.pressed ? Theme.surfaceAlt : Theme.surface
            border.width: Theme.highContrast ? 3 : 1
            border.color: Theme.highContrast ? Theme.text : Theme.border
            Accessible.role: Accessible.Button
            Accessible.name: key.modelData === "erase" ? qsTr("Erase") : key.caption
            KioskText {
                id: keyText
                anchors.centerIn: parent
                width: parent.width - Theme.spacingSmall
                horizontalAlignment: Text.AlignHCenter
                role: key.modelData.length === 1 ? "heading" : "body"
                color: key.modelData.length === 1 ? Theme.text : Theme.secondary
                text: key.caption
            }
            MouseArea {
                id: keyArea
                anchors.fill: parent
                onClicked: keypad.keyPressed(key.modelData)
            }
        }
    }
}
