// Out-of-service switch {enabled, reason}. The current state comes from the kiosk status and
// from the switch's answer.
import QtQuick
import Kiosk.Ui

ServicePageForm {
    id: page

    property MaintenanceApi api

    function syncFromStatus() {
        const s = page.api ? page.api.status : null;
        if (!s || s.out_of_service === undefined)
            return;
        page.outOfService = Boolean(s.out_of_service);
        page.currentReason = s.out_of_service_reason ? String(s.out_of_service_reason) : "";
    }

    function refresh() {
        page.syncFromStatus();
    }

    function toggle() {
        page.toggleButton.busy = true;
        page.message = "";
        page.api.setOutOfService(!page.outOfService, page.reasonField.text.trim());
    }

    toggleButton.onClicked: page.toggle()
    Component.onCompleted: page.syncFromStatus()

    Connections {
        target: page.api
        function onStatusChanged() {
            page.syncFromStatus();
        }
        function onOutOfServiceSet(outOfService: bool, reason: string) {
            page.toggleButton.busy = false;
            page.failed = false;
            page.outOfService = outOfService;
            page.currentReason = reason;
            page.reasonField.text = "";
            page.message = outOfService ? qsTr("The kiosk is now out of service.")
                                        : qsTr("The kiosk is back in service.");
        }
        function onFailed(action: int, device: string, error: var) {
            if (action !== MaintenanceApi.OutOfService)
                return;
            page.toggleButton.busy = false;
            page.failed = true;
            page.message = MaintTexts.errorText(error);
        }
    }
}
