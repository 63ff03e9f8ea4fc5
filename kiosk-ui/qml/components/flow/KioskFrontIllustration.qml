// KioskFrontIllustration: a calm drawing of the kiosk's front below the screen, showing the
// citizen where to act: the ID card reader (left), the card return slot (left of centre), the
// card mouth of the printer (centre), the payment scanner window (right) and the receipt slot
// (right, below the scanner). One part is highlighted and animated:
//   part: string   "card_slot"   a new card slides out of the card mouth
//                  "return_slot" the old card slides into the return slot
//                  "scanner"     a phone showing a payment code moves over the scanner
//                  "receipt"     a receipt comes out of the receipt slot
//   running: bool  animate (default true)
//   label: string  text under the highlighted part (optional)
// Drawn on a 400 x 260 grid scaled to the item's width; nothing but rectangles and text.
pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Ui

Item {
    id: art

    property string part: "card_slot"
    property bool running: true
    property string label

    readonly property real u: width / 400
    // Slot positions on the grid (x, y of the slit's left end, slit width).
    readonly property var slots: ({
        "return_slot": { "x": 96, "y": 96, "w": 72 },
        "card_slot": { "x": 164, "y": 176, "w": 72 },
        "scanner": { "x": 262, "y": 56, "w": 84 },
        "receipt": { "x": 268, "y": 190, "w": 72 }
    })
    readonly property var spot: art.slots[art.part] ?? art.slots.card_slot
    // 0..1, drives every animation
    property real phase

    implicitWidth: 800
    implicitHeight: Math.round(width * 260 / 400) + (art.label.length > 0 ? labelText.implicitHeight + Theme.spacingSmall : 0)

    NumberAnimation on phase {
        running: art.running && art.visible
        from: 0
        to: 1
        duration: 2600
        loops: Animation.Infinite
        easing.type: Easing.InOutSine
    }

    // Kiosk body
    Rectangle {
        id: body
        x: 0
        y: 0
        width: art.width
        height: 260 * art.u
        radius: 18 * art.u
        color: Theme.surfaceAlt
        border.width: Theme.highContrast ? 3 : 2
        border.color: Theme.border

        // the screen's lower edge
        Rectangle {
            x: 40 * art.u
            y: 0
            width: 320 * art.u
            height: 22 * art.u
            color: Theme.highContrast ? Theme.border : "#2B3A52"
        }
        // ID card reader pad (always there, never highlighted here)
        Rectangle {
            x: 24 * art.u
            y: 150 * art.u
            width: 100 * art.u
            height: 64 * art.u
            radius: 8 * art.u
            color: "transparent"
            border.width: 2
            border.color: Theme.border
        }
        // scanner window
        Rectangle {
            x: art.slots.scanner.x * art.u
            y: (art.slots.scanner.y + 30) * art.u
            width: art.slots.scanner.w * art.u
            height: 56 * art.u
            radius: 6 * art.u
            color: Theme.highContrast ? "#333333" : "#1F2A3A"
            border.width: art.part === "scanner" ? Theme.strokeWidth : 0
            border.color: Theme.primary
            Rectangle {
                anchors.centerIn: parent
                width: parent.width * 0.8
                height: Math.max(2, 3 * art.u)
                color: "#E53935"
                opacity: art.part === "scanner" ? 0.5 + 0.5 * art.phase : 0.4
            }
        }
        // slits: return, card mouth, receipt
        Repeater {
            model: ["return_slot", "card_slot", "receipt"]
            Rectangle {
                id: slit
                required property string modelData
                readonly property var at: art.slots[slit.modelData]
                x: slit.at.x * art.u
                y: slit.at.y * art.u
                width: slit.at.w * art.u
                height: 8 * art.u
                radius: 4 * art.u
                color: art.part === slit.modelData ? Theme.primary : (Theme.highContrast ? "#666666" : "#8A97AB")
            }
        }
    }

    // Highlight ring around the active part
    Rectangle {
        x: (art.spot.x - 14) * art.u
        y: (art.part === "scanner" ? art.spot.y + 16 : art.spot.y - 40) * art.u
        width: (art.spot.w + 28) * art.u
        height: (art.part === "scanner" ? 84 : 90) * art.u
        radius: 12 * art.u
        color: "transparent"
        border.width: Theme.strokeWidth
        border.color: Theme.primary
        opacity: 0.35 + 0.45 * art.phase
    }

    // The moving object: a card (return / card mouth), a phone (scanner) or paper (receipt).
    Item {
        id: mover
        clip: true
        x: (art.spot.x - 4) * art.u
        width: (art.spot.w + 8) * art.u
        // The object is clipped at the slit, so it appears to go in / come out of it.
        y: art.part === "scanner" ? 0 : (art.spot.y - 60) * art.u
        height: (art.part === "scanner" ? art.spot.y + 94 : 64) * art.u

        Rectangle {
            visible: art.part === "return_slot" || art.part === "card_slot"
            x: 8 * art.u
            width: (art.spot.w - 8) * art.u
            height: 46 * art.u
            radius: 4 * art.u
            // return: moves down into the slit; card mouth: pushed out upward and stays out
            y: art.part === "return_slot" ? (8 + 52 * art.phase) * art.u : (44 - 32 * art.phase) * art.u
            color: art.part === "return_slot" ? "#C9D6EA" : "#DDE8F7"
            border.width: 2
            border.color: Theme.primary
            Rectangle { x: 6 * art.u; y: 8 * art.u; width: 14 * art.u; height: 18 * art.u; color: "#9DB0CC" }
            Rectangle { x: 26 * art.u; y: 10 * art.u; width: 30 * art.u; height: 4 * art.u; color: "#9DB0CC" }
            Rectangle { x: 26 * art.u; y: 20 * art.u; width: 24 * art.u; height: 4 * art.u; color: "#9DB0CC" }
        }
        Rectangle {
            visible: art.part === "receipt"
            x: 14 * art.u
            width: (art.spot.w - 20) * art.u
            height: 60 * art.u
            y: (40 - 24 * art.phase) * art.u
            color: "#FFFFFF"
            border.width: 1
            border.color: Theme.border
            Column {
                x: 6 * art.u
                y: 6 * art.u
                spacing: 4 * art.u
                Repeater {
                    model: 4
                    Rectangle {
                        id: line
                        required property int index
                        width: (30 - 4 * (line.index % 2)) * art.u
                        height: 3 * art.u
                        color: "#9DB0CC"
                    }
                }
            }
        }
        // phone with a payment code, moving down over the scanner window
        Rectangle {
            visible: art.part === "scanner"
            x: 14 * art.u
            width: (art.spot.w - 20) * art.u
            height: 110 * art.u
            radius: 8 * art.u
            y: (art.spot.y - 110 + 80 * art.phase) * art.u
            color: Theme.highContrast ? "#000000" : "#15233B"
            border.width: 2
            border.color: Theme.highContrast ? Theme.text : "#15233B"
            Rectangle {
                anchors.centerIn: parent
                width: parent.width - 10 * art.u
                height: parent.height - 20 * art.u
                color: "#FFFFFF"
                Grid {
                    anchors.centerIn: parent
                    columns: 5
                    Repeater {
                        model: [1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1]
                        Rectangle {
                            id: module
                            required property int modelData
                            width: 7 * art.u
                            height: 7 * art.u
                            color: module.modelData ? "#000000" : "#FFFFFF"
                        }
                    }
                }
            }
        }
    }

    KioskText {
        id: labelText
        visible: art.label.length > 0
        y: 260 * art.u + Theme.spacingSmall
        width: art.width
        horizontalAlignment: Text.AlignHCenter
        role: "small"
        color: Theme.primary
        font.weight: Font.DemiBold
        text: art.label
    }
}
