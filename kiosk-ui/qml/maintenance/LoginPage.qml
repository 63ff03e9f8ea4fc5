// Technician login: MaintenanceApi.login; shows why a login failed (wrong credentials, locked
// out with the time left, kioskd unreachable). The password is cleared after every attempt and
// never logged.
import QtQuick
import Kiosk.Ui

LoginPageForm {
    id: page

    property MaintenanceApi api
    // Seconds until a locked-out user may try again (counts down; 0 = not locked).
    property int retryAfter: 0

    signal loggedIn()
    signal cancelled()

    function login() {
        if (page.busy || page.retryAfter > 0)
            return;
        if (page.user.length === 0 || page.password.length === 0) {
            page.error = qsTr("Enter your user name and password.");
            return;
        }
        page.busy = true;
        page.error = "";
        const password = page.password;
        page.password = "";
        page.api.login(page.user, password);
    }

    function showError(error: var) {
        if (error.reason === "bad_credentials") {
            page.error = qsTr("Wrong user name or password.");
        } else if (error.reason === "locked_out") {
            let seconds = Number(error.retry_after ?? (error.data ? error.data.retry_after : 0));
            page.retryAfter = isNaN(seconds) ? 0 : Math.max(0, Math.ceil(seconds));
            page.updateLockText();
        } else {
            page.error = MaintTexts.errorText(error);
        }
    }

    function updateLockText() {
        page.error = page.retryAfter > 0
                ? qsTr("Too many failed attempts. This user is locked out; try again in %n second(s).", "", page.retryAfter)
                : qsTr("Too many failed attempts. This user is locked out for a while.");
    }

    function reset() {
        page.user = "";
        page.password = "";
        page.error = "";
        page.busy = false;
    }

    loginButton.enabled: page.retryAfter === 0 && !page.busy
    loginButton.onClicked: page.login()
    cancelButton.onClicked: page.cancelled()
    passwordField.onAccepted: page.login()
    userField.onAccepted: page.passwordField.input.forceActiveFocus()

    Connections {
        target: page.api
        function onLoggedIn() {
            page.busy = false;
            page.user = "";
            page.loggedIn();
        }
        function onFailed(action: int, device: string, error: var) {
            if (action !== MaintenanceApi.Login)
                return;
            page.busy = false;
            page.showError(error);
        }
    }

    Timer {
        interval: 1000
        repeat: true
        running: page.retryAfter > 0
        onTriggered: {
            page.retryAfter -= 1;
            if (page.retryAfter > 0)
                page.updateLockText();
            else
                page.error = "";
        }
    }
}
