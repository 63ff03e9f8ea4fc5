// A compact button for the developer panel (a window beside the kiosk, which may share its
// touch screen): smaller type than MaintButton, same colours, still a finger-size target
// (at least Theme.minTouch each way).
import QtQuick
import Kiosk.Ui

MaintButton {
    implicitHeight: Theme.minTouch
    implicitWidth: Math.max(Theme.minTouch, implicitContentWidth + leftPadding + rightPadding)
    leftPadding: 14
    rightPadding: 14
    font.pixelSize: 21
    font.family: Theme.fontFamily
}
