// CardPrintAnimation: a slow, calm picture of a card being printed: a blank card passes under
// the print head and the printed layout (photo block, text lines) appears behind it, then the
// cycle starts again. No progress meaning; the screen shows time remaining as text.
//   running: bool   animate (default true)
import QtQuick
import Kiosk.Ui

Item {
    id: anim

    property bool running: true
    // 0..1 over one print cycle
    property real phase
    readonly property real u: width / 400

    implicitWidth: 600
    implicitHeight: Math.round(width * 220 / 400)

    NumberAnimation on phase {
        running: anim.running && anim.visible
        from: 0
        to: 1
        duration: 4200
        loops: Animation.Infinite
        easing.type: Easing.InOutQuad
    }

    // printer body
    Rectangle {
        x: 20 * anim.u
        y: 70 * anim.u
        width: 360 * anim.u
        height: 130 * anim.u
        radius: 16 * anim.u
        color: Theme.surfaceAlt
        border.width: Theme.highContrast ? 3 : 2
        border.color: Theme.border
    }
    // output slot
    Rectangle {
        x: 110 * anim.u
        y: 92 * anim.u
        width: 180 * anim.u
        height: 8 * anim.u
        radius: 4 * anim.u
        color: Theme.highContrast ? "#666666" : "#8A97AB"
    }

    // the card, rising out of the slot while it is printed
    Item {
        id: window
        clip: true
        x: 110 * anim.u
        y: 0
        width: 180 * anim.u
        height: 96 * anim.u

        Rectangle {
            id: card
            x: 10 * anim.u
            width: 160 * anim.u
            height: 100 * anim.u
            y: (56 - 48 * Math.min(1, anim.phase * 1.4)) * anim.u
            radius: 6 * anim.u
            color: "#FFFFFF"
            border.width: 2
            border.color: Theme.primary

            // printed content, revealed from the top as the card comes out
            Item {
                anchors.fill: parent
                opacity: 0.3 + 0.7 * Math.min(1, anim.phase * 1.6)
                Rectangle { x: 10 * anim.u; y: 10 * anim.u; width: 140 * anim.u; height: 10 * anim.u; color: "#3F6FB5"; opacity: 0.85 }
                Rectangle { x: 10 * anim.u; y: 28 * anim.u; width: 34 * anim.u; height: 46 * anim.u; color: "#B8C7DE" }
                Rectangle { x: 54 * anim.u; y: 32 * anim.u; width: 80 * anim.u; height: 6 * anim.u; color: "#8A97AB" }
                Rectangle { x: 54 * anim.u; y: 46 * anim.u; width: 64 * anim.u; height: 6 * anim.u; color: "#8A97AB" }
                Rectangle { x: 54 * anim.u; y: 60 * anim.u; width: 72 * anim.u; height: 6 * anim.u; color: "#8A97AB" }
            }
        }
    }

    // status light
    Rectangle {
        x: 330 * anim.u
        y: 170 * anim.u
        width: 14 * anim.u
        height: width
        radius: width / 2
        color: Theme.success
        opacity: 0.4 + 0.6 * Math.abs(Math.sin(anim.phase * Math.PI * 2))
    }
}
