// Words and formats shared by the maintenance pages: device names, state colours, error
// texts, times. Instantiate one per page (`MaintText { id: words }`).
import QtQml

QtObject {
    function deviceName(id: string): string {
        switch (id) {
        case "id_reader": return qsTr("ID card reader");
        case "card_printer": return qsTr("Card printer");
        case "receipt_printer": return qsTr("Receipt printer");
        case "camera": return qsTr("Camera");
        case "payment_scanner":
        case "payment_terminal": return qsTr("Payment scanner");
        }
        return id;
    }

    function stateName(state: string): string {
        switch (state) {
        case "online": return qsTr("Online");
        case "busy": return qsTr("Busy");
        case "offline": return qsTr("Offline");
        case "noDevice": return qsTr("Not found");
        case "powerOff": return qsTr("Powered off");
        case "hardwareError": return qsTr("Hardware error");
        case "userError": return qsTr("Needs attention");
        }
        return state;
    }

    // good | warn | bad | info | neutral, for MaintPill.
    function stateTone(state: string): string {
        switch (state) {
        case "online": return "good";
        case "busy": return "info";
        case "userError": return "warn";
        case "offline":
        case "noDevice":
        case "powerOff":
        case "hardwareError": return "bad";
        }
        return "neutral";
    }

    function serviceName(service: string): string {
        switch (service) {
        case "renewal": return qsTr("Renewal");
        case "replace_lost": return qsTr("Lost licence");
        case "replace_damaged": return qsTr("Damaged licence");
        case "query": return qsTr("Query");
        }
        return service;
    }

    // A transaction's outcome in the technician's language (unknown codes as they are).
    function outcomeName(outcome: string): string {
        switch (outcome) {
        case "":
        case "in_progress": return qsTr("in progress");
        case "completed": return qsTr("completed");
        case "issued": return qsTr("issued");
        case "success": return qsTr("success");
        case "cancelled": return qsTr("cancelled");
        case "timed_out": return qsTr("timed out");
        case "abandoned": return qsTr("abandoned");
        case "failed": return qsTr("failed");
        case "declined": return qsTr("declined");
        case "error": return qsTr("error");
        }
        return outcome.replace(/_/g, " ");
    }

    function outcomeTone(outcome: string): string {
        if (outcome === "completed" || outcome === "issued" || outcome === "success")
            return "good";
        if (outcome === "" )
            return "info";
        if (outcome === "cancelled" || outcome === "timed_out" || outcome === "abandoned")
            return "warn";
        return "bad";
    }

    // A technician-readable sentence for an error object {code, reason, message}.
    function errorText(error: var): string {
        if (!error)
            return "";
        switch (error.reason) {
        case "unreachable":
        case "disconnected":
            return qsTr("kioskd cannot be reached. Check that the kiosk service is running.");
        case "timeout":
            return qsTr("kioskd did not answer in time.");
        case "maintenance_required":
            return qsTr("Your maintenance session has ended. Log in again.");
        case "method_not_found":
            return qsTr("This kiosk software does not offer this function yet.");
        case "device_offline":
            return qsTr("The device is offline.");
        case "device_busy":
            return qsTr("The device is busy. Try again in a moment.");
        case "busy":
        case "session_active":
            return qsTr("A citizen is using the kiosk. Try again when the session has ended.");
        }
        const message = error.message ? String(error.message) : "";
        return message.length > 0 ? qsTr("Failed: %1 (%2)").arg(message).arg(error.reason)
                                  : qsTr("Failed (%1)").arg(error.reason);
    }

    // "2026-11-28 18:20:05" in the kiosk's local time, or "—" when absent.
    function time(value: var): string {
        if (value === undefined || value === null || value === "")
            return "—";
        const d = new Date(value);
        if (isNaN(d.getTime()))
            return String(value);
        return Qt.formatDateTime(d, "yyyy-MM-dd HH:mm:ss");
    }

    // "tx-1a2b3c4d…" from "tx-<32 hex>".
    function shortId(id: string): string {
        return id.length > 12 ? id.substring(0, 11) + "…" : id;
    }

    // A last-error value (a reason string, or {reason|code, message, at}) as one line.
    function errorBrief(value: var): string {
        if (value === undefined || value === null || value === "")
            return "";
        if (typeof value !== "object")
            return String(value);
        // kioskd's device errors carry a reason ("ribbon:out") and a HAL code; sync errors a code.
        const what = [value.reason ?? value.code, value.message].filter(s => !!s).join(": ");
        const at = value.at ?? value.time;
        return at ? what + "  (" + time(at) + ")" : what;
    }

    // Any JSON value as one short line.
    function brief(value: var): string {
        if (value === undefined || value === null)
            return "";
        if (typeof value === "object") {
            const parts = [];
            for (const key in value) {
                const v = value[key];
                parts.push(key + ": " + (typeof v === "object" ? JSON.stringify(v) : String(v)));
            }
            return parts.join(", ");
        }
        return String(value);
    }
}
