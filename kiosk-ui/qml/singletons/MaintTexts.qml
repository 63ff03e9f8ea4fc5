// MaintTexts: the technician's wording of kioskd's codes, in one place for every maintenance
// page: device, counter, status-detail and state names, severities (the tone of a MaintPill),
// device error reasons, API errors, outcomes, audit actions, times. English sources for qsTr
// (Chinese in i18n/kiosk-ui_zh_CN.ts). Every function reads Qt.uiLanguage (which Translator
// keeps equal to its language), so a binding that calls one follows a language switch. (No
// `import Kiosk.Ui` here: two module singletons importing their module form a cycle.) A code
// kioskd adds later is shown as it is.
//   deviceName(id), stateName(state), stateTone(state)
//   counterName(key)                     HAL statistics (UnifiedPOS names and the class's own)
//   detailName(key), detailValue(value), detailTone(key, value), detailPill(key, value)
//   labelled(label, value)               "label: value" with the language's colon
//   reasonText(reason)                   a driver reason ("paper_out") or status details
//                                        ("ribbon:out,cover:open") in words; "" when empty
//   reasonKnown(reason)                  whether reasonText has words for it
//   errorCodeName(code)                  a HAL completion code / device state in words
//   lastError(value) -> {text, detail}   a device's last_error: words, and the raw codes only
//                                        when there are no words for them
//   errorText(error)                     an API error {code, reason, message, device_reason?}
//   serviceName, outcomeName, outcomeTone, auditAction(action), auditDetails(details)
//   time(value), shortId(id)
pragma Singleton
import QtQuick

QtObject {
    id: texts

    function deviceName(id: string): string {
        void Qt.uiLanguage;
        switch (id) {
        case "id_reader": return qsTr("ID card reader");
        case "card_printer": return qsTr("Card printer");
        case "receipt_printer": return qsTr("Receipt printer");
        case "camera": return qsTr("Camera");
        case "payment_scanner": return qsTr("Payment scanner");
        }
        return id;
    }

    function stateName(state: string): string {
        void Qt.uiLanguage;
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

    function counterName(key: string): string {
        void Qt.uiLanguage;
        switch (key) {
        case "SuccessfulCommandCount": return qsTr("Successful commands");
        case "FailedCommandCount": return qsTr("Failed commands");
        case "CommunicationErrorCount": return qsTr("Communication errors");
        case "HoursPoweredCount": return qsTr("Hours powered");
        case "CardsPrintedCount": return qsTr("Cards printed");
        case "CardsRejectedCount": return qsTr("Cards rejected");
        case "RibbonRemainingPanels": return qsTr("Ribbon panels left");
        case "ReceiptsPrintedCount": return qsTr("Receipts printed");
        case "LinesPrintedCount": return qsTr("Lines printed");
        case "FramesCapturedCount": return qsTr("Frames captured");
        case "CardsReadCount": return qsTr("Cards read");
        case "CodesReadCount": return qsTr("Payment codes read");
        case "InvalidCodesCount": return qsTr("Invalid payment codes");
        }
        return key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ");
    }

    function detailName(key: string): string {
        void Qt.uiLanguage;
        switch (key) {
        case "ribbon": return qsTr("Ribbon");
        case "feeder": return qsTr("Card feeder");
        case "cover": return qsTr("Cover");
        case "card": return qsTr("Card");
        case "paper": return qsTr("Paper");
        case "cutter": return qsTr("Cutter");
        case "sam": return qsTr("Security module");
        case "stream": return qsTr("Video");
        case "scanner": return qsTr("Scanner");
        case "link":
        case "connection": return qsTr("Connection");
        case "found": return qsTr("Found instead");
        }
        return key;
    }

    function detailValue(value: string): string {
        void Qt.uiLanguage;
        switch (value) {
        case "ok": return qsTr("OK");
        case "low": return qsTr("low");
        case "out": return qsTr("used up");
        case "empty": return qsTr("empty");
        case "near_end": return qsTr("nearly used up");
        case "open": return qsTr("open");
        case "closed": return qsTr("closed");
        case "none": return qsTr("none inside");
        case "held": return qsTr("held inside");
        case "in_mouth": return qsTr("in the slot");
        case "jammed": return qsTr("jammed");
        case "error": return qsTr("fault");
        case "failed": return qsTr("failed");
        case "present": return qsTr("on the reader");
        case "absent": return qsTr("no card");
        case "stopped": return qsTr("stopped");
        case "running": return qsTr("running");
        case "ready": return qsTr("ready");
        case "scanning": return qsTr("scanning");
        case "down": return qsTr("down");
        case "up": return qsTr("up");
        case "not_connected": return qsTr("not connected");
        case "different_model": return qsTr("a different model");
        }
        return value;
    }

    // The severity of one status detail: good (normal), warn (act soon), bad (blocks service).
    function detailTone(key: string, value: string): string {
        switch (value) {
        case "low":
        case "near_end":
        case "held":
        case "in_mouth": return "warn";
        case "out":
        case "empty":
        case "open":
        case "jammed":
        case "error":
        case "failed":
        case "down":
        case "not_connected":
        case "different_model": return "bad";
        }
        return "good";
    }

    // "label: value" with the language's colon.
    function labelled(label: string, value: string): string {
        void Qt.uiLanguage;
        return qsTr("%1: %2").arg(label).arg(value);
    }

    function detailPill(key: string, value: string): string {
        return texts.labelled(texts.detailName(key), texts.detailValue(value));
    }

    // Driver reasons (drivers/*) a technician meets: what they mean in words.
    function driverReason(reason: string): string {
        void Qt.uiLanguage;
        switch (reason) {
        case "timeout":
        case "no_answer": return qsTr("the device did not answer");
        case "disconnected":
        case "no_device": return qsTr("the device is not connected");
        case "not_open": return qsTr("the device was not opened");
        case "io":
        case "stall": return qsTr("a communication error");
        case "permission": return qsTr("no permission to use the device");
        case "busy": return qsTr("the device was busy");
        case "canceled": return qsTr("the command was cancelled");
        case "bad_reply":
        case "bad_status":
        case "garbage":
        case "unknown_status": return qsTr("the device gave an unexpected answer");
        case "command_error":
        case "command_rejected":
        case "bad_command":
        case "parameter_rejected": return qsTr("the device refused a command");
        case "ribbon_out": return qsTr("the ribbon is used up");
        case "feeder_empty": return qsTr("the card feeder is empty");
        case "cover_open": return qsTr("the cover is open");
        case "card_jammed":
        case "jam": return qsTr("a card is jammed");
        case "in_mouth": return qsTr("a card is waiting in the slot");
        case "paper_out": return qsTr("the paper is used up");
        case "paper_near_end":
        case "near_end": return qsTr("the paper is nearly used up");
        case "sam_failed":
        case "sam_not_authorised": return qsTr("the security module failed");
        case "no_card": return qsTr("no card on the reader");
        case "card_not_removed": return qsTr("the card was not lifted from the reader");
        case "read_failed": return qsTr("the card could not be read");
        case "not_video_device": return qsTr("the camera is not a video device");
        case "empty": return qsTr("the picture was empty");
        case "device_timeout": return qsTr("the device did not answer");
        }
        return "";
    }

    // Status details "ribbon:out,cover:open" in words, or "" when it is not that form.
    function detailsReason(reason: string): string {
        void Qt.uiLanguage;
        const parts = reason.split(",");
        const out = [];
        for (const part of parts) {
            const at = part.indexOf(":");
            if (at <= 0)
                return "";
            out.push(texts.detailPill(part.substring(0, at), part.substring(at + 1)));
        }
        return out.join(qsTr(", "));
    }

    function reasonKnown(reason: string): bool {
        return texts.driverReason(reason).length > 0 || texts.detailsReason(reason).length > 0;
    }

    function reasonText(reason: string): string {
        void Qt.uiLanguage;
        if (!reason)
            return "";
        const words = texts.driverReason(reason);
        if (words.length > 0)
            return words;
        const details = texts.detailsReason(reason);
        return details.length > 0 ? details : qsTr("a device error");
    }

    // HAL completion codes and error states (docs/local-api.md last_error.code); "" when unknown.
    function errorCodeWords(code: string): string {
        void Qt.uiLanguage;
        switch (code) {
        case "timeout": return qsTr("no answer in time");
        case "deviceNotReady": return qsTr("not ready");
        case "cancelled":
        case "canceled": return qsTr("cancelled");
        case "unsupported": return qsTr("not supported");
        case "invalidData": return qsTr("invalid data");
        }
        const state = texts.stateName(code);
        return state !== code ? state : "";
    }

    function errorCodeName(code: string): string {
        void Qt.uiLanguage;
        const words = texts.errorCodeWords(code);
        return words.length > 0 ? words : qsTr("a device error");
    }

    // A device's last_error {code, reason, at} (or a bare reason string) for the technician:
    // {text: words and time, detail: the raw codes when the words are only a general one}.
    function lastError(value: var): var {
        void Qt.uiLanguage;
        if (value === undefined || value === null || value === "")
            return {text: "", detail: ""};
        const e = typeof value === "object" ? value : {reason: String(value)};
        const reason = String(e.reason ?? "");
        const code = String(e.code ?? "");
        const words = reason.length > 0 ? texts.reasonText(reason) : texts.errorCodeName(code);
        const at = e.at ?? e.time;
        const text = at ? qsTr("%1 (%2)").arg(words).arg(texts.time(at)) : words;
        const known = reason.length > 0 ? texts.reasonKnown(reason) : texts.errorCodeWords(code).length > 0;
        return {text: text, detail: known ? "" : [code, reason].filter(s => s.length > 0).join(" · ")};
    }

    // A technician-readable sentence for an API error {code, reason, message, device_reason?}.
    // kioskd's English message is not shown: the reason code says it.
    function errorText(error: var): string {
        void Qt.uiLanguage;
        if (!error)
            return "";
        const deviceReason = String(error.device_reason ?? (error.data ? error.data.device_reason ?? "" : ""));
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
            return deviceReason.length > 0 ? qsTr("The device is offline: %1.").arg(texts.reasonText(deviceReason))
                                           : qsTr("The device is offline.");
        case "device_error":
            return deviceReason.length > 0 ? qsTr("The device failed: %1.").arg(texts.reasonText(deviceReason))
                                           : qsTr("The device failed.");
        case "device_busy":
            return qsTr("The device is busy. Try again in a moment.");
        case "busy":
        case "session_active":
            return qsTr("A citizen is using the kiosk. Try again when the session has ended.");
        case "unknown_device":
            return qsTr("kioskd does not know this device.");
        case "stock_empty":
            return qsTr("No blank cards are left.");
        case "disk_full":
            return qsTr("The kiosk's storage is full.");
        case "invalid_params":
            return qsTr("kioskd refused the values entered.");
        case "bad_credentials":
            return qsTr("Wrong user name or password.");
        case "locked_out":
            return qsTr("Too many failed attempts. This user is locked out for a while.");
        }
        return qsTr("The request failed (%1).").arg(String(error.reason ?? error.code ?? ""));
    }

    function serviceName(service: string): string {
        void Qt.uiLanguage;
        switch (service) {
        case "renewal": return qsTr("Renewal");
        case "replace_lost": return qsTr("Lost licence");
        case "replace_damaged": return qsTr("Damaged licence");
        case "info_query":
        case "query": return qsTr("Query");
        }
        return service;
    }

    // A transaction's outcome in the technician's language (unknown codes as they are).
    function outcomeName(outcome: string): string {
        void Qt.uiLanguage;
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
        if (outcome === "" || outcome === "in_progress")
            return "info";
        if (outcome === "cancelled" || outcome === "timed_out" || outcome === "abandoned")
            return "warn";
        return "bad";
    }

    function auditAction(action: string): string {
        void Qt.uiLanguage;
        switch (action) {
        case "maintenance.login": return qsTr("Technician logged in");
        case "maintenance.logout": return qsTr("Technician logged out");
        case "maintenance.expired": return qsTr("Technician session expired");
        case "maintenance.login_failed": return qsTr("Failed login");
        case "maintenance.login_refused": return qsTr("Login refused");
        case "maintenance.locked_out": return qsTr("User locked out");
        case "maintenance.credentials_updated": return qsTr("Technician accounts updated");
        case "maintenance.set_out_of_service": return qsTr("Service state changed");
        case "stock.load": return qsTr("Blank cards loaded");
        case "stock.reconcile": return qsTr("Stock reconciled");
        case "devices.selftest": return qsTr("Device self-test");
        case "devices.test_print": return qsTr("Test print");
        case "sync.now": return qsTr("Upload started");
        case "txn.show": return qsTr("Transaction viewed");
        }
        return action;
    }

    function auditKey(key: string): string {
        void Qt.uiLanguage;
        switch (key) {
        case "count": return qsTr("cards");
        case "first_serial": return qsTr("first serial");
        case "last_serial": return qsTr("last serial");
        case "difference": return qsTr("difference");
        case "mismatch": return qsTr("mismatch");
        case "enabled": return qsTr("out of service");
        case "reason": return qsTr("reason");
        case "device": return qsTr("device");
        case "printed": return qsTr("printed");
        case "card_counter": return qsTr("printer counter");
        case "role": return qsTr("role");
        case "seconds": return qsTr("seconds");
        case "failures": return qsTr("failures");
        case "txn": return qsTr("transaction");
        }
        return key;
    }

    // An audit entry's details as one line: "cards: 500, first serial: C00000001".
    function auditDetails(details: var): string {
        void Qt.uiLanguage;
        if (details === undefined || details === null || typeof details !== "object")
            return details === undefined || details === null ? "" : String(details);
        const parts = [];
        for (const key in details) {
            const v = details[key];
            let shown = typeof v === "boolean" ? (v ? qsTr("yes") : qsTr("no"))
                      : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v);
            if (key === "device")
                shown = texts.deviceName(shown);
            parts.push(texts.labelled(texts.auditKey(key), shown));
        }
        return parts.join(qsTr(", "));
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
}
