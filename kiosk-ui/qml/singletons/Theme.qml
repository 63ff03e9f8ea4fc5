// Theme: every colour, type size, spacing and touch size of the citizen UI. KioskShell sets the
// four mode switches; everything else is derived, so a screen never hard-codes a size or colour.
//
// Mode switches (read/write):
//   landscape: bool     1920x1080 layout (the shell sets it from its width > height)
//   largeText: bool     all type ~1.3x larger (accessibility toggle)
//   highContrast: bool  white/yellow on black, thicker outlines (accessibility toggle)
//   lowered: bool       content moved to the lower part of the screen (wheelchair reach)
// Type (px, already scaled for largeText): fontFamily, displaySize (countdown digits),
//   titleSize (>= 56 normal), headingSize, bodySize (>= 36 normal), smallSize, buttonTextSize
// Spacing (px): margin (screen edge), spacing (between blocks), spacingSmall, radius,
//   minTouch (smallest touch target: 88), buttonHeight (primary buttons), iconSize
// Colours: background, surface, surfaceAlt, border, text, textMuted, primary, primaryPressed,
//   primaryInk, secondary (outlined buttons' ink), danger, dangerInk, warning, success, info,
//   topBar, topBarInk, overlay, focus, strokeWidth (icon/outline thickness)
// Technician screens (maintenance shell and pages; calm office colours, not affected by the
// citizen's accessibility modes): maintBackground, maintHeader, maintHeaderInk,
//   maintHeaderMuted, maintSurface, maintSurfaceAlt, maintRowAlt, maintBorder, maintDivider,
//   maintText, maintTextStrong, maintTextMuted, maintTextFaint, maintPlaceholder, maintPrimary,
//   maintPrimaryPressed, maintDanger, maintDangerPressed, maintButtonInk, maintButtonBorder,
//   maintButtonPressed, maintDisabled, maintErrorBackground, maintErrorBorder, maintErrorInk,
//   maintOkBackground, maintOkBorder, maintOkInk;
//   maintTone(tone), maintToneInk(tone): a status pill's fill and ink for tone
//   good | warn | bad | info | neutral.
pragma Singleton
import QtQuick

QtObject {
    id: theme

    property bool landscape: false
    property bool largeText: false
    property bool highContrast: false
    property bool lowered: false

    readonly property real textScale: largeText ? 1.3 : 1.0

    readonly property string fontFamily: "Noto Sans CJK SC"
    readonly property int displaySize: Math.round(180 * textScale)
    // Titles are big already: they grow less than body text in large-text mode.
    readonly property int titleSize: Math.round(60 * (largeText ? 1.15 : 1.0))
    readonly property int headingSize: Math.round(46 * (largeText ? 1.2 : 1.0))
    readonly property int bodySize: Math.round(38 * textScale)
    readonly property int smallSize: Math.round(32 * textScale)
    readonly property int buttonTextSize: Math.round(40 * textScale)

    readonly property int margin: landscape ? 72 : 60
    readonly property int spacing: 32
    readonly property int spacingSmall: 16
    readonly property int radius: 24
    readonly property int minTouch: 88
    readonly property int buttonHeight: Math.max(minTouch, Math.round(112 * Math.min(textScale, 1.15)))
    readonly property int iconSize: 96
    readonly property real strokeWidth: highContrast ? 4 : 3

    readonly property color background: highContrast ? "#000000" : "#F4F6F9"
    readonly property color surface: highContrast ? "#000000" : "#FFFFFF"
    readonly property color surfaceAlt: highContrast ? "#1A1A1A" : "#E8EEF6"
    readonly property color border: highContrast ? "#FFFFFF" : "#CBD5E1"
    readonly property color text: highContrast ? "#FFFFFF" : "#15233B"
    readonly property color textMuted: highContrast ? "#FFFFFF" : "#4A5A72"
    readonly property color primary: highContrast ? "#FFE600" : "#1D4E9E"
    readonly property color primaryPressed: highContrast ? "#C8B400" : "#153A78"
    readonly property color primaryInk: highContrast ? "#000000" : "#FFFFFF"
    readonly property color secondary: highContrast ? "#FFFFFF" : "#1D4E9E"
    readonly property color danger: highContrast ? "#FF8A80" : "#B3261E"
    readonly property color dangerInk: highContrast ? "#000000" : "#FFFFFF"
    readonly property color warning: highContrast ? "#FFE600" : "#B45309"
    readonly property color success: highContrast ? "#7CFF7C" : "#17803D"
    readonly property color info: highContrast ? "#80D8FF" : "#1D4E9E"
    readonly property color topBar: highContrast ? "#000000" : "#12305F"
    readonly property color topBarInk: highContrast ? "#FFE600" : "#FFFFFF"
    readonly property color overlay: highContrast ? "#E6000000" : "#B312203A"
    readonly property color focus: highContrast ? "#FFE600" : "#2F6FD6"

    readonly property color maintBackground: "#EEF1F5"
    readonly property color maintHeader: "#12305F"
    readonly property color maintHeaderInk: "#FFFFFF"
    readonly property color maintHeaderMuted: "#B2C3D9"
    readonly property color maintSurface: "#FFFFFF"
    readonly property color maintSurfaceAlt: "#F2F4F7"
    readonly property color maintRowAlt: "#FAFBFC"
    readonly property color maintBorder: "#D0D5DD"
    readonly property color maintDivider: "#EAECF0"
    readonly property color maintText: "#101828"
    readonly property color maintTextStrong: "#344054"
    readonly property color maintTextMuted: "#475467"
    readonly property color maintTextFaint: "#667085"
    readonly property color maintPlaceholder: "#98A2B3"
    readonly property color maintPrimary: "#1D4E9E"
    readonly property color maintPrimaryPressed: "#153A78"
    readonly property color maintDanger: "#B42318"
    readonly property color maintDangerPressed: "#8E1B1B"
    readonly property color maintButtonInk: "#1D2939"
    readonly property color maintButtonBorder: "#9AA8B8"
    readonly property color maintButtonPressed: "#D5DCE4"
    readonly property color maintDisabled: "#E3E7EC"
    readonly property color maintErrorBackground: "#FEF3F2"
    readonly property color maintErrorBorder: "#F04438"
    readonly property color maintErrorInk: "#912018"
    readonly property color maintOkBackground: "#ECFDF3"
    readonly property color maintOkBorder: "#32D583"
    readonly property color maintOkInk: "#05603A"

    function maintTone(tone: string): color {
        switch (tone) {
        case "good": return "#DDF3E4";
        case "warn": return "#FEF0C7";
        case "bad": return "#FEE4E2";
        case "info": return "#D9E8FB";
        }
        return "#EAECF0";
    }

    function maintToneInk(tone: string): color {
        switch (tone) {
        case "good": return theme.maintOkInk;
        case "warn": return "#93370D";
        case "bad": return theme.maintErrorInk;
        case "info": return theme.maintPrimaryPressed;
        }
        return theme.maintTextStrong;
    }
}
