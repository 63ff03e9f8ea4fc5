// ScannerIllustration: a close-up of the payment scanner window in the kiosk's front panel,
// with a phone showing a payment code moving gently down over it ("hold your code here").
//   running: bool   animate (default true)
// Drawn on a 300 x 260 grid scaled to the item's width; rectangles only.
pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Ui

Item {
    id: art

    property bool running: true
    property real phase
    readonly property real u: width / 300

    implicitWidth: 420
    implicitHeight: Math.round(width * 260 / 300)

    SequentialAnimation on phase {
        running: art.running && art.visible
        loops: Animation.Infinite
        NumberAnimation { from: 0; to: 1; duration: 1400; easing.type: Easing.InOutSine }
        PauseAnimation { duration: 900 }
        NumberAnimation { from: 1; to: 0; duration: 1400; easing.type: Easing.InOutSine }
    }

    // the kiosk's front panel below the screen
    Rectangle {
        x: 0
        y: 150 * art.u
        width: art.width
        height: 110 * art.u
        radius: 14 * art.u
        color: Theme.surfaceAlt
        border.width: Theme.highContrast ? 3 : 2
        border.color: Theme.border
    }
    // scanner window
    Rectangle {
        x: 80 * art.u
        y: 172 * art.u
        width: 140 * art.u
        height: 66 * art.u
        radius: 8 * art.u
        color: Theme.highContrast ? "#333333" : "#1F2A3A"
        border.width: Theme.strokeWidth
        border.color: Theme.primary
        Rectangle {
            anchors.centerIn: parent
            width: parent.width * 0.8
            height: Math.max(2, 3 * art.u)
            color: "#E53935"
            opacity: 0.45 + 0.55 * art.phase
        }
    }
    // phone with a code on its screen
    Rectangle {
        x: 105 * art.u
        y: (8 + 30 * art.phase) * art.u
        width: 90 * art.u
        height: 128 * art.u
        radius: 12 * art.u
        color: Theme.highContrast ? "#000000" : "#15233B"
        border.width: 2
        border.color: Theme.highContrast ? Theme.text : "#15233B"
        Rectangle {
            anchors.fill: parent
            anchors.margins: 7 * art.u
            anchors.topMargin: 14 * art.u
            anchors.bottomMargin: 14 * art.u
            radius: 3 * art.u
            color: "#FFFFFF"
            Grid {
                anchors.centerIn: parent
                columns: 7
                Repeater {
                    model: [1, 1, 1, 0, 1, 1, 1,
                            1, 0, 1, 0, 1, 0, 1,
                            1, 1, 1, 1, 1, 1, 1,
                            0, 1, 0, 1, 0, 0, 1,
                            1, 1, 1, 0, 1, 1, 0,
                            1, 0, 1, 1, 0, 1, 1,
                            1, 1, 1, 0, 1, 0, 1]
                    Rectangle {
                        id: module
                        required property int modelData
                        width: 9 * art.u
                        height: 9 * art.u
                        color: module.modelData ? "#000000" : "#FFFFFF"
                    }
                }
            }
        }
    }
}
