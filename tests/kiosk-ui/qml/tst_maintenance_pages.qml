// The maintenance pages, through the one MaintenanceApi, send the right calls and show their
// answers in the technician's language: stock load params and validation, reconcile result,
// self-test results per device, test prints, device counters, status details and last errors
// by name, sync now, the out-of-service switch, transactions and the audit log. kioskd's
// answers are scripted (ScriptedChannel in place of LocalApi).
import QtQuick
import QtTest
import Kiosk.Ui
import KioskTest

Item {
    id: root
    width: 1080
    height: 1600

    Component {
        id: fakeComponent
        ScriptedChannel {
            maintenanceActive: true
        }
    }
    Component {
        id: apiComponent
        MaintenanceApi {}
    }
    Component {
        id: suppliesComponent
        SuppliesPage {
            anchors.fill: parent
        }
    }
    Component {
        id: devicesComponent
        DevicesPage {
            anchors.fill: parent
        }
    }
    Component {
        id: serviceComponent
        ServicePage {
            anchors.fill: parent
        }
    }
    Component {
        id: syncComponent
        SyncPage {
            anchors.fill: parent
        }
    }
    Component {
        id: transactionsComponent
        TransactionsPage {
            anchors.fill: parent
        }
    }
    Component {
        id: auditComponent
        AuditPage {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "MaintenancePages"
        when: windowShown

        property var fake: null
        property var api: null

        function init() {
            Translator.language = "en";
            fake = createTemporaryObject(fakeComponent, root);
            api = createTemporaryObject(apiComponent, root, {channel: fake});
        }

        function cleanup() {
            Translator.language = "zh";
        }

        function page(component) {
            const p = createTemporaryObject(component, root, {api: api});
            p.refresh();
            waitForRendering(p);
            return p;
        }

        function test_stock_load_sends_count_and_serials() {
            fake.answers = {"stock.load": {result: {loaded: 100, issued: 0, spoiled: 0, retained: 0, reserved: 0, remaining: 100}}};
            const p = page(suppliesComponent);
            findChild(p, "stock_count").text = "100";
            findChild(p, "stock_first_serial").text = "C00000001";
            findChild(p, "stock_last_serial").text = "C00000100";
            mouseClick(findChild(p, "stock_load"));
            const calls = fake.callsOf("stock.load");
            compare(calls.length, 1);
            compare(calls[0].params.count, 100);
            compare(typeof calls[0].params.count, "number");
            compare(calls[0].params.first_serial, "C00000001");
            compare(calls[0].params.last_serial, "C00000100");
            compare(p.stock.remaining, 100);
            verify(findChild(p, "stock_load_message_text").text.indexOf("Loaded 100 cards") >= 0);
            compare(findChild(p, "stock_count").text, "");
        }

        function test_stock_load_rejects_a_bad_count_without_calling() {
            const p = page(suppliesComponent);
            findChild(p, "stock_count").text = "12a";
            findChild(p, "stock_first_serial").text = "C1";
            findChild(p, "stock_last_serial").text = "C12";
            mouseClick(findChild(p, "stock_load"));
            compare(fake.callsOf("stock.load").length, 0);
            verify(p.loadFailed);
            verify(p.loadMessage.length > 0);
        }

        function test_stock_load_error_is_shown() {
            fake.answers = {"stock.load": {error: {code: -32001, reason: "maintenance_required", message: "a maintenance session is required"}}};
            const p = page(suppliesComponent);
            findChild(p, "stock_count").text = "5";
            findChild(p, "stock_first_serial").text = "C1";
            findChild(p, "stock_last_serial").text = "C5";
            mouseClick(findChild(p, "stock_load"));
            verify(p.loadFailed);
            verify(p.loadMessage.indexOf("Log in again") >= 0, p.loadMessage);
        }

        function test_reconcile_shows_a_mismatch() {
            fake.answers = {"stock.reconcile": {result: {printer_counter: 42, consumed: 40, difference: 2, mismatch: true}}};
            const p = page(suppliesComponent);
            mouseClick(findChild(p, "stock_reconcile"));
            compare(fake.callsOf("stock.reconcile").length, 1);
            verify(p.reconcileFailed);
            const text = findChild(p, "stock_reconcile_message_text").text;
            verify(text.indexOf("Mismatch of 2") >= 0 && text.indexOf("42") >= 0 && text.indexOf("40") >= 0, text);
        }

        function test_reconcile_ok_in_the_documented_shape() {
            fake.answers = {"stock.reconcile": {result: {printer_counter: 7, expected: 7, difference: 0, ok: true}}};
            const p = page(suppliesComponent);
            mouseClick(findChild(p, "stock_reconcile"));
            verify(!p.reconcileFailed);
            verify(p.reconcileMessage.indexOf("reconciles") >= 0, p.reconcileMessage);
        }

        function test_devices_show_state_counters_and_last_error() {
            fake.answers = {"devices.list": {result: {devices: [
                {device: "card_printer", model: "CP", transport: "usb", state: "userError", detail: {ribbon: "low"},
                 counters: {CardsPrintedCount: 12}, last_error: {code: "userError", reason: "ribbon:out"}},
                {device: "camera", model: "Cam", transport: "v4l2", state: "online", detail: {}}]}}};
            const p = page(devicesComponent);
            compare(p.devices.length, 2);
            compare(findChild(p, "device_state_card_printer").text, "Needs attention");
            compare(findChild(p, "device_state_card_printer").tone, "warn");
            compare(findChild(p, "device_state_camera").tone, "good");
            verify(findChild(p, "test_print_card_printer").visible);
            verify(!findChild(p, "test_print_camera").visible);
            compare(findChild(p, "detail_card_printer_ribbon").text, "Ribbon: low");
            verify(findChild(p, "counter_card_printer_CardsPrintedCount").text.indexOf("Cards printed") === 0);
            compare(findChild(p, "last_error_card_printer").text, "Last error: Ribbon: used up");
            verify(!findChild(p, "last_error_detail_card_printer").visible, "no raw codes when there are words");
        }

        function test_status_details_are_coloured_by_severity() {
            fake.answers = {"devices.list": {result: {devices: [
                {device: "card_printer", state: "userError", detail: {ribbon: "ok", feeder: "low", cover: "open"}}]}}};
            const p = page(devicesComponent);
            compare(findChild(p, "detail_card_printer_ribbon").tone, "good");
            compare(findChild(p, "detail_card_printer_feeder").tone, "warn");
            compare(findChild(p, "detail_card_printer_cover").tone, "bad");
        }

        function test_in_chinese_the_devices_page_shows_no_english() {
            Translator.language = "zh";
            fake.answers = {"devices.list": {result: {devices: [
                {device: "card_printer", state: "userError", detail: {ribbon: "low"},
                 counters: {CardsPrintedCount: 12, RibbonRemainingPanels: 40, FailedCommandCount: 1},
                 last_error: {code: "timeout", reason: "paper_out", at: "2026-11-28T18:20:00Z"}}]}}};
            const p = page(devicesComponent);
            const texts = [findChild(p, "device_state_card_printer").text,
                           findChild(p, "detail_card_printer_ribbon").text,
                           findChild(p, "counter_card_printer_CardsPrintedCount").text,
                           findChild(p, "counter_card_printer_RibbonRemainingPanels").text,
                           findChild(p, "counter_card_printer_FailedCommandCount").text,
                           findChild(p, "last_error_card_printer").text];
            for (const t of texts) {
                const plain = t.replace(/<[^>]*>/g, "");
                verify(!/[A-Za-z]{2,}/.test(plain), "English in: " + plain);
            }
        }

        function test_an_unknown_last_error_shows_its_codes_as_secondary_detail() {
            fake.answers = {"devices.list": {result: {devices: [
                {device: "camera", state: "hardwareError", detail: {},
                 last_error: {code: "hardwareError", reason: "sensor_glitch_9"}}]}}};
            const p = page(devicesComponent);
            compare(findChild(p, "last_error_camera").text, "Last error: a device error");
            verify(findChild(p, "last_error_detail_camera").visible);
            compare(findChild(p, "last_error_detail_camera").text, "hardwareError · sensor_glitch_9");
        }

        function test_selftest_all_shows_each_result() {
            fake.answers = {
                "devices.list": {result: {devices: [{id: "camera", state: "online", detail: {}},
                                                    {id: "card_printer", state: "online", detail: {}}]}},
                "devices.selftest": {result: {results: [{device: "camera", passed: true, state: "online", message: ""},
                                                        {device: "card_printer", passed: false, state: "userError", message: "ribbon_out"}]}}
            };
            const p = page(devicesComponent);
            mouseClick(findChild(p, "selftest_all"));
            compare(fake.callsOf("devices.selftest").length, 1);
            compare(fake.callsOf("devices.selftest")[0].params.device, undefined);
            compare(findChild(p, "selftest_result_camera_text").text, "Self-test passed (Online).");
            compare(findChild(p, "selftest_result_card_printer_text").text,
                    "Self-test failed: the ribbon is used up.");
        }

        function test_selftest_of_one_device_sends_it_and_tolerates_kioskd_shape() {
            fake.answers = {
                "devices.list": {result: {devices: [{id: "camera", state: "online", detail: {}},
                                                    {id: "id_reader", state: "online", detail: {}}]}},
                "devices.selftest": {result: {devices: [{id: "camera", ok: false, reason: "no_answer"},
                                                        {id: "id_reader", ok: true, state: "online"}]}}
            };
            const p = page(devicesComponent);
            mouseClick(findChild(p, "selftest_camera"));
            compare(fake.callsOf("devices.selftest")[0].params.device, "camera");
            compare(findChild(p, "selftest_result_camera_text").text, "Self-test failed: the device did not answer.");
            compare(findChild(p, "selftest_result_id_reader_text").text, "");
        }

        function test_test_print_sends_the_device_and_tolerates_an_older_kioskd() {
            fake.answers = {
                "devices.list": {result: {devices: [{id: "receipt_printer", state: "online", detail: {}}]}},
                "devices.test_print": {error: {code: -32601, reason: "method_not_found", message: "no such method"}}
            };
            const p = page(devicesComponent);
            mouseClick(findChild(p, "test_print_receipt_printer"));
            compare(fake.callsOf("devices.test_print")[0].params.device, "receipt_printer");
            verify(p.printMessages["receipt_printer"].failed);
            verify(p.printMessages["receipt_printer"].text.indexOf("does not offer") >= 0);
        }

        function test_card_test_print_reports_the_printer_counter() {
            fake.answers = {
                "devices.list": {result: {devices: [{device: "card_printer", state: "online", detail: {}}]}},
                "devices.test_print": {result: {printed: true, device: "card_printer", card_counter: 13}}
            };
            const p = page(devicesComponent);
            mouseClick(findChild(p, "test_print_card_printer"));
            compare(fake.callsOf("devices.test_print")[0].params.device, "card_printer");
            verify(!p.printMessages["card_printer"].failed);
            verify(p.printMessages["card_printer"].text.indexOf("13") >= 0, p.printMessages["card_printer"].text);
        }

        function test_a_failed_test_print_says_why_in_words() {
            fake.answers = {
                "devices.list": {result: {devices: [{id: "receipt_printer", state: "online", detail: {}}]}},
                "devices.test_print": {error: {code: -32003, reason: "device_error", message: "paper out", device_reason: "paper_out"}}
            };
            const p = page(devicesComponent);
            mouseClick(findChild(p, "test_print_receipt_printer"));
            compare(p.printMessages["receipt_printer"].text, "The device failed: the paper is used up.");
        }

        function test_last_errors_are_told_by_reason_code() {
            compare(MaintTexts.lastError({code: "userError", reason: "ribbon:out"}).text, "Ribbon: used up");
            compare(MaintTexts.lastError({code: "timeout", reason: "no_answer"}).text, "the device did not answer");
            compare(MaintTexts.lastError({code: "timeout"}).text, "no answer in time");
            compare(MaintTexts.lastError("paper_out").text, "the paper is used up");
            compare(MaintTexts.lastError(null).text, "");
            verify(MaintTexts.lastError({code: "userError", reason: "ribbon:out", at: "2026-11-28T18:20:00Z"}).text.indexOf("2026-11-28") > 0);
        }

        function test_out_of_service_is_switched_with_a_reason_and_back() {
            fake.answers = {"maintenance.set_out_of_service": {result: {out_of_service: true}}};
            const p = page(serviceComponent);
            compare(findChild(p, "service_state").text, "In service");
            findChild(p, "service_reason").text = "ribbon change";
            mouseClick(findChild(p, "service_toggle"));
            let calls = fake.callsOf("maintenance.set_out_of_service");
            compare(calls.length, 1);
            compare(calls[0].params.enabled, true);
            compare(calls[0].params.reason, "ribbon change");
            compare(findChild(p, "service_state").text, "Out of service");

            fake.answers = {"maintenance.set_out_of_service": {result: {out_of_service: false}}};
            findChild(p, "service_reason").text = "ribbon replaced";
            mouseClick(findChild(p, "service_toggle"));
            calls = fake.callsOf("maintenance.set_out_of_service");
            compare(calls.length, 2);
            compare(calls[1].params.enabled, false);
            compare(calls[1].params.reason, "ribbon replaced");
            compare(findChild(p, "service_state").text, "In service");
        }

        function test_out_of_service_state_follows_kiosk_status() {
            const p = page(serviceComponent);
            fake.status = {kiosk_id: "K-TEST", out_of_service: true, out_of_service_reason: "ribbon change"};
            compare(findChild(p, "service_state").text, "Out of service");
        }

        function test_sync_now_starts_an_upload() {
            fake.answers = {"sync.status": {result: {depth: 3, circuit: "open", last_acknowledged: 9}},
                            "sync.now": {result: {started: true}}};
            const p = page(syncComponent);
            compare(p.depthText, "3");
            compare(p.circuitTone, "bad");
            compare(fake.callsOf("sync.status")[0].maintenance, false);
            mouseClick(findChild(p, "sync_now"));
            compare(fake.callsOf("sync.now").length, 1);
            verify(p.message.indexOf("started") >= 0);
        }

        function test_transactions_ask_for_twenty_and_shorten_ids() {
            fake.answers = {"txn.list": {result: {transactions: [
                {id: "tx-0123456789abcdef0123456789abcdef", service: "renewal", started_at: "2026-11-28T10:00:00Z",
                 finished_at: "2026-11-28T10:03:00Z", outcome: "completed"}]}}};
            const p = page(transactionsComponent);
            compare(fake.callsOf("txn.list")[0].params.limit, 20);
            compare(p.transactions.length, 1);
            compare(MaintTexts.shortId("tx-0123456789abcdef0123456789abcdef"), "tx-01234567…");
        }

        function test_audit_shows_the_chain_state_and_actions_in_words() {
            fake.answers = {"audit.list": {result: {chain_ok: false, entries: [
                {at: "2026-11-28T10:00:00Z", actor: "tech", action: "stock.load", details: {count: 5}},
                {at: "2026-11-28T11:00:00Z", actor: "tech", action: "maintenance.logout", details: {}}]}}};
            const p = page(auditComponent);
            compare(fake.callsOf("audit.list")[0].params.limit, 50);
            compare(p.chainOk, false);
            compare(findChild(p, "audit_chain").text, "Chain broken");
            compare(p.entries.length, 2);
            compare(p.entries[0].action, "maintenance.logout", "newest first");
            waitForRendering(p);
            verify(findChild(p, "audit_entry_1").text.indexOf("Blank cards loaded") >= 0);
            compare(findChild(p, "audit_details_1").text, "cards: 5");
        }

        function test_every_request_goes_through_the_maintenance_api() {
            // A session ended elsewhere: the page says so, the API reports the session gone.
            fake.answers = {"txn.list": {error: {code: -32001, reason: "maintenance_required", message: ""}}};
            const p = page(transactionsComponent);
            verify(p.error.indexOf("Log in again") >= 0, p.error);
            verify(!api.active);
        }
    }
}
