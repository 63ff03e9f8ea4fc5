// Layout of the technician login (behaviour in LoginPage.qml).
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

Item {
    id: root

    property alias user: userField.text
    property alias password: passwordField.text
    property alias userField: userField
    property alias passwordField: passwordField
    property alias loginButton: loginButton
    property alias cancelButton: cancelButton
    property alias error: banner.text
    property bool busy: false

    // Scrolls when the virtual keyboard leaves too little room (landscape): the focused
    // field scrolls itself into view (MaintField.reveal).
    Flickable {
        anchors.fill: parent
        contentWidth: width
        contentHeight: card.y + card.height + 40
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        MaintCard {
            id: card
            anchors.horizontalCenter: parent.horizontalCenter
            y: Math.max(40, (root.height - height) / 4)
            width: Math.min(root.width - 80, 820)
            spacing: 28

            Text {
                width: parent.width
                text: qsTr("Technician login")
                font.pixelSize: 44
                font.family: Theme.fontFamily
                font.weight: Font.Bold
                color: Theme.maintText
            }
            Text {
                width: parent.width
                text: qsTr("Maintenance functions are for authorised staff. Every action is recorded in the audit log.")
                wrapMode: Text.Wrap
                font.pixelSize: 26
                font.family: Theme.fontFamily
                color: Theme.maintTextMuted
            }
            MaintField {
                id: userField
                width: parent.width
                fieldName: "maintenance_user"
                label: qsTr("User name")
                hints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase | Qt.ImhPreferLowercase
            }
            MaintField {
                id: passwordField
                width: parent.width
                fieldName: "maintenance_password"
                label: qsTr("Password")
                echoMode: 2 // TextInput.Password
                hints: Qt.ImhHiddenText | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            }
            MaintBanner {
                id: banner
                objectName: "maintenance_login_error"
                width: parent.width
                error: true
            }
            RowLayout {
                width: parent.width
                spacing: 24
                MaintButton {
                    id: cancelButton
                    objectName: "maintenance_cancel"
                    text: qsTr("Cancel")
                }
                Item {
                    Layout.fillWidth: true
                }
                MaintButton {
                    id: loginButton
                    objectName: "maintenance_login"
                    kind: "primary"
                    text: qsTr("Log in")
                    busy: root.busy
                    Layout.minimumWidth: 260
                }
            }
        }
    }
}
