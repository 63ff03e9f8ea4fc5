#pragma once
// UiFormTranslator: a QTranslator for the kiosk's catalogue that also finds the strings of
// `XForm.ui.qml` layout files. lupdate files them under the context "XForm.ui", but Qt 6.4
// looks up everything in such a file that is not a plain `qsTr("literal")` binding (a choice
// `a ? qsTr(..) : qsTr(..)`, an array, a call) under "XForm". Without this, those texts stayed
// English on Chinese screens.

#include <QTranslator>

class UiFormTranslator : public QTranslator {
 public:
  using QTranslator::QTranslator;
  QString translate(const char* context, const char* source, const char* disambiguation = nullptr,
                    int n = -1) const override;
};
