// A labelled text field for the technician: typed on the Qt Virtual Keyboard (Latin and
// digits); `hints` are the input method hints (digits only, hidden password, ...).
import QtQuick
import QtQuick.Controls.Basic
import Kiosk.Ui

Column {
    id: root

    property alias label: caption.text
    property alias text: field.text
    property alias placeholder: field.placeholderText
    property alias echoMode: field.echoMode
    property alias hints: field.inputMethodHints
    property alias input: field
    property string fieldName: ""

    signal accepted()

    spacing: 8

    Text {
        id: caption
        font.pixelSize: 24
        font.family: Theme.fontFamily
        font.weight: Font.DemiBold
        color: "#344054"
    }

    TextField {
        id: field
        objectName: root.fieldName
        width: root.width
        height: Theme.minTouch
        font.pixelSize: 30
        font.family: Theme.fontFamily
        color: "#101828"
        placeholderTextColor: "#98A2B3"
        leftPadding: 20
        rightPadding: 20
        verticalAlignment: TextInput.AlignVCenter
        onAccepted: root.accepted()
        background: Rectangle {
            radius: 10
            color: "#FFFFFF"
            border.width: field.activeFocus ? 3 : 2
            border.color: field.activeFocus ? "#1D4E9E" : "#98A2B3"
        }
    }
}
