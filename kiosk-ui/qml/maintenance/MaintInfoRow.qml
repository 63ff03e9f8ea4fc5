// A label and its value on one line (the value may be a coloured pill).
import QtQuick
import Kiosk.Ui

Item {
    id: row

    property string label: ""
    property string value: ""
    property string tone: ""     // non-empty: show the value as a MaintPill of this tone

    implicitHeight: Math.max(56, valueText.implicitHeight + 16)

    Text {
        id: labelText
        width: parent.width * 0.4
        anchors.verticalCenter: parent.verticalCenter
        text: row.label
        font.pixelSize: 26
        font.family: Theme.fontFamily
        color: Theme.maintTextMuted
        elide: Text.ElideRight
    }
    Text {
        id: valueText
        visible: row.tone.length === 0
        x: parent.width * 0.4
        width: parent.width * 0.6
        anchors.verticalCenter: parent.verticalCenter
        text: row.value
        wrapMode: Text.Wrap
        font.pixelSize: 26
        font.family: Theme.fontFamily
        font.weight: Font.DemiBold
        color: Theme.maintText
    }
    MaintPill {
        visible: row.tone.length > 0
        x: parent.width * 0.4
        anchors.verticalCenter: parent.verticalCenter
        text: row.value
        tone: row.tone.length > 0 ? row.tone : "neutral"
    }
    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.maintDivider
    }
}
