// ReturnOldCardScreenForm: layout of the old-card return (behaviour: ReturnOldCardScreen.qml).
// An animated drawing of the kiosk front with the return slot highlighted, the steps, and
// cancel / "I have put it in".
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    property alias cancelButton: cancelButton
    property alias returnedButton: returnedButton

    title: qsTr("Put your old licence into the return slot")
    subtitle: qsTr("The damaged card is collected by the kiosk and destroyed by the office.")
    iconName: "damaged"

    // In portrait the card sits in the page column, in landscape beside the drawing (a
    // wrapping card inside the grid kept a stale height across theme switches).
    component StepsCard: InfoCard {
        KioskText {
            text: qsTr("1. Find the slot marked 回收 / Return, below the screen on the left.")
            Layout.fillWidth: true
        }
        KioskText {
            text: qsTr("2. Push the card in, picture side up, until it is taken in.")
            Layout.fillWidth: true
        }
        KioskText {
            text: qsTr("3. Then press \"I have put it in\".")
            Layout.fillWidth: true
        }
    }

    // Portrait: the drawing above the text; landscape: side by side.
    GridLayout {
        columns: Theme.landscape ? 2 : 1
        columnSpacing: Theme.spacing * 2
        rowSpacing: Theme.spacing
        Layout.fillWidth: true

        KioskFrontIllustration {
            part: "return_slot"
            label: qsTr("Card return slot")
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.landscape ? 520 : 960
            Layout.preferredHeight: implicitHeight
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
        }

        StepsCard {
            visible: Theme.landscape
            Layout.alignment: Qt.AlignTop
        }
    }

    StepsCard {
        visible: !Theme.landscape
    }

    Item { Layout.fillHeight: true }

    footer: [
        KioskButton {
            id: cancelButton
            objectName: "action_cancel"
            text: qsTr("Cancel")
        },
        KioskButton {
            id: returnedButton
            objectName: "action_old_card_returned"
            kind: "primary"
            iconName: "check"
            text: qsTr("I have put it in")
        }
    ]
}
