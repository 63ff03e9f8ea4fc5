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
//  * "outside_window" a touch target not entirely inside the window.
//  * "overlap"  two texts of the same screen (outermost item whose objectName starts with
//               "screen_"; the whole window when there is none) drawn over each other by more
//               than 2 px in both directions (their visible painted rectangles).
// Tolerances: 1 px for text geometry, 0.5 px for touch targets (layout rounding).
#include <string>
#include <vector>

class QQuickWindow;
class QQuickItem;

namespace kiosk::ui_test {

struct LayoutProblem {
  std::string kind;    // "elided", "overflow", "clipped", "small_touch_target",
                       // "outside_window", "overlap"
  std::string item;    // objectName, or the path of types below the nearest named ancestor
  std::string detail;  // human-readable sizes and the first characters of the text
};

std::vector<LayoutProblem> find_layout_problems(QQuickWindow* window, double min_touch_px);

// Same checks on one subtree (used by tests that render a component into a window).
std::vector<LayoutProblem> find_layout_problems(QQuickItem* root, QQuickWindow* window,
                                                double min_touch_px);

// One problem per line, for test failure messages.
std::string describe(const std::vector<LayoutProblem>& problems);

}  // namespace kiosk::ui_test
