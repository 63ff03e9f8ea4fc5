// WaitingIndicator: a calm, slow "working" animation (three breathing dots), for screens where
// the citizen only waits. No percentage: kioskd's eta (if any) is shown as text by the screen.
//   running: bool   animate (default true)
//   dotSize: real   diameter of each dot (default 28)
pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Ui

Row {
    id: dots

    property bool running: true
    property real dotSize: 28

    spacing: dotSize * 0.8

    Repeater {
        model: 3
        Rectangle {
            id: dot
            required property int index
            width: dots.dotSize
            height: dots.dotSize
            radius: dots.dotSize / 2
            color: Theme.primary
            SequentialAnimation on opacity {
                running: dots.running
                loops: Animation.Infinite
                PauseAnimation { duration: dot.index * 300 }
                NumberAnimation { from: 0.25; to: 1.0; duration: 600; easing.type: Easing.InOutSine }
                NumberAnimation { to: 0.25; duration: 600; easing.type: Easing.InOutSine }
                PauseAnimation { duration: (2 - dot.index) * 300 }
            }
        }
    }
}
