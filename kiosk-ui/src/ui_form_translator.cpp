#include "ui_form_translator.hpp"

#include <QByteArray>

QString UiFormTranslator::translate(const char* context, const char* source,
                                    const char* disambiguation, int n) const {
  QString found = QTranslator::translate(context, source, disambiguation, n);
  if (!found.isNull() || context == nullptr) return found;
  const QByteArray form = QByteArray(context) + ".ui";
  return QTranslator::translate(form.constData(), source, disambiguation, n);
}
