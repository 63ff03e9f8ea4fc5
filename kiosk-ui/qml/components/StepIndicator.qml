// StepIndicator: where the citizen is in the service: "Step 3 of 12" and a segmented bar.
// Hidden (zero height) before the first step or when the total is unknown.
//   index: int   1-based current step (bind model.progressIndex)
//   total: int   steps of this service (bind model.progressTotal)
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ColumnLayout {
    id: steps

    property int index: 0
    property int total: 0

    visible: total > 0 && index > 0
    spacing: Theme.spacingSmall

    KioskText {
        role: "small"
        muted: true
        text: qsTr("Step %1 of %2").arg(steps.index).arg(steps.total)
        Layout.fillWidth: true
    }
    Row {
        id: bar
        spacing: 6
        Layout.fillWidth: true
        Layout.preferredHeight: 10
        Repeater {
            model: Math.max(steps.total, 0)
            Rectangle {
                required property int index
                width: (bar.width - bar.spacing * (steps.total - 1)) / Math.max(steps.total, 1)
                height: 10
                radius: 5
                color: index < steps.index ? Theme.primary : Theme.border
            }
        }
    }
}
