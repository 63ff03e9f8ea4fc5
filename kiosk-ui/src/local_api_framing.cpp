#include "local_api_framing.hpp"

QList<QByteArray> NdjsonReader::feed(const QByteArray& bytes) {
  QList<QByteArray> messages;
  if (overflowed_) return messages;
  buffer_.append(bytes);
  qsizetype start = 0;
  for (;;) {
    const qsizetype newline = buffer_.indexOf('\n', start);
    if (newline < 0) break;
    qsizetype end = newline;
    if (end > start && buffer_.at(end - 1) == '\r') --end;
    if (end - start > kMaxMessageBytes) {
      overflowed_ = true;
      buffer_.clear();
      return messages;
    }
    if (end > start) messages.append(buffer_.mid(start, end - start));
    start = newline + 1;
  }
  buffer_.remove(0, start);
  // The unfinished line may still end in the "\r" of a "\r\n", hence the one byte of slack.
  if (buffer_.size() > kMaxMessageBytes + 1) {
    overflowed_ = true;
    buffer_.clear();
  }
  return messages;
}

void NdjsonReader::reset() {
  buffer_.clear();
  overflowed_ = false;
}
