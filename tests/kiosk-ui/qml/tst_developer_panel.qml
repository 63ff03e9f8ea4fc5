// The developer panel drives the emulators through emulator.* calls: citizens listed and
// placed, ID card removed, payment codes (wallet or typed), take card, faults injected into the
// chosen device and cleared; the current screen and kiosk status are shown.
import QtQuick
import QtTest
import Kiosk.Ui

Item {
    id: root

    Component {
        id: fakeComponent
        MaintFakeApi {
            property QtObject screen: QtObject {
                property string name: "insert_id_card"
            }
        }
    }
    Component {
        id: panelComponent
        DeveloperPanel {
            height: 2800   // everything on screen without scrolling
            visible: true
        }
    }

    TestCase {
        name: "DeveloperPanel"
        when: windowShown

        property var fake: null
        property var panel: null

        function init() {
            fake = createTemporaryObject(fakeComponent, root);
            fake.answers = {"emulator.citizens": {result: {citizens: [
                {id_number: "110101199003070011", label: "due_for_renewal"},
                {id_number: "110101198512120022", name: "Test Person", scenario: "suspended"}]}}};
            fake.status = {state: "in_session", stock: {remaining: 61}, outbox_depth: 2,
                           central: {reachable: true, circuit: "closed"}};
            panel = createTemporaryObject(panelComponent, root, {api: fake});
            waitForRendering(panel.contentItem);
        }

        function click(name) {
            const item = findChild(panel.contentItem, name);
            verify(item, name);
            mouseClick(item);
        }

        function lastCall() {
            return fake.calls[fake.calls.length - 1];
        }

        function test_citizens_are_loaded_and_the_first_is_selected() {
            compare(fake.callsOf("emulator.citizens").length, 1);
            compare(panel.citizens.length, 2);
            compare(panel.selectedCitizen, "110101199003070011");
        }

        function test_place_and_remove_id_card() {
            panel.selectedCitizen = "110101198512120022";
            click("dev_place_id");
            compare(lastCall().method, "emulator.place_id_card");
            compare(lastCall().params.id_number, "110101198512120022");
            verify(!panel.lastFailed);
            click("dev_remove_id");
            compare(lastCall().method, "emulator.remove_id_card");
        }

        function test_wallet_and_typed_payment_codes() {
            click("dev_pay_wechat");
            compare(lastCall().method, "emulator.present_payment_code");
            compare(lastCall().params.wallet, "wechat");
            for (const k of ["2", "8", "1", "3"])
                click("dev_key_" + k);
            click("dev_key_⌫");
            compare(panel.paymentCode, "281");
            click("dev_present_code");
            compare(lastCall().params.code, "281");
            compare(lastCall().params.wallet, undefined);
        }

        function test_take_card() {
            click("dev_take_card");
            compare(lastCall().method, "emulator.take_card");
        }

        function test_faults_go_to_the_chosen_device_and_are_cleared() {
            click("dev_fault_device_receipt_printer");
            waitForRendering(panel.contentItem);   // the fault buttons are laid out again
            click("dev_fault_paper_out");
            compare(lastCall().method, "emulator.inject_fault");
            compare(lastCall().params.device, "receipt_printer");
            compare(lastCall().params.fault, "paper_out");
            click("dev_clear_faults");
            compare(lastCall().method, "emulator.clear_faults");
            compare(lastCall().params.device, "receipt_printer");
        }

        function test_errors_are_shown() {
            fake.answers = {"emulator.take_card": {error: {code: -32000, reason: "no_card_in_mouth", message: ""}}};
            click("dev_take_card");
            verify(panel.lastFailed);
            verify(panel.lastMessage.indexOf("no_card_in_mouth") >= 0);
        }

        function test_screen_and_status_are_shown() {
            compare(findChild(panel.contentItem, "dev_screen").value, "insert_id_card");
            compare(panel.kioskStatus.stock.remaining, 61);
        }
    }
}
