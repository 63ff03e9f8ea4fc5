// KioskIcon: the UI's line icons, drawn with QtQuick.Shapes on a 48x48 grid (no image assets).
//   name: string    one of: card, face, check, error, warning, info, staff, renew, lost,
//                   damaged, query, printer, no_connection, camera, clock, globe, text_size,
//                   contrast, wheelchair, coin, question, tools, arrow_left, arrow_down, hand
//                   (unknown names draw nothing)
//   color: color    ink (default Theme.text)
//   size: real      edge length in px (default Theme.iconSize)
//   lineWidth: real stroke width on the 48 grid (default scales with Theme.strokeWidth)
import QtQuick
import QtQuick.Shapes
import Kiosk.Ui

Item {
    id: icon

    property string name
    property color color: Theme.text
    property real size: Theme.iconSize
    property real lineWidth: Theme.highContrast ? 4 : 3.2

    // Stroked outlines per icon (SVG path syntax on the 48 grid).
    readonly property var strokes: ({
        "card": "M8 11 H40 A4 4 0 0 1 44 15 V33 A4 4 0 0 1 40 37 H8 A4 4 0 0 1 4 33 V15 A4 4 0 0 1 8 11 Z M10 20 H22 M10 27 H19 M28 17 H38 V31 H28 Z",
        "face": "M24 5 A19 19 0 1 1 23.99 5 Z M17 19 V22 M31 19 V22 M16 30 Q24 37 32 30",
        "check": "M24 4 A20 20 0 1 1 23.99 4 Z M14 24 L21 31 L34 17",
        "error": "M24 4 A20 20 0 1 1 23.99 4 Z M17 17 L31 31 M31 17 L17 31",
        "warning": "M24 5 L45 42 H3 Z M24 18 V29 M24 35 V35.5",
        "info": "M24 4 A20 20 0 1 1 23.99 4 Z M24 21 V34 M24 14 V14.5",
        "staff": "M24 5 A8 8 0 1 1 23.99 5 Z M8 43 C8 29 40 29 40 43 M24 31 V37",
        "renew": "M38 15 A16 16 0 1 0 40 27 M39 5 V15 H29",
        "lost": "M21 6 A14 14 0 1 1 20.99 6 Z M31 30 L43 42 M17 16 A4 4 0 1 1 21 22 V24 M21 28 V28.5",
        "damaged": "M8 11 H40 A4 4 0 0 1 44 15 V33 A4 4 0 0 1 40 37 H8 A4 4 0 0 1 4 33 V15 A4 4 0 0 1 8 11 Z M22 11 L27 20 L21 27 L26 37",
        "query": "M12 4 H30 L38 12 V44 H12 Z M30 4 V12 H38 M18 22 H32 M18 29 H32 M18 36 H26",
        "printer": "M13 18 V6 H35 V18 M8 18 H40 V34 H8 Z M14 27 H34 V44 H14 Z",
        "no_connection": "M5 18 Q24 2 43 18 M11 25 Q24 14 37 25 M17 32 Q24 26 31 32 M24 39 V39.5 M7 7 L41 41",
        "camera": "M6 14 H14 L18 8 H30 L34 14 H42 V40 H6 Z M24 18 A8 8 0 1 1 23.99 18 Z",
        "clock": "M24 4 A20 20 0 1 1 23.99 4 Z M24 12 V24 L32 29",
        "globe": "M24 4 A20 20 0 1 1 23.99 4 Z M4 24 H44 M24 4 C13 14 13 34 24 44 M24 4 C35 14 35 34 24 44",
        "text_size": "M4 40 L15 10 L26 40 M8 30 H22 M29 40 L36 22 L43 40 M31.5 34 H40.5",
        "contrast": "M24 4 A20 20 0 1 1 23.99 4 Z",
        "wheelchair": "M22 4 A4 4 0 1 1 21.99 4 Z M22 14 V29 H33 L37 40 H42 M22 21 H32 M15 22 A11 11 0 1 0 30 36",
        "coin": "M24 4 A20 20 0 1 1 23.99 4 Z M17 13 L24 23 L31 13 M24 23 V36 M18 25 H30 M18 30 H30",
        "question": "M24 4 A20 20 0 1 1 23.99 4 Z M18 18 A6 6 0 1 1 24 24 V28 M24 34 V34.5",
        "tools": "M31 5 A10 10 0 0 0 22 19 L6 35 L13 42 L29 26 A10 10 0 0 0 43 17 L36 21 L31 16 L35 9 Z",
        "arrow_left": "M30 10 L16 24 L30 38",
        "arrow_down": "M24 6 V40 M12 28 L24 40 L36 28",
        "hand": "M18 26 V9 A3 3 0 0 1 24 9 V24 M24 22 V19 A3 3 0 0 1 30 19 V24 M30 23 A3 3 0 0 1 36 23 V32 C36 40 31 44 25 44 H23 C18 44 15 41 12 36 L8 29 A3 3 0 0 1 13 26 L18 31"
    })
    // Filled parts (drawn under the strokes).
    readonly property var fills: ({
        "contrast": "M24 4 A20 20 0 0 1 24 44 Z"
    })

    implicitWidth: size
    implicitHeight: size
    width: size
    height: size

    Shape {
        width: 48
        height: 48
        scale: icon.size / 48
        transformOrigin: Item.TopLeft
        antialiasing: true
        // No layer: a layered Shape kept its old colour after a theme switch.

        ShapePath {
            strokeWidth: -1
            strokeColor: "transparent"
            fillColor: icon.color
            PathSvg { path: icon.fills[icon.name] ?? "" }
        }
        ShapePath {
            strokeWidth: icon.lineWidth
            strokeColor: icon.color
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            joinStyle: ShapePath.RoundJoin
            PathSvg { path: icon.strokes[icon.name] ?? "" }
        }
    }
}
