import QtQuick
import QtTest
import Kiosk.Ui
import KioskTest

// Every error code of docs/screen-model.md "Errors on ended" has its own title, says what to do
// next and (from kioskd's data.money) what happened to the fee, with the transaction reference;
// finish is always offered.
TestCase {
    name: "ended"
    when: windowShown
    visible: true
    width: 1080
    height: 1920

    ShellHarness { id: h }

    function english(fixture) {
        const m = Fixtures.load(fixture);
        verify(m.screen !== undefined, fixture);
        m.language = "en";
        h.screenModel.load(m);
        h.actSpy.clear();
        return h.shell.currentScreen;
    }

    function moneyNote(screen) {
        return findChild(screen, "money_note_text").text;
    }

    readonly property var codes: ["cancelled", "walked_away", "id_card_swapped", "id_card_unreadable",
        "central_unavailable", "face_mismatch", "face_check_failed", "not_eligible", "photo_failed",
        "payment_failed", "payment_declined", "payment_unresolved", "issuance_refused",
        "out_of_service", "card_failed", "card_retained", "device_failure", "journal_unavailable",
        "shutdown"]

    function test_every_error_code_has_its_own_title_next_steps_and_finish() {
        const titles = {};
        for (const code of codes) {
            const screen = english("ended-" + code);
            compare(screen.objectName, "screen_ended");
            verify(screen.title !== "The service stopped", code + " has a specific title");
            verify(titles[screen.title] === undefined, code + " title is unique: " + screen.title);
            titles[screen.title] = code;
            verify(screen.subtitle.length > 0, code + " explains what happened");
            verify(findChild(screen, "next_steps").visible, code);
            verify(moneyNote(screen).length > 0, code + " says what happened to the fee");
            compare(findChild(screen, "transaction_reference").text, "3F2A-9C01", code);
            const finish = findChild(screen, "action_finish");
            verify(finish.visible, code);
            mouseClick(finish);
            compare(h.actSpy.count, 1, code);
            compare(h.actSpy.signalArguments[0][0], "finish");
        }
    }

    function test_an_unknown_code_still_explains_and_offers_finish() {
        const m = Fixtures.load("ended-cancelled");
        m.language = "en";
        m.error = { "code": "something_new", "reason": "x", "prompt": "error.something_new" };
        h.screenModel.load(m);
        compare(h.shell.currentScreen.title, "The service stopped");
        verify(findChild(h.shell.currentScreen, "action_finish").visible);
    }

    function test_not_eligible_lists_every_reason_in_plain_words() {
        const screen = english("ended-not_eligible");
        const list = findChild(screen, "not_eligible_reasons");
        verify(list.visible);
        const all = collectTexts(list);
        verify(all.indexOf("penalty point limit") >= 0, all);
        verify(all.indexOf("health examination certificate") >= 0, all);
        verify(all.indexOf("too early to renew") >= 0, all);
        const other = english("ended-not_eligible-not_found");
        verify(collectTexts(findChild(other, "not_eligible_reasons")).indexOf("No driving licence was found") >= 0);
    }

    function collectTexts(item) {
        let out = "";
        if (item.text !== undefined && typeof item.text === "string")
            out += item.text + "\n";
        for (let i = 0; i < item.children.length; ++i)
            out += collectTexts(item.children[i]);
        return out;
    }

    function test_reasons_are_not_shown_for_other_codes() {
        verify(!findChild(english("ended-face_mismatch"), "not_eligible_reasons").visible);
    }

    function test_the_money_sentence_is_kioskds_money_state() {
        compare(moneyNote(english("ended-cancelled")), "You have not been charged.");
        compare(moneyNote(english("ended-payment_declined")), "You have not been charged.");
        compare(moneyNote(english("ended-card_retained")), "You paid ¥10.00.");
        const refunded = moneyNote(english("ended-issuance_refused"));
        verify(refunded.indexOf("has been refunded") >= 0 && refunded.indexOf("RF-7D21C6") >= 0, refunded);
        const pending = moneyNote(english("ended-payment_unresolved"));
        verify(pending.indexOf("refunded automatically") >= 0 && pending.indexOf("RF-7D21C7") >= 0, pending);
    }

    function test_the_step_decides_nothing_about_money() {
        // Same error code and step, another money state: the sentence follows data.money only.
        const m = Fixtures.load("ended-out_of_service");
        m.language = "en";
        m.data.money = {state: "not_charged", amount_fen: 0};
        h.screenModel.load(m);
        compare(moneyNote(h.shell.currentScreen), "You have not been charged.");
        m.data.money = {state: "refunded", amount_fen: 2550, refund_reference: "RF-1"};
        h.screenModel.load(m);
        verify(moneyNote(h.shell.currentScreen).indexOf("¥25.50") >= 0);
    }

    function test_without_money_from_kioskd_there_is_no_money_sentence() {
        const m = Fixtures.load("ended-out_of_service");
        m.language = "en";
        delete m.data.money;
        delete m.data.reference;
        h.screenModel.load(m);
        verify(!findChild(h.shell.currentScreen, "money_note").visible);
    }

    function test_the_reference_and_the_receipt_qr_are_shown() {
        const screen = english("ended-card_retained");
        compare(findChild(screen, "transaction_reference").text, "3F2A-9C01");
        const qr = findChild(screen, "receipt_qr");
        verify(qr.visible);
        compare(qr.text, "kiosk24://receipt/tx-3f2a9c01b7d44e2a9c0f1d2e3b4a5c6d");
        verify(qr.modules > 0);
        // No receipt printed: no QR, the reference still.
        const other = english("ended-cancelled");
        verify(findChild(other, "transaction_reference").visible);
        verify(!findChild(other, "receipt_qr").visible);
    }

    function test_card_retained_says_the_office_holds_the_card() {
        const screen = english("ended-card_retained");
        verify(screen.subtitle.indexOf("holds it for you") >= 0);
        verify(collectTexts(findChild(screen, "next_steps")).indexOf("service counter") >= 0);
    }

    function test_central_unavailable_suggests_later_or_staff() {
        const steps = collectTexts(findChild(english("ended-central_unavailable"), "next_steps"));
        verify(steps.indexOf("try again in a few minutes") >= 0, steps);
        verify(steps.indexOf("service counter") >= 0, steps);
    }

    function test_texts_follow_the_language() {
        const m = Fixtures.load("ended-face_mismatch");
        m.language = "zh";
        h.screenModel.load(m);
        compare(h.shell.currentScreen.title, "未能确认是您本人");
        m.language = "en";
        h.screenModel.load(m);
        compare(h.shell.currentScreen.title, "We could not confirm that it is you");
    }
}
