// PassportPhoto: the licence photo at licence/passport proportions (22 x 32 mm, the same
// 0.6875 ratio as a 33 x 48 mm passport photo) in a thin frame; a neutral head-and-shoulders
// outline while there is no photo yet.
//   photo: var     a QImage (from KioskShell.photo), or null/undefined
//   photoHeight: real   the frame's height; the width follows the ratio
import QtQuick
import QtQuick.Shapes
import Kiosk.Ui

Rectangle {
    id: frame

    property var photo
    property real photoHeight: 560
    readonly property bool hasPhoto: frame.photo !== undefined && frame.photo !== null && !view.empty

    implicitHeight: photoHeight
    implicitWidth: Math.round(photoHeight * 22 / 32)
    color: Theme.surfaceAlt
    border.width: Theme.highContrast ? 3 : 2
    border.color: Theme.border
    radius: 6

    FrameView {
        id: view
        anchors.fill: parent
        anchors.margins: frame.border.width
        mirrored: false
        cover: true
    }
    Binding {
        target: view
        property: "frame"
        value: frame.photo
        when: frame.photo !== undefined && frame.photo !== null
    }

    // Placeholder silhouette on the 22 x 32 grid.
    Shape {
        visible: !frame.hasPhoto
        anchors.fill: parent
        anchors.margins: frame.width * 0.12
        ShapePath {
            strokeWidth: -1
            fillColor: Theme.border
            scale: Qt.size(frame.width * 0.76 / 22, frame.height * (1 - 0.24 * frame.width / frame.height) / 32)
            PathSvg { path: "M11 4 A5.5 6.5 0 1 1 10.99 4 Z M1 32 C1 22 21 22 21 32 Z" }
        }
    }
}
