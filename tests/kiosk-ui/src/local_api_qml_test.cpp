// LocalApi as QML sees it: the Kiosk.Ui singleton, JS callbacks getting (result, null) or
// (null, error), and the maintenance token never reaching JS.
#include <catch2/catch.hpp>

#include <QQmlComponent>
#include <QQmlEngine>
#include <QtQml/QQmlExtensionPlugin>
#include <memory>

#include "local_api.hpp"
#include "qt_wait.hpp"
#include "tests/kiosk-ui/src/scripted_server.hpp"

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

using kiosk_ui_test::waitFor;

namespace {

const char* kClient = R"(
import QtQml
import Kiosk.Ui
QtObject {
    property var result: undefined
    property var error: undefined
    property int answers: 0
    property bool connected: LocalApi.connected
    property string screen: LocalApi.screen.name
    property bool maintenance: LocalApi.maintenanceActive
    function open(path) { LocalApi.socketPath = path }
    function ask(method) {
        LocalApi.call(method, {}, function(r, e) { result = r; error = e; answers += 1 })
    }
    function login() {
        LocalApi.maintenanceLogin("tech1", "synthetic-password",
                                  function(r, e) { result = r; error = e; answers += 1 })
    }
    function maintenanceAsk(method) {
        LocalApi.maintenanceCall(method, {"limit": 3},
                                 function(r, e) { result = r; error = e; answers += 1 })
    }
}
)";

struct QmlClient {
  QQmlEngine engine;
  std::unique_ptr<QObject> object;
  QmlClient() {
    QQmlComponent component(&engine);
    component.setData(kClient, QUrl("qrc:/test/Client.qml"));
    object.reset(component.create());
    INFO(component.errorString().toStdString());
    REQUIRE(object != nullptr);
  }
  ~QmlClient() {
    // The engine's singleton is C++-owned and outlives the engine: stop its reconnecting.
    object.reset();
    if (LocalApi* api = LocalApi::instance()) api->setSocketPath({});
  }
  void invoke(const char* method, const QString& arg = {}) {
    if (arg.isNull()) {
      REQUIRE(QMetaObject::invokeMethod(object.get(), method));
    } else {
      REQUIRE(QMetaObject::invokeMethod(object.get(), method, Q_ARG(QVariant, arg)));
    }
  }
  QVariant get(const char* name) const {
    QVariant v = object->property(name);
    if (v.canConvert<QJSValue>()) v = v.value<QJSValue>().toVariant();
    return v;
  }
  int answers() const { return object->property("answers").toInt(); }
};

}  // namespace

TEST_CASE("QML callbacks get the result and a null error, or a null result and the error",
          "[local_api][qml]") {
  ScriptedServer server;
  server.handler = [&](const QJsonObject& r) {
    if (r.value("method") != "stock.status") return false;
    server.replyError(r, -32003, "device_offline", "printer offline");
    return true;
  };
  QmlClient qml;
  qml.invoke("open", server.path());
  REQUIRE(waitFor([&] { return qml.get("connected").toBool(); }));
  CHECK(qml.get("screen").toString() == "idle");

  qml.invoke("ask", "api.version");
  REQUIRE(waitFor([&] { return qml.answers() == 1; }));
  CHECK(qml.get("result").toMap().value("version").toInt() == 1);
  CHECK(qml.get("error").isNull());

  qml.invoke("ask", "stock.status");
  REQUIRE(waitFor([&] { return qml.answers() == 2; }));
  CHECK(qml.get("result").isNull());
  const QVariantMap error = qml.get("error").toMap();
  CHECK(error.value("code").toInt() == -32003);
  CHECK(error.value("reason").toString() == "device_offline");
  CHECK(error.value("message").toString() == "printer offline");
}

TEST_CASE("the maintenance token stays inside LocalApi and is added to maintenance calls",
          "[local_api][qml]") {
  ScriptedServer server;
  server.handler = [&](const QJsonObject& r) {
    const QString m = r.value("method").toString();
    if (m == "maintenance.login") {
      server.reply(r, QJsonObject{{"token", "tok-qml"}, {"expires_in", 600}});
    } else if (m == "txn.list") {
      server.reply(r, QJsonObject{{"transactions", QJsonArray{}}});
    } else {
      return false;
    }
    return true;
  };
  QmlClient qml;
  qml.invoke("maintenanceAsk", "txn.list");  // no session yet: refused locally
  REQUIRE(waitFor([&] { return qml.answers() == 1; }));
  CHECK(qml.get("error").toMap().value("reason").toString() == "maintenance_required");

  qml.invoke("open", server.path());
  REQUIRE(waitFor([&] { return qml.get("connected").toBool(); }));
  qml.invoke("login");
  REQUIRE(waitFor([&] { return qml.answers() == 2; }));
  CHECK(qml.get("maintenance").toBool());
  const QVariantMap login = qml.get("result").toMap();
  CHECK_FALSE(login.contains("token"));
  CHECK(login.value("user").toString() == "tech1");
  CHECK(login.value("expires_in").toInt() == 600);

  qml.invoke("maintenanceAsk", "txn.list");
  REQUIRE(waitFor([&] { return qml.answers() == 3; }));
  CHECK(qml.get("error").isNull());
  const auto params = server.last("txn.list").value("params").toObject();
  CHECK(params.value("token").toString() == "tok-qml");
  CHECK(params.value("limit").toInt() == 3);
}
