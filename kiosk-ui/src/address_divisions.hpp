#pragma once
// AddressDivisions: the administrative divisions the address picker offers (province -> city
// -> district -> street), read once from the module resource data/addresses.json and exposed
// to QML as the singleton `AddressDivisions` (QML's XMLHttpRequest may not read qrc files).
//
// `provinces` is a list of {zh, en, cities: [{zh, en, districts: [{zh, en, streets: [{zh,
// en}]}]}]}: every level is an array and every name pair non-empty. Entries that do not have
// that shape are dropped (with a warning naming the level, never the data); an unreadable file
// gives an empty list. `load()` is public so tests can read another file.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QVariantList>

class AddressDivisions : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_SINGLETON
  Q_PROPERTY(QVariantList provinces READ provinces NOTIFY provincesChanged)

 public:
  explicit AddressDivisions(QObject* parent = nullptr);

  QVariantList provinces() const { return provinces_; }
  // Replaces the list from a JSON file (a resource path like ":/Kiosk/Ui/data/addresses.json").
  // Returns the number of provinces kept.
  Q_INVOKABLE int load(const QString& path);

 signals:
  void provincesChanged();

 private:
  QVariantList provinces_;
};
