// ScreenScaffold: the page layout every citizen screen uses, so titles, bodies and buttons sit
// in the same place everywhere:
//   [step indicator]  [icon]  title / subtitle  |  body (default children)  |  footer buttons
// In the lowered layout (Theme.lowered) the whole page moves into the lower part of the screen
// (wheelchair reach): the icon is dropped and the page starts below a top spacer.
//   title: string        the screen's main prompt (Theme.titleSize)
//   subtitle: string     one explanatory paragraph under the title (optional)
//   iconName: string     KioskIcon shown above/beside the title (optional)
//   iconColor: color     its colour (default Theme.primary)
//   stepIndex: int       model.progressIndex (0: no step indicator)
//   stepTotal: int       model.progressTotal
//   default content      body items, in a ColumnLayout (use Layout.fillWidth / fillHeight)
//   footer: list<Item>   footer buttons in a RowLayout, left to right: cancel/secondary first,
//                        the primary action last (bottom-right)
//   bodySpacing: int     spacing in the body column (default Theme.spacing)
// When header and body do not fit (large text), they scroll (objectName page_scroller) above
// the fixed footer, with a progress bar hinting there is more below.
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

Item {
    id: page

    property string title
    property string subtitle
    property string iconName
    property color iconColor: Theme.primary
    property int stepIndex: 0
    property int stepTotal: 0
    property int bodySpacing: Theme.spacing
    default property alias content: body.data
    property alias footer: footerRow.data

    // Lowered layout: the page starts this far down (a third of a portrait screen).
    readonly property int loweredInset: Theme.lowered ? Math.round(height * (Theme.landscape ? 0.18 : 0.30)) : 0

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        anchors.topMargin: Theme.margin * 0.75 + page.loweredInset
        spacing: Theme.spacing

        // Header and body scroll together when they do not fit (large text); the footer
        // buttons always stay in place.
        Flickable {
            id: scroller
            objectName: "page_scroller"
            clip: true
            contentWidth: width
            contentHeight: column.height
            interactive: contentHeight > height + 1
            boundsBehavior: Flickable.StopAtBounds
            Layout.fillWidth: true
            Layout.fillHeight: true

            ColumnLayout {
                id: column
                width: scroller.width
                height: Math.max(scroller.height, implicitHeight)
                spacing: Theme.spacing

                StepIndicator {
                    index: page.stepIndex
                    total: page.stepTotal
                    Layout.fillWidth: true
                }

                RowLayout {
                    spacing: Theme.spacing
                    Layout.fillWidth: true
                    KioskIcon {
                        visible: page.iconName.length > 0 && !Theme.lowered
                        name: page.iconName
                        color: page.iconColor
                        size: Theme.iconSize
                        Layout.alignment: Qt.AlignTop
                    }
                    ColumnLayout {
                        spacing: Theme.spacingSmall
                        Layout.fillWidth: true
                        KioskText {
                            objectName: "screen_title"
                            role: "title"
                            text: page.title
                            Layout.fillWidth: true
                        }
                        KioskText {
                            visible: page.subtitle.length > 0
                            text: page.subtitle
                            muted: true
                            Layout.fillWidth: true
                        }
                    }
                }

                ColumnLayout {
                    id: body
                    spacing: page.bodySpacing
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                }
            }
        }

        // "More below" hint while the page scrolls.
        Rectangle {
            visible: scroller.interactive
            Layout.fillWidth: true
            Layout.preferredHeight: 6
            Layout.topMargin: -Theme.spacing + 4
            radius: 3
            color: Theme.border
            Rectangle {
                width: parent.width * scroller.visibleArea.heightRatio
                x: parent.width * scroller.visibleArea.yPosition
                height: parent.height
                radius: 3
                color: Theme.primary
            }
        }

        RowLayout {
            id: footerRow
            visible: children.length > 0
            spacing: Theme.spacing
            Layout.fillWidth: true
        }
    }
}
