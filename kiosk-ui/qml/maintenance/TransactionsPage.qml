// Transactions: txn.list {limit: 20}; id shortened, service, started/finished, outcome.
pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Ui

TransactionsPageForm {
    id: page

    property var api
    property var transactions: []

    function refresh() {
        page.api.maintenanceCall("txn.list", {limit: 20}, function (result, error) {
            if (error) {
                page.error = words.errorText(error);
                return;
            }
            page.error = "";
            page.transactions = result.transactions ?? [];
        });
    }

    refreshButton.onClicked: page.refresh()
    list.model: page.transactions
    list.delegate: MaintTxnRow {
        required property var modelData
        required property int index
        txn: modelData
        width: ListView.view.width
        wide: page.wide
    }

    MaintText {
        id: words
    }

    Text {
        visible: page.transactions.length === 0 && page.error.length === 0
        anchors.centerIn: parent
        text: qsTr("No transactions yet.")
        font.pixelSize: 28
        font.family: Theme.fontFamily
        color: "#667085"
    }
}
