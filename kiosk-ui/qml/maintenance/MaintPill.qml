// A coloured pill for a state word (device state, outcome, circuit): green good, amber
// attention, red fault, blue working, grey unknown. `tone` picks the colour, `text` the label.
import QtQuick
import Kiosk.Ui

Rectangle {
    id: root

    property string text: ""
    property string tone: "neutral"   // good | warn | bad | info | neutral

    implicitWidth: label.implicitWidth + 36
    implicitHeight: 48
    radius: height / 2
    color: tone === "good" ? "#DDF3E4" : tone === "warn" ? "#FEF0C7" : tone === "bad" ? "#FEE4E2"
         : tone === "info" ? "#D9E8FB" : "#EAECF0"

    Text {
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, root.width - 24)
        elide: Text.ElideRight
        text: root.text
        font.pixelSize: 24
        font.family: Theme.fontFamily
        font.weight: Font.Bold
        color: root.tone === "good" ? "#05603A" : root.tone === "warn" ? "#93370D"
             : root.tone === "bad" ? "#912018" : root.tone === "info" ? "#153A78" : "#344054"
    }
}
