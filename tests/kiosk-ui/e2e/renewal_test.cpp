// End to end: a citizen renews a driving licence through the real kiosk-ui (Main.qml, the
// LocalApi client) against a real kioskd with emulated devices and a dev kiosk-central. The
// test taps the buttons a citizen would tap (found by objectName, UI_BRIEF's contract) and
// performs the physical acts (ID card on the reader, payment code, taking the card) through
// the emulator methods of the local API on its own connection. Every screen that settles is
// saved as a screenshot (screenshots/e2e-<nn>-<screen>.png) and passed through the layout
// checker.
#include <catch2/catch.hpp>

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>
#include <functional>
#include <string>
#include <vector>

#include "kiosk_engine.hpp"
#include "tests/kiosk-ui/support/kiosk_stack.hpp"
#include "tests/kiosk-ui/support/layout_check.hpp"

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

namespace {

using kiosk::ui_test::KioskStack;
using kiosk::ui_test::RpcError;

constexpr int kScreenTimeoutMs = 60000;

double effective_opacity(const QQuickItem* item) {
  double o = 1.0;
  for (; item != nullptr; item = item->parentItem()) o *= item->opacity();
  return o;
}

void collect(QQuickItem* item, const std::function<bool(QQuickItem*)>& match,
             std::vector<QQuickItem*>& out, bool outermost_only = false) {
  if (item == nullptr || !item->isVisible() || item->opacity() <= 0.0) return;
  if (match(item)) {
    out.push_back(item);
    if (outermost_only) return;
  }
  for (QQuickItem* child : item->childItems()) collect(child, match, out, outermost_only);
}

// Screen roots: the outermost items named "screen_*" (a screen may name its parts
// "screen_title" and the like).
std::vector<QQuickItem*> screen_roots(QQuickItem* root) {
  std::vector<QQuickItem*> screens;
  collect(
      root, [](QQuickItem* i) { return i->objectName().startsWith(QLatin1String("screen_")); },
      screens, true);
  return screens;
}

// The kiosk window as the citizen sees it: which screen is shown, when it has settled (no
// transition running), its screenshots and layout problems.
class KioskUi {
 public:
  KioskUi(const QString& socket, const QString& screenshot_dir) : screenshot_dir_(screenshot_dir) {
    QGuiApplication::setApplicationName("kiosk-ui");
    QGuiApplication::setOrganizationName("Kiosk24");
    // Exactly as src/main.cpp: portrait, windowed, no developer panel.
    engine_.setInitialProperties({{"landscape", false},
                                  {"fullScreen", false},
                                  {"developerPanel", false},
                                  {"socketPath", socket}});
    kiosk::ui::prepare_engine(engine_);
    engine_.load(kiosk::ui::main_qml());
    REQUIRE(!engine_.rootObjects().isEmpty());
    window_ = qobject_cast<QQuickWindow*>(engine_.rootObjects().first());
    REQUIRE(window_ != nullptr);
    QDir().mkpath(screenshot_dir_);
    // Theme.minTouch when the module has it; the contract's 88 px otherwise.
    const int theme = qmlTypeId("Kiosk.Ui", 1, 0, "Theme");
    if (theme >= 0) {
      if (QObject* t = engine_.singletonInstance<QObject*>(theme)) {
        bool ok = false;
        const double v = t->property("minTouch").toDouble(&ok);
        if (ok && v > 0) min_touch_ = v;
      }
    }
  }

  // The one screen root (objectName "screen_<name>") visible now; "" during a transition.
  QString current_screen(QQuickItem** item_out = nullptr) const {
    const std::vector<QQuickItem*> screens = screen_roots(window_->contentItem());
    if (screens.size() != 1) return {};
    if (item_out != nullptr) *item_out = screens.front();
    return screens.front()->objectName().mid(7);
  }

  // Every visible "screen_*" item, for failure messages.
  std::string visible_screens() const {
    const std::vector<QQuickItem*> screens = screen_roots(window_->contentItem());
    std::string s;
    for (QQuickItem* i : screens)
      s += (s.empty() ? "" : ", ") + i->objectName().toStdString() + " (opacity " +
           std::to_string(effective_opacity(i)) + ")";
    return s.empty() ? "none" : s;
  }

  // One poll: notices a new screen, and captures it once it stayed put for 150 ms.
  void tick() {
    QQuickItem* item = nullptr;
    const QString name = current_screen(&item);
    const QRectF rect = item != nullptr ? item->mapRectToScene(item->boundingRect()) : QRectF();
    const double opacity = item != nullptr ? effective_opacity(item) : 0.0;
    if (name != last_name_ || rect != last_rect_ || opacity != last_opacity_) {
      if (name != last_name_) {
        if (!name.isEmpty()) seen_.push_back(name.toStdString());
        captured_ = false;
      }
      last_name_ = name;
      last_rect_ = rect;
      last_opacity_ = opacity;
      stable_.start();
      return;
    }
    if (!name.isEmpty() && !captured_ && opacity >= 1.0 && stable_.elapsed() >= 150) capture(name);
  }

  // Waits (polling, the event loop running) until `name` is shown and captured.
  void wait_for_screen(const QString& name, int timeout_ms = kScreenTimeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!(last_name_ == name && captured_)) {
      if (t.elapsed() > timeout_ms)
        FAIL("screen " << name.toStdString() << " not reached; now \"" << last_name_.toStdString()
                       << "\"; seen " << seen_list() << "; visible: " << visible_screens());
      QTest::qWait(20);
      tick();
    }
  }

  // Waits until one of `names` is shown and captured; returns it.
  QString wait_for_any(const QStringList& names, int timeout_ms = kScreenTimeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!(names.contains(last_name_) && captured_)) {
      if (t.elapsed() > timeout_ms)
        FAIL("none of " << names.join(',').toStdString() << " reached; now \""
                        << last_name_.toStdString() << "\"; seen " << seen_list()
                        << "; visible: " << visible_screens());
      QTest::qWait(20);
      tick();
    }
    return last_name_;
  }

  void pump(int ms) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
      QTest::qWait(20);
      tick();
    }
  }

  // Taps the visible, enabled item with this objectName in its centre, like a finger.
  void tap(const QString& object_name) {
    std::vector<QQuickItem*> found;
    collect(
        window_->contentItem(),
        [&](QQuickItem* i) { return i->objectName() == object_name && i->isEnabled(); }, found);
    INFO("tapping " << object_name.toStdString() << " on " << last_name_.toStdString());
    REQUIRE(found.size() == 1);
    const QPointF centre =
        found.front()->mapToScene(QPointF(found.front()->width() / 2, found.front()->height() / 2));
    QTest::mouseClick(window_, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
  }

  bool has_visible(const QString& object_name) const {
    std::vector<QQuickItem*> found;
    collect(
        window_->contentItem(),
        [&](QQuickItem* i) { return i->objectName() == object_name && i->isEnabled(); }, found);
    return !found.empty();
  }

  std::string seen_list() const {
    std::string s;
    for (const auto& n : seen_) s += (s.empty() ? "" : " > ") + n;
    return s;
  }
  const std::vector<std::string>& layout_problems() const { return layout_problems_; }

 private:
  void capture(const QString& name) {
    captured_ = true;
    ++shot_;
    const QString file = QStringLiteral("%1/e2e-%2-%3.png")
                             .arg(screenshot_dir_)
                             .arg(shot_, 2, 10, QLatin1Char('0'))
                             .arg(name);
    const QImage image = window_->grabWindow();
    CHECK(!image.isNull());
    CHECK(image.save(file));
    for (const auto& p : kiosk::ui_test::find_layout_problems(window_, min_touch_))
      layout_problems_.push_back(name.toStdString() + ": " + p.kind + " " + p.item + ": " +
                                 p.detail);
  }

  QQmlApplicationEngine engine_;
  QQuickWindow* window_ = nullptr;
  QString screenshot_dir_;
  double min_touch_ = 88;
  QString last_name_;
  QRectF last_rect_;
  double last_opacity_ = 0;
  QElapsedTimer stable_;
  bool captured_ = false;
  int shot_ = 0;
  std::vector<std::string> seen_;
  std::vector<std::string> layout_problems_;
};

QString renewal_citizen(KioskStack& stack) {
  const QJsonArray citizens =
      stack.call("emulator.citizens").toObject().value("citizens").toArray();
  for (const auto& c : citizens) {
    const QJsonObject o = c.toObject();
    if (o.value("label").toString() == "due_for_renewal" ||
        o.value("scenario").toString() == "due_for_renewal")
      return o.value("id_number").toString();
  }
  return {};
}

}  // namespace

TEST_CASE("a citizen renews a licence by tapping through the real UI", "[e2e]") {
  KioskStack stack;
  stack.start();
  const int issued_before = stack.call("stock.status").toObject().value("issued").toInt();
  const QString citizen = renewal_citizen(stack);
  REQUIRE(!citizen.isEmpty());

  KioskUi ui(stack.socket_path(), QStringLiteral(KIOSK_SCREENSHOT_DIR));
  ui.wait_for_any({"idle", "attract"});
  ui.tap("service_renewal");

  ui.wait_for_screen("insert_id_card");
  stack.call("emulator.place_id_card", {{"id_number", citizen}});

  ui.wait_for_screen("consent");
  ui.tap("action_consent");

  // Face verification and the licence photo are taken by the emulated camera; the citizen
  // reviews the photo (retakes while the quality is not good enough).
  while (true) {
    const QString s = ui.wait_for_any({"photo_review", "confirm_details", "ended", "call_staff"});
    REQUIRE(s != "ended");
    REQUIRE(s != "call_staff");
    if (s == "confirm_details") break;
    ui.tap(ui.has_visible("action_accept") ? "action_accept" : "action_retake");
    ui.pump(200);
  }
  ui.tap("action_confirm");

  ui.wait_for_screen("payment");
  stack.call("emulator.present_payment_code", {{"wallet", "alipay"}});

  // Printing takes a while even with fast emulators; the card then comes out of the mouth.
  while (true) {
    const QString s = ui.wait_for_any({"take_card", "completed", "ended", "payment_declined"});
    REQUIRE(s != "ended");
    REQUIRE(s != "payment_declined");
    if (s == "completed") break;
    try {
      stack.call("emulator.take_card");
    } catch (const RpcError& e) {
      if (e.reason() != "no_card_in_mouth") throw;
      ui.pump(100);  // not out yet
      continue;
    }
    ui.wait_for_screen("completed");
    break;
  }
  stack.call("emulator.remove_id_card");
  ui.tap("action_finish");
  ui.wait_for_any({"idle", "attract"});

  INFO("screens: " << ui.seen_list());
  std::string problems;
  for (const auto& p : ui.layout_problems()) problems += p + "\n";
  INFO("layout problems:\n" << problems);
  CHECK(ui.layout_problems().empty());

  const QJsonArray txns =
      stack.maintenance_call("txn.list", {{"limit", 5}}).toObject().value("transactions").toArray();
  REQUIRE(!txns.isEmpty());
  const QJsonObject latest = txns.first().toObject();
  CHECK(latest.value("service").toString() == "renewal");
  CHECK(latest.value("outcome").toString() == "completed");
  CHECK(stack.call("stock.status").toObject().value("issued").toInt() == issued_before + 1);
}
