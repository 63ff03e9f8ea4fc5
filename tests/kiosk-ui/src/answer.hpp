#pragma once
// The answer to one LocalApi call, recorded by the callback the call is given.
#include <QVariant>
#include <QVariantMap>

#include "local_api.hpp"

namespace kiosk_ui_test {

struct Answer {
  bool done = false;
  QVariant result;
  QVariantMap error;
  LocalApi::Callback callback() {
    return [this](const QVariant& r, const QVariantMap& e) {
      done = true;
      result = r;
      error = e;
    };
  }
};

}  // namespace kiosk_ui_test
