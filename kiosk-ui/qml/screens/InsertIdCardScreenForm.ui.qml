// InsertIdCardScreenForm: layout of "place your ID card": an animation of the card settling on
// the reader, the read error (if any) in a warning card, and cancel.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    property ScreenModel model
    property alias cancelButton: cancel
    property alias cardY: card.y
    // Where the card rests on the reader (the animation's end point).
    readonly property real landingY: reader.y - card.height * 0.45
    property string errorText
    readonly property bool readError: model ? model.errorCode === "id_card_not_read" : false

    title: qsTr("Place your ID card on the reader")
    subtitle: qsTr("Lay your resident ID card flat on the card reader below the screen. Leave it there until the service is finished.")
    iconName: "card"
    stepIndex: model ? model.progressIndex : 0
    stepTotal: model ? model.progressTotal : 0

    // Portrait: the error above the animation. Landscape: side by side.
    GridLayout {
        columns: Theme.landscape ? 2 : 1
        columnSpacing: Theme.spacing * 2
        rowSpacing: Theme.spacing
        Layout.fillWidth: true
        Layout.fillHeight: true

        InfoCard {
            objectName: "id_card_error"
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 100
            visible: form.readError
            accent: Theme.warning
            KioskText {
                role: "heading"
                text: qsTr("The card could not be read")
                Layout.fillWidth: true
            }
            KioskText {
                objectName: "id_card_error_text"
                text: form.errorText
                Layout.fillWidth: true
            }
        }

        // The reader and the card settling onto it.
        Item {
            id: stage
            Layout.fillWidth: true
            Layout.preferredWidth: 100
            Layout.fillHeight: true
            Layout.minimumHeight: Theme.landscape ? 200 : 300
            Layout.maximumHeight: Theme.landscape ? 380 : 620

            Rectangle {
                id: reader
                width: Math.min(stage.width * 0.7, 620)
                height: Math.min(stage.height * 0.22, 120)
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.bottom: parent.bottom
                anchors.bottomMargin: Theme.spacing
                radius: Theme.radius
                color: Theme.surfaceAlt
                border.color: Theme.border
                border.width: 2
                KioskText {
                    anchors.centerIn: parent
                    width: parent.width - 2 * Theme.spacing
                    horizontalAlignment: Text.AlignHCenter
                    role: "small"
                    muted: true
                    text: qsTr("Card reader")
                }
            }
            Rectangle {
                id: glow
                anchors.fill: reader
                anchors.margins: -10
                radius: Theme.radius + 10
                color: "transparent"
                border.color: Theme.primary
                border.width: 4
                opacity: Math.max(0, 1 - Math.abs(card.y - (reader.y - card.height * 0.55)) / 80)
            }
            Rectangle {
                id: card
                y: 96
                width: reader.width * 0.62
                height: width * 0.63
                x: (stage.width - width) / 2
                radius: 18
                color: Theme.highContrast ? "#000000" : "#DCE8F7"
                border.color: Theme.primary
                border.width: 3
                Rectangle {
                    x: parent.width * 0.08; y: parent.height * 0.2
                    width: parent.width * 0.25; height: parent.height * 0.55
                    radius: 8
                    color: "transparent"
                    border.color: Theme.primary
                    border.width: 3
                    KioskIcon { anchors.centerIn: parent; name: "face"; size: parent.width * 0.75; color: Theme.primary }
                }
                Column {
                    x: parent.width * 0.42; y: parent.height * 0.25
                    spacing: parent.height * 0.1
                    Repeater {
                        model: 3
                        Rectangle { width: 160 - 30 * index; height: 10; radius: 5; color: Theme.primary; opacity: 0.6; required property int index }
                    }
                }
            }
            KioskIcon {
                name: "arrow_down"
                color: Theme.primary
                size: 72
                anchors.horizontalCenter: parent.horizontalCenter
                y: Math.max(0, card.y - size - 12)
                visible: card.y + card.height < reader.y - 20
            }
        }
    }

    Item { Layout.fillHeight: true }

    footer: [
        KioskButton {
            id: cancel
            objectName: "action_cancel"
            text: qsTr("Cancel")
            visible: Actions.allowed(form.model, "cancel")
            Layout.maximumWidth: 420
        },
        Item { Layout.fillWidth: true; Layout.preferredWidth: 100 }
    ]
}
