// Sync: sync.status (state, depth, last acknowledged, last success, last error, circuit);
// "Sync now" calls sync.now and then follows sync.status for a few seconds.
import QtQuick

SyncPageForm {
    id: page

    property var api
    property var status: ({})
    property int followUps: 0

    function refresh() {
        page.api.call("sync.status", {}, function (result, error) {
            if (error) {
                page.failed = true;
                page.message = words.errorText(error);
                return;
            }
            page.status = result;
        });
    }

    function syncNow() {
        page.syncButton.busy = true;
        page.api.maintenanceCall("sync.now", {}, function (result, error) {
            page.syncButton.busy = false;
            page.failed = !!error;
            if (error) {
                page.message = words.errorText(error);
                return;
            }
            page.message = qsTr("Upload started.");
            page.followUps = 5;
            page.refresh();
        });
    }

    function stateOf(s: var): string {
        if (s.state !== undefined)
            return String(s.state);
        if (s.enabled === false)
            return "disabled";
        // (`running` is the sync loop being alive, not an upload in flight.)
        return Number(s.depth ?? 0) > 0 ? "pending" : "idle";
    }

    readonly property string syncState: page.stateOf(page.status)
    readonly property string circuit: String(page.status.circuit ?? "")

    stateText: {
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
    successText: words.time(page.status.last_success_at)
    errorText: page.status.last_error ? words.errorBrief(page.status.last_error) : qsTr("none")
    circuitText: page.circuit === "closed" ? qsTr("Closed (central reachable)")
               : page.circuit === "open" ? qsTr("Open (central unreachable)")
               : page.circuit === "half_open" ? qsTr("Half-open (retrying)") : "—"
    circuitTone: page.circuit === "closed" ? "good" : page.circuit === "open" ? "bad"
               : page.circuit === "half_open" ? "warn" : "neutral"

    refreshButton.onClicked: page.refresh()
    syncButton.onClicked: page.syncNow()

    MaintText {
        id: words
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
