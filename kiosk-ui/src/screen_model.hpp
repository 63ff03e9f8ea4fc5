#pragma once
// ScreenModel: one screen of kioskd's screen model (docs/screen-model.md) as typed properties
// for QML. LocalApi owns the live one (LocalApi.screen) and updates it in place from every
// `session.changed`; tests and the screenshot tour create their own and `load()` a fixture.
// `data` stays a JS object: its members differ per screen and the screen that reads them
// knows which it needs. Unknown members are ignored (the local API may add members).

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

class ScreenModel : public QObject {
  Q_OBJECT
  QML_ELEMENT

  Q_PROPERTY(QString name READ name NOTIFY changed)  // "idle", "consent", ... (the `screen`)
  Q_PROPERTY(QString sessionId READ sessionId NOTIFY changed)
  Q_PROPERTY(QString service READ service NOTIFY changed)
  Q_PROPERTY(QString step READ step NOTIFY changed)
  Q_PROPERTY(QString language READ language NOTIFY changed)  // "zh" | "en"; "" without session
  Q_PROPERTY(QString prompt READ prompt NOTIFY changed)
  Q_PROPERTY(QVariant data READ data NOTIFY changed)
  Q_PROPERTY(QStringList actions READ actions NOTIFY changed)
  Q_PROPERTY(bool hasError READ hasError NOTIFY changed)
  Q_PROPERTY(QString errorCode READ errorCode NOTIFY changed)
  Q_PROPERTY(QString errorReason READ errorReason NOTIFY changed)
  Q_PROPERTY(int progressIndex READ progressIndex NOTIFY changed)
  Q_PROPERTY(int progressTotal READ progressTotal NOTIFY changed)
  Q_PROPERTY(int etaSeconds READ etaSeconds NOTIFY changed)            // -1 when unknown
  Q_PROPERTY(int idleSecondsLeft READ idleSecondsLeft NOTIFY changed)  // -1: not waiting
  Q_PROPERTY(bool idleWarning READ idleWarning NOTIFY changed)
  Q_PROPERTY(int revision READ revision NOTIFY changed)  // +1 on every load()

 public:
  explicit ScreenModel(QObject* parent = nullptr);

  // Replaces every field from one screen-model object (as JSON-decoded by the client).
  Q_INVOKABLE void load(const QVariantMap& model);
  // Whether `action` is among the actions kioskd accepts now.
  Q_INVOKABLE bool allows(const QString& action) const;

  QString name() const { return name_; }
  QString sessionId() const { return session_id_; }
  QString service() const { return service_; }
  QString step() const { return step_; }
  QString language() const { return language_; }
  QString prompt() const { return prompt_; }
  QVariant data() const { return data_; }
  QStringList actions() const { return actions_; }
  bool hasError() const { return !error_code_.isEmpty(); }
  QString errorCode() const { return error_code_; }
  QString errorReason() const { return error_reason_; }
  int progressIndex() const { return progress_index_; }
  int progressTotal() const { return progress_total_; }
  int etaSeconds() const { return eta_seconds_; }
  int idleSecondsLeft() const { return idle_seconds_left_; }
  bool idleWarning() const { return idle_warning_; }
  int revision() const { return revision_; }
  QVariantMap toMap() const { return raw_; }

 signals:
  void changed();

 private:
  QVariantMap raw_;
  QString name_, session_id_, service_, step_, language_, prompt_;
  QVariant data_;
  QStringList actions_;
  QString error_code_, error_reason_;
  int progress_index_ = 0, progress_total_ = 0, eta_seconds_ = -1;
  int idle_seconds_left_ = -1;
  bool idle_warning_ = false;
  int revision_ = 0;
};
