// EndedScreenForm: layout of every "the session ended early" screen: what happened (title,
// explanation, the not-eligible reasons), what the citizen can do next, what happened to the
// fee with the transaction reference (and the receipt QR when one printed), and Finish.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    property ScreenModel model
    readonly property string code: model ? model.errorCode : ""
    readonly property string reason: model ? model.errorReason : ""
    readonly property var reasons: model && model.data && model.data.reasons ? model.data.reasons : []
    property alias finishButton: finish

    title: Texts.errorTitle(code)
    subtitle: Texts.errorExplanation(code, reason)
    iconName: Texts.errorIcon(code)
    iconColor: code === "cancelled" || code === "walked_away" ? Theme.info : Theme.warning
    bodySpacing: Theme.spacingSmall * 1.5

    // Portrait: one column. Landscape: side by side (reasons | next steps | fee), so the page
    // fits the shorter screen.
    GridLayout {
        columns: Theme.landscape ? 3 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacingSmall * 1.5
        Layout.fillWidth: true

        InfoCard {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 100
            objectName: "not_eligible_reasons"
            visible: form.code === "not_eligible"
            accent: Theme.warning
            Repeater {
                model: form.reasons
                delegate: KioskText {
                    required property var modelData
                    text: "• " + Texts.notEligibleReason(String(modelData))
                    Layout.fillWidth: true
                }
            }
        }

        InfoCard {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 100
            objectName: "next_steps"
            KioskText { role: "heading"; text: qsTr("What you can do now"); Layout.fillWidth: true }
            Repeater {
                model: Texts.nextSteps(form.code)
                delegate: KioskText {
                    required property var modelData
                    text: "• " + modelData
                    Layout.fillWidth: true
                }
            }
        }

        OutcomeCard {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: 100
            outcome: form.model ? form.model.data : null
            qrBeside: true
        }
    }

    Item { Layout.fillHeight: true }

    footer: [
        Item { Layout.fillWidth: true; Layout.preferredWidth: 100 },
        KioskButton {
            id: finish
            objectName: "action_finish"
            kind: "primary"
            text: qsTr("Finish")
            visible: Actions.allowed(form.model, "finish")
            Layout.maximumWidth: 480
        }
    ]
}
