// Devices: the device list (state, status details, counters, last error), a self-test per
// device or for all (a long call: the buttons show a spinner until it answers) and a test print
// for the two printers. Members a kioskd does not send (counters, last_error) are simply not
// shown. The list refreshes every 5 s while the page is shown.
pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Ui

DevicesPageForm {
    id: page

    property MaintenanceApi api
    property var devices: []
    property var results: ({})        // device id -> {passed, text}
    property string testing: ""        // device id under self-test, "*" for all
    property var printing: ({})        // device id -> true while a test print runs
    property var printMessages: ({})   // device id -> {text, failed}

    function refresh() {
        page.api.listDevices();
    }

    function selftest(device: string) {
        if (page.testing.length > 0)
            return;
        page.testing = device.length > 0 ? device : "*";
        page.api.selfTest(device);
    }

    function testPrint(device: string) {
        page.printing = Object.assign({}, page.printing, {[device]: true});
        page.api.testPrint(device);
    }

    function printed(device: string, text: string, failed: bool) {
        page.printing = Object.assign({}, page.printing, {[device]: false});
        page.printMessages = Object.assign({}, page.printMessages, {[device]: {text: text, failed: failed}});
    }

    // One self-test result in the technician's words: passed with the state it answered, or
    // failed with the driver's reason.
    function resultText(r: var): string {
        void Translator.language;
        if (r.passed)
            return r.state.length > 0 ? qsTr("Self-test passed (%1).").arg(MaintTexts.stateName(r.state))
                                      : qsTr("Self-test passed.");
        const why = r.message.length > 0 ? MaintTexts.reasonText(r.message) : MaintTexts.stateName(r.state);
        return qsTr("Self-test failed: %1.").arg(why);
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

    Connections {
        target: page.api
        function onDevicesListed(devices: var) {
            page.error = "";
            page.devices = devices;
        }
        function onSelfTestFinished(device: string, results: var) {
            page.testing = "";
            page.error = "";
            const next = Object.assign({}, page.results);
            for (const r of results) {
                if (device.length > 0 && r.device !== device)
                    continue;
                next[r.device] = {passed: r.passed, text: page.resultText(r)};
            }
            page.results = next;
            page.refresh();
        }
        function onTestPrinted(device: string, cardCounter: var) {
            page.printed(device, device === "receipt_printer" ? qsTr("Test receipt printed.")
                               : cardCounter !== null ? qsTr("Test card printed (printer counter %1).").arg(cardCounter)
                                                      : qsTr("Test card printed."), false);
        }
        function onFailed(action: int, device: string, error: var) {
            if (action === MaintenanceApi.TestPrint) {
                page.printed(device, MaintTexts.errorText(error), true);
            } else if (action === MaintenanceApi.Devices || action === MaintenanceApi.SelfTest) {
                if (action === MaintenanceApi.SelfTest)
                    page.testing = "";
                page.error = MaintTexts.errorText(error);
            }
        }
    }

    // Device states change on their own (a fault, a cover opened): follow them while shown.
    Timer {
        interval: 5000
        repeat: true
        running: page.visible && page.testing.length === 0
        onTriggered: page.refresh()
    }
}
