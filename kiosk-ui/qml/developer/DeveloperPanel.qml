// The developer panel: a second top-level window beside the kiosk window, shown by Main.qml
// only in simulation (LocalApi.simulation). It acts on the emulated devices the way a person
// would act on real hardware — place or remove an ID card, present a payment code, take the
// printed card, inject or clear device faults — through the `emulator.*` methods of the local
// API, and shows the current screen and the kiosk's status. It holds no state worth keeping.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Window
import Kiosk.Ui

Window {
    id: panel

    // Duck-typed API (LocalApi or a test fake): call(method, params, callback), status, screen.
    property var api: LocalApi
    // The kiosk window, to open beside it (optional).
    property var kioskWindow: null

    property var citizens: []
    property string selectedCitizen: ""
    property string paymentCode: ""
    property string faultDevice: "card_printer"
    property string lastMessage: ""
    property bool lastFailed: false

    // Which emulated device takes which fault (drivers/emu/common/faults.hpp; conditions are
    // persistent until cleared, link faults apply once to the next reply).
    readonly property var faultsByDevice: ({
        card_printer: ["jam", "ribbon_out", "feeder_empty", "cover_open", "unplug", "no_answer", "garbage"],
        receipt_printer: ["paper_out", "paper_near_end", "cover_open", "jam", "unplug", "no_answer", "garbage"],
        id_reader: ["unplug", "no_answer", "garbage", "bad_checksum"],
        camera: ["unplug", "no_answer", "garbage"],
        payment_scanner: ["unplug", "no_answer", "garbage"]
    })
    readonly property var faultDevices: ["card_printer", "receipt_printer", "id_reader", "camera", "payment_scanner"]
    readonly property var kioskStatus: panel.api && panel.api.status ? panel.api.status : ({})
    readonly property string screenName: panel.api && panel.api.screen ? String(panel.api.screen.name) : ""

    function run(method: string, params: var, done: string) {
        panel.api.call(method, params, function (result, error) {
            panel.lastFailed = !!error;
            panel.lastMessage = error ? qsTr("%1 failed: %2").arg(method).arg(error.reason) : done;
        });
    }

    function loadCitizens() {
        panel.api.call("emulator.citizens", {}, function (result, error) {
            if (error) {
                panel.lastFailed = true;
                panel.lastMessage = qsTr("emulator.citizens failed: %1").arg(error.reason);
                return;
            }
            panel.citizens = result.citizens ?? [];
            if (panel.selectedCitizen.length === 0 && panel.citizens.length > 0)
                panel.selectedCitizen = String(panel.citizens[0].id_number);
        });
    }

    visible: true
    width: 520
    height: kioskWindow ? kioskWindow.height : 1920
    x: kioskWindow ? kioskWindow.x + kioskWindow.width + 8 : 0
    y: kioskWindow ? kioskWindow.y : 0
    title: qsTr("Kiosk24 developer panel (simulation)")
    color: Theme.maintBackground

    Component.onCompleted: panel.loadCitizens()

    // Closing the kiosk window ends the demo: the panel closes with it, so the application
    // (quitOnLastWindowClosed) quits and scripts/demo stops the servers.
    Connections {
        target: panel.kioskWindow
        ignoreUnknownSignals: true
        function onClosing() {
            panel.close();
        }
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.maintBackground
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 48
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        Column {
            id: column
            x: 20
            y: 20
            width: panel.width - 40
            spacing: 18

            Text {
                width: parent.width
                text: qsTr("Developer panel")
                font.pixelSize: 32
                font.family: Theme.fontFamily
                font.weight: Font.Bold
                color: Theme.maintText
            }
            Text {
                width: parent.width
                text: qsTr("Simulation only: acts on the emulated devices.")
                font.pixelSize: 20
                font.family: Theme.fontFamily
                color: Theme.maintTextMuted
                wrapMode: Text.Wrap
            }

            MaintCard {
                width: parent.width
                title: qsTr("Kiosk")
                spacing: 0
                MaintInfoRow {
                    objectName: "dev_screen"
                    width: parent.width
                    label: qsTr("Screen")
                    value: panel.screenName.length > 0 ? panel.screenName : "—"
                    tone: "info"
                }
                MaintInfoRow {
                    width: parent.width
                    label: qsTr("State")
                    value: String(panel.kioskStatus.state ?? "—")
                    tone: panel.kioskStatus.state === "ready" || panel.kioskStatus.state === "in_session" ? "good"
                        : panel.kioskStatus.state === undefined ? "neutral" : "warn"
                }
                MaintInfoRow {
                    width: parent.width
                    label: qsTr("Cards left")
                    value: panel.kioskStatus.stock ? String(panel.kioskStatus.stock.remaining) : "—"
                }
                MaintInfoRow {
                    width: parent.width
                    label: qsTr("Outbox")
                    value: panel.kioskStatus.outbox_depth === undefined ? "—" : String(panel.kioskStatus.outbox_depth)
                }
                MaintInfoRow {
                    width: parent.width
                    label: qsTr("Central")
                    value: panel.kioskStatus.central ? String(panel.kioskStatus.central.circuit) : "—"
                    tone: panel.kioskStatus.central ? (panel.kioskStatus.central.reachable ? "good" : "bad") : "neutral"
                }
            }

            MaintBanner {
                objectName: "dev_message"
                width: parent.width
                text: panel.lastMessage
                error: panel.lastFailed
            }

            MaintCard {
                width: parent.width
                title: qsTr("ID card")
                spacing: 12
                Repeater {
                    model: panel.citizens
                    delegate: Rectangle {
                        id: citizenRow
                        required property var modelData
                        readonly property string idNumber: String(modelData.id_number)
                        readonly property bool selected: panel.selectedCitizen === idNumber
                        width: parent.width
                        height: Math.max(Theme.minTouch, citizenText.implicitHeight + 20)
                        radius: 10
                        color: selected ? Theme.maintTone("info") : Theme.maintRowAlt
                        border.color: selected ? Theme.maintPrimary : Theme.maintBorder
                        border.width: selected ? 3 : 1
                        Text {
                            id: citizenText
                            x: 16
                            width: parent.width - 32
                            anchors.verticalCenter: parent.verticalCenter
                            text: "<b>" + String(citizenRow.modelData.name ?? citizenRow.modelData.label ?? "")
                                  + "</b>" + (citizenRow.modelData.scenario ? "  ·  " + citizenRow.modelData.scenario : "")
                                  + "<br><font color='#667085'>" + citizenRow.idNumber + "</font>"
                            textFormat: Text.StyledText
                            color: Theme.maintText
                            font.pixelSize: 22
                            font.family: Theme.fontFamily
                            elide: Text.ElideRight
                        }
                        TapHandler {
                            onTapped: panel.selectedCitizen = citizenRow.idNumber
                        }
                    }
                }
                GridLayout {
                    width: parent.width
                    columns: 2
                    columnSpacing: 12
                    rowSpacing: 12
                    DevButton {
                        objectName: "dev_place_id"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        kind: "primary"
                        text: qsTr("Place card")
                        enabled: panel.selectedCitizen.length > 0
                        onClicked: panel.run("emulator.place_id_card", {id_number: panel.selectedCitizen}, qsTr("ID card placed."))
                    }
                    DevButton {
                        objectName: "dev_remove_id"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: qsTr("Remove card")
                        onClicked: panel.run("emulator.remove_id_card", {}, qsTr("ID card removed."))
                    }
                }
            }

            MaintCard {
                width: parent.width
                title: qsTr("Payment code")
                spacing: 12
                GridLayout {
                    width: parent.width
                    columns: 2
                    columnSpacing: 12
                    rowSpacing: 12
                    DevButton {
                        objectName: "dev_pay_alipay"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: qsTr("Alipay")
                        onClicked: panel.run("emulator.present_payment_code", {wallet: "alipay"}, qsTr("Alipay code presented."))
                    }
                    DevButton {
                        objectName: "dev_pay_wechat"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        text: qsTr("WeChat Pay")
                        onClicked: panel.run("emulator.present_payment_code", {wallet: "wechat"}, qsTr("WeChat Pay code presented."))
                    }
                }
                Rectangle {
                    width: parent.width
                    height: 64
                    radius: 10
                    color: Theme.maintSurface
                    border.color: Theme.maintPlaceholder
                    border.width: 2
                    Text {
                        objectName: "dev_code"
                        anchors.fill: parent
                        anchors.leftMargin: 16
                        verticalAlignment: Text.AlignVCenter
                        text: panel.paymentCode.length > 0 ? panel.paymentCode : qsTr("Type a code (18 digits)")
                        color: panel.paymentCode.length > 0 ? Theme.maintText : Theme.maintPlaceholder
                        font.pixelSize: 26
                        font.family: "monospace"
                    }
                }
                Grid {
                    id: keypad
                    width: parent.width
                    columns: 4
                    spacing: 8
                    Repeater {
                        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "⌫", "C"]
                        delegate: DevButton {
                            required property string modelData
                            objectName: "dev_key_" + modelData
                            width: (keypad.width - (keypad.columns - 1) * keypad.spacing) / keypad.columns
                            text: modelData
                            onClicked: {
                                if (modelData === "⌫")
                                    panel.paymentCode = panel.paymentCode.slice(0, -1);
                                else if (modelData === "C")
                                    panel.paymentCode = "";
                                else if (panel.paymentCode.length < 32)
                                    panel.paymentCode += modelData;
                            }
                        }
                    }
                }
                DevButton {
                    objectName: "dev_present_code"
                    width: parent.width
                    text: qsTr("Present typed code")
                    enabled: panel.paymentCode.length > 0
                    onClicked: panel.run("emulator.present_payment_code", {code: panel.paymentCode}, qsTr("Payment code presented."))
                }
            }

            MaintCard {
                width: parent.width
                title: qsTr("Card dispenser")
                DevButton {
                    objectName: "dev_take_card"
                    width: parent.width
                    kind: "primary"
                    text: qsTr("Take card")
                    onClicked: panel.run("emulator.take_card", {}, qsTr("Card taken."))
                }
            }

            MaintCard {
                width: parent.width
                title: qsTr("Faults")
                spacing: 12
                Flow {
                    width: parent.width
                    spacing: 8
                    Repeater {
                        model: panel.faultDevices
                        delegate: DevButton {
                            required property string modelData
                            objectName: "dev_fault_device_" + modelData
                            kind: panel.faultDevice === modelData ? "primary" : "secondary"
                            text: MaintTexts.deviceName(modelData)
                            onClicked: panel.faultDevice = modelData
                        }
                    }
                }
                Flow {
                    width: parent.width
                    spacing: 8
                    Repeater {
                        model: panel.faultsByDevice[panel.faultDevice] ?? []
                        delegate: DevButton {
                            required property string modelData
                            objectName: "dev_fault_" + modelData
                            kind: "danger"
                            text: modelData
                            onClicked: panel.run("emulator.inject_fault", {device: panel.faultDevice, fault: modelData},
                                                 qsTr("Fault %1 injected into %2.").arg(modelData).arg(panel.faultDevice))
                        }
                    }
                }
                DevButton {
                    objectName: "dev_clear_faults"
                    width: parent.width
                    text: qsTr("Clear faults of %1").arg(MaintTexts.deviceName(panel.faultDevice))
                    onClicked: panel.run("emulator.clear_faults", {device: panel.faultDevice},
                                         qsTr("Faults of %1 cleared.").arg(panel.faultDevice))
                }
            }

            DevButton {
                width: parent.width
                text: qsTr("Reload citizens")
                onClicked: panel.loadCitizens()
            }
        }
    }
}
