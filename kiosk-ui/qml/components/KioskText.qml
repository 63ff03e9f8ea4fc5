// KioskText: every text of the citizen UI, sized and coloured by Theme. Never elides: it wraps
// (the layout check fails on elided or clipped text), so give it a width (Layout.fillWidth).
//   role: string   "title" | "heading" | "body" (default) | "small" | "display" (huge digits)
//   muted: bool    secondary ink (Theme.textMuted)
// Everything else is a plain Text (text, color, horizontalAlignment, ...).
import QtQuick
import Kiosk.Ui

Text {
    id: label

    property string role: "body"
    property bool muted: false

    color: muted ? Theme.textMuted : Theme.text
    font.family: Theme.fontFamily
    font.pixelSize: role === "title" ? Theme.titleSize
                  : role === "heading" ? Theme.headingSize
                  : role === "small" ? Theme.smallSize
                  : role === "display" ? Theme.displaySize
                  : Theme.bodySize
    font.weight: role === "title" || role === "heading" || role === "display" ? Font.DemiBold : Font.Normal
    lineHeight: role === "body" || role === "small" ? 1.2 : 1.1
    wrapMode: Text.Wrap
    elide: Text.ElideNone
    textFormat: Text.PlainText
}
