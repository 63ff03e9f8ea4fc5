#pragma once
// Layout checker for kiosk-ui: walks the visible item tree of a Qt Quick window and reports
// what a citizen would see as a defect: text that is elided, overflows its item or is cut by
// a clipping ancestor or the window edge, and touch targets smaller than a finger.
//
// Rules (all on the window's contentItem subtree, items with effective visibility and
// effective opacity > 0; a subtree scrolled entirely out of a clipping ancestor is skipped):
//  * "elided"   a Text/Label (QQuickText or subclass) whose `truncated` is true.
//  * "overflow" a text whose content is wider than the item (beyond 1 px) and that does not
//               elide, or taller than the item (beyond 1 px) unless it elides in both
//               directions (wrap + elide, where Qt truncates and reports `truncated`).
//  * "clipped"  a text whose painted rectangle is cut by an ancestor with `clip: true` (a
//               scrollable Flickable/ListView viewport does not count: scrolling is not a
//               layout defect) or by the window edge.
//  * "small_touch_target" an enabled button (QQuickAbstractButton), MouseArea or item with
//               an enabled TapHandler narrower or lower than `min_touch_px`. The hidden
//               maintenance gesture area (objectName "maintenance_gesture") and the Qt
//               Virtual Keyboard's own keys are exempt.
//  * "outside_window" a touch target not entirely inside the window (its part hidden by a
//               clipping ancestor, e.g. scrolled out of a list, does not count).
//  * "broken_word" a wrapping plain text whose laid-out lines break inside a word, where the
//               text offers no line break opportunity (UAX #14: "Reta" / "ke"; any boundary
//               between CJK characters is one). Seen when a label is given less width than
//               its longest word and wraps anywhere.
//  * "overlap"  two texts of the same screen (outermost item whose objectName starts with
//               "screen_"; the whole window when there is none) drawn over each other by more
//               than 2 px in both directions (their visible painted rectangles).
// Tolerances: 1 px for text geometry, 0.5 px for touch targets (layout rounding).
#include <QImage>
#include <QSize>
#include <string>
#include <vector>

class QQuickWindow;
class QQuickItem;

namespace kiosk::ui_test {

struct LayoutProblem {
  std::string kind;    // "elided", "overflow", "clipped", "small_touch_target",
                       // "outside_window", "overlap", "broken_word"
  std::string item;    // objectName, or the path of types below the nearest named ancestor
  std::string detail;  // human-readable sizes and the first characters of the text
};

std::vector<LayoutProblem> find_layout_problems(QQuickWindow* window, double min_touch_px);

// Same checks on one subtree (used by tests that render a component into a window).
std::vector<LayoutProblem> find_layout_problems(QQuickItem* root, QQuickWindow* window,
                                                double min_touch_px);

// One problem per line, for test failure messages.
std::string describe(const std::vector<LayoutProblem>& problems);

// Puts `root` into `window` at `size` (the window resized to it) and shows the window.
void show_in_window(QQuickWindow* window, QQuickItem* root, QSize size);

// Lets the scene settle before it is judged or photographed: nested layouts with wrapping text
// settle over a few polish passes (a text's height follows the width its layout gave it), so
// events are processed and a frame rendered `passes` times. Returns the last frame.
QImage settle(QQuickWindow* window, int passes = 5);

}  // namespace kiosk::ui_test
