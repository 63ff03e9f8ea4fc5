#include "hal/command_queue.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <thread>

using namespace kiosk::hal;
using namespace std::chrono_literals;

TEST_CASE("commands run in submission order and each completes once", "[hal][queue]") {
  CommandQueue q("test");
  std::mutex m;
  std::vector<int> order;
  std::promise<void> all_done;
  int completions = 0;
  for (int i = 0; i < 5; ++i) {
    q.submit<int>([i](CancelToken&) -> Result<int> { return i; },
                  [&](RequestId, Result<int> r) {
                    std::lock_guard lock(m);
                    order.push_back(r.value());
                    if (++completions == 5) all_done.set_value();
                  });
  }
  all_done.get_future().wait();
  CHECK(order == std::vector<int>{0, 1, 2, 3, 4});
}

TEST_CASE("request ids are distinct", "[hal][queue]") {
  CommandQueue q("test");
  std::promise<void> done;
  auto a =
      q.submit<int>([](CancelToken&) -> Result<int> { return 1; }, [](RequestId, Result<int>) {});
  auto b = q.submit<int>([](CancelToken&) -> Result<int> { return 2; },
                         [&](RequestId, Result<int>) { done.set_value(); });
  done.get_future().wait();
  CHECK(a != b);
}

TEST_CASE("cancel reaches a running command through its cancel hook", "[hal][queue]") {
  CommandQueue q("test");
  std::promise<CompletionCode> result;
  std::promise<void> started;
  std::mutex m;
  std::condition_variable cv;
  bool released = false;
  auto id = q.submit<int>(
      [&](CancelToken& token) -> Result<int> {
        token.on_cancel([&] {
          std::lock_guard lock(m);
          released = true;
          cv.notify_all();
        });
        started.set_value();
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return released; });
        return 42;  // the transport "returned" but the token says canceled
      },
      [&](RequestId, Result<int> r) {
        result.set_value(r.ok() ? CompletionCode::success : r.error().code);
      });
  started.get_future().wait();
  CHECK(q.cancel(id));
  CHECK(result.get_future().get() == CompletionCode::canceled);
  CHECK_FALSE(q.cancel(id));
}

TEST_CASE("a queued command canceled before it starts completes as canceled", "[hal][queue]") {
  CommandQueue q("test");
  std::promise<void> gate;
  auto gate_future = gate.get_future().share();
  q.submit<int>(
      [gate_future](CancelToken&) -> Result<int> {
        gate_future.wait();
        return 1;
      },
      [](RequestId, Result<int>) {});
  std::promise<CompletionCode> second;
  std::atomic<bool> ran{false};
  auto id = q.submit<int>(
      [&](CancelToken&) -> Result<int> {
        ran = true;
        return 2;
      },
      [&](RequestId, Result<int> r) {
        second.set_value(r.ok() ? CompletionCode::success : r.error().code);
      });
  CHECK(q.cancel(id));
  gate.set_value();
  CHECK(second.get_future().get() == CompletionCode::canceled);
  CHECK_FALSE(ran);
}

TEST_CASE("destroying the queue completes every pending command as canceled", "[hal][queue]") {
  std::atomic<int> canceled{0};
  {
    CommandQueue q("test");
    // The first command blocks until the queue's shutdown cancels it, so the others are
    // still queued when the destructor runs, whatever the machine's load.
    q.submit<int>(
        [](CancelToken& token) -> Result<int> {
          auto released = std::make_shared<std::promise<void>>();
          token.on_cancel([released] { released->set_value(); });
          released->get_future().wait();
          return 1;
        },
        [&](RequestId, Result<int> r) {
          if (!r.ok()) ++canceled;
        });
    for (int i = 0; i < 3; ++i) {
      q.submit<int>([](CancelToken&) -> Result<int> { return 0; },
                    [&](RequestId, Result<int> r) {
                      if (!r.ok()) ++canceled;
                    });
    }
  }
  CHECK(canceled == 4);
}

TEST_CASE("stop completes every pending command before the queue goes away", "[hal][queue]") {
  std::atomic<int> canceled{0};
  CommandQueue q("test");
  q.submit<int>(
      [](CancelToken& token) -> Result<int> {
        auto released = std::make_shared<std::promise<void>>();
        token.on_cancel([released] { released->set_value(); });
        released->get_future().wait();
        return 1;
      },
      [&](RequestId, Result<int> r) {
        if (!r.ok()) ++canceled;
      });
  q.submit<int>([](CancelToken&) -> Result<int> { return 0; },
                [&](RequestId, Result<int> r) {
                  if (!r.ok()) ++canceled;
                });
  q.stop();
  // Both completed by the time stop() returns; the destructor's stop() is then a no-op.
  CHECK(canceled == 2);
  q.stop();
  CHECK(canceled == 2);
}
