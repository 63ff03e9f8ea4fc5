#include "firmware/citizen/citizen.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <sstream>
#include <thread>

#include "firmware/rpc/client.hpp"

namespace kiosk::citizen {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// Screens arrive as notifications; session.get is the fallback when one was missed.
struct Inbox {
  std::mutex m;
  std::condition_variable cv;
  std::deque<json> screens;
  void push(const json& s) {
    std::lock_guard lock(m);
    screens.push_back(s);
    cv.notify_all();
  }
  std::optional<json> pop(std::chrono::milliseconds wait) {
    std::unique_lock lock(m);
    cv.wait_for(lock, wait, [this] { return !screens.empty(); });
    if (screens.empty()) return std::nullopt;
    json s = std::move(screens.front());
    screens.pop_front();
    return s;
  }
};

bool allows(const json& screen, const std::string& action) {
  if (!screen.contains("actions") || !screen["actions"].is_array()) return false;
  for (const auto& a : screen["actions"])
    if (a == action) return true;
  return false;
}

// What the citizen reacts to: the screen and its data, not the idle countdown.
std::string reaction_key(const json& s) {
  return s.value("session_id", "") + "|" + s.value("screen", "") + "|" +
         (s.contains("data") ? s["data"].dump() : "") + "|" +
         (s.contains("error") ? s["error"].dump() : "");
}

}  // namespace

CitizenReport run_citizen(const CitizenOptions& o) {
  CitizenReport report;
  const auto t0 = Clock::now();
  auto log = [&](const std::string& line) {
    if (!o.log) return;
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(2);
    s << "[" << std::chrono::duration<double>(Clock::now() - t0).count() << "s] " << line;
    o.log(s.str());
  };
  auto finish = [&](std::string screen, std::string error) {
    report.final_screen = std::move(screen);
    report.error = std::move(error);
    report.elapsed_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return report;
  };

  auto connected = rpc::Client::connect(o.socket);
  if (!connected) return finish("unreachable", connected.error().message);
  rpc::Client& c = *connected.value();
  auto inbox = std::make_shared<Inbox>();
  c.set_notification_handler([inbox](const std::string& method, const json& params) {
    if (method == "session.changed") inbox->push(params);
  });
  auto call = [&](const std::string& method, json params) -> std::optional<json> {
    auto r = c.call(method, std::move(params), std::chrono::seconds(30));
    if (!r) {
      log(method + " failed: " + r.error().reason());
      report.error = r.error().reason();
      return std::nullopt;
    }
    return r.value();
  };
  if (!call("events.subscribe", json::object())) return finish("error", report.error);

  // Who: an ID number, or a registry scenario.
  std::string id = o.who;
  const CitizenHand& hand = o.hand;
  if (id.empty() || id.find_first_not_of("0123456789X") != std::string::npos) {
    const std::string label = id.empty() ? "due_for_renewal" : id;
    if (hand.find_citizen) {
      id = hand.find_citizen(label);
      if (id.empty()) return finish("error", "no citizen " + label);
    }
  }
  if (id.empty() || id.find_first_not_of("0123456789X") != std::string::npos) {
    const std::string label = id.empty() ? "due_for_renewal" : id;
    auto citizens = call("emulator.citizens", json::object());
    if (!citizens) return finish("error", report.error);
    id.clear();
    for (const auto& ci : (*citizens)["citizens"])
      if (ci.value("label", "") == label) {
        id = ci.value("id_number", "");
        break;
      }
    if (id.empty()) return finish("error", "no citizen " + label);
  }
  report.id_number = id;
  log("citizen " + id.substr(0, 6) + "************ chooses " + o.service);

  auto remove_card = [&] {
    if (hand.remove_id_card)
      hand.remove_id_card();
    else
      (void)call("emulator.remove_id_card", json::object());
  };

  auto started = call("session.start", json{{"service", o.service}, {"language", o.language}});
  if (!started) return finish("refused", report.error);
  inbox->push(*started);

  std::string last_key;
  std::string last_screen;
  const auto deadline = t0 + o.timeout;
  while (Clock::now() < deadline) {
    auto s = inbox->pop(std::chrono::milliseconds(250));
    if (!s) {
      auto g = call("session.get", json::object());
      if (!g) return finish("error", report.error);
      s = *g;
    }
    const std::string screen = s->value("screen", "");
    if (screen != last_screen) {
      report.screens.push_back(screen);
      std::string line = "screen " + screen;
      if (s->contains("error") && (*s)["error"].is_object())
        line +=
            " error=" + (*s)["error"].value("code", "") + "/" + (*s)["error"].value("reason", "");
      log(line);
      last_screen = screen;
      if (o.on_screen) o.on_screen(screen);
    }
    const std::string key = reaction_key(*s);
    if (key == last_key) continue;
    std::optional<json> done = json::object();
    if (screen == "insert_id_card") {
      const bool left_there = s->contains("error") && (*s)["error"].is_object() &&
                              (*s)["error"].value("reason", "") == "card_not_removed";
      if (left_there) {
        // The reader still holds a card it read before: only lifting it lets a new read start.
        log("lifts the ID card from the reader");
        remove_card();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
      }
      log("places the ID card on the reader");
      if (hand.place_id_card)
        done = hand.place_id_card(id) ? std::optional<json>(json::object()) : std::nullopt;
      else
        done = call("emulator.place_id_card", json{{"id_number", id}});
    } else if (screen == "consent" && allows(*s, "consent")) {
      log("consents");
      done = call("session.action", json{{"action", "consent"}});
    } else if (screen == "licence_info" && allows(*s, "finish")) {
      log("reads the licence information");
      done = call("session.action", json{{"action", "finish"}});
    } else if (screen == "photo_review") {
      const bool ok = allows(*s, "accept");
      log(ok ? "accepts the photo" : "asks for a retake");
      done = call("session.action", json{{"action", ok ? "accept" : "retake"}});
    } else if (screen == "confirm_details") {
      log("confirms the details");
      done = call("session.action", json{{"action", "confirm"}});
    } else if (screen == "return_old_card") {
      log("returns the old card");
      done = call("session.action", json{{"action", "old_card_returned"}});
    } else if (screen == "payment") {
      log("presents a payment code, amount " + std::to_string((*s)["data"].value("amount_fen", 0)) +
          " fen");
      if (hand.present_payment_code)
        done = hand.present_payment_code(o.payment_code) ? std::optional<json>(json::object())
                                                         : std::nullopt;
      else
        done = call("emulator.present_payment_code", json{{"code", o.payment_code}});
    } else if (screen == "take_card") {
      log("takes the card");
      if (hand.take_card) {
        done = json::object();
        if (!hand.take_card()) continue;  // not out yet: the next screen update tries again
      } else {
        done = call("emulator.take_card", json::object());
      }
      if (!done && report.error == "no_card_in_mouth") {
        done = json::object();  // not out yet: the next screen update tries again
        continue;
      }
    } else if (screen == "completed") {
      report.completed = true;
      if (hand.artifacts) {
        hand.artifacts(report.card_images, report.receipt_image);
      } else if (auto a = call("emulator.artifacts", json::object())) {
        for (const auto& p : (*a)["card_images"])
          report.card_images.push_back(p.get<std::string>());
        if ((*a)["receipt_image"].is_string()) report.receipt_image = (*a)["receipt_image"];
      }
      remove_card();
      for (const auto& p : report.card_images) log("card image " + p);
      if (!report.receipt_image.empty()) log("receipt image " + report.receipt_image);
      if (allows(*s, "finish")) (void)call("session.action", json{{"action", "finish"}});
      report.error.clear();
      return finish("completed", "");
    } else if (screen == "ended" || screen == "call_staff" || screen == "unavailable" ||
               screen == "payment_declined" || (screen == "idle" && report.screens.size() > 1)) {
      std::string why = screen;
      if (s->contains("error") && (*s)["error"].is_object())
        why = (*s)["error"].value("code", screen) + "/" + (*s)["error"].value("reason", "");
      remove_card();
      return finish(screen, why);
    }
    if (!done) return finish("error", report.error);
    last_key = key;
  }
  return finish("timeout", "service did not complete in time");
}

}  // namespace kiosk::citizen
