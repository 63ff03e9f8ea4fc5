// TakeCardScreenForm: layout of "take your card" (behaviour: TakeCardScreen.qml): the kiosk
// front with the card mouth highlighted and the card coming out, then the receipt below.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    title: qsTr("Please take your new licence")
    subtitle: qsTr("It is in the card slot below the screen.")
    iconName: "card"
    iconColor: Theme.success

    // In portrait the card sits in the page column, in landscape beside the drawing (a
    // wrapping card inside the grid kept a stale height across theme switches).
    component ReceiptCard: InfoCard {
        accent: Theme.primary
        KioskText {
            role: "heading"
            text: qsTr("Your receipt is printing")
            Layout.fillWidth: true
        }
        KioskText {
            muted: true
            text: qsTr("Take it from the receipt slot on the right, under the scanner.")
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
            part: "card_slot"
            label: qsTr("Card slot")
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.landscape ? 520 : 960
            Layout.preferredHeight: implicitHeight
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
        }

        ReceiptCard {
            visible: Theme.landscape
            Layout.alignment: Qt.AlignTop
        }
    }

    ReceiptCard {
        visible: !Theme.landscape
    }

    Item { Layout.fillHeight: true }
}
