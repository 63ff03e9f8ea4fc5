#pragma once
// NdjsonReader: splits the byte stream of kioskd's local API into messages (docs/local-api.md,
// "Framing"): one JSON text per line ending in "\n"; a "\r" before the "\n" is dropped; empty
// lines are skipped; a partial line waits in the buffer for the rest. A message longer than
// kMaxMessageBytes (newline excluded) is a protocol violation: the reader stops (overflowed())
// and the caller must drop the connection, as kioskd does on its side. Pure: no I/O.

#include <QByteArray>
#include <QList>

class NdjsonReader {
 public:
  static constexpr qsizetype kMaxMessageBytes = 1024 * 1024;

  // Appends received bytes; returns the complete messages they finish, in order. After an
  // overflow it returns nothing more until reset().
  QList<QByteArray> feed(const QByteArray& bytes);
  bool overflowed() const { return overflowed_; }
  qsizetype buffered() const { return buffer_.size(); }
  void reset();

 private:
  QByteArray buffer_;
  bool overflowed_ = false;
};
