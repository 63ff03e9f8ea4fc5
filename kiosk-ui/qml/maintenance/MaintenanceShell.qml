// The technician's interface over the citizen UI: login, then the dashboard pages. Main.qml
// shows it when the hidden gesture fires or while LocalApi.maintenanceActive, and hides it on
// `closed()`. It closes when the technician logs out, when the maintenance session ends for
// any reason (kioskd's idle expiry, `maintenance_required`: maintenanceActive turns false),
// on Cancel at the login, and after `idleSeconds` without a touch (logging out first).
//
// Touch watching: an empty item on top of everything carries a PointHandler. A PointHandler
// only takes a passive grab and leaves every event point unaccepted, so presses, drags and
// key taps on the virtual keyboard still reach the buttons and fields below; each new or
// moving point restarts the idle timer. (No event filter in C++ is needed.)
import QtQuick
import Kiosk.Ui

MaintenanceShellForm {
    id: shell

    // The client of kioskd: LocalApi, or a test's scripted channel. Every page reaches it through
    // the one typed MaintenanceApi below.
    property KioskdChannel channel: LocalApi
    property real idleSeconds: 120
    property bool wasActive: false

    signal closed()

    function close() {
        shell.wasActive = false;   // first: the logout below turns `active` false
        if (maintenanceApi.active)
            maintenanceApi.logout();
        shell.loginPage.reset();
        shell.currentPage = 0;
        shell.closed();
    }

    function showPage(index: int) {
        shell.currentPage = index;
        const page = [shell.devicesPage, shell.suppliesPage, shell.transactionsPage,
                      shell.syncPage, shell.servicePage, shell.auditPage][index];
        page.refresh();
    }

    function followSession() {
        const active = maintenanceApi.active;
        if (active && !shell.wasActive) {
            shell.wasActive = true;
            shell.showPage(0);
        } else if (!active && shell.wasActive) {
            shell.close();
        }
    }

    api: maintenanceApi
    loggedIn: maintenanceApi.active
    user: maintenanceApi.user
    kioskId: {
        const id = maintenanceApi.status["kiosk_id"];
        return id ? String(id) : "—";
    }

    logoutButton.onClicked: shell.close()
    loginPage.onCancelled: shell.close()
    loginPage.onLoggedIn: shell.followSession()

    Component.onCompleted: shell.followSession()

    onPageRequested: index => shell.showPage(index)

    MaintenanceApi {
        id: maintenanceApi
        channel: shell.channel
    }

    Connections {
        target: maintenanceApi
        function onSessionChanged() {
            shell.followSession();
        }
    }

    Timer {
        id: idleTimer
        interval: shell.idleSeconds * 1000
        running: shell.visible
        onTriggered: shell.close()
    }

    Item {
        objectName: "maintenance_touch_watch"
        anchors.fill: parent
        z: 1000
        PointHandler {
            onActiveChanged: idleTimer.restart()
            onPointChanged: idleTimer.restart()
        }
    }
}
