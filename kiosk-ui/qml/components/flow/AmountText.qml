// AmountText: a sum of money in yuan from kioskd's integer fen ("¥10.00"). Fen are exact
// integers on the wire; only the display divides.
//   fen: real   amount in fen (1 yuan = 100 fen); negative or missing shows ¥0.00
import QtQuick
import Kiosk.Ui

KioskText {
    id: amount

    property real fen: 0

    // "¥" + yuan with two decimals, e.g. 1000 -> "¥10.00", 2550 -> "¥25.50".
    function format(value: real): string {
        const f = isFinite(value) && value > 0 ? Math.round(value) : 0;
        const yuan = Math.floor(f / 100);
        const cents = f % 100;
        return "¥" + yuan + "." + (cents < 10 ? "0" : "") + cents;
    }

    role: "title"
    text: amount.format(amount.fen)
    Accessible.name: amount.text
}
