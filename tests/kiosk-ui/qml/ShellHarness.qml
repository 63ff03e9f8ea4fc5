// ShellHarness: a KioskShell (portrait 1080x1920) over its own ScreenModel, with spies on every
// signal the shell emits. Tests load a fixture with show("<fixture>").
import QtQuick
import QtTest
import Kiosk.Ui
import KioskTest

Item {
    id: harness

    property alias shell: kioskShell
    property alias screenModel: model
    property alias actSpy: actSpy
    property alias startSpy: startSpy
    property alias dismissSpy: dismissSpy
    property alias maintenanceSpy: maintenanceSpy

    function show(fixture) {
        const m = Fixtures.load(fixture);
        if (m.screen === undefined)
            throw new Error("fixture not found: " + fixture);
        model.load(m);
        actSpy.clear();
        startSpy.clear();
        dismissSpy.clear();
        return kioskShell.currentScreen;
    }

    width: 1080
    height: 1920

    ScreenModel { id: model }
    KioskShell {
        id: kioskShell
        anchors.fill: parent
        model: model
        speech: false
    }
    SignalSpy { id: actSpy; target: kioskShell; signalName: "act" }
    SignalSpy { id: startSpy; target: kioskShell; signalName: "startRequested" }
    SignalSpy { id: dismissSpy; target: kioskShell; signalName: "dismissRequested" }
    SignalSpy { id: maintenanceSpy; target: kioskShell; signalName: "maintenanceRequested" }
}
