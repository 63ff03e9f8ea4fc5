#pragma once
// LocalApiConnection: one JSON-RPC 2.0 connection to kioskd's local API socket (NDJSON framing,
// docs/local-api.md). It numbers requests with integer ids, keeps a table of pending calls,
// each with its own timeout, and completes every call exactly once: with the result, with
// kioskd's error, or with a transport failure (reason "unreachable", "disconnected",
// "timeout", "message_too_large"). It does not reconnect by itself (LocalApi decides when).
//
// Errors are maps {"code": int, "reason": string, "message": string}; transport failures have
// code 0. An empty error map means success. Messages are never logged (they may carry personal
// data); warnings name the method and the reason only.
//
// Threading: GUI thread only; QLocalSocket's event-driven I/O.

#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariant>
#include <QVariantMap>
#include <functional>

#include "local_api_framing.hpp"

class QLocalSocket;
class QTimer;

class LocalApiConnection : public QObject {
  Q_OBJECT

 public:
  using Callback = std::function<void(const QVariant& result, const QVariantMap& error)>;

  explicit LocalApiConnection(QObject* parent = nullptr);
  ~LocalApiConnection() override;

  // Starts connecting (dropping any current connection, whose calls fail "disconnected").
  // Ends in connected() or closed(false).
  void connectTo(const QString& path);
  // Drops the connection; pending calls fail "disconnected"; emits closed(true) if it was up.
  void close();
  bool isConnected() const;

  // Sends one request. `timeout_ms` <= 0 means the method's default (timeoutFor). Without a
  // connection the callback fails with "unreachable" from the event loop, never re-entrantly.
  // Returns the request id (0 when it was not sent).
  qint64 call(const QString& method, const QVariantMap& params, Callback callback,
              int timeout_ms = 0);
  int pendingCount() const { return static_cast<int>(pending_.size()); }

  // Per-call timeouts: 120 s for devices.selftest and devices.test_print, else the default
  // (10 s; settable for tests).
  int timeoutFor(const QString& method) const;
  void setDefaultTimeout(int ms) { default_timeout_ms_ = ms; }

  // Maps a JSON-RPC error object to {code, reason, message}.
  static QVariantMap errorFromJson(const QJsonValue& error);
  static QVariantMap transportError(const QString& reason);

 signals:
  void connected();
  // The connection ended (or a connection attempt failed: was_connected false).
  void closed(bool was_connected);
  // A server-to-client notification (no id). `params` may be null.
  void notification(const QString& method, const QJsonValue& params);
  // kioskd sent something unusable: an oversized line (the connection is then dropped).
  void protocolError(const QString& reason);

 private:
  struct Pending {
    QString method;
    Callback callback;
    QTimer* timer = nullptr;
  };

  void onReadyRead();
  void onSocketGone(QLocalSocket* socket);
  void handleMessage(const QByteArray& line);
  void complete(qint64 id, const QVariant& result, const QVariantMap& error);
  void failAll(const QString& reason);

  QPointer<QLocalSocket> socket_;
  bool socket_connected_ = false;
  NdjsonReader reader_;
  QHash<qint64, Pending> pending_;
  qint64 next_id_ = 1;
  int default_timeout_ms_ = 10000;
};
