// The driver against a scripted transport that answers status requests from a test-set state
// and can time out, hang until canceled, send garbage, or disconnect mid-print.
#include "drivers/receipt_printer/receipt_printer.hpp"

#include <catch2/catch.hpp>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>

#include "drivers/receipt_printer/test_receipt.hpp"

using namespace kiosk;
namespace rp = kiosk::drivers::receipt_printer;
using rp::Bytes;
using namespace std::chrono_literals;

namespace {

struct Script {
  std::mutex m;
  std::condition_variable cv;
  rp::RealtimeStatus status;                    // answered to status requests
  std::optional<rp::RealtimeStatus> after_cut;  // answered once a cut was written
  bool answer = true;                           // false: status reads time out
  int garbage_replies = 0;                      // next N replies are not status bytes
  int disconnect_after_print_writes = -1;       // writes after this many print writes fail
  bool hang_reads = false;                      // reads block until canceled
  bool reading = false;                         // a read is blocked (hang_reads)
  std::function<void(int)> after_print_write;   // called with the count, outside the lock
  // Observed
  std::vector<Bytes> print_writes;  // every write that is not a status request
  int status_requests = 0;
  int transmit_status_requests = 0;  // GS r 1
  // Transport state
  bool canceled = false;
  bool disconnected = false;
  bool cut_seen = false;
  std::deque<std::uint8_t> replies;

  Bytes printed() {
    std::lock_guard lock(m);
    Bytes all;
    for (const auto& w : print_writes) all.insert(all.end(), w.begin(), w.end());
    return all;
  }
};

class ScriptedTransport final : public drivers::Transport {
 public:
  explicit ScriptedTransport(std::shared_ptr<Script> s) : s_(std::move(s)) {}
  std::string describe() const override { return "scripted"; }
  hal::Status open() override { return hal::Done{}; }
  void close() override {}

  hal::Status write(std::span<const std::uint8_t> data, drivers::milliseconds) override {
    std::unique_lock lock(s_->m);
    if (s_->disconnected) return disconnected();
    if (data.size() == 3 && data[0] == 0x10 && data[1] == 0x04) {
      ++s_->status_requests;
      if (!s_->answer) return hal::Done{};
      if (s_->garbage_replies > 0) {
        --s_->garbage_replies;
        s_->replies.push_back(0xEE);
        return hal::Done{};
      }
      const auto& st = s_->cut_seen && s_->after_cut ? *s_->after_cut : s_->status;
      s_->replies.push_back(rp::make_status_byte(static_cast<rp::StatusQuery>(data[2]), st));
      return hal::Done{};
    }
    if (data.size() == 3 && data[0] == 0x1D && data[1] == 0x49) {
      return hal::Done{};  // GS I: this printer has no model query (silent)
    }
    if (data.size() == 3 && data[0] == 0x1D && data[1] == 0x72) {
      // GS r 1 runs in order: answered once printed, never by a stopped printer.
      ++s_->transmit_status_requests;
      const auto& st = s_->cut_seen && s_->after_cut ? *s_->after_cut : s_->status;
      if (s_->answer && !st.paper_out && !st.cover_open && !st.cutter_error) {
        s_->replies.push_back(rp::make_paper_sensor_byte(st));
      }
      return hal::Done{};
    }
    if (s_->disconnect_after_print_writes >= 0 &&
        static_cast<int>(s_->print_writes.size()) >= s_->disconnect_after_print_writes) {
      s_->disconnected = true;
      return disconnected();
    }
    s_->print_writes.emplace_back(data.begin(), data.end());
    const Bytes cut = rp::cmd_feed_and_cut(rp::kCutFeedDots);
    if (std::search(data.begin(), data.end(), cut.begin(), cut.end()) != data.end())
      s_->cut_seen = true;
    auto hook = s_->after_print_write;
    const int n = static_cast<int>(s_->print_writes.size());
    lock.unlock();
    if (hook) hook(n);
    return hal::Done{};
  }

  hal::Result<drivers::Bytes> read(std::size_t, drivers::milliseconds) override {
    std::unique_lock lock(s_->m);
    if (s_->hang_reads) {
      s_->reading = true;
      s_->cv.notify_all();
      s_->cv.wait(lock, [this] { return s_->canceled; });
    }
    if (s_->canceled) return hal::make_error(hal::CompletionCode::canceled, "canceled", "canceled");
    if (s_->disconnected) return disconnected();
    // No real waiting: an empty reply queue is the timeout at once.
    if (s_->replies.empty())
      return hal::make_error(hal::CompletionCode::timeout, "timeout", "timeout");
    drivers::Bytes b{s_->replies.front()};
    s_->replies.pop_front();
    return b;
  }

  void cancel() override {
    std::lock_guard lock(s_->m);
    s_->canceled = true;
    s_->cv.notify_all();
  }
  void clear_cancel() override {
    std::lock_guard lock(s_->m);
    s_->canceled = false;
  }
  void flush_input() override {
    std::lock_guard lock(s_->m);
    s_->replies.clear();
  }

 private:
  static hal::DeviceError disconnected() {
    return hal::make_error(hal::CompletionCode::deviceNotReady, "disconnected", "gone");
  }
  std::shared_ptr<Script> s_;
};

struct Rig {
  std::shared_ptr<Script> script = std::make_shared<Script>();
  std::unique_ptr<drivers::EscPosReceiptPrinter> printer;
  std::mutex events_m;
  std::vector<hal::DeviceEvent> events;

  explicit Rig(std::size_t chunk = 256) {
    drivers::EscPosReceiptPrinterOptions o;
    o.chunk_size = chunk;
    printer = std::make_unique<drivers::EscPosReceiptPrinter>(
        std::make_unique<ScriptedTransport>(script), o);
    printer->set_event_handler([this](const hal::DeviceEvent& e) {
      std::lock_guard lock(events_m);
      events.push_back(e);
    });
  }

  ~Rig() { printer.reset(); }

  hal::Status print(hal::Receipt r = drivers::make_sample_licence_receipt()) {
    std::promise<hal::Status> p;
    printer->print(std::move(r),
                   [&p](hal::RequestId, hal::Status s) { p.set_value(std::move(s)); });
    return p.get_future().get();
  }

  int count(hal::EventKind kind) {
    std::lock_guard lock(events_m);
    return static_cast<int>(std::count_if(events.begin(), events.end(),
                                          [kind](const auto& e) { return e.kind == kind; }));
  }
};

Bytes encoded(const hal::Receipt& r) {
  auto e = rp::encode_receipt(r);
  REQUIRE(e.ok());
  return e.value().flatten();
}

}  // namespace

TEST_CASE("a receipt is checked, sent whole, cut and checked again", "[receipt][driver]") {
  Rig rig;
  REQUIRE(rig.printer->open().ok());
  CHECK(rig.printer->status().state == hal::DeviceState::online);
  const auto before = rig.script->status_requests;
  auto s = rig.print();
  REQUIRE(s.ok());
  CHECK(rig.script->printed() == encoded(drivers::make_sample_licence_receipt()));
  CHECK(rig.script->status_requests - before == 8);  // n=1..4 before and after
  auto stats = rig.printer->statistics();
  CHECK(stats["ReceiptsPrintedCount"] == 1);
  CHECK(stats["LinesPrintedCount"] ==
        rp::encode_receipt(drivers::make_sample_licence_receipt()).value().lines);
  CHECK(stats[std::string(hal::stat::kSuccessfulCommandCount)] == 1);
  CHECK(rig.printer->status().state == hal::DeviceState::online);
  CHECK(rig.printer->info().transport == "scripted");
}

TEST_CASE("chunks are whole commands no larger than the chunk size unless one command is",
          "[receipt][driver]") {
  Rig rig(64);
  REQUIRE(rig.printer->open().ok());
  REQUIRE(rig.print().ok());
  auto enc = rp::encode_receipt(drivers::make_sample_licence_receipt()).value();
  std::size_t largest = 0;
  for (const auto& seg : enc.segments) largest = std::max(largest, seg.size());
  std::lock_guard lock(rig.script->m);
  CHECK(rig.script->print_writes.size() > 5);
  for (const auto& w : rig.script->print_writes)
    CHECK(w.size() <= std::max<std::size_t>(64, largest));
}

TEST_CASE("a printer without paper is refused before any byte is sent", "[receipt][driver]") {
  Rig rig;
  REQUIRE(rig.printer->open().ok());
  rig.script->status.paper_out = true;
  rig.script->status.paper_end_stop = true;
  rig.script->status.offline = true;
  auto s = rig.print();
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == hal::CompletionCode::userError);
  CHECK(s.error().reason == "paper_out");
  CHECK(rig.script->printed().empty());
  CHECK(rig.printer->status().state == hal::DeviceState::userError);
  CHECK(rig.printer->status().detail.at("paper") == "out");
  CHECK(rig.printer->statistics()[std::string(hal::stat::kFailedCommandCount)] == 1);
}

TEST_CASE("a printer with its cover open is refused before any byte is sent", "[receipt][driver]") {
  Rig rig;
  REQUIRE(rig.printer->open().ok());
  rig.script->status.cover_open = true;
  rig.script->status.offline = true;
  auto s = rig.print();
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == hal::CompletionCode::userError);
  CHECK(s.error().reason == "cover_open");
  CHECK(rig.script->printed().empty());
  CHECK(rig.printer->status().detail.at("cover") == "open");
}

TEST_CASE("a cutter error after the cut fails the print as a hardware error", "[receipt][driver]") {
  Rig rig;
  REQUIRE(rig.printer->open().ok());
  rp::RealtimeStatus jammed;
  jammed.cutter_error = true;
  jammed.error = true;
  jammed.offline = true;
  rig.script->after_cut = jammed;
  auto s = rig.print();
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == hal::CompletionCode::hardwareError);
  CHECK(s.error().reason == "cutter");
  CHECK_FALSE(rig.script->printed().empty());
  CHECK(rig.printer->status().state == hal::DeviceState::hardwareError);
  CHECK(rig.printer->status().detail.at("cutter") == "error");
  CHECK(rig.printer->statistics()["ReceiptsPrintedCount"] == 0);
  // The next receipt is refused before it is sent.
  const auto sent = rig.script->printed().size();
  auto again = rig.print();
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().reason == "cutter");
  CHECK(rig.script->printed().size() == sent);
}

TEST_CASE("an unrecoverable error refuses the print", "[receipt][driver]") {
  Rig rig;
  REQUIRE(rig.printer->open().ok());
  rig.script->status.unrecoverable = true;
  auto s = rig.print();
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == hal::CompletionCode::hardwareError);
  CHECK(s.error().reason == "unrecoverable");
}

TEST_CASE("paper near end prints and raises one mediaLow event", "[receipt][driver]") {
  Rig rig;
  REQUIRE(rig.printer->open().ok());
  rig.script->status.paper_near_end = true;
  REQUIRE(rig.print().ok());
  REQUIRE(rig.print().ok());
  CHECK(rig.count(hal::EventKind::mediaLow) == 1);
  CHECK(rig.printer->status().detail.at("paper") == "near_end");
  CHECK(rig.printer->status().state == hal::DeviceState::online);
}

TEST_CASE("a printer that does not answer times out without printing", "[receipt][driver]") {
  Rig rig;
  REQUIRE(rig.printer->open().ok());
  rig.script->answer = false;
  auto s = rig.print();
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == hal::CompletionCode::timeout);
  CHECK(rig.script->printed().empty());
  CHECK(rig.printer->status().state == hal::DeviceState::offline);
  CHECK(rig.printer->statistics()[std::string(hal::stat::kCommunicationErrorCount)] >= 1);
}

TEST_CASE("opening a printer that does not answer fails as not ready", "[receipt][driver]") {
  Rig rig;
  rig.script->answer = false;
  auto s = rig.printer->open();
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(s.error().reason == "no_answer");
  auto p = rig.print();
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().reason == "not_open");
}

TEST_CASE("one garbage status reply is retried, two fail as invalid data", "[receipt][driver]") {
  Rig rig;
  REQUIRE(rig.printer->open().ok());
  rig.script->garbage_replies = 1;
  CHECK(rig.print().ok());
  rig.script->garbage_replies = 2;
  auto s = rig.print();
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == hal::CompletionCode::invalidData);
  CHECK(s.error().reason == "bad_status");
  CHECK(rig.printer->status().state == hal::DeviceState::online);
}

TEST_CASE("unplugging mid-print fails as disconnected and reports the device removed",
          "[receipt][driver]") {
  Rig rig(32);
  REQUIRE(rig.printer->open().ok());
  rig.script->disconnect_after_print_writes = 3;
  auto s = rig.print();
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == hal::CompletionCode::deviceNotReady);
  CHECK(s.error().reason == "disconnected");
  CHECK(rig.script->print_writes.size() == 3);
  CHECK_FALSE(rig.script->cut_seen);
  CHECK(rig.printer->status().state == hal::DeviceState::noDevice);
  CHECK(rig.count(hal::EventKind::deviceRemoved) == 1);
  CHECK(rig.printer->statistics()[std::string(hal::stat::kCommunicationErrorCount)] >= 1);
}

TEST_CASE("text the printer cannot encode fails before the printer is touched",
          "[receipt][driver]") {
  Rig rig;
  REQUIRE(rig.printer->open().ok());
  const int requests = rig.script->status_requests;
  hal::ReceiptText t;
  t.text = "bad \x1B byte";
  auto s = rig.print(hal::Receipt{{t}});
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == hal::CompletionCode::invalidData);
  CHECK(s.error().reason == "unencodable_text");
  CHECK(rig.script->status_requests == requests);
  CHECK(rig.script->printed().empty());
}

TEST_CASE("cancel stops a print waiting on the printer and nothing is printed",
          "[receipt][driver]") {
  Rig rig;
  REQUIRE(rig.printer->open().ok());
  rig.script->hang_reads = true;
  std::promise<hal::Status> done;
  const auto id =
      rig.printer->print(drivers::make_sample_licence_receipt(),
                         [&done](hal::RequestId, hal::Status s) { done.set_value(std::move(s)); });
  // A second print queued behind it is canceled too when the device closes.
  std::promise<hal::Status> queued;
  rig.printer->print(drivers::make_test_receipt(),
                     [&queued](hal::RequestId, hal::Status s) { queued.set_value(std::move(s)); });
  {
    std::unique_lock lock(rig.script->m);
    rig.script->cv.wait(lock, [&] { return rig.script->reading; });
  }
  CHECK(rig.printer->cancel(id));
  auto s = done.get_future().get();
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == hal::CompletionCode::canceled);
  CHECK_FALSE(rig.printer->cancel(id));
  rig.printer->close();
  auto q = queued.get_future().get();
  REQUIRE_FALSE(q.ok());
  CHECK(q.error().code == hal::CompletionCode::canceled);
  CHECK(rig.script->printed().empty());
}

TEST_CASE("a health check reports paper, cover and cutter detail", "[receipt][driver]") {
  Rig rig;
  REQUIRE(rig.printer->open().ok());
  rig.script->status.paper_near_end = true;
  auto h = rig.printer->health_check();
  REQUIRE(h.ok());
  CHECK(h.value().state == hal::DeviceState::online);
  CHECK(h.value().detail.at("paper") == "near_end");
  CHECK(h.value().detail.at("cover") == "closed");
  CHECK(h.value().detail.at("cutter") == "ok");
  CHECK(rig.count(hal::EventKind::mediaLow) == 1);
}

TEST_CASE("a health check from a print's completion handler runs at once instead of deadlocking",
          "[receipt][driver]") {
  Rig rig;
  REQUIRE(rig.printer->open().ok());
  std::promise<hal::Result<hal::DeviceStatus>> checked;
  bool printed = false;
  rig.printer->print(drivers::make_test_receipt(), [&](hal::RequestId, hal::Status s) {
    printed = s.ok();
    checked.set_value(rig.printer->health_check());  // on the printer's own worker
  });
  auto future = checked.get_future();
  REQUIRE(future.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
  auto h = future.get();
  CHECK(printed);
  REQUIRE(h.ok());
  CHECK(h.value().state == hal::DeviceState::online);
}

TEST_CASE("a print canceled while it is sent stops between commands and cuts what was printed",
          "[receipt][driver]") {
  Rig rig(32);
  REQUIRE(rig.printer->open().ok());
  std::promise<hal::RequestId> id_promise;
  auto id_future = id_promise.get_future().share();
  rig.script->after_print_write = [&rig, id_future](int n) {
    if (n == 2) rig.printer->cancel(id_future.get());
  };
  std::promise<hal::Status> done;
  id_promise.set_value(
      rig.printer->print(drivers::make_sample_licence_receipt(),
                         [&done](hal::RequestId, hal::Status s) { done.set_value(std::move(s)); }));
  auto s = done.get_future().get();
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().code == hal::CompletionCode::canceled);
  std::lock_guard lock(rig.script->m);
  REQUIRE(rig.script->print_writes.size() == 3);  // two chunks, then the cleanup cut
  CHECK(rig.script->print_writes.back() == rp::cmd_feed_and_cut(rp::kCutFeedDots));
  CHECK(rig.printer->statistics()["ReceiptsPrintedCount"] == 0);
  CHECK(rig.printer->statistics()[std::string(hal::stat::kFailedCommandCount)] == 1);
}

TEST_CASE("a replugged printer is reported back when it answers again", "[receipt][driver]") {
  Rig rig(32);
  REQUIRE(rig.printer->open().ok());
  rig.script->disconnect_after_print_writes = 1;
  REQUIRE_FALSE(rig.print().ok());
  CHECK(rig.printer->status().state == hal::DeviceState::noDevice);
  {
    std::lock_guard lock(rig.script->m);
    rig.script->disconnected = false;
    rig.script->disconnect_after_print_writes = -1;
  }
  REQUIRE(rig.print().ok());
  CHECK(rig.count(hal::EventKind::deviceArrived) == 1);
  CHECK(rig.printer->status().state == hal::DeviceState::online);
}
