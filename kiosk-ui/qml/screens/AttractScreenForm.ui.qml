// AttractScreenForm: layout of the idle screen: a calm, slowly cycling presentation of the
// services (hero area) above one big tile per service (objectNames service_<service>).
import QtQuick
import QtQuick.Layouts
import Kiosk.Ui

Item {
    id: form

    property int highlighted: 0
    property alias renewalButton: renewal
    property alias replaceLostButton: replaceLost
    property alias replaceDamagedButton: replaceDamaged
    property alias queryButton: query
    property alias unavailableNote: unavailableNote
    readonly property var heroIcons: ["renew", "lost", "damaged", "query"]
    property var heroTexts: ["", "", "", ""]

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        anchors.topMargin: Theme.margin + (Theme.lowered ? Math.round(form.height * (Theme.landscape ? 0.12 : 0.25)) : 0)
        spacing: Theme.spacing

        KioskText {
            role: "title"
            text: qsTr("Welcome")
            Layout.fillWidth: true
        }
        KioskText {
            text: qsTr("Choose a service to begin. Choose your language at the top.")
            muted: true
            Layout.fillWidth: true
        }
        // Shown when a service cannot start (a device it needs is missing): its tile is greyed.
        KioskText {
            id: unavailableNote
            objectName: "services_unavailable_note"
            visible: false
            Layout.fillWidth: true
        }

        // Hero: the highlighted service, cross-fading every few seconds.
        Rectangle {
            id: hero
            objectName: "attract_hero"
            // Gone while a service is unavailable: it would advertise what cannot start, and
            // the note needs its room.
            visible: !Theme.lowered && !Theme.largeText && !unavailableNote.visible
            radius: Theme.radius
            color: Theme.surfaceAlt
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: heroRow.implicitHeight + 2 * Theme.spacing

            RowLayout {
                id: heroRow
                anchors.fill: parent
                anchors.margins: Theme.spacing * 1.5
                spacing: Theme.spacing * 1.5
                Rectangle {
                    Layout.preferredWidth: Theme.iconSize * (Theme.landscape ? 1.5 : 2.2)
                    Layout.preferredHeight: Theme.iconSize * (Theme.landscape ? 1.5 : 2.2)
                    radius: width / 2
                    color: Theme.surface
                    border.color: Theme.primary
                    border.width: Theme.strokeWidth
                    KioskIcon {
                        id: heroIcon
                        anchors.centerIn: parent
                        name: form.heroIcons[form.highlighted]
                        color: Theme.primary
                        size: Theme.iconSize * (Theme.landscape ? 0.9 : 1.3)
                    }
                }
                KioskText {
                    id: heroText
                    role: "heading"
                    text: form.heroTexts[form.highlighted]
                    Layout.fillWidth: true
                }
            }
        }

        Item {
            visible: !hero.visible
            Layout.fillHeight: true
        }

        GridLayout {
            columns: Theme.landscape ? 2 : 1
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            Layout.fillWidth: true

            KioskButton {
                id: renewal
                objectName: "service_renewal"
                iconName: "renew"
                kind: form.highlighted === 0 ? "primary" : "secondary"
                text: qsTr("Renew my licence")
                description: qsTr("Your licence expires soon or has expired")
            }
            KioskButton {
                id: replaceLost
                objectName: "service_replace_lost"
                iconName: "lost"
                kind: form.highlighted === 1 ? "primary" : "secondary"
                text: qsTr("Replace a lost licence")
                description: qsTr("Your card was lost or stolen")
            }
            KioskButton {
                id: replaceDamaged
                objectName: "service_replace_damaged"
                iconName: "damaged"
                kind: form.highlighted === 2 ? "primary" : "secondary"
                text: qsTr("Replace a damaged licence")
                description: qsTr("Bring the damaged card with you")
            }
            KioskButton {
                id: query
                objectName: "service_query"
                iconName: "query"
                kind: form.highlighted === 3 ? "primary" : "secondary"
                text: qsTr("Check my licence")
                description: qsTr("Classes, validity and points")
            }
        }
    }
}
