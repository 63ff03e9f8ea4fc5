// Audit: the last 50 entries newest first, in the technician's words, with the hash chain's
// verification (chain_ok).
pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Ui

AuditPageForm {
    id: page

    property MaintenanceApi api
    property var entries: []

    function refresh() {
        page.api.listAudit(50);
    }

    refreshButton.onClicked: page.refresh()
    list.model: page.entries
    list.delegate: Rectangle {
        id: entry
        required property var modelData
        required property int index
        width: ListView.view.width
        height: entryColumn.implicitHeight + 28
        color: entry.index % 2 === 1 ? Theme.maintRowAlt : Theme.maintSurface
        Column {
            id: entryColumn
            x: 24
            y: 14
            width: parent.width - 48
            spacing: 4
            Text {
                objectName: "audit_entry_" + entry.index
                width: parent.width
                text: "<b>" + MaintTexts.auditAction(String(entry.modelData.action ?? "")) + "</b>  ·  "
                      + String(entry.modelData.actor ?? "") + "  ·  " + MaintTexts.time(entry.modelData.at)
                textFormat: Text.StyledText
                font.pixelSize: 24
                font.family: Theme.fontFamily
                color: Theme.maintText
                elide: Text.ElideRight
            }
            Text {
                objectName: "audit_details_" + entry.index
                width: parent.width
                visible: text.length > 0
                text: MaintTexts.auditDetails(entry.modelData.details)
                font.pixelSize: 21
                font.family: Theme.fontFamily
                color: Theme.maintTextFaint
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
        }
    }

    Connections {
        target: page.api
        function onAuditListed(entries: var, chainOk: var) {
            page.error = "";
            page.chainOk = chainOk;
            page.entries = entries;
        }
        function onFailed(action: int, device: string, error: var) {
            if (action === MaintenanceApi.Audit)
                page.error = MaintTexts.errorText(error);
        }
    }
}
