// ScreenScaffold: the page layout every citizen screen uses, so titles, bodies and buttons sit
// in the same place everywhere:
//   [step indicator]  [icon]  title / subtitle  |  body (default children)  |  footer buttons
// In the lowered layout (Theme.lowered) the whole page moves into the lower part of the screen
// (wheelchair reach): the icon is dropped and the page starts below a top spacer. In large
// text the icon is dropped too, leaving the width to the words.
//   title: string        the screen's main prompt (Theme.titleSize); none when empty
//   subtitle: string     one explanatory paragraph under the title (optional)
//   iconName: string     KioskIcon shown above/beside the title (optional)
//   iconColor: color     its colour (default Theme.primary)
//   stepIndex: int       model.progressIndex (0: no step indicator)
//   stepTotal: int       model.progressTotal
//   default content      body items, in a ColumnLayout (use Layout.fillWidth / fillHeight)
//   footer: list<Item>   footer buttons in a RowLayout, left to right: cancel/secondary first,
//                        the primary action last (bottom-right)
//   bodySpacing: int     spacing in the body column (default Theme.spacing)
//   loweredShare: real   in the lowered layout, the share of the height left empty above the
//                        page (default 0.30 portrait, 0.18 landscape)
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

    // Lowered layout: the page starts this far down (a third of a portrait screen); a screen
    // with nothing to touch above its footer may start higher (loweredShare).
    property real loweredShare: Theme.landscape ? 0.18 : 0.30
    readonly property int loweredInset: Theme.lowered ? Math.round(height * page.loweredShare) : 0

    // Header and body scroll together when they do not fit (large text); the footer
    // buttons always stay in place.
    Flickable {
        id: scroller
        objectName: "page_scroller"
        clip: true
        x: Theme.margin
        y: Theme.margin * 0.75 + page.loweredInset
        width: page.width - 2 * Theme.margin
        height: footerRow.y - (footerRow.visible ? Theme.spacing : 0) - y
        contentWidth: width
        contentHeight: column.height
        interactive: contentHeight > height + 1
        boundsBehavior: Flickable.StopAtBounds

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
                spacing: headerIcon.shown ? Theme.spacing : 0
                Layout.fillWidth: true
                KioskIcon {
                    id: headerIcon
                    readonly property bool shown: page.iconName.length > 0 && !Theme.lowered && !Theme.largeText
                    visible: shown
                    name: page.iconName
                    color: page.iconColor
                    size: Theme.iconSize
                    // (Explicit sizes too: the row did not always give the space back when only
                    // the visibility changed.)
                    Layout.preferredWidth: shown ? Theme.iconSize : 0
                    Layout.preferredHeight: shown ? Theme.iconSize : 0
                    Layout.alignment: Qt.AlignTop
                }
                ColumnLayout {
                    spacing: Theme.spacingSmall
                    Layout.fillWidth: true
                    KioskText {
                        objectName: "screen_title"
                        visible: page.title.length > 0
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

    // Opaque margins above and below the scrolling part: whatever scrolls out of view stays
    // hidden behind them even where a renderer does not clip a drawing (Shapes in the software
    // renderer), and the footer sits on a clean background.
    Rectangle {
        z: 1
        width: page.width
        height: scroller.y
        color: Theme.background
    }
    Rectangle {
        z: 1
        y: scroller.y + scroller.height
        width: page.width
        height: page.height - y
        color: Theme.background
    }

    // "More below" hint while the page scrolls.
    Rectangle {
        z: 2
        visible: scroller.interactive
        x: scroller.x
        y: scroller.y + scroller.height + 4
        width: scroller.width
        height: 6
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
        z: 2
        visible: children.length > 0
        spacing: Theme.spacing
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        height: visible ? implicitHeight : 0
    }
}
