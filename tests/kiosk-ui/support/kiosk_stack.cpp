#include "tests/kiosk-ui/support/kiosk_stack.hpp"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>

namespace kiosk::ui_test {
namespace {

QString describe_error(const QJsonObject& error) {
  return QStringLiteral("%1 (%2): %3")
      .arg(error.value("code").toInt())
      .arg(error.value("data").toObject().value("reason").toString(),
           error.value("message").toString());
}

quint16 free_port() {
  QTcpServer server;
  if (!server.listen(QHostAddress::LocalHost, 0)) throw std::runtime_error("no free port");
  return server.serverPort();
}

bool port_open(quint16 port) {
  QTcpSocket socket;
  socket.connectToHost(QHostAddress::LocalHost, port);
  return socket.waitForConnected(200);
}

void stop_process(QProcess& process) {
  if (process.state() == QProcess::NotRunning) return;
  process.terminate();  // SIGTERM: both daemons shut down cleanly on it
  if (!process.waitForFinished(10000)) {
    process.kill();
    process.waitForFinished(5000);
  }
}

}  // namespace

// ---- RpcClient ----

RpcClient::RpcClient(QString socket_path) : path_(std::move(socket_path)) {}

void RpcClient::ensure_connected(int timeout_ms) {
  if (socket_ && socket_->state() == QLocalSocket::ConnectedState) return;
  socket_ = std::make_unique<QLocalSocket>();
  buffer_.clear();
  socket_->connectToServer(path_);
  if (!socket_->waitForConnected(timeout_ms))
    throw RpcError(
        0, "unreachable",
        "cannot connect to " + path_.toStdString() + ": " + socket_->errorString().toStdString());
}

QJsonValue RpcClient::call(const QString& method, const QJsonObject& params, int timeout_ms) {
  ensure_connected(timeout_ms);
  const int id = next_id_++;
  QJsonObject request{{"jsonrpc", "2.0"}, {"method", method}, {"id", id}};
  if (!params.isEmpty()) request.insert("params", params);
  socket_->write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
  socket_->flush();

  QDeadlineTimer deadline(timeout_ms);
  while (true) {
    const qsizetype newline = buffer_.indexOf('\n');
    if (newline >= 0) {
      const QByteArray line = buffer_.left(newline).trimmed();
      buffer_.remove(0, newline + 1);
      if (line.isEmpty()) continue;
      QJsonParseError parse{};
      const QJsonDocument doc = QJsonDocument::fromJson(line, &parse);
      if (!doc.isObject())
        throw RpcError(0, "invalid_response", method.toStdString() + ": invalid response");
      const QJsonObject message = doc.object();
      if (!message.contains("id")) continue;  // a notification
      if (message.value("id").toInt(-1) != id) continue;
      if (message.contains("error")) {
        const QJsonObject error = message.value("error").toObject();
        throw RpcError(error.value("code").toInt(),
                       error.value("data").toObject().value("reason").toString().toStdString(),
                       method.toStdString() + " failed: " + describe_error(error).toStdString());
      }
      return message.value("result");
    }
    if (socket_->state() != QLocalSocket::ConnectedState && socket_->bytesAvailable() == 0)
      throw RpcError(0, "disconnected", method.toStdString() + ": kioskd closed the connection");
    if (deadline.hasExpired())
      throw RpcError(0, "timeout", method.toStdString() + ": no answer in time");
    if (socket_->bytesAvailable() == 0)
      socket_->waitForReadyRead(static_cast<int>(std::min<qint64>(deadline.remainingTime(), 200)));
    buffer_ += socket_->readAll();
  }
}

// ---- KioskStack ----

KioskStack::KioskStack(StackOptions options) : options_(options) {
  if (options_.time_scale < 0) {
    bool ok = false;
    const double env = qEnvironmentVariable("KIOSK_EMU_TIME_SCALE").toDouble(&ok);
    options_.time_scale = ok && env > 0 ? env : 0.01;
  }
}

KioskStack::~KioskStack() {
  if (std::uncaught_exceptions() > 0) print_logs();
  stop();
}

QString KioskStack::dir() const {
  return dir_.path();
}
QString KioskStack::socket_path() const {
  return dir_.filePath("run/kioskd.sock");
}

void KioskStack::print_logs() const {
  for (const char* name : {"central.log", "kioskd.log"}) {
    QFile file(dir_.filePath(QString::fromLatin1(name)));
    if (!file.open(QIODevice::ReadOnly)) continue;
    std::fprintf(stderr, "----- %s -----\n%s\n", qPrintable(file.fileName()),
                 file.readAll().constData());
  }
  // Keep the directory (state, artifacts) for a look after a failure.
  dir_.setAutoRemove(false);
  std::fprintf(stderr, "kiosk stack state kept in %s\n", qPrintable(dir_.path()));
}

void KioskStack::fail(const std::string& what) {
  print_logs();
  stop();
  throw std::runtime_error("kiosk stack: " + what);
}

void KioskStack::start() {
  if (!dir_.isValid()) throw std::runtime_error("kiosk stack: no temporary directory");
  QDir(dir_.path()).mkpath("run");
  const quint16 port = free_port();
  const QString central_dir = dir_.filePath("central");

  central_.setProcessChannelMode(QProcess::MergedChannels);
  central_.setStandardOutputFile(dir_.filePath("central.log"));
  central_.start(QStringLiteral(KIOSK_CENTRAL_BINARY), {"dev", "--dir", central_dir, "--listen",
                                                        QStringLiteral("127.0.0.1:%1").arg(port)});
  if (!central_.waitForStarted(10000)) fail("kiosk-central did not start");
  QDeadlineTimer deadline(options_.ready_timeout_ms);
  while (!port_open(port)) {
    if (central_.state() == QProcess::NotRunning) fail("kiosk-central exited");
    if (deadline.hasExpired()) fail("kiosk-central did not listen in time");
    QThread::msleep(100);
  }

  const QString pki = central_dir + "/pki";
  const QString config = QStringLiteral(
                             "[kiosk]\n"
                             "id = kiosk-dev-001\n"
                             "socket = %1\n"
                             "journal = %2/journal.db\n"
                             "data_key_file = %2/data.key\n\n"
                             "[central]\n"
                             "url = https://127.0.0.1:%3\n"
                             "ca_file = %4/ca.pem\n"
                             "cert_file = %4/kiosks/kiosk-dev-001.pem\n"
                             "key_file = %4/kiosks/kiosk-dev-001.key\n"
                             "office_cert_file = %4/office.pem\n\n"
                             "[sync]\n"
                             "interval_seconds = 2\n\n"
                             "[simulation]\n"
                             "enabled = true\n"
                             "time_scale = %5\n"
                             "artifact_dir = %2/artifacts\n")
                             .arg(socket_path(), dir_.path())
                             .arg(port)
                             .arg(pki)
                             .arg(options_.time_scale);
  QFile config_file(dir_.filePath("kioskd.conf"));
  if (!config_file.open(QIODevice::WriteOnly) || config_file.write(config.toUtf8()) < 0)
    fail("cannot write kioskd.conf");
  config_file.close();

  kioskd_.setProcessChannelMode(QProcess::MergedChannels);
  kioskd_.setStandardOutputFile(dir_.filePath("kioskd.log"));
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert("KIOSK_EMU_TIME_SCALE", QString::number(options_.time_scale));
  env.remove("NOTIFY_SOCKET");  // not a systemd service here
  kioskd_.setProcessEnvironment(env);
  kioskd_.start(QStringLiteral(KIOSKD_BINARY), {"--config", config_file.fileName()});
  if (!kioskd_.waitForStarted(10000)) fail("kioskd did not start");

  rpc_ = std::make_unique<RpcClient>(socket_path());
  std::string last_state = "unreachable";
  while (true) {
    if (kioskd_.state() == QProcess::NotRunning) fail("kioskd exited");
    if (deadline.hasExpired()) fail("kioskd not ready in time (last state " + last_state + ")");
    try {
      const QJsonObject status = rpc_->call("kiosk.status", {}, 2000).toObject();
      // docs/local-api.md promises `state`; the kioskd of this tree answers
      // out_of_service / session_active instead. Accept either.
      if (status.contains("state"))
        last_state = status.value("state").toString().toStdString();
      else
        last_state = status.value("out_of_service").toBool()   ? "out_of_service"
                     : status.value("session_active").toBool() ? "in_session"
                                                               : "ready";
      if (last_state == "ready") break;
    } catch (const RpcError&) {
      rpc_ = std::make_unique<RpcClient>(socket_path());
    }
    QThread::msleep(100);
  }

  if (options_.stock_count > 0) {
    try {
      maintenance_call("stock.load",
                       {{"count", options_.stock_count},
                        {"first_serial", "C00000001"},
                        {"last_serial", QStringLiteral("C%1").arg(options_.stock_count, 8, 10,
                                                                  QLatin1Char('0'))}});
    } catch (const std::exception& e) {
      fail(std::string("loading card stock failed: ") + e.what());
    }
  }
}

QString KioskStack::login(int timeout_ms) {
  // The technician credential comes with central configuration, shortly after start.
  QDeadlineTimer deadline(timeout_ms);
  while (true) {
    try {
      return rpc_
          ->call("maintenance.login", {{"user", kTechnician}, {"password", kTechnicianPassword}})
          .toObject()
          .value("token")
          .toString();
    } catch (const RpcError&) {
      if (deadline.hasExpired()) throw;
    }
    QThread::msleep(200);
  }
}

QJsonValue KioskStack::maintenance_call(const QString& method, QJsonObject params, int timeout_ms) {
  if (!rpc_) throw std::runtime_error("kiosk stack not started");
  const QString token = login(30000);
  params.insert("token", token);
  QJsonValue result;
  try {
    result = rpc_->call(method, params, timeout_ms);
  } catch (...) {
    try {
      rpc_->call("maintenance.logout", {{"token", token}});
    } catch (const RpcError&) {
    }
    throw;
  }
  rpc_->call("maintenance.logout", {{"token", token}});
  return result;
}

QJsonValue KioskStack::call(const QString& method, const QJsonObject& params, int timeout_ms) {
  if (!rpc_) throw std::runtime_error("kiosk stack not started");
  return rpc_->call(method, params, timeout_ms);
}

void KioskStack::stop() {
  rpc_.reset();
  stop_process(kioskd_);
  stop_process(central_);
}

}  // namespace kiosk::ui_test
