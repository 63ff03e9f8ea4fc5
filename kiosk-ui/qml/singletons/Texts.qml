// Texts: the citizen-facing wording that depends on codes from kioskd (error codes and
// reasons, not-eligible reasons, services), in one place so every screen says the same thing.
// All strings are English sources for qsTr (Chinese in i18n/kiosk-ui_zh_CN.ts). Every function
// reads Translator.language, so a binding that calls one is re-evaluated on a language switch.
//   serviceName(service) -> string
//   errorTitle(code) -> string             what happened, as a headline
//   errorExplanation(code, reason) -> string  what happened, in one or two plain sentences
//   nextSteps(code) -> list<string>        what the citizen can do now
//   moneyNote(money) -> string             what happened to the fee, from data.money ("" without)
//   amount(fen) -> string                  "¥10.00"
//   addressProblem(reason) -> string       why kioskd refused an address
//   classNames(classList) -> string        kioskd's class_list in the UI's language
//   notEligibleReason(reason) -> string    one registry reason in plain words
//   errorIcon(code) -> string              KioskIcon name for the code
//   unavailableTitle(code), unavailableExplanation(code) -> string   session.start refusals
//
// NOTE for every screen: in a *.ui.qml file only use plain `qsTr("literal")` bindings. Qt 6.4
// looks translations of any other expression (a ?: choice, a function, an array) up under the
// context "<Name>Form" while lupdate files them under "<Name>Form.ui", so they stay English.
// Put such expressions in the behaviour file (<Name>.qml) or here, and read
// Translator.language in them (`void Translator.language;`) so they follow a language switch.
pragma Singleton
import QtQuick
import Kiosk.Ui

QtObject {
    id: texts

    function serviceName(service: string): string {
        void Translator.language;
        switch (service) {
        case "renewal": return qsTr("Licence renewal");
        case "replace_lost": return qsTr("Replacement of a lost licence");
        case "replace_damaged": return qsTr("Replacement of a damaged licence");
        case "info_query":
        case "query": return qsTr("Licence information");
        }
        return "";
    }

    function errorIcon(code: string): string {
        switch (code) {
        case "cancelled": return "info";
        case "walked_away": return "clock";
        case "central_unavailable": return "no_connection";
        case "face_mismatch":
        case "face_check_failed": return "face";
        case "not_eligible": return "info";
        case "photo_failed": return "camera";
        case "payment_failed":
        case "payment_declined":
        case "payment_unresolved": return "coin";
        case "card_retained": return "card";
        case "out_of_service":
        case "card_failed":
        case "device_failure":
        case "journal_unavailable":
        case "shutdown": return "tools";
        }
        return "warning";
    }

    function errorTitle(code: string): string {
        void Translator.language;
        switch (code) {
        case "cancelled": return qsTr("The service was cancelled");
        case "walked_away": return qsTr("The session ended because there was no activity");
        case "id_card_swapped": return qsTr("A different ID card was placed on the reader");
        case "id_card_unreadable": return qsTr("Your ID card could not be read");
        case "central_unavailable": return qsTr("The licence office cannot be reached");
        case "face_mismatch": return qsTr("We could not confirm that it is you");
        case "face_check_failed": return qsTr("The face check could not be done");
        case "not_eligible": return qsTr("This service is not available for your licence");
        case "photo_failed": return qsTr("No usable licence photo could be taken");
        case "payment_failed": return qsTr("The payment could not be started");
        case "payment_declined": return qsTr("Your payment was declined");
        case "payment_unresolved": return qsTr("We could not confirm your payment");
        case "issuance_refused": return qsTr("The licence office did not approve the new card");
        case "out_of_service": return qsTr("Your card could not be printed");
        case "card_failed": return qsTr("Your card could not be produced");
        case "card_retained": return qsTr("Your new card was kept by the kiosk");
        case "device_failure": return qsTr("A part of the kiosk stopped working");
        case "journal_unavailable": return qsTr("The kiosk had to stop");
        case "shutdown": return qsTr("The kiosk was restarted");
        }
        return qsTr("The service stopped");
    }

    function errorExplanation(code: string, reason: string): string {
        void Translator.language;
        switch (code) {
        case "cancelled":
            return qsTr("You stopped the service. Your details have been cleared from the kiosk.");
        case "walked_away":
            return qsTr("For your privacy, the kiosk ended the service and cleared your details.");
        case "id_card_swapped":
            return qsTr("For your security the service was stopped. Only the ID card of the person being served may be on the reader.");
        case "id_card_unreadable":
            return qsTr("The reader tried three times without success. The card may be dirty, bent or damaged.");
        case "central_unavailable":
            return qsTr("The kiosk could not get an answer from the licence office system. This is a temporary problem on our side.");
        case "face_mismatch":
            return qsTr("Your face did not match the photo on your ID card. Strong light, glasses, a hat or a mask can cause this.");
        case "face_check_failed":
            return qsTr("The licence office could not check the photo that was taken.");
        case "not_eligible":
            return qsTr("The licence records show the following:");
        case "photo_failed":
            return reason === "retake_limit" || reason === ""
                ? qsTr("After several attempts the photo still did not meet the requirements for a licence photo.")
                : qsTr("The last photo still did not meet the requirements: %1").arg(texts.photoProblem(reason));
        case "payment_failed":
            return qsTr("The payment order could not be created at the licence office.");
        case "payment_declined":
            return qsTr("The payment was declined three times, so the service stopped.");
        case "payment_unresolved":
            return qsTr("The payment service did not tell us whether your payment went through. The transaction will be settled automatically.");
        case "issuance_refused":
            return qsTr("The licence office refused to issue the card at the last check.");
        case "out_of_service":
            return qsTr("The card printer has a problem, so your card could not be made. This kiosk is now out of service.");
        case "card_failed":
            return qsTr("The card layout could not be prepared, so no card was printed.");
        case "card_retained":
            return qsTr("The card was not taken from the slot in time, so the kiosk kept it safely inside. The licence office holds it for you.");
        case "device_failure":
            if (reason.startsWith("camera"))
                return qsTr("The camera stopped working, so the service could not continue.");
            if (reason.startsWith("payment_scanner"))
                return qsTr("The payment scanner stopped working, so the service could not continue.");
            return qsTr("A device did not respond, so the service could not continue.");
        case "journal_unavailable":
            return qsTr("The kiosk could not safely record your service, so it stopped before doing anything more.");
        case "shutdown":
            return qsTr("The service was interrupted because the kiosk restarted.");
        }
        return qsTr("The service could not be completed.");
    }

    function photoProblem(reason: string): string {
        void Translator.language;
        switch (reason) {
        case "too_dark": return qsTr("the photo was too dark.");
        case "too_bright": return qsTr("the photo was too bright.");
        case "low_contrast": return qsTr("the photo was not clear enough.");
        case "empty": return qsTr("no face was seen.");
        }
        return qsTr("the photo was not usable.");
    }

    function nextSteps(code: string): var {
        void Translator.language;
        switch (code) {
        case "cancelled":
        case "walked_away":
            return [qsTr("Take your ID card from the reader."),
                    qsTr("You can start again at any time.")];
        case "id_card_swapped":
            return [qsTr("Take the ID cards from the reader."),
                    qsTr("Start again with only your own ID card on the reader.")];
        case "id_card_unreadable":
            return [qsTr("Take your ID card and wipe it clean."),
                    qsTr("Try again, placing it flat on the reader."),
                    qsTr("If it still cannot be read, staff at the service counter can help.")];
        case "central_unavailable":
            return [qsTr("Please try again in a few minutes."),
                    qsTr("Or go to the service counter, where staff can help you.")];
        case "face_mismatch":
            return [qsTr("Try again without glasses, hat or mask, facing the camera."),
                    qsTr("Or ask staff at the service counter to check your identity.")];
        case "face_check_failed":
            return [qsTr("Please try again."),
                    qsTr("If it happens again, staff at the service counter can help.")];
        case "not_eligible":
            return [qsTr("Please go to the service counter. Staff can explain your situation and what to do.")];
        case "photo_failed":
            return [qsTr("Staff at the service counter can take your licence photo."),
                    qsTr("You can also try again later in better light.")];
        case "payment_failed":
            return [qsTr("Please try again in a few minutes."),
                    qsTr("Or pay at the service counter.")];
        case "payment_declined":
            return [qsTr("Check your payment app or balance, or use another payment app."),
                    qsTr("Then start again, or pay at the service counter.")];
        case "payment_unresolved":
            return [qsTr("Keep the payment record in your payment app."),
                    qsTr("Staff at the service counter can check the payment for you.")];
        case "issuance_refused":
        case "card_failed":
        case "journal_unavailable":
            return [qsTr("Please go to the service counter. Staff can complete your service.")];
        case "out_of_service":
        case "device_failure":
            return [qsTr("Please use another kiosk or go to the service counter."),
                    qsTr("Staff have been notified.")];
        case "card_retained":
            return [qsTr("Go to the service counter with your ID card to collect your new licence.")];
        case "shutdown":
            return [qsTr("Please start again in a moment."),
                    qsTr("If you had already paid, staff at the service counter can check it.")];
        }
        return [qsTr("Please go to the service counter for help.")];
    }

    // "¥" + yuan with two decimals from kioskd's integer fen: 1000 -> "¥10.00".
    function amount(fen: real): string {
        const f = isFinite(fen) && fen > 0 ? Math.round(fen) : 0;
        const cents = f % 100;
        return "¥" + Math.floor(f / 100) + "." + (cents < 10 ? "0" : "") + cents;
    }

    // What happened to the fee, from kioskd's data.money on the end screens
    // ({state: not_charged | charged | refunded | refund_pending, amount_fen, refund_reference}).
    // "" without it: kioskd decides whether the citizen was charged, the UI only says it.
    function moneyNote(money: var): string {
        void Translator.language;
        if (!money || typeof money !== "object")
            return "";
        const paid = texts.amount(Number(money.amount_fen ?? 0));
        const reference = money.refund_reference ? String(money.refund_reference) : "";
        switch (money.state) {
        case "not_charged":
            return qsTr("You have not been charged.");
        case "charged":
            return qsTr("You paid %1.").arg(paid);
        case "refunded":
            return reference.length > 0
                ? qsTr("Your payment of %1 has been refunded to the account you paid from (refund reference %2). It can take a few working days to arrive.").arg(paid).arg(reference)
                : qsTr("Your payment of %1 has been refunded to the account you paid from. It can take a few working days to arrive.").arg(paid);
        case "refund_pending":
            return reference.length > 0
                ? qsTr("Any money taken for this service (%1) will be refunded automatically to the account you paid from. Refund reference: %2.").arg(paid).arg(reference)
                : qsTr("Any money taken for this service (%1) will be refunded automatically to the account you paid from.").arg(paid);
        }
        return "";
    }

    // Why kioskd refused an address (error invalid_address, reason as in docs/screen-model.md).
    function addressProblem(reason: string): string {
        void Translator.language;
        switch (reason) {
        case "address_incomplete": return qsTr("The address was not accepted: it is incomplete. Choose the street and type the house number.");
        case "address_too_long": return qsTr("The address was not accepted: it is too long to print on the licence.");
        }
        return qsTr("The address was not accepted. Please choose it again.");
    }

    // kioskd's class_list [{code, zh, en}] as "C1 small car, C2 small automatic car" in the UI's
    // language; "" when kioskd sent none.
    function classNames(classList: var): string {
        void Translator.language;
        if (!classList || classList.length === undefined)
            return "";
        const parts = [];
        for (let i = 0; i < classList.length; ++i) {
            const c = classList[i];
            const name = Translator.language === "en" ? c.en : c.zh;
            parts.push(name ? c.code + " " + name : String(c.code));
        }
        return parts.join(qsTr(", "));
    }

    function unavailableTitle(code: string): string {
        void Translator.language;
        switch (code) {
        case "out_of_service": return qsTr("This kiosk is out of service");
        case "central_unavailable": return qsTr("The licence office cannot be reached");
        case "stock_empty": return qsTr("This kiosk has run out of licence cards");
        case "device_unavailable": return qsTr("This service is not available at this kiosk right now");
        case "journal_unavailable": return qsTr("This kiosk cannot take new services");
        }
        return qsTr("The service cannot start right now");
    }

    function unavailableExplanation(code: string): string {
        void Translator.language;
        switch (code) {
        case "out_of_service": return qsTr("The kiosk needs maintenance. Staff have been notified.");
        case "central_unavailable": return qsTr("The kiosk cannot connect to the licence office system. This is usually resolved within minutes.");
        case "stock_empty": return qsTr("No new cards can be printed until staff refill the kiosk.");
        case "device_unavailable": return qsTr("One of the kiosk's devices is not connected. Staff have been notified; please try again later or use the service counter.");
        case "journal_unavailable": return qsTr("The kiosk cannot safely record services at the moment. Staff have been notified.");
        }
        return qsTr("Please try again later.");
    }

    function notEligibleReason(reason: string): string {
        void Translator.language;
        switch (reason) {
        case "service_disabled": return qsTr("This service is currently not offered at self-service kiosks.");
        case "revoked": return qsTr("The driving licence has been revoked.");
        case "suspended": return qsTr("The driving licence is suspended.");
        case "points_cycle": return qsTr("The licence has reached the penalty point limit in the current scoring period.");
        case "long_term_no_renewal": return qsTr("The licence has not been renewed for a long time.");
        case "not_in_renewal_window": return qsTr("It is too early to renew: renewal opens shortly before the licence expires.");
        case "expired_beyond_grace": return qsTr("The licence expired too long ago to be renewed at a kiosk.");
        case "expired": return qsTr("The licence has expired.");
        case "lost_reported": return qsTr("The licence has been reported lost.");
        case "no_health_exam": return qsTr("A health examination certificate is required, but none is on record.");
        case "health_exam_expired": return qsTr("The health examination on record is no longer valid.");
        case "not_found": return qsTr("No driving licence was found for this ID card.");
        }
        return qsTr("Another reason recorded by the licence office (%1).").arg(reason);
    }
}
