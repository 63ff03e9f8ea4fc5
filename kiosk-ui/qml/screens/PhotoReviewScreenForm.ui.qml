// PhotoReviewScreenForm: layout of the licence photo review (behaviour: PhotoReviewScreen.qml).
// The photo at licence proportions beside (landscape) or above (portrait) what to check, the
// quality problem and its hint when there is one, and retake / accept at the bottom.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

ScreenScaffold {
    id: form

    property var photo
    property string attemptText
    property bool problem: false
    property string problemTitle
    property string problemHint
    property bool lastTry: false
    property alias photoFrame: photoFrame
    property alias cancelButton: cancelButton
    property alias retakeButton: retakeButton
    property alias acceptButton: acceptButton

    iconName: form.problem ? "warning" : "camera"
    iconColor: form.problem ? Theme.warning : Theme.primary

    GridLayout {
        columns: Theme.landscape ? 2 : 1
        columnSpacing: Theme.spacing * 2
        rowSpacing: Theme.spacing
        Layout.fillWidth: true

        PassportPhoto {
            id: photoFrame
            objectName: "licence_photo"
            photo: form.photo
            photoHeight: Theme.landscape ? 400 : (Theme.largeText ? 480 : 560)
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
        }

        ColumnLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop

            KioskText {
                objectName: "photo_attempt"
                role: "small"
                muted: true
                text: form.attemptText
                Layout.fillWidth: true
            }

            InfoCard {
                visible: form.problem
                accent: Theme.warning
                KioskText {
                    objectName: "photo_problem"
                    role: "heading"
                    text: form.problemTitle
                    Layout.fillWidth: true
                }
                KioskText {
                    objectName: "photo_hint"
                    text: form.problemHint
                    Layout.fillWidth: true
                }
            }

            InfoCard {
                visible: !form.problem
                KioskText {
                    role: "heading"
                    text: qsTr("Please check")
                    Layout.fillWidth: true
                }
                Repeater {
                    model: [qsTr("Your whole face is visible and in focus"),
                            qsTr("Your eyes are open and you look at the camera"),
                            qsTr("No hat, sunglasses or strong shadows")]
                    RowLayout {
                        id: checkRow
                        required property string modelData
                        spacing: Theme.spacingSmall
                        Layout.fillWidth: true
                        KioskIcon {
                            name: "check"
                            color: Theme.success
                            size: Math.round(Theme.bodySize * 1.2)
                            Layout.alignment: Qt.AlignTop
                        }
                        KioskText {
                            text: checkRow.modelData
                            Layout.fillWidth: true
                        }
                    }
                }
            }

            KioskText {
                objectName: "photo_last_try"
                visible: form.lastTry
                muted: true
                text: form.problem ? qsTr("That was the last try. Please ask the staff for help.")
                                   : qsTr("This was your last try: please accept this photo to continue.")
                Layout.fillWidth: true
            }
        }
    }

    Item { Layout.fillHeight: true }

    footer: [
        KioskButton {
            id: cancelButton
            objectName: "action_cancel"
            text: qsTr("Cancel")
            Layout.fillWidth: false
            Layout.preferredWidth: implicitWidth
        },
        KioskButton {
            id: retakeButton
            objectName: "action_retake"
            iconName: "camera"
            text: qsTr("Retake")
            Layout.preferredWidth: 80
        },
        KioskButton {
            id: acceptButton
            objectName: "action_accept"
            kind: "primary"
            iconName: "check"
            text: qsTr("Use this photo")
            Layout.preferredWidth: 120
        }
    ]
}
