// FaceCaptureScreenForm: layout of the live camera screen: the mirrored preview with an oval
// face guide, the countdown (or "hold still"), tips, and cancel.
import QtQuick
import QtQuick.Layouts
import QtQuick.Shapes
import Kiosk.Ui

ScreenScaffold {
    id: form

    property ScreenModel model
    property var frame
    property int countdown: 0      // seconds left; 0: no countdown shown
    readonly property bool licencePhoto: model && model.data ? model.data.purpose === "licence_photo" : false
    property alias cancelButton: cancel
    property string statusText

    stepIndex: model ? model.progressIndex : 0
    stepTotal: model ? model.progressTotal : 0

    Rectangle {
        id: viewport
        // The camera's 4:3 frame fills the viewport; the leftover height goes below it.
        Layout.fillWidth: !Theme.landscape
        Layout.preferredWidth: Theme.landscape ? 520 : -1
        Layout.preferredHeight: Theme.landscape ? 390 : width * 3 / 4
        Layout.alignment: Qt.AlignHCenter
        radius: Theme.radius
        color: "#1E2A3A"
        clip: true

        FrameView {
            id: preview
            objectName: "face_preview"
            anchors.fill: parent
            mirrored: true
            cover: true
        }
        // (A Binding: qmllint has no type for FrameView.frame, a QImage.)
        Binding { target: preview; property: "frame"; value: form.frame; when: form.frame !== undefined }
        // Darkened surround with an oval window: the face guide.
        Shape {
            id: guide
            anchors.fill: parent
            readonly property real ovalW: Math.min(width * 0.55, height * 0.48)
            readonly property real ovalH: ovalW * 1.3
            readonly property real cx: width / 2
            readonly property real cy: height * 0.46
            ShapePath {
                fillRule: ShapePath.OddEvenFill
                fillColor: "#8C0B1524"
                strokeColor: "transparent"
                PathSvg {
                    path: "M 0 0 H " + guide.width + " V " + guide.height + " H 0 Z "
                          + "M " + (guide.cx - guide.ovalW / 2) + " " + guide.cy
                          + " A " + guide.ovalW / 2 + " " + guide.ovalH / 2 + " 0 1 1 " + (guide.cx + guide.ovalW / 2) + " " + guide.cy
                          + " A " + guide.ovalW / 2 + " " + guide.ovalH / 2 + " 0 1 1 " + (guide.cx - guide.ovalW / 2) + " " + guide.cy + " Z"
                }
            }
            ShapePath {
                fillColor: "transparent"
                strokeColor: "#FFFFFF"
                strokeWidth: 6
                strokeStyle: ShapePath.DashLine
                dashPattern: [3, 2]
                PathSvg {
                    path: "M " + (guide.cx - guide.ovalW / 2) + " " + guide.cy
                          + " A " + guide.ovalW / 2 + " " + guide.ovalH / 2 + " 0 1 1 " + (guide.cx + guide.ovalW / 2) + " " + guide.cy
                          + " A " + guide.ovalW / 2 + " " + guide.ovalH / 2 + " 0 1 1 " + (guide.cx - guide.ovalW / 2) + " " + guide.cy + " Z"
                }
            }
        }
        Rectangle {
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: parent.bottom
            anchors.bottomMargin: Theme.spacing
            width: Math.min(parent.width - 2 * Theme.spacing, status.implicitWidth + 2 * Theme.spacing)
            height: status.implicitHeight + Theme.spacing
            radius: height / 2
            color: "#CC0B1524"
            Text {
                id: status
                objectName: "face_status"
                anchors.centerIn: parent
                width: Math.min(implicitWidth, parent.parent.width - 4 * Theme.spacing)
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: "#FFFFFF"
                font.family: Theme.fontFamily
                font.pixelSize: form.countdown > 0 ? Theme.titleSize : Theme.headingSize
                font.weight: Font.DemiBold
                text: form.statusText
            }
        }
    }

    KioskText {
        visible: form.licencePhoto
        text: qsTr("Please remove glasses and hats. Keep your ears and eyebrows visible.")
        muted: true
        Layout.fillWidth: true
    }

    Item { Layout.fillHeight: true }

    footer: [
        KioskButton {
            id: cancel
            objectName: "action_cancel"
            text: qsTr("Cancel")
            visible: Actions.allowed(form.model, "cancel")
            Layout.maximumWidth: 420
        },
        Item { Layout.fillWidth: true; Layout.preferredWidth: 100 }
    ]
}
