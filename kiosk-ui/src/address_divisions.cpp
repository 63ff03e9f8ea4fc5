#include "address_divisions.hpp"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtGlobal>

namespace {

constexpr const char* kDefaultPath = ":/Kiosk/Ui/data/addresses.json";
// Child array per level: provinces hold cities, cities districts, districts streets.
constexpr const char* kChildren[] = {"cities", "districts", "streets"};
constexpr int kLeafLevel = 3;

bool named(const QJsonObject& o) {
  return o.value("zh").isString() && !o.value("zh").toString().isEmpty() &&
         o.value("en").isString() && !o.value("en").toString().isEmpty();
}

// One division and (below the street level) its children, or an empty map when malformed.
QVariantMap division(const QJsonValue& value, int level) {
  if (!value.isObject()) return {};
  const QJsonObject o = value.toObject();
  if (!named(o)) return {};
  QVariantMap out{{"zh", o.value("zh").toString()}, {"en", o.value("en").toString()}};
  if (level == kLeafLevel) return out;
  const char* key = kChildren[level];
  QVariantList children;
  for (const QJsonValue& child : o.value(key).toArray()) {
    QVariantMap d = division(child, level + 1);
    if (d.isEmpty()) {
      qWarning("AddressDivisions: malformed entry dropped under %s", key);
      continue;
    }
    children.append(d);
  }
  if (children.isEmpty()) return {};  // nothing to choose below it
  out.insert(key, children);
  return out;
}

}  // namespace

AddressDivisions::AddressDivisions(QObject* parent) : QObject(parent) {
  load(kDefaultPath);
}

int AddressDivisions::load(const QString& path) {
  QVariantList provinces;
  QFile file(path);
  if (file.open(QIODevice::ReadOnly)) {
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    for (const QJsonValue& p : doc.object().value("provinces").toArray()) {
      QVariantMap d = division(p, 0);
      if (d.isEmpty()) {
        qWarning("AddressDivisions: malformed province dropped");
        continue;
      }
      provinces.append(d);
    }
  } else {
    qWarning("AddressDivisions: address list not readable");
  }
  provinces_ = provinces;
  emit provincesChanged();
  return static_cast<int>(provinces_.size());
}
