// Face positioning before captures, the live preview and the photo under review, and the
// printing screen's counting-down time estimate.
#include "tests/firmware/engine/kiosk_fixture.hpp"

namespace kiosk::engine::test {
namespace {

// Records every screen published.
struct Screens {
  std::mutex m;
  std::vector<Screen> all;
  void attach(Engine& e) {
    e.on_screen_changed([this](const Screen& s) {
      std::lock_guard lock(m);
      all.push_back(s);
    });
  }
  std::vector<Screen> named(const std::string& name) {
    std::lock_guard lock(m);
    std::vector<Screen> out;
    for (const auto& s : all)
      if (s.screen == name) out.push_back(s);
    return out;
  }
};

// A steady clock that runs `factor` times faster than real time once told to (monotonic).
class WarpClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override {
    return std::chrono::system_clock::now();
  }
  std::chrono::steady_clock::time_point steady() const override {
    std::lock_guard lock(m_);
    return at(std::chrono::steady_clock::now());
  }
  void set_factor(double factor) {
    std::lock_guard lock(m_);
    const auto real = std::chrono::steady_clock::now();
    virtual_anchor_ = at(real);
    real_anchor_ = real;
    factor_ = factor;
  }

 private:
  std::chrono::steady_clock::time_point at(std::chrono::steady_clock::time_point real) const {
    const auto elapsed = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        (real - real_anchor_) * factor_);
    return virtual_anchor_ + elapsed;
  }
  mutable std::mutex m_;
  std::chrono::steady_clock::time_point real_anchor_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point virtual_anchor_ = real_anchor_;
  double factor_ = 1.0;
};

std::uint64_t camera_captures(Kiosk& k) {
  const auto stats = k.devices.devices().camera->statistics();
  auto it = stats.find("SuccessfulCommandCount");
  return it == stats.end() ? 0 : it->second;
}

}  // namespace

TEST_CASE("face_capture shows a positioning countdown before each capture, then captures",
          "[engine][capture]") {
  EngineOptions o = fast_options();
  o.capture_countdown = 150ms;
  Kiosk k(o);
  Screens screens;
  screens.attach(*k.engine);
  REQUIRE(k.engine->start_session("renewal", "en").ok());
  const Screen end = Citizen{}.run(k);
  k.engine->on_screen_changed(nullptr);
  REQUIRE(end.screen == "completed");

  const auto shown = screens.named("face_capture");
  // Face verification and the licence photo: each first counts down, then captures.
  REQUIRE(shown.size() == 4);
  CHECK(shown[0].data.at("countdown_ms") == 150);
  CHECK(shown[0].data.at("capturing") == false);
  CHECK_FALSE(shown[0].data.contains("purpose"));
  CHECK(shown[0].allows("cancel"));
  CHECK(shown[1].data.at("countdown_ms") == 0);
  CHECK(shown[1].data.at("capturing") == true);
  CHECK(shown[2].data.at("purpose") == "licence_photo");
  CHECK(shown[2].data.at("countdown_ms") == 150);
  CHECK(shown[2].data.at("capturing") == false);
  CHECK(shown[3].data.at("capturing") == true);
  CHECK(shown[0].idle_seconds_left == -1);
}

TEST_CASE("without a countdown face_capture captures at once", "[engine][capture]") {
  Kiosk k;  // capture_countdown defaults to 0
  Screens screens;
  screens.attach(*k.engine);
  REQUIRE(k.engine->start_session("info_query", "zh").ok());
  CHECK(Citizen{}.run(k).screen == "completed");
  k.engine->on_screen_changed(nullptr);
  const auto shown = screens.named("face_capture");
  REQUIRE(shown.size() == 1);
  CHECK(shown[0].data.at("countdown_ms") == 0);
  CHECK(shown[0].data.at("capturing") == true);
}

TEST_CASE("the citizen can cancel during the positioning countdown; nothing is captured",
          "[engine][capture]") {
  EngineOptions o = fast_options();
  o.capture_countdown = 20s;
  Kiosk k(o);
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  k.devices.place_citizen();
  REQUIRE(k.wait_screen("consent"));
  REQUIRE(k.engine->act("consent").ok());
  REQUIRE(k.wait_screen("face_capture"));
  CHECK(k.engine->screen().data.at("countdown_ms") == 20000);
  REQUIRE(k.engine->act("cancel").ok());
  REQUIRE(k.wait_end());
  const Screen end = k.engine->screen();
  CHECK(end.screen == "ended");
  REQUIRE(end.error.has_value());
  CHECK(end.error->code == "cancelled");
  CHECK(k.central.calls("face_match") == 0);
  CHECK(camera_captures(k) == 0);
}

TEST_CASE("the live preview is given only while face_capture shows", "[engine][capture]") {
  EngineOptions o = fast_options();
  o.capture_countdown = 20s;
  Kiosk k(o);
  auto refused = k.engine->camera_preview();
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().reason == "no_session");
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  k.devices.place_citizen();
  REQUIRE(k.wait_screen("consent"));
  refused = k.engine->camera_preview();
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == Errc::invalid_state);
  CHECK(refused.error().reason == "action_not_allowed");
  REQUIRE(k.engine->act("consent").ok());
  REQUIRE(k.wait_screen("face_capture"));
  for (int i = 0; i < 3; ++i) {
    auto frame = k.engine->camera_preview();
    REQUIRE(frame.ok());
    CHECK(frame.value().width > 0);
    CHECK(frame.value().pixels.size() ==
          static_cast<std::size_t>(frame.value().width * frame.value().height * 3));
  }
  REQUIRE(k.engine->cancel().ok());
  REQUIRE(k.wait_end());
  CHECK(k.engine->camera_preview().error().reason == "no_session");
}

TEST_CASE("previews taken during the engine's captures never break them", "[engine][capture]") {
  EngineOptions o = fast_options();
  o.capture_countdown = 30ms;
  Kiosk k(o);
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  std::atomic<bool> stop{false};
  std::atomic<int> previews{0};
  std::thread previewer([&] {
    while (!stop) {
      auto frame = k.engine->camera_preview();
      if (frame.ok()) ++previews;
      std::this_thread::sleep_for(2ms);
    }
  });
  const Screen end = Citizen{}.run(k);
  stop = true;
  previewer.join();
  CHECK(end.screen == "completed");
  CHECK(previews > 0);
}

TEST_CASE("the photo under review is available only on photo_review", "[engine][capture]") {
  Kiosk k;
  CHECK(k.engine->photo_under_review().error().reason == "no_session");
  REQUIRE(k.engine->start_session("renewal", "zh").ok());
  k.devices.place_citizen();
  REQUIRE(k.wait_screen("consent"));
  CHECK(k.engine->photo_under_review().error().reason == "action_not_allowed");
  REQUIRE(k.engine->act("consent").ok());
  REQUIRE(k.wait_screen("photo_review"));
  auto photo = k.engine->photo_under_review();
  REQUIRE(photo.ok());
  CHECK(photo.value().width > 0);
  CHECK(photo.value().height > 0);
  REQUIRE(k.engine->act("accept").ok());
  REQUIRE(k.wait_screen("confirm_details"));
  CHECK(k.engine->photo_under_review().error().reason == "action_not_allowed");
  REQUIRE(k.engine->act("cancel").ok());
  REQUIRE(k.wait_end());
}

TEST_CASE("the printing screen's time estimate counts down while the card prints",
          "[engine][printer]") {
  EngineOptions o = fast_options();
  o.print_estimate = 40s;
  o.idle_timeout = 600s;  // generous: the clock runs fast while printing
  o.device_timeout = 6000s;
  o.card_take_timeout = 600s;
  auto clock = std::make_shared<WarpClock>();
  testing::FakeJournal journal;
  testing::FakeCentral central;
  testing::EmulatedDevices devices;
  testing::PlainCardRenderer renderer;
  journal.load_stock(5);
  Engine engine(journal, central, devices.devices(), renderer, *clock, o);
  std::mutex m;
  std::vector<int> etas;
  engine.on_screen_changed([&](const Screen& s) {
    if (s.screen == "printing") {
      clock->set_factor(100.0);  // 10 ms of printing = one second of the estimate
      std::lock_guard lock(m);
      etas.push_back(s.eta_seconds.value_or(-1));
    } else {
      clock->set_factor(1.0);
    }
  });
  REQUIRE(engine.start_session("renewal", "zh").ok());
  // Drive the session like the autopilot does, on this engine.
  devices.place_citizen();
  auto wait = [&](const char* name) {
    return engine.wait_for([&](const Screen& s) { return s.screen == name; }, 20s);
  };
  REQUIRE(wait("consent"));
  REQUIRE(engine.act("consent").ok());
  REQUIRE(wait("photo_review"));
  REQUIRE(engine.act("accept").ok());
  REQUIRE(wait("confirm_details"));
  REQUIRE(engine.act("confirm").ok());
  REQUIRE(wait("payment"));
  devices.scanner_emu().present_code(emu::synthetic_payment_code(hal::Wallet::wechat, 1));
  REQUIRE(wait("take_card"));
  devices.card_emu().take_card();
  REQUIRE(engine.wait_for([](const Screen& s) { return s.screen == "completed"; }, 20s));
  engine.join_session();
  engine.on_screen_changed(nullptr);

  std::lock_guard lock(m);
  REQUIRE(etas.size() >= 2);
  CHECK(etas.front() == 40);
  for (std::size_t i = 1; i < etas.size(); ++i) CHECK(etas[i] < etas[i - 1]);
  CHECK(etas.back() >= 0);
}

}  // namespace kiosk::engine::test
