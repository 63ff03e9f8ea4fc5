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

    KioskFrontIllustration {
        part: "card_slot"
        label: qsTr("Card slot")
        Layout.fillWidth: true
        Layout.maximumWidth: Theme.landscape ? 820 : 960
        Layout.preferredHeight: implicitHeight
        Layout.alignment: Qt.AlignHCenter
    }

    InfoCard {
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            KioskIcon {
                name: "printer"
                color: Theme.primary
                size: Math.round(Theme.iconSize * 0.8)
                Layout.alignment: Qt.AlignTop
            }
            ColumnLayout {
                spacing: Theme.spacingSmall
                Layout.fillWidth: true
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
        }
    }

    Item { Layout.fillHeight: true }
}
