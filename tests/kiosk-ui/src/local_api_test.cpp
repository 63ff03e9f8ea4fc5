// LocalApi against a scripted QLocalServer standing in for kioskd: framing, error mapping,
// timeouts, the connection lifecycle, notifications, maintenance tokens and camera frames.
#include <catch2/catch.hpp>

#include <QBuffer>
#include <QSignalSpy>

#include "local_api.hpp"
#include "local_api_framing.hpp"
#include "qt_wait.hpp"
#include "tests/kiosk-ui/src/answer.hpp"
#include "tests/kiosk-ui/src/scripted_server.hpp"

using kiosk_ui_test::Answer;
using kiosk_ui_test::pump;
using kiosk_ui_test::waitFor;

namespace {

QJsonObject screen(const QString& name, const QString& session = "s-0001",
                   const QJsonArray& actions = {"cancel"}) {
  return {
      {"session_id", session},     {"service", "renewal"},
      {"step", "identified"},      {"screen", name},
      {"language", "en"},          {"prompt", "screen." + name},
      {"data", QJsonObject{}},     {"actions", actions},
      {"error", QJsonValue::Null}, {"idle", QJsonObject{{"seconds_left", 60}, {"warning", false}}}};
}

QString jpegBase64(int w, int h) {
  QImage image(w, h, QImage::Format_RGB32);
  image.fill(Qt::darkCyan);
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "JPEG");
  return QString::fromLatin1(bytes.toBase64());
}

// A client connected to `server` with the handshake done.
void connectClient(LocalApi& api, ScriptedServer& server) {
  api.setSocketPath(server.path());
  REQUIRE(waitFor([&] { return api.connected() && server.count("kiosk.status") >= 1; }));
  REQUIRE(waitFor([&] { return !api.status().toMap().isEmpty(); }));
}

}  // namespace

TEST_CASE(
    "the client checks the API version, subscribes, and draws from session.get and "
    "kiosk.status",
    "[local_api]") {
  ScriptedServer server;
  LocalApi api;
  CHECK(api.screen()->name() == "idle");
  server.session = screen("consent");
  connectClient(api, server);
  CHECK(server.methods().mid(0, 4) ==
        QStringList{"api.version", "events.subscribe", "session.get", "kiosk.status"});
  for (const auto& r : server.requests) {
    CHECK(r.value("jsonrpc").toString() == "2.0");
    CHECK(r.value("id").isDouble());
  }
  REQUIRE(waitFor([&] { return api.screen()->name() == "consent"; }));
  CHECK(api.screen()->sessionId() == "s-0001");
  CHECK(api.simulation());
  CHECK(api.status().toMap().value("kiosk_id").toString() == "K-TEST");
}

TEST_CASE("an API version other than 1 keeps the client disconnected and reports it",
          "[local_api]") {
  ScriptedServer server;
  server.version = 2;
  LocalApi api;
  QSignalSpy failed(&api, &LocalApi::callFailed);
  api.setSocketPath(server.path());
  REQUIRE(waitFor([&] { return failed.count() >= 1; }));
  CHECK(failed.at(0).at(0).toString() == "api.version");
  CHECK(failed.at(0).at(1).toMap().value("reason").toString() == "unsupported_version");
  pump(600);  // longer than the first reconnect delay: no second attempt
  CHECK_FALSE(api.connected());
  CHECK(server.connections == 1);
  CHECK(server.count("events.subscribe") == 0);
}

TEST_CASE("calls without a connection fail with unreachable, never re-entrantly", "[local_api]") {
  LocalApi api;
  Answer a;
  api.call("kiosk.status", {}, a.callback());
  CHECK_FALSE(a.done);
  REQUIRE(waitFor([&] { return a.done; }));
  CHECK(a.error.value("reason").toString() == "unreachable");
  CHECK(a.error.value("code").toInt() == 0);
}

TEST_CASE("responses split across writes, merged in one write, or ending in CRLF are all read",
          "[local_api]") {
  ScriptedServer server;
  LocalApi api;
  connectClient(api, server);
  QList<QJsonObject> held;
  server.handler = [&](const QJsonObject& r) {
    if (!r.value("method").toString().startsWith("test.")) return false;
    held.append(r);
    return true;
  };
  Answer a, b, c, d;
  api.call("test.a", {}, a.callback());
  api.call("test.b", {}, b.callback());
  api.call("test.c", {}, c.callback());
  api.call("test.d", {}, d.callback());
  REQUIRE(waitFor([&] { return held.size() == 4; }));

  const QByteArray la = ScriptedServer::resultLine(held[0].value("id"), QJsonObject{{"n", 1}});
  server.send(la.left(5));
  pump(20);
  CHECK_FALSE(a.done);
  server.send(la.mid(5));
  // b and c in one write, b with CRLF; d after an empty line, with CRLF.
  QByteArray lb = ScriptedServer::resultLine(held[1].value("id"), QJsonObject{{"n", 2}});
  lb.insert(lb.size() - 1, '\r');
  const QByteArray lc = ScriptedServer::resultLine(held[2].value("id"), QJsonObject{{"n", 3}});
  server.send(lb + lc + "\r\n");
  QByteArray ld = ScriptedServer::resultLine(held[3].value("id"), QJsonObject{{"n", 4}});
  ld.insert(ld.size() - 1, '\r');
  server.send(ld);
  REQUIRE(waitFor([&] { return a.done && b.done && c.done && d.done; }));
  CHECK(a.result.toMap().value("n").toInt() == 1);
  CHECK(b.result.toMap().value("n").toInt() == 2);
  CHECK(c.result.toMap().value("n").toInt() == 3);
  CHECK(d.result.toMap().value("n").toInt() == 4);
  CHECK(a.error.isEmpty());
  CHECK(api.connected());
}

TEST_CASE("a line over 1 MiB from kioskd drops the connection and the client reconnects",
          "[local_api]") {
  ScriptedServer server;
  LocalApi api;
  connectClient(api, server);
  QSignalSpy failed(&api, &LocalApi::callFailed);
  Answer a;
  server.handler = [](const QJsonObject& r) { return r.value("method") == "test.big"; };
  api.call("test.big", {}, a.callback());
  REQUIRE(waitFor([&] { return server.count("test.big") == 1; }));
  server.send(QByteArray(NdjsonReader::kMaxMessageBytes + 10, ' ') + "\n");
  REQUIRE(waitFor([&] { return a.done; }));
  CHECK(a.error.value("reason").toString() == "disconnected");
  bool too_large = false;
  for (const auto& f : failed) too_large |= f.at(1).toMap().value("reason") == "message_too_large";
  CHECK(too_large);
  REQUIRE(waitFor([&] { return server.connections == 2 && api.connected(); }));
}

TEST_CASE("unknown result members, unknown notifications and unsolicited ids are ignored",
          "[local_api]") {
  ScriptedServer server;
  QJsonObject s = screen("consent");
  s.insert("future_member", QJsonObject{{"x", 1}});
  server.session = s;
  LocalApi api;
  connectClient(api, server);
  REQUIRE(waitFor([&] { return api.screen()->name() == "consent"; }));
  const int revision = api.screen()->revision();
  server.notify("session.future_event", QJsonObject{{"screen", "printing"}});
  server.send(ScriptedServer::resultLine(9999, QJsonObject{{"screen", "printing"}}));
  server.send("not json at all\n");
  Answer a;
  api.call("api.version", {}, a.callback());
  REQUIRE(waitFor([&] { return a.done; }));
  CHECK(a.error.isEmpty());
  CHECK(api.screen()->name() == "consent");
  CHECK(api.screen()->revision() == revision);
  CHECK(api.connected());
}

TEST_CASE("kioskd errors arrive as code, reason and message", "[local_api]") {
  ScriptedServer server;
  LocalApi api;
  connectClient(api, server);
  server.handler = [&](const QJsonObject& r) {
    const QString m = r.value("method").toString();
    if (m == "stock.status") {
      server.replyError(r, -32003, "device_offline", "printer offline");
      return true;
    }
    if (m == "nope") {  // no data.reason: derived from the code
      server.send(ScriptedServer::line(
          {{"jsonrpc", "2.0"},
           {"id", r.value("id")},
           {"error", QJsonObject{{"code", -32601}, {"message", "method not found"}}}}));
      return true;
    }
    return false;
  };
  QSignalSpy failed(&api, &LocalApi::callFailed);
  Answer a, b;
  api.call("stock.status", {}, a.callback());
  api.call("nope", {}, b.callback());
  REQUIRE(waitFor([&] { return a.done && b.done; }));
  CHECK(a.result.isNull());
  CHECK(a.error.value("code").toInt() == -32003);
  CHECK(a.error.value("reason").toString() == "device_offline");
  CHECK(a.error.value("message").toString() == "printer offline");
  CHECK(b.error.value("code").toInt() == -32601);
  CHECK(b.error.value("reason").toString() == "method_not_found");
  CHECK(failed.count() == 2);
}

TEST_CASE("a call kioskd never answers fails with timeout and a late answer is dropped",
          "[local_api]") {
  ScriptedServer server;
  LocalApi api;
  connectClient(api, server);
  api.setDefaultTimeout(150);
  QJsonObject held;
  server.handler = [&](const QJsonObject& r) {
    if (r.value("method") != "test.slow") return false;
    held = r;
    return true;
  };
  Answer a;
  api.call("test.slow", {}, a.callback());
  REQUIRE(waitFor([&] { return a.done; }));
  CHECK(a.error.value("reason").toString() == "timeout");
  CHECK(api.pendingCalls() == 0);
  a.done = false;
  server.reply(held, QJsonObject{{"late", true}});
  pump(50);
  CHECK_FALSE(a.done);
  CHECK(api.connected());
}

TEST_CASE(
    "losing kioskd fails pending calls, shows no_connection, ends the technician session, "
    "and the reconnect redraws from session.get",
    "[local_api]") {
  ScriptedServer server;
  server.session = screen("consent");
  LocalApi api;
  connectClient(api, server);
  REQUIRE(waitFor([&] { return api.screen()->name() == "consent"; }));
  server.handler = [&](const QJsonObject& r) {
    if (r.value("method") == "maintenance.login") {
      server.reply(r, QJsonObject{{"token", "tok-3"}, {"expires_in", 600}});
      return true;
    }
    return r.value("method") == "test.pending";
  };
  api.maintenanceLogin("tech1", "synthetic-password", LocalApi::Callback());
  REQUIRE(waitFor([&] { return api.maintenanceActive(); }));
  Answer a, b;
  api.call("test.pending", {}, a.callback());
  api.call("test.pending", {}, b.callback());
  REQUIRE(waitFor([&] { return server.count("test.pending") == 2; }));
  server.close();  // kioskd gone
  REQUIRE(waitFor([&] { return a.done && b.done; }));
  CHECK(a.error.value("reason").toString() == "disconnected");
  CHECK(b.error.value("reason").toString() == "disconnected");
  CHECK_FALSE(api.connected());
  CHECK(api.screen()->name() == "no_connection");
  CHECK(api.screen()->sessionId().isEmpty());
  CHECK_FALSE(api.maintenanceActive());

  // kioskd comes back with the session moved on: the client redraws it.
  server.session = screen("photo_review");
  server.handler = nullptr;
  pump(300);  // let at least one reconnect attempt fail
  CHECK(api.screen()->name() == "no_connection");
  server.listenAgain();
  REQUIRE(waitFor([&] { return api.connected(); }));
  REQUIRE(waitFor([&] { return api.screen()->name() == "photo_review"; }));
  CHECK(server.count("events.subscribe") == 2);
}

TEST_CASE("session.changed reloads the screen and a null session returns to idle", "[local_api]") {
  ScriptedServer server;
  LocalApi api;
  connectClient(api, server);
  REQUIRE(waitFor([&] { return api.screen()->name() == "idle"; }));
  server.notify("session.changed", screen("face_capture"));
  REQUIRE(waitFor([&] { return api.screen()->name() == "face_capture"; }));
  CHECK(api.screen()->language() == "en");
  CHECK(api.screen()->idleSecondsLeft() == 60);
  server.notify("session.changed", QJsonObject{{"session_id", QJsonValue::Null}});
  REQUIRE(waitFor([&] { return api.screen()->name() == "idle"; }));
  CHECK(api.screen()->allows("start"));
  server.notify("session.changed", screen("printing"));
  REQUIRE(waitFor([&] { return api.screen()->name() == "printing"; }));
  server.notify("session.changed", QJsonValue::Null);
  REQUIRE(waitFor([&] { return api.screen()->name() == "idle"; }));
}

TEST_CASE("kiosk.changed updates the status, from its params or by asking kiosk.status",
          "[local_api]") {
  ScriptedServer server;
  LocalApi api;
  connectClient(api, server);
  QSignalSpy changed(&api, &LocalApi::statusChanged);
  server.notify(
      "kiosk.changed",
      QJsonObject{{"kiosk_id", "K-TEST"}, {"simulation", false}, {"out_of_service", true}});
  REQUIRE(waitFor([&] { return api.status().toMap().value("out_of_service").toBool(); }));
  CHECK_FALSE(api.simulation());
  server.status.insert("out_of_service", false);
  server.notify("kiosk.changed", QJsonObject{});
  REQUIRE(waitFor([&] { return !api.status().toMap().value("out_of_service").toBool(); }));
  CHECK(server.count("kiosk.status") == 2);
  CHECK(changed.count() >= 2);
}

TEST_CASE("startSession loads the first screen and a refusal shows unavailable with the reason",
          "[local_api]") {
  ScriptedServer server;
  LocalApi api;
  connectClient(api, server);
  QString refuse;
  server.handler = [&](const QJsonObject& r) {
    if (r.value("method") != "session.start") return false;
    if (refuse.isEmpty()) {
      server.reply(r, screen("insert_id_card"));
    } else {
      server.replyError(r, -32002, refuse);
    }
    return true;
  };
  api.startSession("renewal", "en");
  REQUIRE(waitFor([&] { return api.screen()->name() == "insert_id_card"; }));
  const auto params = server.last("session.start").value("params").toObject();
  CHECK(params.value("service").toString() == "renewal");
  CHECK(params.value("language").toString() == "en");

  for (const char* reason : {"out_of_service", "central_unreachable", "stock_empty",
                             "journal_unavailable", "device_unavailable"}) {
    server.notify("session.changed", QJsonValue::Null);
    REQUIRE(waitFor([&] { return api.screen()->name() == "idle"; }));
    refuse = reason;
    api.startSession("query", "zh");
    REQUIRE(waitFor([&] { return api.screen()->name() == "unavailable"; }));
    CHECK(api.screen()->errorCode() == reason);
    CHECK(api.screen()->language() == "zh");
    CHECK(api.screen()->allows("start"));
  }
  api.dismiss();
  CHECK(api.screen()->name() == "idle");

  // Another client's session is running: show it instead.
  refuse = "session_active";
  server.session = screen("payment");
  api.startSession("renewal", "zh");
  REQUIRE(waitFor([&] { return api.screen()->name() == "payment"; }));
}

TEST_CASE("act sends the action and value, and a refused action redraws from session.get",
          "[local_api]") {
  ScriptedServer server;
  server.session = screen("confirm_details", "s-0002", {"confirm", "change_address", "cancel"});
  LocalApi api;
  connectClient(api, server);
  REQUIRE(waitFor([&] { return api.screen()->name() == "confirm_details"; }));
  bool refuse = false;
  server.handler = [&](const QJsonObject& r) {
    if (r.value("method") != "session.action") return false;
    if (refuse) {
      server.replyError(r, -32002, "action_not_allowed");
    } else {
      server.reply(r, screen("payment", "s-0002"));
    }
    return true;
  };
  api.act("change_address", "1 Synthetic Road");
  REQUIRE(waitFor([&] { return api.screen()->name() == "payment"; }));
  auto params = server.last("session.action").value("params").toObject();
  CHECK(params.value("action").toString() == "change_address");
  CHECK(params.value("value").toString() == "1 Synthetic Road");
  api.act("cancel");
  REQUIRE(waitFor([&] { return server.count("session.action") == 2; }));
  CHECK_FALSE(server.last("session.action").value("params").toObject().contains("value"));

  refuse = true;
  server.session = screen("printing", "s-0002", {});
  const int gets = server.count("session.get");
  api.act("cancel");
  REQUIRE(waitFor([&] { return api.screen()->name() == "printing"; }));
  CHECK(server.count("session.get") == gets + 1);
}

TEST_CASE("keepAlive sends session.keep_alive, and a refusal redraws from session.get",
          "[local_api]") {
  ScriptedServer server;
  server.session = screen("consent", "s-0007", {"consent", "call_staff", "cancel"});
  LocalApi api;
  connectClient(api, server);
  REQUIRE(waitFor([&] { return api.screen()->name() == "consent"; }));
  bool refuse = false;
  server.handler = [&](const QJsonObject& r) {
    if (r.value("method") != "session.keep_alive") return false;
    if (refuse) {
      server.replyError(r, -32002, "invalid_state");
    } else {
      server.reply(r, QJsonObject{});
      server.notify("session.changed", screen("consent", "s-0007"));
    }
    return true;
  };
  const int gets = server.count("session.get");
  api.keepAlive();
  REQUIRE(waitFor([&] { return server.count("session.keep_alive") == 1; }));
  const QJsonObject request = server.last("session.keep_alive");
  CHECK(request.value("params").toObject().isEmpty());
  CHECK(server.count("session.action") == 0);  // no set_language any more
  pump(20);
  CHECK(server.count("session.get") == gets);

  refuse = true;
  server.session = screen("checking", "s-0007", {});
  api.keepAlive();
  REQUIRE(waitFor([&] { return api.screen()->name() == "checking"; }));
  CHECK(server.count("session.get") == gets + 1);
}

TEST_CASE("keepAlive without a session sends nothing", "[local_api]") {
  ScriptedServer server;
  LocalApi api;
  connectClient(api, server);
  api.keepAlive();
  pump(20);
  CHECK(server.count("session.keep_alive") == 0);
}

TEST_CASE("dismiss sends finish on an end screen and nothing elsewhere", "[local_api]") {
  ScriptedServer server;
  server.session = screen("completed", "s-0003", {"finish"});
  LocalApi api;
  connectClient(api, server);
  REQUIRE(waitFor([&] { return api.screen()->name() == "completed"; }));
  server.handler = [&](const QJsonObject& r) {
    if (r.value("method") != "session.action") return false;
    server.reply(r, QJsonValue::Null);
    return true;
  };
  api.dismiss();
  REQUIRE(waitFor([&] { return api.screen()->name() == "idle"; }));
  CHECK(server.last("session.action").value("params").toObject().value("action") == "finish");
  api.dismiss();  // idle: nothing to do
  pump(20);
  CHECK(server.count("session.action") == 1);
}

TEST_CASE("maintenance calls carry the token, and a -32001 answer ends the technician session",
          "[local_api]") {
  ScriptedServer server;
  LocalApi api;
  connectClient(api, server);
  server.handler = [&](const QJsonObject& r) {
    const QString m = r.value("method").toString();
    const QString token = r.value("params").toObject().value("token").toString();
    if (m == "maintenance.login") {
      server.reply(r, QJsonObject{{"token", "tok-1"}, {"expires_in", 600}, {"role", "tech"}});
    } else if (m == "stock.status") {
      if (token == "tok-1") {
        server.reply(r, QJsonObject{{"remaining", 10}});
      } else {
        server.replyError(r, -32001, "maintenance_required");
      }
    } else if (m == "maintenance.logout") {
      server.reply(r, QJsonObject{{"logged_out", true}});
    } else {
      return false;
    }
    return true;
  };
  QSignalSpy changed(&api, &LocalApi::maintenanceChanged);
  Answer login;
  api.maintenanceLogin("tech1", "synthetic-password", login.callback());
  REQUIRE(waitFor([&] { return login.done; }));
  CHECK(login.error.isEmpty());
  CHECK_FALSE(login.result.toMap().contains("token"));
  CHECK(api.maintenanceActive());
  CHECK(api.maintenanceUser() == "tech1");
  CHECK(changed.count() >= 1);

  Answer stock;
  api.maintenanceCall("stock.status", {{"limit", 5}}, stock.callback());
  REQUIRE(waitFor([&] { return stock.done; }));
  CHECK(stock.result.toMap().value("remaining").toInt() == 10);
  const auto params = server.last("stock.status").value("params").toObject();
  CHECK(params.value("token").toString() == "tok-1");
  CHECK(params.value("limit").toInt() == 5);

  // kioskd forgot the session (expired or restarted).
  server.handler = [&](const QJsonObject& r) {
    if (r.value("method") != "stock.status") return false;
    server.replyError(r, -32001, "maintenance_required");
    return true;
  };
  Answer expired;
  api.maintenanceCall("stock.status", {}, expired.callback());
  REQUIRE(waitFor([&] { return expired.done; }));
  CHECK(expired.error.value("code").toInt() == -32001);
  CHECK_FALSE(api.maintenanceActive());
  CHECK(api.maintenanceUser().isEmpty());

  // Without a session the call is refused locally, without a token on the wire.
  const int sent = server.count("stock.status");
  Answer local;
  api.maintenanceCall("stock.status", {}, local.callback());
  REQUIRE(waitFor([&] { return local.done; }));
  CHECK(local.error.value("reason").toString() == "maintenance_required");
  CHECK(server.count("stock.status") == sent);
}

TEST_CASE("maintenance logout sends the token and forgets it, and an idle session expires locally",
          "[local_api]") {
  ScriptedServer server;
  LocalApi api;
  connectClient(api, server);
  int expires_in = 600;
  server.handler = [&](const QJsonObject& r) {
    const QString m = r.value("method").toString();
    if (m == "maintenance.login") {
      server.reply(r, QJsonObject{{"token", "tok-2"}, {"expires_in", expires_in}});
    } else if (m == "maintenance.logout") {
      server.reply(r, QJsonObject{{"logged_out", true}});
    } else {
      return false;
    }
    return true;
  };
  Answer login;
  api.maintenanceLogin("tech1", "synthetic-password", login.callback());
  REQUIRE(waitFor([&] { return api.maintenanceActive(); }));
  api.maintenanceLogout();
  CHECK_FALSE(api.maintenanceActive());
  REQUIRE(waitFor([&] { return server.count("maintenance.logout") == 1; }));
  CHECK(server.last("maintenance.logout").value("params").toObject().value("token") == "tok-2");

  expires_in = 1;  // kioskd's idle rule, scaled down
  Answer again;
  api.maintenanceLogin("tech1", "synthetic-password", again.callback());
  REQUIRE(waitFor([&] { return api.maintenanceActive(); }));
  REQUIRE(waitFor([&] { return !api.maintenanceActive(); }, 5000));
  CHECK(server.count("maintenance.logout") == 1);  // expiry is local: nothing sent
}

TEST_CASE("the camera preview JPEG becomes previewFrame and is dropped when the session ends",
          "[local_api]") {
  ScriptedServer server;
  server.session = screen("face_capture", "s-0004");
  LocalApi api;
  connectClient(api, server);
  REQUIRE(waitFor([&] { return api.screen()->name() == "face_capture"; }));
  bool broken = false;
  server.handler = [&](const QJsonObject& r) {
    const QString m = r.value("method").toString();
    if (m == "camera.preview") {
      if (broken) {
        server.reply(r, QJsonObject{{"jpeg", "bm90IGEganBlZw=="}, {"width", 1}, {"height", 1}});
      } else {
        server.reply(r, QJsonObject{{"jpeg", jpegBase64(64, 48)}, {"width", 64}, {"height", 48}});
      }
    } else if (m == "session.photo") {
      server.reply(r, QJsonObject{{"jpeg", jpegBase64(30, 40)}, {"width", 30}, {"height", 40}});
    } else {
      return false;
    }
    return true;
  };
  QSignalSpy frames(&api, &LocalApi::previewFrameChanged);
  api.refreshPreview();
  REQUIRE(waitFor([&] { return !api.previewFrame().isNull(); }));
  CHECK(api.previewFrame().size() == QSize(64, 48));
  CHECK(frames.count() == 1);

  broken = true;  // an undecodable frame is ignored quietly: the last one stays
  api.refreshPreview();
  REQUIRE(waitFor([&] { return server.count("camera.preview") == 2; }));
  pump(20);
  CHECK(api.previewFrame().size() == QSize(64, 48));

  // The photo under review is fetched on entering photo_review; the preview is dropped.
  QJsonObject review = screen("photo_review", "s-0004", {"accept", "retake", "cancel"});
  review.insert("data", QJsonObject{{"attempt", 1}, {"retakes_left", 3}, {"quality_ok", true}});
  server.notify("session.changed", review);
  REQUIRE(waitFor([&] { return api.screen()->name() == "photo_review"; }));
  CHECK(api.previewFrame().isNull());
  CHECK(frames.count() == 2);
  REQUIRE(waitFor([&] { return !api.photo().isNull(); }));
  CHECK(api.photo().size() == QSize(30, 40));

  // Not on face_capture: no preview request at all.
  api.refreshPreview();
  pump(20);
  CHECK(server.count("camera.preview") == 2);

  server.notify("session.changed", QJsonObject{{"session_id", QJsonValue::Null}});
  REQUIRE(waitFor([&] { return api.screen()->name() == "idle"; }));
  CHECK(api.photo().isNull());
}

TEST_CASE("frames are dropped when kioskd disconnects", "[local_api]") {
  ScriptedServer server;
  server.session = screen("face_capture", "s-0005");
  LocalApi api;
  connectClient(api, server);
  REQUIRE(waitFor([&] { return api.screen()->name() == "face_capture"; }));
  server.handler = [&](const QJsonObject& r) {
    if (r.value("method") != "camera.preview") return false;
    server.reply(r, QJsonObject{{"jpeg", jpegBase64(16, 16)}, {"width", 16}, {"height", 16}});
    return true;
  };
  api.refreshPreview();
  REQUIRE(waitFor([&] { return !api.previewFrame().isNull(); }));
  server.dropClient();
  REQUIRE(waitFor([&] { return api.screen()->name() == "no_connection"; }));
  CHECK(api.previewFrame().isNull());
}

TEST_CASE("the query service is sent as kioskd's info_query, and as query if kioskd rejects that",
          "[local_api]") {
  ScriptedServer server;
  LocalApi api;
  connectClient(api, server);
  QStringList accepted{"info_query"};
  server.handler = [&](const QJsonObject& r) {
    if (r.value("method") != "session.start") return false;
    if (accepted.contains(r.value("params").toObject().value("service").toString())) {
      server.reply(r, screen("insert_id_card"));
    } else {
      server.replyError(r, -32602, "invalid_params", "service");
    }
    return true;
  };
  api.startSession("query", "en");
  REQUIRE(waitFor([&] { return api.screen()->name() == "insert_id_card"; }));
  CHECK(server.count("session.start") == 1);
  CHECK(server.last("session.start").value("params").toObject().value("service") == "info_query");

  server.notify("session.changed", QJsonValue::Null);
  REQUIRE(waitFor([&] { return api.screen()->name() == "idle"; }));
  accepted = QStringList{"query"};
  api.startSession("query", "en");
  REQUIRE(waitFor([&] { return api.screen()->name() == "insert_id_card"; }));
  CHECK(server.count("session.start") == 3);
  CHECK(server.last("session.start").value("params").toObject().value("service") == "query");

  // A renewal rejected as invalid is reported, not retried.
  server.notify("session.changed", QJsonValue::Null);
  REQUIRE(waitFor([&] { return api.screen()->name() == "idle"; }));
  QSignalSpy failed(&api, &LocalApi::callFailed);
  api.startSession("renewal", "en");
  REQUIRE(waitFor([&] { return failed.count() == 1; }));
  CHECK(server.count("session.start") == 4);
  CHECK(api.screen()->name() == "idle");
}

TEST_CASE("a request over 1 MiB is refused locally with message_too_large and never sent",
          "[local_api]") {
  ScriptedServer server;
  LocalApi api;
  connectClient(api, server);
  const int sent = static_cast<int>(server.requests.size());
  Answer a;
  api.call("stock.load", {{"blob", QString(NdjsonReader::kMaxMessageBytes, QChar(u'x'))}},
           a.callback());
  CHECK_FALSE(a.done);
  REQUIRE(waitFor([&] { return a.done; }));
  CHECK(a.error.value("code").toInt() == -32600);
  CHECK(a.error.value("reason").toString() == "message_too_large");
  Answer b;
  api.call("api.version", {}, b.callback());
  REQUIRE(waitFor([&] { return b.done; }));
  CHECK(b.error.isEmpty());
  CHECK(static_cast<int>(server.requests.size()) == sent + 1);
  CHECK(api.connected());
}
