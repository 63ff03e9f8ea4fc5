// LicenceInfoScreenForm: layout of the info query result (behaviour: LicenceInfoScreen.qml).
// The licence as the registry holds it, one labelled value per row, its state as a coloured
// badge, and one button to finish.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    property string nameText
    property string fileNumberText
    property string classesText
    property string classesDetail
    property string validFromText
    property string validToText
    property string stateText
    property color stateColor: Theme.success
    property string pointsText
    property alias finishButton: finishButton

    title: qsTr("Your driving licence")
    subtitle: qsTr("This is what the licence registry holds for you today.")
    iconName: "query"

    InfoCard {
        KeyValueRow { label: qsTr("Name"); value: form.nameText }
        KeyValueRow { label: qsTr("File number"); value: form.fileNumberText }
        KeyValueRow {
            label: qsTr("Licence classes")
            objectName: "licence_classes"
            value: form.classesDetail.length > 0 ? form.classesDetail : form.classesText
        }
        KeyValueRow { label: qsTr("Valid from"); value: form.validFromText }
        KeyValueRow { label: qsTr("Valid until"); value: form.validToText }
        KeyValueRow { objectName: "licence_points"; label: qsTr("Penalty points this cycle"); value: form.pointsText }
    }

    InfoCard {
        accent: form.stateColor
        KioskText {
            role: "small"
            muted: true
            text: qsTr("Licence status")
            Layout.fillWidth: true
        }
        KioskText {
            objectName: "licence_state"
            role: "heading"
            color: form.stateColor
            text: form.stateText
            Layout.fillWidth: true
        }
    }

    Item { Layout.fillHeight: true }

    footer: [
        KioskButton {
            id: finishButton
            objectName: "action_finish"
            kind: "primary"
            text: qsTr("Done")
        }
    ]
}
