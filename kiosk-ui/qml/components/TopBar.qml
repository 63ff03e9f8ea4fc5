// TopBar: the band on every citizen screen: the service's name, the language switch (中文 /
// English, objectNames language_zh / language_en) and the accessibility toggles (large text,
// high contrast, lowered layout; objectNames toggle_large_text, toggle_high_contrast,
// toggle_lowered) which flip Theme's switches directly. KioskShell decides what a language
// choice means (set_language in a session, the attract choice otherwise).
//   language: string                 the language shown as selected ("zh" | "en")
//   signal languageChosen(string lang)
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

Rectangle {
    id: bar

    property string language: "zh"
    signal languageChosen(string lang)

    implicitHeight: Theme.minTouch + 2 * Theme.spacingSmall + 8
    color: Theme.topBar

    Rectangle {
        visible: Theme.highContrast
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: 2
        color: Theme.topBarInk
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin / 2
        anchors.rightMargin: Theme.margin / 2
        spacing: Theme.spacingSmall

        Rectangle {
            Layout.preferredWidth: 64
            Layout.preferredHeight: 64
            radius: 32
            color: "transparent"
            border.color: Theme.topBarInk
            border.width: 3
            KioskIcon {
                anchors.centerIn: parent
                name: "card"
                size: 40
                color: Theme.topBarInk
            }
        }
        Text {
            text: qsTr("Driving licence self-service")
            color: Theme.topBarInk
            font.family: Theme.fontFamily
            font.pixelSize: Theme.landscape ? 34 : 30
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            maximumLineCount: 2
            Layout.fillWidth: true
        }

        Repeater {
            model: [{ "lang": "zh", "label": "中文" }, { "lang": "en", "label": "English" }]
            delegate: Rectangle {
                id: langButton
                required property var modelData
                readonly property bool selected: bar.language === modelData.lang
                objectName: "language_" + modelData.lang
                Layout.preferredHeight: Theme.minTouch
                Layout.preferredWidth: Math.max(Theme.minTouch * 1.6, langLabel.implicitWidth + 40)
                radius: Theme.radius / 2
                color: selected ? Theme.topBarInk : "transparent"
                border.color: Theme.topBarInk
                border.width: 2
                Accessible.role: Accessible.Button
                Accessible.name: modelData.label
                Text {
                    id: langLabel
                    anchors.centerIn: parent
                    text: langButton.modelData.label
                    color: langButton.selected ? Theme.topBar : Theme.topBarInk
                    font.family: Theme.fontFamily
                    font.pixelSize: 32
                    font.weight: Font.DemiBold
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: bar.languageChosen(langButton.modelData.lang)
                }
            }
        }

        Item { Layout.preferredWidth: Theme.spacingSmall }

        Repeater {
            model: [{ "key": "large_text", "icon": "text_size" },
                    { "key": "high_contrast", "icon": "contrast" },
                    { "key": "lowered", "icon": "wheelchair" }]
            delegate: Rectangle {
                id: toggle
                required property var modelData
                readonly property bool on: modelData.key === "large_text" ? Theme.largeText
                                         : modelData.key === "high_contrast" ? Theme.highContrast
                                         : Theme.lowered
                objectName: "toggle_" + modelData.key
                Layout.preferredHeight: Theme.minTouch
                Layout.preferredWidth: Theme.minTouch
                radius: Theme.radius / 2
                color: on ? Theme.topBarInk : "transparent"
                border.color: Theme.topBarInk
                border.width: 2
                Accessible.role: Accessible.CheckBox
                Accessible.checkable: true
                Accessible.checked: on
                Accessible.name: modelData.key === "large_text" ? qsTr("Large text")
                               : modelData.key === "high_contrast" ? qsTr("High contrast")
                               : qsTr("Lowered layout")
                KioskIcon {
                    anchors.centerIn: parent
                    name: toggle.modelData.icon
                    size: 56
                    color: toggle.on ? Theme.topBar : Theme.topBarInk
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: {
                        if (toggle.modelData.key === "large_text")
                            Theme.largeText = !Theme.largeText;
                        else if (toggle.modelData.key === "high_contrast")
                            Theme.highContrast = !Theme.highContrast;
                        else
                            Theme.lowered = !Theme.lowered;
                    }
                }
            }
        }
    }
}
