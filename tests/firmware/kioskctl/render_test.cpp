#include "firmware/kioskctl/render.hpp"

#include <catch2/catch.hpp>

using kiosk::kioskctl::render_human;
using nlohmann::json;

TEST_CASE("objects render as aligned key: value lines with nested objects indented",
          "[kioskctl][render]") {
  json v = {{"state", "ready"},
            {"out_of_service", false},
            {"session", nullptr},
            {"supplies", {{"ribbon", 80}, {"paper", "low"}}},
            {"languages", {"zh", "en"}}};
  CHECK(render_human(v) ==
        "languages:       zh, en\n"
        "out_of_service:  no\n"
        "session:         -\n"
        "state:           ready\n"
        "supplies:\n"
        "  paper:   low\n"
        "  ribbon:  80\n");
}

TEST_CASE("lists of records render as a table", "[kioskctl][render]") {
  json v = json::array({{{"id", "tx-1"}, {"outcome", "completed"}},
                        {{"id", "tx-22"}, {"outcome", nullptr}, {"service", "renewal"}}});
  CHECK(render_human(v) ==
        "ID     OUTCOME    SERVICE\n"
        "tx-1   completed\n"
        "tx-22  -          renewal\n");
}

TEST_CASE("empty lists say none", "[kioskctl][render]") {
  CHECK(render_human(json::array()) == "(none)\n");
  CHECK(render_human(json{{"items", json::array()}}) == "items:  (none)\n");
}
