// Supplies & stock: the stock counts; loading blank cards {count, first serial, last serial}
// from the form (typed on the virtual keyboard); reconciling with the printer's counter.
import QtQuick
import Kiosk.Ui

SuppliesPageForm {
    id: page

    property MaintenanceApi api
    // What was asked to load, for the confirmation once kioskd accepted it.
    property var pendingLoad: null

    function refresh() {
        page.api.stockStatus();
    }

    function load() {
        const count = parseInt(page.countField.text, 10);
        const first = page.firstField.text.trim();
        const last = page.lastField.text.trim();
        page.loadFailed = true;
        if (isNaN(count) || count <= 0 || String(count) !== page.countField.text.trim()) {
            page.loadMessage = qsTr("Enter the number of cards (a whole number above zero).");
            return;
        }
        if (first.length === 0 || last.length === 0) {
            page.loadMessage = qsTr("Enter the first and the last serial number.");
            return;
        }
        page.loadButton.busy = true;
        page.loadMessage = "";
        page.pendingLoad = {count: count, first: first, last: last};
        page.api.loadStock(count, first, last);
    }

    function reconcile() {
        page.reconcileButton.busy = true;
        page.reconcileMessage = "";
        page.api.reconcileStock();
    }

    loadButton.onClicked: page.load()
    reconcileButton.onClicked: page.reconcile()

    Connections {
        target: page.api
        function onStockReceived(stock: var) {
            page.error = "";
            page.stock = stock;
        }
        function onStockLoaded(stock: var) {
            const asked = page.pendingLoad ?? {count: 0, first: "", last: ""};
            page.loadButton.busy = false;
            page.loadFailed = false;
            page.loadMessage = qsTr("Loaded %1 cards (%2 to %3).").arg(asked.count).arg(asked.first).arg(asked.last);
            page.pendingLoad = null;
            page.countField.text = "";
            page.firstField.text = "";
            page.lastField.text = "";
        }
        function onStockReconciled(printerCounter: real, expected: real, difference: real, ok: bool) {
            page.reconcileButton.busy = false;
            page.reconcileFailed = !ok;
            page.reconcileMessage = ok
                    ? qsTr("Stock reconciles: printer counter %1, journal %2.").arg(printerCounter).arg(expected)
                    : qsTr("Mismatch of %1 card(s): printer counter %2, journal %3. Check the feeder and the reject bin.")
                      .arg(difference).arg(printerCounter).arg(expected);
        }
        function onFailed(action: int, device: string, error: var) {
            if (action === MaintenanceApi.Stock) {
                page.error = MaintTexts.errorText(error);
            } else if (action === MaintenanceApi.LoadStock) {
                page.loadButton.busy = false;
                page.pendingLoad = null;
                page.loadFailed = true;
                page.loadMessage = MaintTexts.errorText(error);
            } else if (action === MaintenanceApi.Reconcile) {
                page.reconcileButton.busy = false;
                page.reconcileFailed = true;
                page.reconcileMessage = MaintTexts.errorText(error);
            }
        }
    }
}
