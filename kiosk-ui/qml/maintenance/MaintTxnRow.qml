// One row of the transactions table (or its header): shortened id, service, started,
// finished, outcome. Only non-personal summary members are shown.
import QtQuick
import Kiosk.Ui

Rectangle {
    id: row

    property var txn: ({})
    property bool header: false
    property bool wide: false
    property int index: 0

    readonly property real unit: (width - 48) / 10
    readonly property string outcome: String(row.txn.outcome ?? "")

    implicitHeight: header ? 64 : 76
    color: header ? Theme.maintSurfaceAlt : (index % 2 === 1 ? Theme.maintRowAlt : Theme.maintSurface)

    Row {
        x: 24
        height: parent.height
        Text {
            width: row.unit * 1.8
            height: parent.height
            verticalAlignment: Text.AlignVCenter
            text: row.header ? qsTr("ID") : MaintTexts.shortId(String(row.txn.id ?? ""))
            font.pixelSize: row.header ? 22 : 20
            font.weight: row.header ? Font.Bold : Font.Normal
            font.family: row.header ? Theme.fontFamily : "monospace"
            color: Theme.maintTextStrong
            elide: Text.ElideRight
        }
        Text {
            width: row.unit * 2.1
            height: parent.height
            verticalAlignment: Text.AlignVCenter
            text: row.header ? qsTr("Service") : MaintTexts.serviceName(String(row.txn.service ?? ""))
            font.pixelSize: row.header ? 22 : 24
            font.family: Theme.fontFamily
            font.weight: row.header ? Font.Bold : Font.Normal
            color: Theme.maintText
            elide: Text.ElideRight
        }
        Text {
            width: row.unit * 1.8
            height: parent.height
            verticalAlignment: Text.AlignVCenter
            text: row.header ? qsTr("Started") : MaintTexts.time(row.txn.started_at)
            font.pixelSize: row.header ? 22 : 20
            font.family: Theme.fontFamily
            font.weight: row.header ? Font.Bold : Font.Normal
            color: Theme.maintTextStrong
            wrapMode: Text.Wrap
            maximumLineCount: 2
        }
        Text {
            width: row.unit * 1.8
            height: parent.height
            verticalAlignment: Text.AlignVCenter
            text: row.header ? qsTr("Finished") : MaintTexts.time(row.txn.finished_at)
            font.pixelSize: row.header ? 22 : 20
            font.family: Theme.fontFamily
            font.weight: row.header ? Font.Bold : Font.Normal
            color: Theme.maintTextStrong
            wrapMode: Text.Wrap
            maximumLineCount: 2
        }
        Item {
            width: row.unit * 2.5
            height: parent.height
            Text {
                visible: row.header
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Outcome")
                font.pixelSize: 22
                font.family: Theme.fontFamily
                font.weight: Font.Bold
                color: Theme.maintTextStrong
            }
            MaintPill {
                visible: !row.header
                anchors.verticalCenter: parent.verticalCenter
                width: Math.min(implicitWidth, parent.width)
                height: 44
                text: MaintTexts.outcomeName(row.outcome)
                tone: MaintTexts.outcomeTone(row.outcome)
            }
        }
    }
}
