#include "local_api_connection.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QTimer>
#include <utility>

namespace {

QString reasonForCode(int code) {
  switch (code) {
    case -32700:
      return QStringLiteral("parse_error");
    case -32600:
      return QStringLiteral("invalid_request");
    case -32601:
      return QStringLiteral("method_not_found");
    case -32602:
      return QStringLiteral("invalid_params");
    case -32603:
      return QStringLiteral("internal_error");
    case -32001:
      return QStringLiteral("maintenance_required");
    default:
      return QStringLiteral("error");
  }
}

}  // namespace

LocalApiConnection::LocalApiConnection(QObject* parent) : QObject(parent) {}

LocalApiConnection::~LocalApiConnection() {
  if (socket_ != nullptr) {
    socket_->disconnect(this);
    socket_->abort();
  }
  // Callbacks must not run into a half-destroyed owner: pending calls are dropped silently.
  for (auto& p : pending_) delete p.timer;
  pending_.clear();
}

void LocalApiConnection::connectTo(const QString& path) {
  close();
  auto* socket = new QLocalSocket(this);
  socket_ = socket;
  socket_connected_ = false;
  reader_.reset();
  connect(socket, &QLocalSocket::connected, this, [this, socket] {
    if (socket != socket_) return;
    socket_connected_ = true;
    emit connected();
  });
  connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
    if (socket == socket_) onReadyRead();
  });
  connect(socket, &QLocalSocket::disconnected, this, [this, socket] { onSocketGone(socket); });
  connect(socket, &QLocalSocket::errorOccurred, this,
          [this, socket](QLocalSocket::LocalSocketError) { onSocketGone(socket); });
  socket->connectToServer(path);
}

void LocalApiConnection::close() {
  if (socket_ != nullptr) onSocketGone(socket_);
}

bool LocalApiConnection::isConnected() const {
  return socket_ != nullptr && socket_connected_;
}

int LocalApiConnection::timeoutFor(const QString& method) const {
  if (method == QLatin1String("devices.selftest") || method == QLatin1String("devices.test_print"))
    return 120000;
  return default_timeout_ms_;
}

QVariantMap LocalApiConnection::transportError(const QString& reason) {
  return {{"code", 0}, {"reason", reason}, {"message", QStringLiteral("local API: ") + reason}};
}

QVariantMap LocalApiConnection::errorFromJson(const QJsonValue& error) {
  const QJsonObject e = error.toObject();
  const int code = e.value("code").toInt();
  const QJsonObject data = e.value("data").toObject();
  QString reason = data.value("reason").toString();
  if (reason.isEmpty()) reason = reasonForCode(code);
  // The method's extra members of `data` (e.g. retry_after) travel alongside, never replacing
  // code, reason and message.
  QVariantMap mapped = data.toVariantMap();
  mapped.insert("code", code);
  mapped.insert("reason", reason);
  mapped.insert("message", e.value("message").toString());
  return mapped;
}

qint64 LocalApiConnection::call(const QString& method, const QVariantMap& params, Callback callback,
                                int timeout_ms) {
  auto fail_later = [this, &callback](QVariantMap error) {
    if (!callback) return;
    QTimer::singleShot(
        0, this, [cb = std::move(callback), error = std::move(error)] { cb(QVariant(), error); });
  };
  if (!isConnected()) {
    fail_later(transportError(QStringLiteral("unreachable")));
    return 0;
  }
  const qint64 id = next_id_++;
  QJsonObject request{{"jsonrpc", "2.0"},
                      {"id", id},
                      {"method", method},
                      {"params", QJsonObject::fromVariantMap(params)}};
  QByteArray line = QJsonDocument(request).toJson(QJsonDocument::Compact);
  if (line.size() > NdjsonReader::kMaxMessageBytes) {
    fail_later({{"code", -32600},
                {"reason", QStringLiteral("message_too_large")},
                {"message", QStringLiteral("request larger than 1 MiB")}});
    return 0;
  }
  line.append('\n');

  Pending p;
  p.method = method;
  p.callback = std::move(callback);
  p.timer = new QTimer(this);
  p.timer->setSingleShot(true);
  connect(p.timer, &QTimer::timeout, this, [this, id] {
    auto it = pending_.find(id);
    if (it == pending_.end()) return;
    qWarning("local api: %s timed out", qPrintable(it->method));
    complete(id, QVariant(), transportError(QStringLiteral("timeout")));
  });
  p.timer->start(timeout_ms > 0 ? timeout_ms : timeoutFor(method));
  pending_.insert(id, std::move(p));
  socket_->write(line);
  return id;
}

void LocalApiConnection::onReadyRead() {
  QLocalSocket* socket = socket_;
  const QList<QByteArray> lines = reader_.feed(socket->readAll());
  for (const QByteArray& line : lines) {
    handleMessage(line);
    if (socket_ != socket) return;  // a callback dropped or replaced the connection
  }
  if (reader_.overflowed()) {
    qWarning("local api: message from kioskd larger than 1 MiB; dropping the connection");
    emit protocolError(QStringLiteral("message_too_large"));
    if (socket_ == socket) onSocketGone(socket);
  }
}

void LocalApiConnection::handleMessage(const QByteArray& line) {
  QJsonParseError parse{};
  const QJsonDocument doc = QJsonDocument::fromJson(line, &parse);
  if (parse.error != QJsonParseError::NoError) {
    qWarning("local api: unreadable message from kioskd (%s)", qPrintable(parse.errorString()));
    return;
  }
  QJsonArray messages;
  if (doc.isArray()) {
    messages = doc.array();
  } else {
    messages.append(doc.object());
  }
  QLocalSocket* socket = socket_;
  for (const QJsonValue& value : std::as_const(messages)) {
    if (socket_ != socket) return;
    const QJsonObject m = value.toObject();
    const QJsonValue id = m.value("id");
    if (m.contains("method") && (id.isUndefined() || id.isNull())) {
      emit notification(m.value("method").toString(), m.value("params"));
      continue;
    }
    if (!id.isDouble()) {
      // kioskd answers id null only to a request it could not read (ours are always readable).
      if (m.contains("error"))
        qWarning("local api: kioskd rejected a request (%s)",
                 qPrintable(errorFromJson(m.value("error")).value("reason").toString()));
      continue;
    }
    const auto request_id = static_cast<qint64>(id.toDouble());
    if (!pending_.contains(request_id)) continue;  // late answer after a timeout
    if (m.contains("error")) {
      complete(request_id, QVariant(), errorFromJson(m.value("error")));
    } else {
      complete(request_id, m.value("result").toVariant(), {});
    }
  }
}

void LocalApiConnection::complete(qint64 id, const QVariant& result, const QVariantMap& error) {
  auto it = pending_.find(id);
  if (it == pending_.end()) return;
  Pending p = std::move(it.value());
  pending_.erase(it);
  p.timer->stop();
  p.timer->deleteLater();
  if (!error.isEmpty() && error.value("code").toInt() == 0)
    qWarning("local api: %s failed: %s", qPrintable(p.method),
             qPrintable(error.value("reason").toString()));
  if (p.callback) p.callback(result, error);
}

void LocalApiConnection::failAll(const QString& reason) {
  QHash<qint64, Pending> pending;
  pending.swap(pending_);
  const QVariantMap error = transportError(reason);
  for (auto& p : pending) {
    p.timer->stop();
    p.timer->deleteLater();
  }
  for (auto& p : pending) {
    if (p.callback) p.callback(QVariant(), error);
  }
}

void LocalApiConnection::onSocketGone(QLocalSocket* socket) {
  if (socket == nullptr || socket != socket_) return;
  const bool was_connected = socket_connected_;
  socket_ = nullptr;
  socket_connected_ = false;
  socket->disconnect(this);
  socket->abort();
  socket->deleteLater();
  reader_.reset();
  if (!pending_.isEmpty())
    qWarning("local api: connection lost with %d call(s) pending", pendingCount());
  failAll(QStringLiteral("disconnected"));
  emit closed(was_connected);
}
