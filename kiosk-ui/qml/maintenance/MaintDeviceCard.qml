// One device on the Devices page: name, model and link, state in colour, status details as
// pills coloured by severity, counters by name, the last error in words (the raw codes only
// when there are no words for them), the last self-test result, and its self-test /
// test-print buttons. Every word is the technician's language (MaintTexts).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

MaintCard {
    id: card

    required property var device
    property var testResult: null     // {passed: bool, text: string} or null
    property bool testing: false
    property bool printing: false
    property bool canPrint: false
    property string printMessage: ""
    property bool printFailed: false

    readonly property string deviceId: String(card.device.device ?? card.device.id ?? "")
    readonly property var counters: card.device.counters ?? card.device.statistics ?? ({})
    readonly property var lastError: MaintTexts.lastError(card.device.last_error ?? null)
    readonly property var detailKeys: Object.keys(card.device.detail ?? {})
    readonly property var counterKeys: Object.keys(card.counters)

    signal selftestRequested()
    signal testPrintRequested()

    objectName: "device_" + card.deviceId
    spacing: 14

    RowLayout {
        width: parent.width
        spacing: 16
        Column {
            Layout.fillWidth: true
            spacing: 4
            Text {
                width: parent.width
                text: MaintTexts.deviceName(card.deviceId)
                font.pixelSize: 32
                font.family: Theme.fontFamily
                font.weight: Font.Bold
                color: Theme.maintText
                elide: Text.ElideRight
            }
            Text {
                width: parent.width
                text: [card.device.model, card.device.transport].filter(s => !!s).join(" · ")
                font.pixelSize: 22
                font.family: Theme.fontFamily
                color: Theme.maintTextFaint
                elide: Text.ElideRight
            }
        }
        MaintPill {
            objectName: "device_state_" + card.deviceId
            text: MaintTexts.stateName(String(card.device.state ?? ""))
            tone: MaintTexts.stateTone(String(card.device.state ?? ""))
        }
    }

    // The driver's own note (English, for the technician): secondary detail only.
    Text {
        objectName: "device_message_" + card.deviceId
        visible: text.length > 0
        width: parent.width
        text: String(card.device.message ?? "")
        wrapMode: Text.Wrap
        font.pixelSize: 20
        font.family: "monospace"
        color: Theme.maintTextFaint
    }

    Flow {
        visible: card.detailKeys.length > 0
        width: parent.width
        spacing: 10
        Repeater {
            model: card.detailKeys
            delegate: MaintPill {
                required property string modelData
                readonly property string value: String(card.device.detail[modelData])
                objectName: "detail_" + card.deviceId + "_" + modelData
                tone: MaintTexts.detailTone(modelData, value)
                text: MaintTexts.detailPill(modelData, value)
            }
        }
    }

    Grid {
        visible: card.counterKeys.length > 0
        width: parent.width
        columns: 2
        columnSpacing: 24
        rowSpacing: 6
        Repeater {
            model: card.counterKeys
            delegate: Text {
                required property string modelData
                objectName: "counter_" + card.deviceId + "_" + modelData
                width: (card.width - 56 - 24) / 2
                text: MaintTexts.labelled(MaintTexts.counterName(modelData), "<b>" + String(card.counters[modelData]) + "</b>")
                textFormat: Text.StyledText
                font.pixelSize: 22
                font.family: Theme.fontFamily
                color: Theme.maintTextStrong
                elide: Text.ElideRight
            }
        }
    }

    Text {
        objectName: "last_error_" + card.deviceId
        visible: card.lastError.text.length > 0
        width: parent.width
        text: qsTr("Last error: %1").arg(card.lastError.text)
        wrapMode: Text.Wrap
        font.pixelSize: 22
        font.family: Theme.fontFamily
        color: Theme.maintErrorInk
    }
    Text {
        objectName: "last_error_detail_" + card.deviceId
        visible: card.lastError.detail.length > 0
        width: parent.width
        text: card.lastError.detail
        wrapMode: Text.Wrap
        font.pixelSize: 20
        font.family: "monospace"
        color: Theme.maintTextFaint
    }

    MaintBanner {
        objectName: "selftest_result_" + card.deviceId
        width: parent.width
        error: card.testResult !== null && !card.testResult.passed
        text: card.testResult === null ? "" : card.testResult.text
    }
    MaintBanner {
        width: parent.width
        error: card.printFailed
        text: card.printMessage
    }

    Flow {
        width: parent.width
        spacing: 16
        MaintButton {
            objectName: "selftest_" + card.deviceId
            text: qsTr("Self-test")
            busy: card.testing
            onClicked: card.selftestRequested()
        }
        MaintButton {
            objectName: "test_print_" + card.deviceId
            visible: card.canPrint
            text: card.deviceId === "card_printer" ? qsTr("Test print card") : qsTr("Test print receipt")
            busy: card.printing
            onClicked: card.testPrintRequested()
        }
    }
}
