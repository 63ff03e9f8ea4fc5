// The maintenance shell's login and session life: error texts for bad credentials and a
// lock-out (with the seconds left), the dashboard after a login, logout, closing when the
// maintenance session ends elsewhere, and the idle logout. kioskd's answers are scripted
// (ScriptedChannel in place of LocalApi).
import QtQuick
import QtTest
import Kiosk.Ui
import KioskTest

Item {
    id: root
    width: 1080
    height: 1920

    Component {
        id: fakeComponent
        ScriptedChannel {}
    }
    Component {
        id: shellComponent
        MaintenanceShell {
            anchors.fill: parent
        }
    }
    SignalSpy {
        id: closedSpy
        signalName: "closed"
    }

    TestCase {
        name: "MaintenanceLogin"
        when: windowShown

        property var fake: null
        property var shell: null

        function init() {
            Translator.language = "en";
            fake = createTemporaryObject(fakeComponent, root);
            shell = createTemporaryObject(shellComponent, root, {channel: fake});
            closedSpy.clear();
            closedSpy.target = shell;
        }

        function cleanup() {
            Translator.language = "zh";
        }

        function typeCredentials(user, password) {
            findChild(shell, "maintenance_user").text = user;
            findChild(shell, "maintenance_password").text = password;
        }

        function errorText() {
            return findChild(shell, "maintenance_login_error_text").text;
        }

        function test_empty_fields_send_nothing() {
            typeCredentials("", "");
            mouseClick(findChild(shell, "maintenance_login"));
            compare(fake.callsOf("maintenance.login").length, 0);
            verify(errorText().length > 0);
        }

        function test_bad_credentials_are_explained_and_the_password_cleared() {
            fake.loginAnswer = {error: {code: -32000, reason: "bad_credentials", message: "wrong user or password"}};
            typeCredentials("tech", "wrong");
            mouseClick(findChild(shell, "maintenance_login"));
            compare(fake.callsOf("maintenance.login").length, 1);
            compare(fake.callsOf("maintenance.login")[0].params.user, "tech");
            compare(errorText(), "Wrong user name or password.");
            compare(findChild(shell, "maintenance_password").text, "");
            verify(!shell.loggedIn);
        }

        function test_locked_out_says_when_to_try_again_and_blocks_the_button() {
            fake.loginAnswer = {error: {code: -32000, reason: "locked_out", message: "locked", retry_after: 90}};
            typeCredentials("tech", "wrong");
            mouseClick(findChild(shell, "maintenance_login"));
            verify(errorText().indexOf("locked out") >= 0, errorText());
            verify(errorText().indexOf("90") >= 0, errorText());
            verify(!findChild(shell, "maintenance_login").enabled);
        }

        function test_locked_out_retry_after_may_come_in_data() {
            fake.loginAnswer = {error: {code: -32000, reason: "locked_out", message: "locked", data: {retry_after: 42}}};
            typeCredentials("tech", "wrong");
            mouseClick(findChild(shell, "maintenance_login"));
            verify(errorText().indexOf("42") >= 0, errorText());
        }

        function test_unreachable_kioskd_is_reported() {
            fake.loginAnswer = {error: {code: 0, reason: "unreachable", message: ""}};
            typeCredentials("tech", "secret");
            mouseClick(findChild(shell, "maintenance_login"));
            verify(errorText().indexOf("cannot be reached") >= 0, errorText());
        }

        function test_login_opens_the_dashboard_on_devices() {
            fake.answers = {"devices.list": {result: {devices: [{id: "camera", state: "online", detail: {}}]}}};
            typeCredentials("tech", "secret");
            mouseClick(findChild(shell, "maintenance_login"));
            verify(shell.loggedIn);
            compare(shell.currentPage, 0);
            compare(fake.callsOf("devices.list").length, 1);
            verify(findChild(shell, "maintenance_logout").visible);
            compare(findChild(shell, "maintenance_user").text, "");
        }

        function test_logout_button_logs_out_and_closes() {
            typeCredentials("tech", "secret");
            mouseClick(findChild(shell, "maintenance_login"));
            mouseClick(findChild(shell, "maintenance_logout"));
            compare(fake.logouts, 1);
            compare(closedSpy.count, 1);
        }

        function test_cancel_at_login_closes_without_logout() {
            mouseClick(findChild(shell, "maintenance_cancel"));
            compare(closedSpy.count, 1);
            compare(fake.logouts, 0);
        }

        function test_session_ended_elsewhere_closes_the_shell() {
            typeCredentials("tech", "secret");
            mouseClick(findChild(shell, "maintenance_login"));
            fake.maintenanceActive = false;   // e.g. kioskd answered maintenance_required
            compare(closedSpy.count, 1);
        }

        function test_idle_technician_is_logged_out() {
            typeCredentials("tech", "secret");
            mouseClick(findChild(shell, "maintenance_login"));
            shell.idleSeconds = 0.05;
            closedSpy.wait(2000);
            compare(fake.logouts, 1);
        }

        function test_touches_reach_the_pages_under_the_idle_watch() {
            typeCredentials("tech", "secret");
            mouseClick(findChild(shell, "maintenance_login"));
            mouseClick(findChild(shell, "maintenance_page_sync"));
            compare(shell.currentPage, 3);
            compare(fake.callsOf("sync.status").length, 1);
        }
    }
}
