// One line of feedback under an action: an error (red) or a confirmation (green). Empty text
// hides it.
import QtQuick
import Kiosk.Ui

Rectangle {
    id: root

    property string text: ""
    property bool error: false

    visible: text.length > 0
    implicitHeight: visible ? label.implicitHeight + 32 : 0
    radius: 10
    color: error ? Theme.maintErrorBackground : Theme.maintOkBackground
    border.color: error ? Theme.maintErrorBorder : Theme.maintOkBorder
    border.width: 2

    Text {
        id: label
        objectName: root.objectName.length > 0 ? root.objectName + "_text" : ""
        x: 20
        width: root.width - 40
        anchors.verticalCenter: parent.verticalCenter
        text: root.text
        wrapMode: Text.Wrap
        font.pixelSize: 26
        font.family: Theme.fontFamily
        color: root.error ? Theme.maintErrorInk : Theme.maintOkInk
    }
}
