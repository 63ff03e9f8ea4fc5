// A coloured pill for a state word (device state, status detail, outcome, circuit): green
// normal, amber act soon, red fault, blue working, grey unknown. `tone` picks the colour
// (Theme.maintTone), `text` the label.
import QtQuick
import Kiosk.Ui

Rectangle {
    id: root

    property string text: ""
    property string tone: "neutral"   // good | warn | bad | info | neutral

    implicitWidth: label.implicitWidth + 36
    implicitHeight: 48
    radius: height / 2
    color: Theme.maintTone(root.tone)

    Text {
        id: label
        objectName: root.objectName.length > 0 ? root.objectName + "_text" : ""
        anchors.centerIn: parent
        width: Math.min(implicitWidth, root.width - 24)
        elide: Text.ElideRight
        text: root.text
        font.pixelSize: 24
        font.family: Theme.fontFamily
        font.weight: Font.Bold
        color: Theme.maintToneInk(root.tone)
    }
}
