// CheckingScreenForm: layout of the waiting screen while the licence office answers: a calm
// animation and what is being checked. No action.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    property ScreenModel model
    property string what

    title: qsTr("Please wait a moment")
    subtitle: form.what
    iconName: "clock"
    stepIndex: model ? model.progressIndex : 0
    stepTotal: model ? model.progressTotal : 0

    Item { Layout.fillHeight: true }
    WaitingIndicator {
        objectName: "checking_indicator"
        Layout.alignment: Qt.AlignHCenter
    }
    KioskText {
        text: qsTr("This usually takes a few seconds. Please keep your ID card on the reader.")
        muted: true
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }
    Item { Layout.fillHeight: true }
}
