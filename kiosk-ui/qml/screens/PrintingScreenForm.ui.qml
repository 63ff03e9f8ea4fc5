// PrintingScreenForm: layout of the card printing wait (behaviour: PrintingScreen.qml): the
// printing animation, the time remaining and, on a second try, why there is one.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    property string etaText
    property string attemptText

    title: qsTr("Your new licence is being printed")
    subtitle: qsTr("Please stay at the kiosk. Your ID card stays on the reader until the end.")
    iconName: "printer"

    Item { Layout.fillHeight: true; Layout.preferredHeight: 1 }

    CardPrintAnimation {
        Layout.fillWidth: true
        Layout.maximumWidth: Theme.landscape ? 460 : 820  // landscape: the time left stays in view
        Layout.preferredHeight: implicitHeight
        Layout.alignment: Qt.AlignHCenter
    }

    KioskText {
        objectName: "printing_eta"
        role: "heading"
        horizontalAlignment: Text.AlignHCenter
        text: form.etaText
        Layout.fillWidth: true
    }
    WaitingIndicator {
        Layout.alignment: Qt.AlignHCenter
    }

    InfoCard {
        visible: form.attemptText.length > 0
        accent: Theme.info
        KioskText {
            objectName: "printing_attempt"
            text: form.attemptText
            Layout.fillWidth: true
        }
    }

    Item { Layout.fillHeight: true; Layout.preferredHeight: 1 }
}
