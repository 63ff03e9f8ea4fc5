// Sync: the outbox towards central (state, depth, last acknowledged, last success, last error,
// circuit); "Sync now" starts an upload and then follows the status for a few seconds.
import QtQuick
import Kiosk.Ui

SyncPageForm {
    id: page

    property MaintenanceApi api
    property var status: ({})
    property int followUps: 0

    function refresh() {
        page.api.syncStatus();
    }

    function syncNow() {
        page.syncButton.busy = true;
        page.api.syncNow();
    }

    function stateOf(s: var): string {
        if (s.state !== undefined)
            return String(s.state);
        if (s.enabled === false)
            return "disabled";
        // (`running` is the sync loop being alive, not an upload in flight.)
        return Number(s.depth ?? 0) > 0 ? "pending" : "idle";
    }

    // sync.status's last_error: a code (central's or the transport's) in words.
    function syncError(value: var): string {
        void Translator.language;
        if (!value)
            return qsTr("none");
        const code = typeof value === "object" ? String(value.code ?? value.reason ?? "") : String(value);
        switch (code) {
        case "timeout": return qsTr("central did not answer in time");
        case "unreachable": return qsTr("central cannot be reached");
        case "tls": return qsTr("the secure connection to central failed");
        case "circuit_open": return qsTr("paused after repeated failures");
        case "rejected": return qsTr("central refused the records");
        case "server": return qsTr("central reported an internal error");
        case "invalid_response": return qsTr("central's answer could not be read");
        case "outbox": return qsTr("the outbox could not be read");
        case "cancelled": return qsTr("the upload was cancelled");
        }
        return qsTr("upload failed (%1)").arg(code);
    }

    readonly property string syncState: page.stateOf(page.status)
    readonly property string circuit: String(page.status.circuit ?? "")

    stateText: {
        void Translator.language;
        switch (page.syncState) {
        case "disabled": return qsTr("No central office configured");
        case "uploading": return qsTr("Uploading");
        case "pending": return qsTr("Waiting to upload");
        case "idle": return qsTr("Up to date");
        }
        return page.syncState;
    }
    stateTone: page.syncState === "idle" ? "good" : page.syncState === "uploading" ? "info"
             : page.syncState === "disabled" ? "neutral" : "warn"
    depthText: page.status.depth === undefined ? "—" : String(page.status.depth)
    ackText: page.status.last_acknowledged === undefined ? "—"
           : page.status.last_acknowledged === null ? qsTr("none") : String(page.status.last_acknowledged)
    successText: MaintTexts.time(page.status.last_success_at)
    errorText: page.syncError(page.status.last_error)
    circuitText: page.circuit === "closed" ? qsTr("Closed (central reachable)")
               : page.circuit === "open" ? qsTr("Open (central unreachable)")
               : page.circuit === "half_open" ? qsTr("Half-open (retrying)") : "—"
    circuitTone: page.circuit === "closed" ? "good" : page.circuit === "open" ? "bad"
               : page.circuit === "half_open" ? "warn" : "neutral"

    refreshButton.onClicked: page.refresh()
    syncButton.onClicked: page.syncNow()

    Connections {
        target: page.api
        function onSyncStatusReceived(status: var) {
            page.status = status;
        }
        function onSyncStarted() {
            page.syncButton.busy = false;
            page.failed = false;
            page.message = qsTr("Upload started.");
            page.followUps = 5;
            page.refresh();
        }
        function onFailed(action: int, device: string, error: var) {
            if (action !== MaintenanceApi.SyncStatus && action !== MaintenanceApi.SyncNow)
                return;
            page.syncButton.busy = false;
            page.failed = true;
            page.message = MaintTexts.errorText(error);
        }
    }

    Timer {
        interval: 1000
        repeat: true
        running: page.followUps > 0 && page.visible
        onTriggered: {
            page.followUps -= 1;
            page.refresh();
        }
    }
}
