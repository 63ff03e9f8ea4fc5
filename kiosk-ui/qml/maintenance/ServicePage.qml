// Out-of-service switch: maintenance.set_out_of_service {enabled, reason}. The current state
// comes from the API's kiosk status and from the call's answer.
import QtQuick

ServicePageForm {
    id: page

    property var api

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
        const enabled = !page.outOfService;
        const reason = page.reasonField.text.trim();
        page.toggleButton.busy = true;
        page.message = "";
        const params = {enabled: enabled};
        if (reason.length > 0)
            params.reason = reason;
        page.api.maintenanceCall("maintenance.set_out_of_service", params, function (result, error) {
            page.toggleButton.busy = false;
            page.failed = !!error;
            if (error) {
                page.message = words.errorText(error);
                return;
            }
            page.outOfService = Boolean(result.out_of_service ?? enabled);
            page.currentReason = page.outOfService ? String(result.reason ?? reason) : "";
            page.reasonField.text = "";
            page.message = page.outOfService ? qsTr("The kiosk is now out of service.")
                                             : qsTr("The kiosk is back in service.");
        });
    }

    toggleButton.onClicked: page.toggle()
    Component.onCompleted: page.syncFromStatus()

    Connections {
        target: page.api
        ignoreUnknownSignals: true
        function onStatusChanged() {
            page.syncFromStatus();
        }
    }

    MaintText {
        id: words
    }
}
