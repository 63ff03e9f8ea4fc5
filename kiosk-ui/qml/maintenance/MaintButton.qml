// A technician-screen button: at least Theme.minTouch high, a clear label, three kinds
// (primary: the page's main action; secondary: everything else; danger: takes the kiosk out
// of service or discards). `busy` shows a spinner and blocks repeated presses.
import QtQuick
import QtQuick.Controls.Basic
import Kiosk.Ui

Button {
    id: control

    property string kind: "secondary"
    property bool busy: false

    implicitHeight: Math.max(Theme.minTouch, implicitContentHeight + topPadding + bottomPadding)
    implicitWidth: Math.max(Theme.minTouch * 2, implicitContentWidth + leftPadding + rightPadding)
    leftPadding: 28
    rightPadding: 28
    enabled: !busy
    focusPolicy: Qt.NoFocus
    font.pixelSize: 28
    font.family: Theme.fontFamily
    font.weight: Font.DemiBold

    background: Rectangle {
        radius: 12
        color: {
            if (!control.enabled && !control.busy)
                return Theme.maintDisabled;
            if (control.kind === "primary")
                return control.down ? Theme.maintPrimaryPressed : Theme.maintPrimary;
            if (control.kind === "danger")
                return control.down ? Theme.maintDangerPressed : Theme.maintDanger;
            return control.down ? Theme.maintButtonPressed : Theme.maintSurface;
        }
        border.width: control.kind === "secondary" ? 2 : 0
        border.color: Theme.maintButtonBorder
    }

    contentItem: Text {
        opacity: control.busy ? 0 : 1
        text: control.text
        font: control.font
        color: (control.kind === "secondary" || (!control.enabled && !control.busy)) ? Theme.maintButtonInk : Theme.maintHeaderInk
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }

    BusyIndicator {
        anchors.centerIn: parent
        visible: control.busy
        running: control.busy
        height: control.height * 0.7
        width: height
    }
}
