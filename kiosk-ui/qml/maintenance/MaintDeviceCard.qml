// One device on the Devices page: name, model and link, state in colour, detail codes,
// counters, last error, the last self-test result, and its self-test / test-print buttons.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

MaintCard {
    id: card

    required property var device
    property var testResult: null     // {passed: bool, message: string} or null
    property bool testing: false
    property bool printing: false
    property bool canPrint: false
    property string printMessage: ""
    property bool printFailed: false

    readonly property string deviceId: String(card.device.device ?? card.device.id ?? "")
    readonly property var counters: card.device.counters ?? card.device.statistics ?? ({})
    readonly property var lastError: card.device.last_error ?? null
    readonly property var detailKeys: Object.keys(card.device.detail ?? {})
    readonly property var counterKeys: Object.keys(card.counters)

    signal selftestRequested()
    signal testPrintRequested()

    objectName: "device_" + card.deviceId
    spacing: 14

    MaintText {
        id: words
    }

    RowLayout {
        width: parent.width
        spacing: 16
        Column {
            Layout.fillWidth: true
            spacing: 4
            Text {
                width: parent.width
                text: words.deviceName(card.deviceId)
                font.pixelSize: 32
                font.family: Theme.fontFamily
                font.weight: Font.Bold
                color: "#101828"
                elide: Text.ElideRight
            }
            Text {
                width: parent.width
                text: [card.device.model, card.device.transport].filter(s => !!s).join(" · ")
                font.pixelSize: 22
                font.family: Theme.fontFamily
                color: "#667085"
                elide: Text.ElideRight
            }
        }
        MaintPill {
            objectName: "device_state_" + card.deviceId
            text: words.stateName(String(card.device.state ?? ""))
            tone: words.stateTone(String(card.device.state ?? ""))
        }
    }

    Text {
        visible: text.length > 0
        width: parent.width
        text: String(card.device.message ?? "")
        wrapMode: Text.Wrap
        font.pixelSize: 24
        font.family: Theme.fontFamily
        color: "#475467"
    }

    Flow {
        visible: card.detailKeys.length > 0
        width: parent.width
        spacing: 10
        Repeater {
            model: card.detailKeys
            delegate: MaintPill {
                required property string modelData
                tone: "warn"
                text: modelData + ": " + String(card.device.detail[modelData])
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
                width: (card.width - 56 - 24) / 2
                text: modelData.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ")
                      + ": <b>" + String(card.counters[modelData]) + "</b>"
                textFormat: Text.StyledText
                font.pixelSize: 22
                font.family: Theme.fontFamily
                color: "#344054"
                elide: Text.ElideRight
            }
        }
    }

    Text {
        visible: words.errorBrief(card.lastError).length > 0
        width: parent.width
        text: qsTr("Last error: %1").arg(words.errorBrief(card.lastError))
        wrapMode: Text.Wrap
        font.pixelSize: 22
        font.family: Theme.fontFamily
        color: "#912018"
    }

    MaintBanner {
        objectName: "selftest_result_" + card.deviceId
        width: parent.width
        error: card.testResult !== null && !card.testResult.passed
        text: card.testResult === null ? ""
            : card.testResult.passed ? qsTr("Self-test passed. %1").arg(card.testResult.message)
                                     : qsTr("Self-test failed: %1").arg(card.testResult.message)
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
