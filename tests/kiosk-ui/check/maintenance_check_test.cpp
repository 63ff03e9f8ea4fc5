// The technician's screens — the maintenance login and its six pages (Devices, Supplies,
// Transactions, Sync, Service, Audit) on MaintenanceShell, and the developer panel window —
// in Chinese and English, portrait 1080x1920 and landscape 1920x1080 (the panel at its own
// size), saved as screenshots and passed through the layout checker: no elided, overflowing,
// clipped or broken-up text, no touch target below Theme.minTouch. The channel to kioskd is
// scripted with realistic canned answers (support/scripted_channel for the maintenance shell,
// the Quick Tests' tests/kiosk-ui/qml/MaintFakeApi.qml for the developer panel); no kioskd.
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QLoggingCategory>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQml/QQmlExtensionPlugin>
#include <memory>
#include <string>

#include "tests/kiosk-ui/support/layout_check.hpp"
#include "tests/kiosk-ui/support/scripted_channel.hpp"

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

namespace {

// The canned answers: what a kiosk mid-shift would report (codes only, no personal data), as
// members of a MaintFakeApi (developer panel) or ScriptedChannel (maintenance shell).
constexpr const char* kAnswers = R"(
        id: fake
        property QtObject screen: QtObject { property string name: "insert_id_card" }
        status: ({kiosk_id: "K0042", state: "ready", simulation: true, out_of_service: false,
                  out_of_service_reason: null, session_active: false,
                  central: {reachable: true, circuit: "closed"},
                  stock: {loaded: 500, issued: 37, spoiled: 2, retained: 1, reserved: 0, remaining: 460},
                  outbox_depth: 2})
        answers: ({
            "devices.list": {result: {devices: [
                {device: "card_printer", id: "card_printer", model: "Evolis Primacy 2", transport: "usb",
                 state: "userError", detail: {ribbon: "low", feeder: "ok", card: "none"}, message: "",
                 counters: {CardsPrintedCount: 1284, CardsRejectedCount: 4, RibbonRemainingPanels: 212,
                            SuccessfulCommandCount: 5120, FailedCommandCount: 3},
                 last_error: {code: "userError", reason: "ribbon:low", at: "2026-11-28T18:20:00Z"}},
                {device: "receipt_printer", id: "receipt_printer", model: "Epson TM-T88VI", transport: "usb",
                 state: "online", detail: {paper: "near_end", cover: "closed"}, message: "",
                 counters: {ReceiptsPrintedCount: 1190, LinesPrintedCount: 20411, SuccessfulCommandCount: 2210,
                            FailedCommandCount: 0},
                 last_error: null},
                {device: "id_reader", id: "id_reader", model: "Synjones SS628", transport: "serial",
                 state: "online", detail: {sam: "ok", card: "absent"}, message: "",
                 counters: {CardsReadCount: 1402, CommunicationErrorCount: 2, SuccessfulCommandCount: 1402,
                            FailedCommandCount: 7},
                 last_error: {code: "timeout", reason: "no_answer", at: "2026-11-28T09:02:11Z"}},
                {device: "camera", id: "camera", model: "UVC 1080p", transport: "v4l2",
                 state: "online", detail: {}, message: "",
                 counters: {FramesCapturedCount: 88213, SuccessfulCommandCount: 940, FailedCommandCount: 0},
                 last_error: null},
                {device: "payment_scanner", id: "payment_scanner", model: "Newland FM430", transport: "serial",
                 state: "offline", detail: {scanner: "ready"}, message: "",
                 counters: {CodesReadCount: 611, InvalidCodesCount: 5, SuccessfulCommandCount: 611,
                            FailedCommandCount: 12},
                 last_error: {code: "hardwareError", reason: "scanner_fault_7", at: "2026-11-28T17:45:40Z"}}]}},
            "stock.status": {result: {loaded: 500, issued: 37, spoiled: 2, retained: 1, reserved: 0, remaining: 460}},
            "txn.list": {result: {transactions: [
                {id: "tx-0123456789abcdef0123456789abcdef", service: "renewal", started_at: "2026-11-28T10:00:00Z",
                 finished_at: "2026-11-28T10:03:12Z", outcome: "completed", step: "done"},
                {id: "tx-1123456789abcdef0123456789abcdef", service: "replace_lost", started_at: "2026-11-28T10:20:00Z",
                 finished_at: "2026-11-28T10:21:40Z", outcome: "cancelled", step: "payment"},
                {id: "tx-2123456789abcdef0123456789abcdef", service: "replace_damaged", started_at: "2026-11-28T11:05:00Z",
                 finished_at: "2026-11-28T11:09:30Z", outcome: "failed", step: "printing"},
                {id: "tx-3123456789abcdef0123456789abcdef", service: "query", started_at: "2026-11-28T12:00:00Z",
                 finished_at: "2026-11-28T12:00:50Z", outcome: "completed", step: "done"},
                {id: "tx-4123456789abcdef0123456789abcdef", service: "renewal", started_at: "2026-11-28T13:30:00Z",
                 finished_at: null, outcome: "in_progress", step: "face_capture"}]}},
            "sync.status": {result: {state: "idle", last_seq: 41, last_acknowledged: 39, depth: 2,
                                     last_success_at: "2026-11-28T18:55:02Z",
                                     last_error: {code: "timeout", message: "POST /v1/records: timed out"},
                                     circuit: "half_open"}},
            "audit.list": {result: {chain_ok: true, entries: [
                {at: "2026-11-28T18:20:00Z", actor: "tech1", action: "maintenance.login", details: {}},
                {at: "2026-11-28T18:21:30Z", actor: "tech1", action: "stock.load",
                 details: {count: 500, first_serial: "C00000001", last_serial: "C00000500"}},
                {at: "2026-11-28T18:22:05Z", actor: "tech1", action: "stock.reconcile", details: {difference: 0}},
                {at: "2026-11-28T18:25:40Z", actor: "tech1", action: "maintenance.set_out_of_service",
                 details: {enabled: false, reason: "ribbon replaced"}},
                {at: "2026-11-28T18:26:00Z", actor: "tech1", action: "maintenance.logout", details: {}}]}},
            "emulator.citizens": {result: {citizens: [
                {id_number: "110101199003070011", name: "Zhang Wei", scenario: "due_for_renewal"},
                {id_number: "110101198512120022", name: "Li Na", scenario: "suspended"},
                {id_number: "110101197706150033", name: "Wang Fang", scenario: "not_due"}]}}
        })
)";

struct Mode {
  const char* language;
  bool landscape;
};

QString fake(const char* type) {
  return QStringLiteral("%1 {\n%2\n    }").arg(QLatin1String(type), QString::fromUtf8(kAnswers));
}

QString screenshot_dir() {
  const QString dir = QStringLiteral(KIOSK_SCREENSHOT_DIR);
  QDir().mkpath(dir);
  return dir;
}

// Settles nested layouts (wrapping text follows the width its layout gave it over a few polish
// passes), saves the window to <name>.png and returns the checker's findings, one per line.
std::string shoot_and_check(QQuickWindow* window, double min_touch, const std::string& name) {
  const QImage shot = kiosk::ui_test::settle(window);
  const QString path = screenshot_dir() + "/" + QString::fromStdString(name) + ".png";
  CHECK(shot.save(path));
  std::string out;
  for (const auto& p : kiosk::ui_test::find_layout_problems(window, min_touch))
    out += name + ": " + p.kind + " " + p.item + ": " + p.detail + "\n";
  return out;
}

std::unique_ptr<QObject> create(QQmlEngine* engine, const QString& body) {
  // No speech engine chatter, no missing-dictionary notes of the virtual keyboard.
  QLoggingCategory::setFilterRules(
      QStringLiteral("qt.speech.tts*=false\nqt.virtualkeyboard.hunspell=false"));
  QQmlComponent component(engine);
  // Based in tests/kiosk-ui/qml so that MaintFakeApi.qml resolves from its directory.
  kiosk::ui_test::register_scripted_channel();
  component.setData(
      ("import QtQuick\nimport Kiosk.Ui\nimport KioskTest\n" + body).toUtf8(),
      QUrl::fromLocalFile(QStringLiteral(KIOSK_SOURCE_DIR "/tests/kiosk-ui/qml/MaintCheck.qml")));
  std::unique_ptr<QObject> object(component.create());
  INFO(component.errorString().toStdString());
  REQUIRE(object != nullptr);
  return object;
}

void check_maintenance(const Mode& mode) {
  QQmlEngine engine;
  engine.addImportPath(QStringLiteral("qrc:/"));
  const QString body = QStringLiteral(R"(
Item {
    id: root
    property QtObject theme: Theme
    property QtObject translator: Translator
    property alias shell: shell
    %1
    MaintenanceShell { id: shell; anchors.fill: parent; channel: fake; idleSeconds: 100000 }
    function login() {
        shell.loginPage.user = "tech1";
        shell.api.login("tech1", "secret");
    }
    function show(index: int) { shell.showPage(index); }
    // Focus a text field, as a tap would: the virtual keyboard opens below the page.
    function focusField(name: string): bool {
        const field = find(shell, name);
        if (!field)
            return false;
        field.forceActiveFocus();
        return true;
    }
    function blur() { shell.forceActiveFocus(); }
    function find(item: Item, name: string): Item {
        if (item.objectName === name)
            return item;
        for (let i = 0; i < item.children.length; ++i) {
            const found = find(item.children[i], name);
            if (found)
                return found;
        }
        return null;
    }
    function keyboardShown(): bool { return shell.keyboard.active; }
}
)")
                           .arg(fake("ScriptedChannel"));
  auto root_object = create(&engine, body);
  auto* root = qobject_cast<QQuickItem*>(root_object.get());
  REQUIRE(root != nullptr);
  QObject* theme = root->property("theme").value<QObject*>();
  QObject* translator = root->property("translator").value<QObject*>();
  REQUIRE(theme != nullptr);
  REQUIRE(translator != nullptr);
  translator->setProperty("language", QString::fromLatin1(mode.language));

  QQuickWindow window;
  kiosk::ui_test::show_in_window(&window, root,
                                 mode.landscape ? QSize(1920, 1080) : QSize(1080, 1920));
  const double min_touch = theme->property("minTouch").toDouble();
  REQUIRE(min_touch > 0);

  const std::string suffix =
      std::string("-") + mode.language + (mode.landscape ? "-landscape" : "-portrait");
  std::string problems = shoot_and_check(&window, min_touch, "maintenance-login" + suffix);
  // The same pages with the virtual keyboard open on a text field (user name at the login,
  // the card count on Supplies): the page above it must still be laid out cleanly.
  const auto with_keyboard = [&](const char* field, const std::string& name) {
    bool focused = false;
    REQUIRE(QMetaObject::invokeMethod(root, "focusField", Q_RETURN_ARG(bool, focused),
                                      Q_ARG(QString, QString::fromLatin1(field))));
    REQUIRE(focused);
    problems += shoot_and_check(&window, min_touch, name);
    bool shown = false;
    REQUIRE(QMetaObject::invokeMethod(root, "keyboardShown", Q_RETURN_ARG(bool, shown)));
    CHECK(shown);
    REQUIRE(QMetaObject::invokeMethod(root, "blur"));
  };
  with_keyboard("maintenance_user", "maintenance-login-keyboard" + suffix);
  REQUIRE(QMetaObject::invokeMethod(root, "login"));
  const char* pages[] = {"devices", "supplies", "transactions", "sync", "service", "audit"};
  int index = 0;
  for (const char* page : pages) {
    REQUIRE(QMetaObject::invokeMethod(root, "show", Q_ARG(int, index)));
    REQUIRE(root->property("shell").value<QObject*>()->property("currentPage").toInt() == index);
    problems += shoot_and_check(&window, min_touch, std::string("maintenance-") + page + suffix);
    if (std::string(page) == "supplies")
      with_keyboard("stock_count", "maintenance-supplies-keyboard" + suffix);
    ++index;
  }
  translator->setProperty("language", QStringLiteral("zh"));
  INFO(problems);
  CHECK(problems.empty());
}

void check_developer_panel(const char* language) {
  QQmlEngine engine;
  engine.addImportPath(QStringLiteral("qrc:/"));
  const QString body = QStringLiteral(R"(
DeveloperPanel {
    property QtObject theme: Theme
    property QtObject translator: Translator
    api: fake
    %1
}
)")
                           .arg(fake("MaintFakeApi"));
  auto object = create(&engine, body);
  auto* window = qobject_cast<QQuickWindow*>(object.get());
  REQUIRE(window != nullptr);
  QObject* theme = window->property("theme").value<QObject*>();
  QObject* translator = window->property("translator").value<QObject*>();
  REQUIRE(theme != nullptr);
  REQUIRE(translator != nullptr);
  translator->setProperty("language", QString::fromLatin1(language));
  window->show();
  // The panel scrolls when it is lower than its content (it takes the kiosk window's height);
  // the check and the screenshot see all of it at once: the window grows to the content.
  for (int pass = 0; pass < 3; ++pass) QCoreApplication::processEvents();
  for (QQuickItem* item : window->contentItem()->childItems()) {
    if (item->property("contentHeight").isValid()) {
      const int content = static_cast<int>(item->property("contentHeight").toDouble());
      if (content > window->height()) window->resize(window->width(), content);
    }
  }
  const double min_touch = theme->property("minTouch").toDouble();
  const std::string problems =
      shoot_and_check(window, min_touch, std::string("developer-panel-") + language);
  translator->setProperty("language", QStringLiteral("zh"));
  INFO(problems);
  CHECK(problems.empty());
}

}  // namespace

TEST_CASE("the maintenance login and pages are laid out cleanly in Chinese, portrait",
          "[maintenance]") {
  check_maintenance({"zh", false});
}

TEST_CASE("the maintenance login and pages are laid out cleanly in English, portrait",
          "[maintenance]") {
  check_maintenance({"en", false});
}

TEST_CASE("the maintenance login and pages are laid out cleanly in Chinese, landscape",
          "[maintenance]") {
  check_maintenance({"zh", true});
}

TEST_CASE("the maintenance login and pages are laid out cleanly in English, landscape",
          "[maintenance]") {
  check_maintenance({"en", true});
}

TEST_CASE("the developer panel is laid out cleanly in Chinese", "[developer]") {
  check_developer_panel("zh");
}

TEST_CASE("the developer panel is laid out cleanly in English", "[developer]") {
  check_developer_panel("en");
}
