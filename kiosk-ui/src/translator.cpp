#include "translator.hpp"

#include <QCoreApplication>
#include <QQmlEngine>
#include <QTimer>

namespace {
constexpr auto kChineseCatalogue = ":/i18n/kiosk-ui_zh_CN.qm";
}

Translator::Translator(QObject* parent) : QObject(parent), language_(QStringLiteral("zh")) {
  apply();
}

Translator::~Translator() {
  if (installed_) QCoreApplication::removeTranslator(&chinese_);
}

void Translator::setLanguage(const QString& language) {
  if (language == language_) return;
  if (language != QLatin1String("zh") && language != QLatin1String("en")) return;
  language_ = language;
  apply();
  emit languageChanged();
}

void Translator::apply() {
  if (installed_) {
    QCoreApplication::removeTranslator(&chinese_);
    installed_ = false;
  }
  if (language_ == QLatin1String("zh") && (!chinese_.isEmpty() || chinese_.load(kChineseCatalogue)))
    installed_ = QCoreApplication::installTranslator(&chinese_);
  // The engine that created this singleton. While the singleton is being constructed it is not
  // known yet, and bindings evaluated before the first use of Translator were translated without
  // the catalogue: retranslate once the construction is over. The engine's uiLanguage follows
  // (Qt.uiLanguage: QML that cannot import the module, e.g. its other singletons, binds to it).
  const auto refresh = [this](QQmlEngine* engine) {
    engine->setUiLanguage(language_);
    engine->retranslate();
  };
  if (QQmlEngine* engine = qmlEngine(this); engine != nullptr) {
    refresh(engine);
  } else {
    QTimer::singleShot(0, this, [this, refresh] {
      if (QQmlEngine* later = qmlEngine(this); later != nullptr) refresh(later);
    });
  }
}
