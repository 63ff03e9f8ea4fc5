// The layout checker finds elided, overflowing, clipped and broken-up text and small touch
// targets in small QML pages rendered offscreen, and stays silent on a well laid out page.
#include <catch2/catch.hpp>

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <memory>
#include <string>

#include "tests/kiosk-ui/support/layout_check.hpp"

namespace {

using kiosk::ui_test::find_layout_problems;
using kiosk::ui_test::LayoutProblem;

constexpr double kMinTouch = 88;

// Loads `body` inside a 600 x 800 Window and waits for its first frame.
class Page {
 public:
  explicit Page(const QString& body) {
    const QByteArray qml = QStringLiteral(
                               "import QtQuick\nimport QtQuick.Controls\nimport QtQuick.Layouts\n"
                               "Window { width: 600; height: 800; visible: true\n%1\n}\n")
                               .arg(body)
                               .toUtf8();
    QQmlComponent component(&engine_);
    component.setData(qml, QUrl::fromLocalFile(QStringLiteral("/layout_check/Page.qml")));
    QObject* created = component.create();
    INFO("status " << component.status() << " " << component.errorString().toStdString()
                   << (created ? created->metaObject()->className() : "null"));
    window_.reset(qobject_cast<QQuickWindow*>(created));
    REQUIRE(window_ != nullptr);
    QSignalSpy frames(window_.get(), &QQuickWindow::frameSwapped);
    REQUIRE(QTest::qWaitFor([&] { return frames.count() > 0; }, 10000));
  }

  std::vector<LayoutProblem> problems() const {
    return find_layout_problems(window_.get(), kMinTouch);
  }

 private:
  QQmlEngine engine_;
  std::unique_ptr<QQuickWindow> window_;
};

bool has(const std::vector<LayoutProblem>& problems, const std::string& kind,
         const std::string& item) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const LayoutProblem& p) { return p.kind == kind && p.item == item; });
}

}  // namespace

TEST_CASE("an elided label is found", "[layout]") {
  Page page(R"(Label { objectName: "title"; width: 120; font.pixelSize: 36
                       text: "A title far too long for its box"; elide: Text.ElideRight })");
  const auto problems = page.problems();
  INFO(kiosk::ui_test::describe(problems));
  CHECK(has(problems, "elided", "title"));
}

TEST_CASE("a text wider than its fixed width is an overflow", "[layout]") {
  Page page(R"(Text { objectName: "body"; width: 120; font.pixelSize: 36
                      text: "Unbreakable_long_word_here" })");
  const auto problems = page.problems();
  INFO(kiosk::ui_test::describe(problems));
  CHECK(has(problems, "overflow", "body"));
}

TEST_CASE("a text overflowing a clip:true parent is found", "[layout]") {
  Page page(R"(Rectangle { objectName: "card"; x: 20; y: 20; width: 200; height: 60; clip: true
                 Text { objectName: "caption"; font.pixelSize: 36
                        text: "This caption runs out of its card" } })");
  const auto problems = page.problems();
  INFO(kiosk::ui_test::describe(problems));
  CHECK(has(problems, "clipped", "caption"));
}

TEST_CASE("a text running off the window edge is found", "[layout]") {
  Page page(R"(Text { objectName: "edge"; x: 450; y: 10; font.pixelSize: 36
                      text: "Runs off the right edge" })");
  const auto problems = page.problems();
  INFO(kiosk::ui_test::describe(problems));
  CHECK(has(problems, "clipped", "edge"));
}

TEST_CASE("two texts drawn over each other are found", "[layout]") {
  Page page(R"(Column { objectName: "screen_demo"; x: 20; y: 20; width: 400
                 Text { objectName: "label"; font.pixelSize: 36; text: "Licence classes" }
                 Item { width: 400; height: 10
                        Text { objectName: "value"; y: -30; font.pixelSize: 36; text: "C1" } }
                 Text { objectName: "next"; font.pixelSize: 36; text: "New validity" } })");
  const auto problems = page.problems();
  INFO(kiosk::ui_test::describe(problems));
  CHECK(has(problems, "overlap", "label"));
}

TEST_CASE("an overlay over another screen is not an overlap", "[layout]") {
  Page page(R"(Item { objectName: "screen_consent"; anchors.fill: parent
                      Text { font.pixelSize: 36; text: "Face verification"; y: 100 } }
               Rectangle { anchors.fill: parent; color: "white"
                 Text { font.pixelSize: 36; text: "Are you still there?"; y: 100 } })");
  const auto problems = page.problems();
  INFO(kiosk::ui_test::describe(problems));
  CHECK(problems.empty());
}

// The photo review's "Retake" broken as "Reta" / "ke": a button whose label wraps anywhere,
// given less width than its one word. No overflow, no elision: only the broken word shows it.
TEST_CASE("a word broken inside a too narrow button is found", "[layout]") {
  Page page(R"(Button { objectName: "action_retake"; x: 20; y: 20; width: 110; height: 140
                        contentItem: Text { objectName: "retake_label"; text: "Retake"
                                            font.pixelSize: 40; wrapMode: Text.Wrap } })");
  const auto problems = page.problems();
  INFO(kiosk::ui_test::describe(problems));
  CHECK(has(problems, "broken_word", "retake_label"));
  CHECK_FALSE(has(problems, "overflow", "retake_label"));
  CHECK_FALSE(has(problems, "elided", "retake_label"));
}

TEST_CASE("a word broken in a wrapping paragraph is found, between words is fine", "[layout]") {
  Page page(R"(Text { objectName: "broken"; x: 20; y: 20; width: 200; font.pixelSize: 36
                      wrapMode: Text.WrapAnywhere; text: "Use this photograph" }
               Text { objectName: "words"; x: 20; y: 300; width: 200; font.pixelSize: 36
                      wrapMode: Text.Wrap; text: "Use this photo now" })");
  const auto problems = page.problems();
  INFO(kiosk::ui_test::describe(problems));
  CHECK(has(problems, "broken_word", "broken"));
  CHECK_FALSE(has(problems, "broken_word", "words"));
}

TEST_CASE("Chinese may break between any two characters", "[layout]") {
  Page page(R"(Text { objectName: "chinese"; x: 20; y: 20; width: 160; font.pixelSize: 36
                      wrapMode: Text.Wrap; text: "请将身份证放在读卡区" }
               Text { objectName: "date"; x: 20; y: 400; width: 220; font.pixelSize: 30
                      wrapMode: Text.Wrap; text: "2026-11-28 10:00:00" })");
  const auto problems = page.problems();
  INFO(kiosk::ui_test::describe(problems));
  CHECK_FALSE(has(problems, "broken_word", "chinese"));
  CHECK_FALSE(has(problems, "broken_word", "date"));  // broken after the space
}

TEST_CASE("a 40 px button is found", "[layout]") {
  Page page(R"(Button { objectName: "action_ok"; x: 20; y: 20; width: 40; height: 40 })");
  const auto problems = page.problems();
  INFO(kiosk::ui_test::describe(problems));
  CHECK(has(problems, "small_touch_target", "action_ok"));
}

TEST_CASE("small mouse areas and tap handlers are found", "[layout]") {
  Page page(R"(Rectangle { objectName: "tap"; x: 20; y: 20; width: 200; height: 50
                           TapHandler {} }
               MouseArea { objectName: "area"; x: 20; y: 200; width: 60; height: 200 })");
  const auto problems = page.problems();
  INFO(kiosk::ui_test::describe(problems));
  CHECK(has(problems, "small_touch_target", "tap"));
  CHECK(has(problems, "small_touch_target", "area"));
}

TEST_CASE("the hidden maintenance gesture area is exempt", "[layout]") {
  Page page(R"(MouseArea { objectName: "maintenance_gesture"; width: 40; height: 40 })");
  const auto problems = page.problems();
  INFO(kiosk::ui_test::describe(problems));
  CHECK(problems.empty());
}

TEST_CASE("hidden, transparent and disabled items are not judged", "[layout]") {
  Page page(R"(Button { objectName: "hidden"; width: 40; height: 40; visible: false }
               Item { opacity: 0
                      Button { objectName: "transparent"; width: 40; height: 40 } }
               Button { objectName: "disabled"; width: 40; height: 40; enabled: false
                        y: 100 }
               Label { objectName: "gone"; width: 50; visible: false; elide: Text.ElideRight
                       text: "Hidden long text that would be elided" })");
  const auto problems = page.problems();
  INFO(kiosk::ui_test::describe(problems));
  CHECK(problems.empty());
}

TEST_CASE("a button outside the window is found", "[layout]") {
  Page page(R"(Button { objectName: "action_next"; x: 550; y: 700; width: 120; height: 100
                        text: "Next" })");
  const auto problems = page.problems();
  INFO(kiosk::ui_test::describe(problems));
  CHECK(has(problems, "outside_window", "action_next"));
}

TEST_CASE("a well laid out page gives no problem", "[layout]") {
  Page page(R"(ColumnLayout {
                 anchors.fill: parent; anchors.margins: 40; spacing: 24
                 Label { Layout.fillWidth: true; font.pixelSize: 48; text: "Renew licence"
                         elide: Text.ElideRight }
                 Label { Layout.fillWidth: true; font.pixelSize: 36; wrapMode: Text.Wrap
                         text: "Place your ID card on the reader below the screen. It stays there until the end." }
                 ListView { Layout.fillWidth: true; Layout.fillHeight: true; clip: true
                            spacing: 8; model: 20
                            delegate: Button { required property int index
                                               width: 400; height: 96
                                               text: "Option " + index } }
                 RowLayout { Layout.fillWidth: true
                   Button { objectName: "action_cancel"; text: "Cancel"
                            Layout.preferredWidth: 200; Layout.preferredHeight: 96 }
                   Item { Layout.fillWidth: true }
                   Button { objectName: "action_confirm"; text: "Confirm"
                            Layout.preferredWidth: 200; Layout.preferredHeight: 96 } } })");
  const auto problems = page.problems();
  INFO(kiosk::ui_test::describe(problems));
  CHECK(problems.empty());
}
