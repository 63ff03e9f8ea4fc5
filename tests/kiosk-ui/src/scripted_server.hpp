#pragma once
// ScriptedServer: a stand-in for kioskd's local API socket in tests. It accepts one client at a
// time, records every request, answers the connection handshake (api.version, events.subscribe,
// session.get, kiosk.status) from its fields, and lets a test answer anything else through
// `handler` or by writing raw bytes (to test framing).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QStringList>
#include <QTemporaryDir>
#include <functional>

class ScriptedServer {
 public:
  // Return true when the request was answered (or deliberately left unanswered).
  using Handler = std::function<bool(const QJsonObject& request)>;

  ScriptedServer() {
    server_.listen(path());
    QObject::connect(&server_, &QLocalServer::newConnection, [this] {
      while (QLocalSocket* s = server_.nextPendingConnection()) {
        if (client_ != nullptr) client_->deleteLater();
        client_ = s;
        buffer_.clear();
        ++connections;
        QObject::connect(s, &QLocalSocket::readyRead, [this, s] { onRead(s); });
      }
    });
  }

  QString path() const { return dir_.path() + "/kioskd.sock"; }
  bool listening() const { return server_.isListening(); }
  bool hasClient() const {
    return client_ != nullptr && client_->state() == QLocalSocket::ConnectedState;
  }

  // ---- what the handshake answers ----
  int version = 1;
  QJsonValue session = QJsonValue::Null;  // session.get's result
  QJsonObject status{{"kiosk_id", "K-TEST"}, {"simulation", true}, {"out_of_service", false}};
  Handler handler;

  // ---- what was received ----
  QList<QJsonObject> requests;
  int connections = 0;
  QStringList methods() const {
    QStringList out;
    for (const auto& r : requests) out << r.value("method").toString();
    return out;
  }
  int count(const QString& method) const { return static_cast<int>(methods().count(method)); }
  QJsonObject last(const QString& method) const {
    for (auto it = requests.crbegin(); it != requests.crend(); ++it)
      if (it->value("method").toString() == method) return *it;
    return {};
  }

  // ---- sending ----
  void send(const QByteArray& raw) {
    if (client_ == nullptr) return;
    client_->write(raw);
    client_->flush();
  }
  static QByteArray line(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + "\n";
  }
  static QByteArray resultLine(const QJsonValue& id, const QJsonValue& result) {
    return line({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
  }
  void reply(const QJsonObject& request, const QJsonValue& result) {
    send(resultLine(request.value("id"), result));
  }
  void replyError(const QJsonObject& request, int code, const QString& reason,
                  const QString& message = "refused") {
    send(line({{"jsonrpc", "2.0"},
               {"id", request.value("id")},
               {"error", QJsonObject{{"code", code},
                                     {"message", message},
                                     {"data", QJsonObject{{"reason", reason}}}}}}));
  }
  void notify(const QString& method, const QJsonValue& params) {
    send(line({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}));
  }
  void dropClient() {
    if (client_ == nullptr) return;
    client_->abort();
    client_->deleteLater();
    client_ = nullptr;
  }
  void close() {
    dropClient();
    server_.close();
  }
  void listenAgain() {
    QLocalServer::removeServer(path());
    server_.listen(path());
  }

 private:
  void onRead(QLocalSocket* s) {
    if (s != client_) return;
    buffer_ += s->readAll();
    for (qsizetype nl = buffer_.indexOf('\n'); nl >= 0; nl = buffer_.indexOf('\n')) {
      const QByteArray one = buffer_.left(nl);
      buffer_.remove(0, nl + 1);
      const QJsonObject request = QJsonDocument::fromJson(one).object();
      requests.append(request);
      answer(request);
      if (s != client_) return;
    }
  }
  void answer(const QJsonObject& r) {
    if (handler && handler(r)) return;
    const QString m = r.value("method").toString();
    if (m == "api.version") {
      reply(r, QJsonObject{{"version", version}});
    } else if (m == "events.subscribe") {
      reply(r, QJsonObject{{"subscribed", true}});
    } else if (m == "session.get") {
      reply(r, session);
    } else if (m == "kiosk.status") {
      reply(r, status);
    }
  }

  QTemporaryDir dir_;
  QLocalServer server_;
  QPointer<QLocalSocket> client_;
  QByteArray buffer_;
};
