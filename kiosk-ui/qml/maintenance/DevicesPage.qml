// Devices: devices.list (state, detail codes, counters, last error), devices.selftest per
// device or for all (a long call: the buttons show a spinner until it answers) and
// devices.test_print for the two printers. Members a kioskd does not send yet (counters,
// last_error, test_print) are simply not shown / reported as not offered. The list refreshes
// every 5 s while the page is shown.
pragma ComponentBehavior: Bound
import QtQuick

DevicesPageForm {
    id: page

    property var api
    property var devices: []
    property var results: ({})        // device id -> {passed, message}
    property string testing: ""        // device id under self-test, "*" for all
    property var printing: ({})        // device id -> true while a test print runs
    property var printMessages: ({})   // device id -> {text, failed}

    function refresh() {
        page.api.call("devices.list", {}, function (result, error) {
            if (error) {
                page.error = words.errorText(error);
                return;
            }
            page.error = "";
            page.devices = result.devices ?? [];
        });
    }

    function selftest(device: string) {
        if (page.testing.length > 0)
            return;
        page.testing = device.length > 0 ? device : "*";
        const params = device.length > 0 ? {device: device} : {};
        page.api.maintenanceCall("devices.selftest", params, function (result, error) {
            page.testing = "";
            if (error) {
                page.error = words.errorText(error);
                return;
            }
            page.error = "";
            const next = Object.assign({}, page.results);
            for (const r of (result.results ?? result.devices ?? [])) {
                const id = String(r.device ?? r.id ?? "");
                if (device.length > 0 && id !== device)
                    continue;
                const passed = Boolean(r.passed ?? r.ok);
                const message = String(r.message ?? r.reason ?? "") || words.stateName(String(r.state ?? ""));
                next[id] = {passed: passed, message: message};
            }
            page.results = next;
            page.refresh();
        });
    }

    function testPrint(device: string) {
        page.printing = Object.assign({}, page.printing, {[device]: true});
        page.api.maintenanceCall("devices.test_print", {device: device}, function (result, error) {
            page.printing = Object.assign({}, page.printing, {[device]: false});
            let text = words.errorText(error);
            if (!error && device === "receipt_printer")
                text = qsTr("Test receipt printed.");
            else if (!error)
                text = result && result.card_counter !== undefined
                        ? qsTr("Test card printed (printer counter %1).").arg(result.card_counter)
                        : qsTr("Test card printed.");
            page.printMessages = Object.assign({}, page.printMessages, {[device]: {text: text, failed: !!error}});
        });
    }

    summary: {
        const total = page.devices.length;
        const online = page.devices.filter(d => d.state === "online" || d.state === "busy").length;
        return total === 0 ? "" : qsTr("%1 of %2 devices ready").arg(online).arg(total);
    }
    refreshButton.onClicked: page.refresh()
    selftestAllButton.busy: page.testing === "*"
    selftestAllButton.enabled: page.testing.length === 0
    selftestAllButton.onClicked: page.selftest("")

    list.model: page.devices
    list.delegate: MaintDeviceCard {
        required property var modelData
        device: modelData
        width: ListView.view.width
        testResult: page.results[deviceId] ?? null
        testing: page.testing === deviceId || page.testing === "*"
        canPrint: deviceId === "card_printer" || deviceId === "receipt_printer"
        printing: page.printing[deviceId] === true
        printMessage: page.printMessages[deviceId] ? page.printMessages[deviceId].text : ""
        printFailed: page.printMessages[deviceId] ? page.printMessages[deviceId].failed : false
        onSelftestRequested: page.selftest(deviceId)
        onTestPrintRequested: page.testPrint(deviceId)
    }

    MaintText {
        id: words
    }

    // Device states change on their own (a fault, a cover opened): follow them while shown.
    Timer {
        interval: 5000
        repeat: true
        running: page.visible && page.testing.length === 0
        onTriggered: page.refresh()
    }
}
