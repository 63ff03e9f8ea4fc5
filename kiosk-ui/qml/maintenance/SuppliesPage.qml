// Supplies & stock: stock.status; stock.load {count, first_serial, last_serial} from the
// form (typed on the virtual keyboard); stock.reconcile with its result.
import QtQuick

SuppliesPageForm {
    id: page

    property var api

    function refresh() {
        page.api.call("stock.status", {}, function (result, error) {
            if (error) {
                page.error = words.errorText(error);
                return;
            }
            page.error = "";
            page.stock = result;
        });
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
        page.api.maintenanceCall("stock.load", {count: count, first_serial: first, last_serial: last},
                                 function (result, error) {
            page.loadButton.busy = false;
            if (error) {
                page.loadFailed = true;
                page.loadMessage = words.errorText(error);
                return;
            }
            page.stock = result;
            page.loadFailed = false;
            page.loadMessage = qsTr("Loaded %1 cards (%2 to %3).").arg(count).arg(first).arg(last);
            page.countField.text = "";
            page.firstField.text = "";
            page.lastField.text = "";
        });
    }

    function reconcile() {
        page.reconcileButton.busy = true;
        page.reconcileMessage = "";
        page.api.maintenanceCall("stock.reconcile", {}, function (result, error) {
            page.reconcileButton.busy = false;
            if (error) {
                page.reconcileFailed = true;
                page.reconcileMessage = words.errorText(error);
                return;
            }
            const ok = result.ok ?? !result.mismatch;
            const expected = result.expected ?? result.consumed;
            const difference = Number(result.difference ?? 0);
            page.reconcileFailed = !ok;
            page.reconcileMessage = ok
                    ? qsTr("Stock reconciles: printer counter %1, journal %2.").arg(result.printer_counter).arg(expected)
                    : qsTr("Mismatch of %1 card(s): printer counter %2, journal %3. Check the feeder and the reject bin.")
                      .arg(difference).arg(result.printer_counter).arg(expected);
            if (result.counts)
                page.stock = result.counts;
        });
    }

    loadButton.onClicked: page.load()
    reconcileButton.onClicked: page.reconcile()

    MaintText {
        id: words
    }
}
