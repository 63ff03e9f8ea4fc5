#pragma once
// KioskStack: a real kiosk for UI tests and benchmarks. Starts kiosk-central in dev mode (dev
// PKI, seeded synthetic registry) on a free loopback port and kioskd in simulation mode (every
// device emulated behind its real driver) against it, as child processes in a temporary
// directory, exactly like scripts/demo: waits until kioskd's local API answers kiosk.status
// with state "ready" (or, from a kioskd without `state`, not out of service and no session), logs
// the technician in (retrying while central configuration arrives), loads blank card stock and logs
// out again. The destructor stops both (SIGTERM, then wait; SIGKILL only after 10 s). Logs go to
// <dir>/central.log and <dir>/kioskd.log; they are printed to stderr when start() fails, when the
// stack is destroyed during stack unwinding (a failed REQUIRE), or on request (print_logs()); the
// directory is then kept for inspection.
//
// RpcClient: a minimal blocking JSON-RPC 2.0 client of the local API (NDJSON over the Unix
// socket, docs/local-api.md) with its own connection; it deliberately shares no code with the
// UI's LocalApi so the tests exercise that independently. Notifications are skipped.
#include <QJsonObject>
#include <QJsonValue>
#include <QLocalSocket>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <memory>
#include <stdexcept>
#include <string>

namespace kiosk::ui_test {

// A JSON-RPC error answer (code/reason as sent by kioskd) or a transport failure
// (code 0, reason "unreachable" / "disconnected" / "timeout" / "invalid_response").
class RpcError : public std::runtime_error {
 public:
  RpcError(int code, std::string reason, const std::string& message)
      : std::runtime_error(message), code_(code), reason_(std::move(reason)) {}
  int code() const { return code_; }
  const std::string& reason() const { return reason_; }

 private:
  int code_;
  std::string reason_;
};

class RpcClient {
 public:
  explicit RpcClient(QString socket_path);
  // Connects on first use; throws RpcError. Blocks without an event loop (the caller's GUI
  // is frozen for the duration of the call, which is short for everything but self-tests).
  QJsonValue call(const QString& method, const QJsonObject& params = {}, int timeout_ms = 10000);

 private:
  void ensure_connected(int timeout_ms);
  QString path_;
  std::unique_ptr<QLocalSocket> socket_;
  QByteArray buffer_;
  int next_id_ = 1;
};

struct StackOptions {
  // Emulator time scale (kioskd config simulation.time_scale); by default
  // $KIOSK_EMU_TIME_SCALE, else 0.01.
  double time_scale = -1;
  int stock_count = 100;  // blank cards loaded (0: none)
  int ready_timeout_ms = 60000;
};

class KioskStack {
 public:
  static constexpr const char* kTechnician = "tech";
  static constexpr const char* kTechnicianPassword = "kiosk24-dev";

  explicit KioskStack(StackOptions options = {});
  ~KioskStack();
  KioskStack(const KioskStack&) = delete;
  KioskStack& operator=(const KioskStack&) = delete;

  // Starts both processes and prepares the kiosk; throws std::runtime_error (logs printed).
  void start();
  // Stops kioskd, then kiosk-central (SIGTERM, wait). Idempotent.
  void stop();

  QString socket_path() const;
  QString dir() const;
  // A call on the stack's own connection.
  QJsonValue call(const QString& method, const QJsonObject& params = {}, int timeout_ms = 10000);
  // maintenance.login, the call with the token, maintenance.logout.
  QJsonValue maintenance_call(const QString& method, QJsonObject params = {},
                              int timeout_ms = 10000);
  void print_logs() const;

 private:
  void fail(const std::string& what);
  QString login(int timeout_ms);
  StackOptions options_;
  mutable QTemporaryDir dir_;  // kept (autoRemove off) once logs were printed
  QProcess central_;
  QProcess kioskd_;
  std::unique_ptr<RpcClient> rpc_;
};

}  // namespace kiosk::ui_test
