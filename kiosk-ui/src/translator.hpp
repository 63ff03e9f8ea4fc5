#pragma once
// Translator: the UI language, exposed to QML as the singleton `Translator` of module Kiosk.Ui.
// `language` is "zh" (Simplified Chinese, the default) or "en". English is the source language
// of every qsTr() string, so "en" removes the translator; "zh" installs the one built from
// i18n/kiosk-ui_zh_CN.ts (resource :/i18n/kiosk-ui_zh_CN.qm). After every change the QML engine
// re-evaluates its translated bindings (QQmlEngine::retranslate()). Any other value is refused
// (the language stays as it was).

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

#include "ui_form_translator.hpp"

class Translator : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)

 public:
  explicit Translator(QObject* parent = nullptr);
  ~Translator() override;

  QString language() const { return language_; }
  void setLanguage(const QString& language);

 signals:
  void languageChanged();

 private:
  void apply();

  UiFormTranslator chinese_;
  bool installed_ = false;
  QString language_;
};
