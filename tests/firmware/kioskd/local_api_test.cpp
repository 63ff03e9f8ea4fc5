// The local-API methods the kiosk UI and the maintenance dashboard need: the live camera
// preview and the photo under review (gated to their screens), test prints, device counters
// and last errors, and kiosk.changed notifications.
#include <catch2/catch.hpp>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "drivers/camera/camera_codec.hpp"
#include "firmware/kioskd/kioskd.hpp"
#include "firmware/kioskd/preview_image.hpp"
#include "firmware/kioskd/simulated_devices.hpp"
#include "firmware/rpc/client.hpp"
#include "tests/firmware/kioskd/running_kioskd.hpp"

using namespace kiosk;
using nlohmann::json;

namespace {

json call(rpc::Client& c, const std::string& method, json params = json::object()) {
  auto r = c.call(method, std::move(params), std::chrono::seconds(30));
  if (!r) FAIL(method << " failed: " << r.error().message << " (" << r.error().reason() << ")");
  return r.value();
}

// {code, reason} of a failed call, or {0, ""} when it succeeded.
std::pair<int, std::string> refusal(rpc::Client& c, const std::string& method,
                                    json params = json::object()) {
  auto r = c.call(method, std::move(params), std::chrono::seconds(30));
  if (r) return {0, ""};
  return {r.error().remote.code, r.error().reason()};
}

std::string login_tech(rpc::Client& c) {
  const std::string token = testing::technician_token(c);
  REQUIRE_FALSE(token.empty());
  return token;
}

json wait_screen(rpc::Client& c, const std::string& name, int tries = 3000) {
  for (int i = 0; i < tries; ++i) {
    const json s = call(c, "session.get");
    if (s.is_object() && s.value("screen", "") == name) return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL("screen " << name << " never showed");
  return nullptr;
}

// Starts a renewal in `language` for the synthetic citizen due for renewal, up to consent.
void start_renewal(rpc::Client& c, const std::string& language) {
  std::string id;
  const json citizens = call(c, "emulator.citizens");
  for (const auto& ci : citizens["citizens"])
    if (ci.value("label", "") == "due_for_renewal") id = ci["id_number"];
  REQUIRE_FALSE(id.empty());
  call(c, "session.start", json{{"service", "renewal"}, {"language", language}});
  call(c, "emulator.place_id_card", json{{"id_number", id}});
  wait_screen(c, "consent");
}

std::vector<std::uint8_t> base64_decode(const std::string& in) {
  auto val = [](char ch) -> int {
    if (ch >= 'A' && ch <= 'Z') return ch - 'A';
    if (ch >= 'a' && ch <= 'z') return ch - 'a' + 26;
    if (ch >= '0' && ch <= '9') return ch - '0' + 52;
    if (ch == '+') return 62;
    if (ch == '/') return 63;
    return -1;
  };
  std::vector<std::uint8_t> out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (char ch : in) {
    const int v = val(ch);
    if (v < 0) continue;  // padding
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

// The answer's JPEG decodes to the announced size, at most 640 wide.
void check_image_answer(const json& answer) {
  REQUIRE(answer.contains("jpeg"));
  const auto bytes = base64_decode(answer["jpeg"].get<std::string>());
  REQUIRE(bytes.size() > 2);
  CHECK(bytes[0] == 0xFF);
  CHECK(bytes[1] == 0xD8);
  auto image = drivers::mjpeg_to_rgb(bytes);
  REQUIRE(image.ok());
  CHECK(image.value().width == answer["width"].get<int>());
  CHECK(image.value().height == answer["height"].get<int>());
  CHECK(answer["width"].get<int>() <= 640);
  CHECK(answer["width"].get<int>() > 0);
}

}  // namespace

TEST_CASE("preview and encoding helpers downscale to 640 wide and base64 the JPEG",
          "[kioskd][preview]") {
  hal::RgbImage big(1280, 720, 0x80);
  const auto small = kioskd::downscale(big, 640);
  CHECK(small.width == 640);
  CHECK(small.height == 360);
  CHECK(kioskd::downscale(small, 640).width == 640);
  CHECK_FALSE(kioskd::encode_preview(hal::RgbImage{}).has_value());
  auto encoded = kioskd::encode_preview(big);
  REQUIRE(encoded.has_value());
  check_image_answer(
      json{{"jpeg", encoded->jpeg_base64}, {"width", encoded->width}, {"height", encoded->height}});
}

TEST_CASE("camera.preview and session.photo are given only on their screens",
          "[kioskd][preview][integration]") {
  // 400 s scaled by the tests' time scale 0.01: 4 s of face positioning per capture.
  testing::RunningKioskd d(
      [](kioskd::KioskdConfig& config) { config.capture_countdown = std::chrono::seconds(400); });
  rpc::Client& c = *d.client;
  const std::string token = login_tech(c);
  call(c, "stock.load", testing::blank_cards(token, 5));

  CHECK(refusal(c, "camera.preview") == std::pair<int, std::string>{-32002, "no_session"});
  CHECK(refusal(c, "session.photo") == std::pair<int, std::string>{-32002, "no_session"});

  start_renewal(c, "zh");
  CHECK(refusal(c, "camera.preview") == std::pair<int, std::string>{-32002, "action_not_allowed"});
  // A citizen session refuses test prints.
  CHECK(refusal(c, "devices.test_print", json{{"token", token}, {"device", "receipt_printer"}}) ==
        std::pair<int, std::string>{-32002, "session_active"});

  call(c, "session.action", json{{"action", "consent"}});
  const json capture = wait_screen(c, "face_capture");
  CHECK(capture["data"]["countdown_ms"] == 4000);
  check_image_answer(call(c, "camera.preview"));
  check_image_answer(call(c, "camera.preview"));
  CHECK(refusal(c, "session.photo") == std::pair<int, std::string>{-32002, "action_not_allowed"});

  wait_screen(c, "photo_review");
  check_image_answer(call(c, "session.photo"));
  CHECK(refusal(c, "camera.preview") == std::pair<int, std::string>{-32002, "action_not_allowed"});
  call(c, "session.cancel");
  wait_screen(c, "ended");
  CHECK(refusal(c, "session.photo").second == "no_session");
}

// Test prints need maintenance, print through the drivers and are audited; devices carry
// counters and last errors; kiosk.changed follows the kiosk's state.
TEST_CASE("the maintenance dashboard gets test prints and device counters and kiosk.changed",
          "[kioskd][maintenance][integration]") {
  testing::RunningKioskd d;
  rpc::Client& c = *d.client;

  // A second connection watches kiosk.changed.
  auto watcher = rpc::Client::connect(d.config.socket_path);
  REQUIRE(watcher.ok());
  std::mutex m;
  std::condition_variable cv;
  std::vector<json> changes;
  watcher.value()->set_notification_handler([&](const std::string& method, const json& params) {
    if (method != "kiosk.changed") return;
    std::lock_guard lock(m);
    changes.push_back(params);
    cv.notify_all();
  });
  REQUIRE(watcher.value()->call("events.subscribe"));
  auto wait_change = [&](const std::function<bool(const json&)>& pred) {
    std::unique_lock lock(m);
    return cv.wait_for(lock, std::chrono::seconds(20),
                       [&] { return std::any_of(changes.begin(), changes.end(), pred); });
  };

  const json listed = call(c, "devices.list");
  REQUIRE(listed["devices"].size() == 5);
  for (const auto& dev : listed["devices"]) {
    CHECK(dev["device"] == dev["id"]);
    CHECK(dev["counters"].is_object());
    CHECK(dev.contains("last_error"));
  }

  CHECK(refusal(c, "devices.test_print", json{{"device", "card_printer"}}) ==
        std::pair<int, std::string>{-32001, "maintenance_required"});
  const std::string token = login_tech(c);
  CHECK(wait_change([](const json& s) { return s["maintenance"]["active"] == true; }));
  CHECK(refusal(c, "devices.test_print", json{{"token", token}, {"device", "camera"}}).first ==
        -32602);

  // Self-tests, all devices or one (the documented "results" form).
  const json all = call(c, "devices.selftest", json{{"token", token}});
  REQUIRE(all["results"].size() == 5);
  for (const auto& r : all["results"]) CHECK(r["passed"] == true);
  const json one = call(c, "devices.selftest", json{{"token", token}, {"device", "camera"}});
  REQUIRE(one["results"].size() == 1);
  CHECK(one["results"][0]["device"] == "camera");
  CHECK(refusal(c, "devices.selftest", json{{"token", token}, {"device", "toaster"}}).second ==
        "unknown_device");

  const json card =
      call(c, "devices.test_print", json{{"token", token}, {"device", "card_printer"}});
  CHECK(card["printed"] == true);
  json artifacts = call(c, "emulator.artifacts");
  REQUIRE(artifacts["card_images"].size() == 2);
  for (const auto& p : artifacts["card_images"])
    CHECK(std::filesystem::exists(p.get<std::string>()));

  CHECK(call(c, "devices.test_print",
             json{{"token", token}, {"device", "receipt_printer"}})["printed"] == true);
  artifacts = call(c, "emulator.artifacts");
  REQUIRE(artifacts["receipt_image"].is_string());
  CHECK(std::filesystem::exists(artifacts["receipt_image"].get<std::string>()));

  const json after_print = call(c, "devices.list");
  for (const auto& dev : after_print["devices"])
    if (dev["device"] == "card_printer") CHECK(dev["counters"].value("CardsPrintedCount", 0) >= 1);

  bool audited = false;
  const json audit = call(c, "audit.list", json{{"token", token}});
  for (const auto& e : audit["entries"])
    if (e["action"] == "devices.test_print" && e["actor"] == "tech") audited = true;
  CHECK(audited);

  // A failed test print is a device error, and the device's last error.
  call(c, "emulator.inject_fault", json{{"device", "receipt_printer"}, {"fault", "paper_out"}});
  const auto failed =
      refusal(c, "devices.test_print", json{{"token", token}, {"device", "receipt_printer"}});
  CHECK(failed.first == -32003);
  json receipt_printer;
  const json after_fault = call(c, "devices.list");
  for (const auto& dev : after_fault["devices"])
    if (dev["device"] == "receipt_printer") receipt_printer = dev;
  REQUIRE(receipt_printer["last_error"].is_object());
  CHECK_FALSE(receipt_printer["last_error"]["code"].get<std::string>().empty());
  CHECK(receipt_printer["last_error"]["at"].is_string());
  call(c, "emulator.clear_faults", json{{"device", "receipt_printer"}});

  // kiosk.changed carries the kiosk.status result when out of service changes.
  call(c, "maintenance.set_out_of_service",
       json{{"token", token}, {"enabled", true}, {"reason", "ribbon change"}});
  CHECK(wait_change([](const json& s) {
    return s["out_of_service"] == true && s["state"] == "out_of_service" &&
           s["out_of_service_reason"] == "ribbon change";
  }));
  const json status = call(c, "kiosk.status");
  CHECK(status["state"] == "out_of_service");
  CHECK(status["maintenance"]["user"] == "tech");
  CHECK(status["stock"].is_object());
  call(c, "stock.load", testing::blank_cards(token, 3));
  CHECK(wait_change(
      [](const json& s) { return s["stock"].is_object() && s["stock"]["remaining"] == 3; }));
  watcher.value().reset();
}

// The rules kioskd publishes for the UI: keep-alive, the address limit and its refusals, the
// licence classes, and the money outcome with the reference on the end screen.
TEST_CASE("session.keep_alive, a refused address and the end screen's money over the local API",
          "[kioskd][session][integration]") {
  testing::RunningKioskd d;
  rpc::Client& c = *d.client;
  const std::string token = login_tech(c);
  call(c, "stock.load", testing::blank_cards(token, 5));
  CHECK(refusal(c, "session.keep_alive") == std::pair<int, std::string>{-32002, "no_session"});

  start_renewal(c, "en");
  CHECK(call(c, "session.keep_alive") == json::object());

  call(c, "session.action", json{{"action", "consent"}});
  wait_screen(c, "photo_review");
  call(c, "session.action", json{{"action", "accept"}});
  const json details = wait_screen(c, "confirm_details");
  CHECK(details["data"]["address_max_bytes"] == 300);
  REQUIRE(details["data"]["class_list"].is_array());
  CHECK_FALSE(details["data"]["class_list"].empty());
  CHECK(details["data"]["class_list"][0].contains("zh"));

  CHECK(refusal(c, "session.action",
                json{{"action", "change_address"}, {"value", R"({"province":"北京市"})"}}) ==
        std::pair<int, std::string>{-32602, "address_incomplete"});
  json refused;
  for (int i = 0; i < 500 && !refused.is_object(); ++i) {
    const json s = call(c, "session.get");
    if (s["error"].is_object()) refused = s;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE(refused.is_object());
  CHECK(refused["screen"] == "confirm_details");
  CHECK(refused["error"] == json{{"code", "invalid_address"},
                                 {"reason", "address_incomplete"},
                                 {"prompt", "error.invalid_address"}});
  // kioskctl's plain-text address is still taken as it is.
  call(c, "session.action", json{{"action", "change_address"}, {"value", "测试市新地址路 9 号"}});

  call(c, "session.cancel");
  const json ended = wait_screen(c, "ended");
  CHECK(ended["data"]["money"] == json{{"state", "not_charged"}, {"amount_fen", 0}});
  const json txns = call(c, "txn.list", json{{"token", token}, {"limit", 1}});
  REQUIRE(txns["transactions"].size() == 1);
  std::string hex = txns["transactions"][0]["id"].get<std::string>().substr(3, 8);
  for (auto& ch : hex) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  CHECK(ended["data"]["reference"] == hex.substr(0, 4) + "-" + hex.substr(4));
  CHECK(refusal(c, "session.keep_alive").first == -32002);
}
