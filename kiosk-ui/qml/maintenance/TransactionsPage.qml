// Transactions: the last 20; id shortened, service, started/finished, outcome.
pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Ui

TransactionsPageForm {
    id: page

    property MaintenanceApi api
    property var transactions: []

    function refresh() {
        page.api.listTransactions(20);
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

    Connections {
        target: page.api
        function onTransactionsListed(transactions: var) {
            page.error = "";
            page.transactions = transactions;
        }
        function onFailed(action: int, device: string, error: var) {
            if (action === MaintenanceApi.Transactions)
                page.error = MaintTexts.errorText(error);
        }
    }

    Text {
        visible: page.transactions.length === 0 && page.error.length === 0
        anchors.centerIn: parent
        text: qsTr("No transactions yet.")
        font.pixelSize: 28
        font.family: Theme.fontFamily
        color: Theme.maintTextFaint
    }
}
