// PendingPage: what the shell shows when it has no page for a screen name (should not happen
// in a complete build): a neutral "one moment" page, no action.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    title: qsTr("One moment, please")
    subtitle: qsTr("The kiosk is preparing the next step.")
    iconName: "clock"
    WaitingIndicator { Layout.alignment: Qt.AlignHCenter; Layout.topMargin: Theme.spacing }
    Item { Layout.fillHeight: true }
}
