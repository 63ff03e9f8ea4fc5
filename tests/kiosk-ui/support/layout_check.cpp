#include "tests/kiosk-ui/support/layout_check.hpp"

#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QMetaObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRectF>
#include <QRegularExpression>
#include <QString>
#include <QTextBoundaryFinder>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextOption>
#include <QVariant>
#include <algorithm>
#include <cstdio>
#include <optional>

namespace kiosk::ui_test {
namespace {

constexpr double kTextTolerance = 1.0;
constexpr double kTouchTolerance = 0.5;
constexpr double kOverlapTolerance = 2.0;

bool inherits(const QObject* object, const char* class_name) {
  for (const QMetaObject* m = object->metaObject(); m != nullptr; m = m->superClass())
    if (qstrcmp(m->className(), class_name) == 0) return true;
  return false;
}

bool class_name_contains(const QObject* object, const char* fragment) {
  for (const QMetaObject* m = object->metaObject(); m != nullptr; m = m->superClass())
    if (QString::fromLatin1(m->className()).contains(QLatin1String(fragment))) return true;
  return false;
}

// "ConsentScreenForm_QMLTYPE_12" -> "ConsentScreenForm", "QQuickText" -> "Text".
QString type_name(const QObject* object) {
  QString name = QString::fromLatin1(object->metaObject()->className());
  static const QRegularExpression qml_suffix(QStringLiteral("_QML(TYPE)?_[0-9]+$"));
  name.remove(qml_suffix);
  if (name.startsWith(QLatin1String("QQuick"))) name = name.mid(6);
  return name;
}

// objectName, or "<nearest named ancestor>/<Type>/<Type>..." for unnamed items.
std::string item_name(const QQuickItem* item) {
  if (!item->objectName().isEmpty()) return item->objectName().toStdString();
  QStringList path{type_name(item)};
  for (const QQuickItem* p = item->parentItem(); p != nullptr; p = p->parentItem()) {
    if (!p->objectName().isEmpty()) {
      path.prepend(p->objectName());
      break;
    }
    path.prepend(type_name(p));
    if (path.size() > 6) {
      path.prepend(QStringLiteral("..."));
      break;
    }
  }
  return path.join(QLatin1Char('/')).toStdString();
}

QString excerpt(const QString& text) {
  QString t = text.simplified();
  if (t.size() > 32) t = t.left(31) + QChar(0x2026);
  return t;
}

std::string size_text(double w, double h) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0fx%.0f", w, h);
  return buf;
}

bool contains(const QRectF& outer, const QRectF& inner, double tolerance) {
  return inner.left() >= outer.left() - tolerance && inner.top() >= outer.top() - tolerance &&
         inner.right() <= outer.right() + tolerance && inner.bottom() <= outer.bottom() + tolerance;
}

// A Flickable whose content can actually scroll: its viewport edge cuts content by design.
bool is_scrolling_viewport(const QQuickItem* item) {
  if (!inherits(item, "QQuickFlickable")) return false;
  const double cw = item->property("contentWidth").toDouble();
  const double ch = item->property("contentHeight").toDouble();
  return cw > item->width() + kTextTolerance || ch > item->height() + kTextTolerance;
}

bool has_enabled_tap_handler(const QQuickItem* item) {
  for (const QObject* child : item->children())
    if (inherits(child, "QQuickTapHandler") && child->property("enabled").toBool()) return true;
  return false;
}

bool is_touch_target(const QQuickItem* item) {
  return inherits(item, "QQuickAbstractButton") || inherits(item, "QQuickMouseArea") ||
         has_enabled_tap_handler(item);
}

// The painted rectangle of a Text in its own coordinates: the content box placed by the
// alignment inside the item.
QRectF text_paint_rect(const QQuickItem* text) {
  const double cw = text->property("contentWidth").toDouble();
  const double ch = text->property("contentHeight").toDouble();
  const int h_align = text->property("effectiveHorizontalAlignment").isValid()
                          ? text->property("effectiveHorizontalAlignment").toInt()
                          : text->property("horizontalAlignment").toInt();
  const int v_align = text->property("verticalAlignment").toInt();
  double x = 0;
  if (h_align & Qt::AlignRight)
    x = text->width() - cw;
  else if (h_align & Qt::AlignHCenter)
    x = (text->width() - cw) / 2;
  double y = 0;
  if (v_align & Qt::AlignBottom)
    y = text->height() - ch;
  else if (v_align & Qt::AlignVCenter)
    y = (text->height() - ch) / 2;
  return {x, y, cw, ch};
}

// Qt's enum values (QQuickText), read through the meta-object as plain ints.
constexpr int kNoWrap = 0;
constexpr int kPlainText = 0;
constexpr int kAutoText = 2;
constexpr int kFixedSize = 0;
constexpr int kNativeRendering = 1;

// Where the laid-out lines of a wrapping plain text break although the text offers no line
// break opportunity there (UAX #14 through QTextBoundaryFinder: between words, after a hyphen,
// between CJK characters, ...) and not after a space: a word broken inside itself, like
// "Reta" / "ke". QQuickText
// does not publish its layout, so the text is laid out again the way QQuickText does (its
// font, wrap mode and width; design metrics unless native rendering) and the result is only
// trusted when it has as many lines as the item reports. Rich and styled text and texts that
// shrink to fit are not judged. Returns "Reta|ke" excerpts, one per bad break.
std::vector<QString> broken_words(const QQuickItem* text) {
  const int wrap = text->property("wrapMode").toInt();
  if (wrap == kNoWrap || text->property("truncated").toBool()) return {};
  QString content = text->property("text").toString();
  const int format = text->property("textFormat").toInt();
  if (format != kPlainText && !(format == kAutoText && !Qt::mightBeRichText(content))) return {};
  if (text->property("fontSizeMode").toInt() != kFixedSize) return {};
  const int lines_shown = text->property("lineCount").toInt();
  if (lines_shown < 2) return {};

  content.replace(QLatin1Char('\n'), QChar::LineSeparator);
  const double width = text->width() - text->property("leftPadding").toDouble() -
                       text->property("rightPadding").toDouble();
  QTextLayout layout(content, text->property("font").value<QFont>());
  QTextOption option;
  option.setWrapMode(static_cast<QTextOption::WrapMode>(wrap));
  option.setUseDesignMetrics(text->property("renderType").toInt() != kNativeRendering);
  layout.setTextOption(option);
  layout.beginLayout();
  for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine())
    line.setLineWidth(width);
  layout.endLayout();
  if (layout.lineCount() != lines_shown) return {};

  std::vector<QString> out;
  QTextBoundaryFinder breaks(QTextBoundaryFinder::Line, content);
  for (int i = 0; i + 1 < layout.lineCount(); ++i) {
    const QTextLine line = layout.lineAt(i);
    const int at = line.textStart() + line.textLength();
    if (at <= 0 || at >= content.size()) continue;
    // After a space is never inside a word, whatever Qt's line breaker says (it offers no break
    // in "2026-11-28 10:00:00", and a text that wraps anywhere then breaks at the space).
    if (content.at(at - 1).isSpace()) continue;
    breaks.setPosition(at);
    if (breaks.isAtBoundary()) continue;
    out.push_back(content.mid(std::max(0, at - 12), std::min(at, 12)).simplified() +
                  QLatin1Char('|') + content.mid(at, 12).simplified());
  }
  return out;
}

class Walker {
 public:
  Walker(QQuickWindow* window, double min_touch) : window_(window), min_touch_(min_touch) {}

  void walk(QQuickItem* item, double parent_opacity, std::optional<QRectF> clip_rect,
            const QQuickItem* clip_owner) {
    if (item == nullptr || !item->isVisible()) return;
    const double opacity = parent_opacity * item->opacity();
    if (opacity <= 0.0) return;
    if (class_name_contains(item, "InputPanel") || class_name_contains(item, "VirtualKeyboard"))
      return;  // Qt Virtual Keyboard: its key geometry is the keyboard style's business
    const QRectF scene = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    // Entirely scrolled out of a clipping ancestor: nobody sees it (its children may still
    // be visible when the item has no size, e.g. a plain container, so only sized items).
    if (clip_rect && item->width() > 0 && item->height() > 0 && !clip_rect->intersects(scene) &&
        !item->clip())
      return;

    if (inherits(item, "QQuickText")) check_text(item, clip_rect, clip_owner);
    if (item->isEnabled() && is_touch_target(item))
      check_touch_target(item, clip_rect ? scene.intersected(*clip_rect) : scene);

    std::optional<QRectF> child_clip = clip_rect;
    const QQuickItem* child_owner = clip_owner;
    if (item->clip()) {
      child_clip = clip_rect ? clip_rect->intersected(scene) : scene;
      // A scrolling viewport cuts content by design: what lies partly under its edge is not
      // reported (no owner), what lies entirely outside is skipped above.
      child_owner = is_scrolling_viewport(item) ? nullptr : item;
    }
    for (QQuickItem* child : item->childItems()) walk(child, opacity, child_clip, child_owner);
  }

  // Texts drawn over each other (a misplaced row, a layout squeezed below its content). Only
  // texts of the same screen are compared (the outermost item named "screen_*", or the whole
  // window when there is none): overlays such as the idle warning cover a screen on purpose.
  void check_overlaps() {
    for (size_t i = 0; i < texts_.size(); ++i) {
      for (size_t j = i + 1; j < texts_.size(); ++j) {
        const TextBox& a = texts_[i];
        const TextBox& b = texts_[j];
        if (screen_of(a.item) != screen_of(b.item)) continue;
        if (a.item->isAncestorOf(b.item) || b.item->isAncestorOf(a.item)) continue;
        const QRectF both = a.rect.intersected(b.rect);
        if (both.width() <= kOverlapTolerance || both.height() <= kOverlapTolerance) continue;
        problems.push_back({"overlap", item_name(a.item),
                            a.quoted + " overlaps " + b.quoted + " (" + item_name(b.item) +
                                ") by " + size_text(both.width(), both.height())});
      }
    }
  }

  std::vector<LayoutProblem> problems;

 private:
  void add(const char* kind, const QQuickItem* item, const std::string& detail) {
    problems.push_back({kind, item_name(item), detail});
  }

  void check_text(QQuickItem* text, const std::optional<QRectF>& clip_rect,
                  const QQuickItem* clip_owner) {
    const QString content = text->property("text").toString();
    if (content.trimmed().isEmpty()) return;
    const std::string quoted = "\"" + excerpt(content).toStdString() + "\"";
    const double w = text->width();
    const double h = text->height();
    const double cw = text->property("contentWidth").toDouble();
    const double ch = text->property("contentHeight").toDouble();
    const int elide = text->property("elide").toInt();    // Text.ElideNone == 3
    const int wrap = text->property("wrapMode").toInt();  // Text.NoWrap == 0
    const bool elides = elide != Qt::ElideNone;
    const bool wraps = wrap != 0;

    if (text->property("truncated").toBool())
      add("elided", text, quoted + " is elided in " + size_text(w, h));
    else {
      if (!elides && cw > w + kTextTolerance)
        add("overflow", text,
            quoted + " needs " + size_text(cw, ch) + " but has " + size_text(w, h));
      else if (!(elides && wraps) && ch > h + kTextTolerance)
        add("overflow", text,
            quoted + " needs " + size_text(cw, ch) + " but has " + size_text(w, h));
    }

    for (const QString& at : broken_words(text))
      add("broken_word", text, quoted + " breaks inside a word: \"" + at.toStdString() + "\"");

    const QRectF painted = text->mapRectToScene(text_paint_rect(text));
    if (clip_rect && clip_owner != nullptr && !contains(*clip_rect, painted, kTextTolerance) &&
        clip_rect->intersects(painted))
      add("clipped", text, quoted + " is cut by clipping " + item_name(clip_owner));
    const QRectF window_rect(0, 0, window_->width(), window_->height());
    // What a scrolling viewport hides is not cut by the window edge.
    const QRectF shown = clip_rect ? painted.intersected(*clip_rect) : painted;
    if (window_rect.intersects(shown) && !contains(window_rect, shown, kTextTolerance))
      add("clipped", text, quoted + " is cut by the window edge");
    QRectF visible = clip_rect ? painted.intersected(*clip_rect) : painted;
    visible = visible.intersected(window_rect);
    if (!visible.isEmpty()) texts_.push_back({text, visible, quoted});
  }

  // `scene`: the target's rectangle in the scene, the part not hidden by clipping ancestors.
  void check_touch_target(QQuickItem* item, const QRectF& scene) {
    if (item->objectName() == QLatin1String("maintenance_gesture")) return;
    const double w = item->width();
    const double h = item->height();
    if (w < min_touch_ - kTouchTolerance || h < min_touch_ - kTouchTolerance) {
      char min[32];
      std::snprintf(min, sizeof min, "%.0f", min_touch_);
      add("small_touch_target", item,
          type_name(item).toStdString() + " is " + size_text(w, h) + ", minimum " + min);
    }
    const QRectF window_rect(0, 0, window_->width(), window_->height());
    if (!contains(window_rect, scene, kTouchTolerance))
      add("outside_window", item,
          type_name(item).toStdString() + " at scene " + size_text(scene.x(), scene.y()) +
              " size " + size_text(w, h) + " is not inside the window");
  }

  static const QQuickItem* screen_of(const QQuickItem* item) {
    const QQuickItem* screen = nullptr;
    for (const QQuickItem* p = item; p != nullptr; p = p->parentItem())
      if (p->objectName().startsWith(QLatin1String("screen_"))) screen = p;
    return screen;
  }

  struct TextBox {
    const QQuickItem* item;
    QRectF rect;  // painted, in scene coordinates, the visible part
    std::string quoted;
  };

  QQuickWindow* window_;
  double min_touch_;
  std::vector<TextBox> texts_;
};

}  // namespace

std::vector<LayoutProblem> find_layout_problems(QQuickItem* root, QQuickWindow* window,
                                                double min_touch_px) {
  Walker walker(window, min_touch_px);
  double opacity = 1.0;
  for (const QQuickItem* p = root != nullptr ? root->parentItem() : nullptr; p != nullptr;
       p = p->parentItem())
    opacity *= p->opacity();
  walker.walk(root, opacity, std::nullopt, nullptr);
  walker.check_overlaps();
  return std::move(walker.problems);
}

std::vector<LayoutProblem> find_layout_problems(QQuickWindow* window, double min_touch_px) {
  if (window == nullptr) return {};
  return find_layout_problems(window->contentItem(), window, min_touch_px);
}

std::string describe(const std::vector<LayoutProblem>& problems) {
  std::string out;
  for (const auto& p : problems) out += p.kind + " " + p.item + ": " + p.detail + "\n";
  return out;
}

void show_in_window(QQuickWindow* window, QQuickItem* root, QSize size) {
  window->resize(size);
  root->setParentItem(window->contentItem());
  root->setSize(size);
  window->show();
}

QImage settle(QQuickWindow* window, int passes) {
  QImage frame;
  for (int pass = 0; pass < passes; ++pass) {
    QCoreApplication::processEvents();
    frame = window->grabWindow();
  }
  return frame;
}

}  // namespace kiosk::ui_test
