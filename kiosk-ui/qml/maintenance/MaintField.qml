// A labelled text field for the technician: typed on the Qt Virtual Keyboard (Latin and
// digits); `hints` are the input method hints (digits only, hidden password, ...).
import QtQuick
import QtQuick.Controls.Basic
import Kiosk.Ui

Column {
    id: root

    property alias label: caption.text
    property alias text: field.text
    property alias placeholder: field.placeholderText
    property alias echoMode: field.echoMode
    property alias hints: field.inputMethodHints
    property alias input: field
    property string fieldName: ""

    signal accepted()

    // The nearest scrolling ancestor (a page's Flickable), found once the field is placed.
    property var scroller: null

    // Keeps the focused field in view above the virtual keyboard: the page scrolls to it when
    // it takes focus and again when the keyboard opening makes the page lower.
    function reveal() {
        if (!field.activeFocus || !root.scroller)
            return;
        const flick = root.scroller;
        const margin = 24;
        const top = root.mapToItem(flick.contentItem, 0, 0).y;
        const bottom = top + root.height;
        if (top - margin < flick.contentY)
            flick.contentY = Math.max(0, top - margin);
        else if (bottom + margin > flick.contentY + flick.height)
            flick.contentY = Math.min(Math.max(0, flick.contentHeight - flick.height),
                                      bottom + margin - flick.height);
    }

    spacing: 8

    Component.onCompleted: {
        let item = root.parent;
        while (item && item.contentY === undefined)
            item = item.parent;
        root.scroller = item ?? null;
    }

    Connections {
        target: root.scroller
        ignoreUnknownSignals: true
        function onHeightChanged() {
            root.reveal();
        }
    }

    Text {
        id: caption
        font.pixelSize: 24
        font.family: Theme.fontFamily
        font.weight: Font.DemiBold
        color: Theme.maintTextStrong
    }

    TextField {
        id: field
        objectName: root.fieldName
        width: root.width
        height: Theme.minTouch
        font.pixelSize: 30
        font.family: Theme.fontFamily
        color: Theme.maintText
        placeholderTextColor: Theme.maintPlaceholder
        leftPadding: 20
        rightPadding: 20
        verticalAlignment: TextInput.AlignVCenter
        onAccepted: root.accepted()
        onActiveFocusChanged: root.reveal()
        background: Rectangle {
            radius: 10
            color: Theme.maintSurface
            border.width: field.activeFocus ? 3 : 2
            border.color: field.activeFocus ? Theme.maintPrimary : Theme.maintPlaceholder
        }
    }
}
