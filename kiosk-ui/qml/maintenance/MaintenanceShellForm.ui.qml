// Layout of the maintenance shell (behaviour in MaintenanceShell.qml): the login page, or the
// dashboard (header with the technician and Logout, page navigation, the current page), and
// the virtual keyboard at the bottom.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import Kiosk.Ui

Rectangle {
    id: root

    property MaintenanceApi api
    property bool loggedIn: false
    property int currentPage: 0
    property string user: ""
    property string kioskId: ""
    property bool showKeyboard: true
    readonly property bool landscape: width > height
    readonly property var pageTitles: [qsTr("Devices"), qsTr("Supplies"), qsTr("Transactions"),
                                       qsTr("Sync"), qsTr("Service"), qsTr("Audit")]
    readonly property var pageKeys: ["devices", "supplies", "transactions", "sync", "service", "audit"]

    property alias loginPage: loginPage
    property alias logoutButton: logoutButton
    signal pageRequested(int index)
    property alias devicesPage: devicesPage
    property alias suppliesPage: suppliesPage
    property alias transactionsPage: transactionsPage
    property alias syncPage: syncPage
    property alias servicePage: servicePage
    property alias auditPage: auditPage
    property alias keyboard: keyboard

    color: Theme.maintBackground

    Rectangle {
        id: header
        width: parent.width
        height: 120
        color: Theme.maintHeader

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 40
            anchors.rightMargin: 32
            spacing: 24
            Column {
                Layout.fillWidth: true
                spacing: 2
                Text {
                    text: qsTr("Kiosk24 maintenance")
                    font.pixelSize: 36
                    font.family: Theme.fontFamily
                    font.weight: Font.Bold
                    color: Theme.maintHeaderInk
                }
                Text {
                    text: root.loggedIn ? qsTr("Kiosk %1 · signed in as %2").arg(root.kioskId).arg(root.user)
                                        : qsTr("Kiosk %1").arg(root.kioskId)
                    font.pixelSize: 22
                    font.family: Theme.fontFamily
                    color: Theme.maintHeaderMuted
                }
            }
            MaintButton {
                id: logoutButton
                objectName: "maintenance_logout"
                visible: root.loggedIn
                text: qsTr("Log out")
            }
        }
    }

    LoginPage {
        id: loginPage
        visible: !root.loggedIn
        api: root.api
        anchors.top: header.bottom
        anchors.bottom: keyboard.top
        width: parent.width
    }

    GridLayout {
        id: nav
        visible: root.loggedIn
        anchors.top: header.bottom
        anchors.left: parent.left
        anchors.margins: 24
        width: root.landscape ? 300 : parent.width - 48
        columns: root.landscape ? 1 : 3
        rowSpacing: 12
        columnSpacing: 12
        Repeater {
            id: navRepeater
            model: root.pageTitles.length
            delegate: MaintButton {
                required property int index
                objectName: "maintenance_page_" + root.pageKeys[index]
                Layout.fillWidth: true
                Layout.preferredWidth: root.landscape ? nav.width : (nav.width - 24) / 3
                text: root.pageTitles[index]
                kind: root.currentPage === index ? "primary" : "secondary"
                onClicked: root.pageRequested(index)
            }
        }
    }

    StackLayout {
        id: pages
        visible: root.loggedIn
        anchors.top: root.landscape ? header.bottom : nav.bottom
        anchors.left: root.landscape ? nav.right : parent.left
        anchors.right: parent.right
        anchors.bottom: keyboard.top
        anchors.margins: 24
        currentIndex: root.currentPage

        DevicesPage {
            id: devicesPage
            api: root.api
        }
        SuppliesPage {
            id: suppliesPage
            api: root.api
        }
        TransactionsPage {
            id: transactionsPage
            api: root.api
        }
        SyncPage {
            id: syncPage
            api: root.api
        }
        ServicePage {
            id: servicePage
            api: root.api
        }
        AuditPage {
            id: auditPage
            api: root.api
        }
    }

    InputPanel {
        id: keyboard
        visible: root.showKeyboard
        // The keyboard's height follows its width: in landscape a full-width keyboard would
        // cover two thirds of the screen, so it is narrower there and centred.
        width: root.landscape ? Math.min(parent.width, Math.round(parent.height * 1.2)) : parent.width
        x: (parent.width - width) / 2
        y: active && root.showKeyboard ? parent.height - height : parent.height
    }
}
