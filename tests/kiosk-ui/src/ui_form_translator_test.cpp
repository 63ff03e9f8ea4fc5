#include "ui_form_translator.hpp"

#include <catch2/catch.hpp>

// The kiosk's real Chinese catalogue, built into the Kiosk.Ui module's resources.
TEST_CASE("strings of a .ui.qml layout are found under the context Qt looks them up by",
          "[translator]") {
  UiFormTranslator chinese;
  REQUIRE(chinese.load(QStringLiteral(":/i18n/kiosk-ui_zh_CN.qm")));
  // lupdate files them under "PhotoReviewScreenForm.ui"; Qt asks for "PhotoReviewScreenForm".
  const QString checklist =
      chinese.translate("PhotoReviewScreenForm", "Your whole face is visible and in focus");
  CHECK(checklist == QStringLiteral("整张脸清晰可见"));
  CHECK(chinese.translate("PhotoReviewScreenForm.ui", "Your whole face is visible and in focus") ==
        checklist);
}

TEST_CASE("a string the catalogue lacks stays untranslated", "[translator]") {
  UiFormTranslator chinese;
  REQUIRE(chinese.load(QStringLiteral(":/i18n/kiosk-ui_zh_CN.qm")));
  CHECK(chinese.translate("PhotoReviewScreenForm", "no such text").isNull());
  CHECK(chinese.translate(nullptr, "no such text").isNull());
}
