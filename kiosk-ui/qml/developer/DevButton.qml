// A compact button for the developer panel (a desktop window beside the kiosk, not a
// citizen touch target): smaller type and height than MaintButton, same colours.
import QtQuick
import Kiosk.Ui

MaintButton {
    implicitHeight: 60
    implicitWidth: implicitContentWidth + leftPadding + rightPadding
    leftPadding: 14
    rightPadding: 14
    font.pixelSize: 21
    font.family: Theme.fontFamily
}
