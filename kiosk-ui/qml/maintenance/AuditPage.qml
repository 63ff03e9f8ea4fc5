// Audit: audit.list {limit: 50} newest first, with the hash chain's verification (chain_ok).
pragma ComponentBehavior: Bound
import QtQuick
import Kiosk.Ui

AuditPageForm {
    id: page

    property var api
    property var entries: []

    function refresh() {
        page.api.maintenanceCall("audit.list", {limit: 50}, function (result, error) {
            if (error) {
                page.error = words.errorText(error);
                return;
            }
            page.error = "";
            page.chainOk = result.chain_ok === undefined ? null : Boolean(result.chain_ok);
            const list = (result.entries ?? []).slice();
            list.sort((a, b) => String(b.at).localeCompare(String(a.at)));
            page.entries = list;
        });
    }

    refreshButton.onClicked: page.refresh()
    list.model: page.entries
    list.delegate: Rectangle {
        id: entry
        required property var modelData
        required property int index
        width: ListView.view.width
        height: entryColumn.implicitHeight + 28
        color: entry.index % 2 === 1 ? "#FAFBFC" : "#FFFFFF"
        Column {
            id: entryColumn
            x: 24
            y: 14
            width: parent.width - 48
            spacing: 4
            Text {
                width: parent.width
                text: "<b>" + String(entry.modelData.action ?? "") + "</b>  ·  " + String(entry.modelData.actor ?? "")
                      + "  ·  " + words.time(entry.modelData.at)
                textFormat: Text.StyledText
                font.pixelSize: 24
                font.family: Theme.fontFamily
                color: "#101828"
                elide: Text.ElideRight
            }
            Text {
                width: parent.width
                visible: text.length > 0
                text: words.brief(entry.modelData.details)
                font.pixelSize: 21
                font.family: Theme.fontFamily
                color: "#667085"
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
        }
    }

    MaintText {
        id: words
    }
}
