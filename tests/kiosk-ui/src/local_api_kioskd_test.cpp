// LocalApi against a REAL kioskd process (simulation mode, no central: new sessions are refused
// and no technician credential exists). Checks that the client and kioskd agree on framing,
// the handshake, notifications and error reasons.
#include <catch2/catch.hpp>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include "local_api.hpp"
#include "qt_wait.hpp"
#include "tests/kiosk-ui/src/answer.hpp"

using kiosk_ui_test::Answer;
using kiosk_ui_test::waitFor;

namespace {

class KioskdProcess {
 public:
  KioskdProcess() {
    REQUIRE(dir_.isValid());
    const QString d = dir_.path();
    // The journal signs its outbox records: kioskd needs an ECDSA P-256 key even without central.
    const int rc =
        QProcess::execute("openssl", {"genpkey", "-algorithm", "EC", "-pkeyopt",
                                      "ec_paramgen_curve:P-256", "-out", d + "/signing.key"});
    REQUIRE(rc == 0);
    QFile conf(d + "/kioskd.conf");
    REQUIRE(conf.open(QIODevice::WriteOnly));
    conf.write(QStringLiteral("[kiosk]\n"
                              "id = kiosk-ui-test\n"
                              "socket = %1/kioskd.sock\n"
                              "journal = %1/journal.db\n"
                              "data_key_file = %1/data.key\n"
                              "signing_key_file = %1/signing.key\n"
                              "[simulation]\n"
                              "enabled = true\n"
                              "time_scale = 0.01\n"
                              "artifact_dir = %1/artifacts\n")
                   .arg(d)
                   .toUtf8());
    conf.close();
    process_.setProgram(QStringLiteral(KIOSKD_BINARY));
    process_.setArguments({"--config", d + "/kioskd.conf"});
    process_.setProcessChannelMode(QProcess::MergedChannels);
    process_.setStandardOutputFile(d + "/kioskd.log", QIODevice::Append);
    start();
  }
  ~KioskdProcess() { stop(); }
  void start() {
    process_.start();
    REQUIRE(process_.waitForStarted(5000));
  }
  void stop() {
    if (process_.state() == QProcess::NotRunning) return;
    process_.terminate();
    if (!process_.waitForFinished(5000)) {
      process_.kill();
      process_.waitForFinished(2000);
    }
  }
  QString socket() const { return dir_.path() + "/kioskd.sock"; }
  QString log() const {
    QFile f(dir_.path() + "/kioskd.log");
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
  }

 private:
  QTemporaryDir dir_;
  QProcess process_;
};

void connectTo(LocalApi& api, const KioskdProcess& kioskd) {
  api.setSocketPath(kioskd.socket());
  const bool up = waitFor([&] { return api.connected(); }, 15000);
  INFO(kioskd.log().toStdString());
  REQUIRE(up);
  REQUIRE(waitFor([&] { return !api.status().toMap().isEmpty(); }));
}

}  // namespace

TEST_CASE("a real kioskd: the client connects, API version 1, simulation status, subscribe",
          "[kioskd]") {
  KioskdProcess kioskd;
  LocalApi api;
  connectTo(api, kioskd);
  CHECK(api.simulation());
  CHECK(api.status().toMap().value("kiosk_id").toString() == "kiosk-ui-test");
  CHECK(api.screen()->name() == "idle");

  Answer version, subscribe;
  api.call("api.version", {}, version.callback());
  api.call("events.subscribe", {}, subscribe.callback());
  REQUIRE(waitFor([&] { return version.done && subscribe.done; }));
  CHECK(version.result.toMap().value("version").toInt() == 1);
  CHECK(subscribe.result.toMap().value("subscribed").toBool());
}

TEST_CASE("a real kioskd: a wrong technician password is refused with bad_credentials",
          "[kioskd]") {
  KioskdProcess kioskd;
  LocalApi api;
  connectTo(api, kioskd);
  Answer login;
  api.maintenanceLogin("tech1", "not-the-password", login.callback());
  REQUIRE(waitFor([&] { return login.done; }));
  CHECK(login.result.isNull());
  CHECK(login.error.value("reason").toString() == "bad_credentials");
  CHECK_FALSE(api.maintenanceActive());

  Answer call;
  api.maintenanceCall("stock.reconcile", {}, call.callback());
  REQUIRE(waitFor([&] { return call.done; }));
  CHECK(call.error.value("reason").toString() == "maintenance_required");
}

TEST_CASE(
    "a real kioskd: session.start while central is down shows unavailable, and other "
    "clients see it through session.changed",
    "[kioskd]") {
  KioskdProcess kioskd;
  LocalApi watcher;
  connectTo(watcher, kioskd);
  LocalApi api;
  connectTo(api, kioskd);
  const int revision = watcher.screen()->revision();

  api.startSession("renewal", "en");
  REQUIRE(waitFor([&] { return api.screen()->name() == "unavailable"; }));
  CHECK(api.screen()->errorCode() == "central_unavailable");
  CHECK(api.screen()->allows("start"));
  CHECK(api.screen()->sessionId().isEmpty());

  // The watcher never called anything: only the notification can have changed its screen.
  REQUIRE(waitFor([&] { return watcher.screen()->name() == "unavailable"; }));
  CHECK(watcher.screen()->revision() > revision);
  CHECK(watcher.screen()->errorCode() == "central_unavailable");

  api.dismiss();
  CHECK(api.screen()->name() == "idle");
}

TEST_CASE(
    "a real kioskd restarting: the client shows no_connection, then reconnects, "
    "re-subscribes and redraws",
    "[kioskd]") {
  KioskdProcess kioskd;
  LocalApi watcher;
  connectTo(watcher, kioskd);
  kioskd.stop();
  REQUIRE(waitFor([&] { return !watcher.connected(); }));
  CHECK(watcher.screen()->name() == "no_connection");

  kioskd.start();
  const bool back = waitFor([&] { return watcher.connected(); }, 15000);
  INFO(kioskd.log().toStdString());
  REQUIRE(back);
  REQUIRE(waitFor([&] { return watcher.screen()->name() == "idle"; }));

  // Subscribed again: another client's refused start reaches the watcher as session.changed.
  LocalApi api;
  connectTo(api, kioskd);
  api.startSession("query", "zh");
  REQUIRE(waitFor([&] { return watcher.screen()->name() == "unavailable"; }));
  CHECK(watcher.screen()->language() == "zh");
}
