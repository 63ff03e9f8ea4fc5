#pragma once
// QTRY-style helpers for Catch2 tests of Qt code: pump the event loop until a condition holds
// or a deadline passes. The deadline is a ceiling, not an expectation: tests assert on the
// condition, never on the time it took.
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>
#include <functional>

namespace kiosk_ui_test {

// Processes events until `done()` is true; false when `timeout_ms` passed first.
inline bool waitFor(const std::function<bool()>& done, int timeout_ms = 5000) {
  QDeadlineTimer deadline(timeout_ms);
  while (!done()) {
    if (deadline.hasExpired()) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QThread::msleep(1);
  }
  return true;
}

// Processes events for `ms` milliseconds (to let things that must NOT happen have a chance).
inline void pump(int ms) {
  QDeadlineTimer deadline(ms);
  while (!deadline.hasExpired()) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QThread::msleep(1);
  }
}

}  // namespace kiosk_ui_test
