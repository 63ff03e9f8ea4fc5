#include "hal/command_queue.hpp"

namespace kiosk::hal {

bool CancelToken::canceled() const {
  std::lock_guard lock(m_);
  return canceled_;
}

void CancelToken::on_cancel(std::function<void()> hook) {
  std::unique_lock lock(m_);
  if (canceled_) {
    lock.unlock();
    if (hook) hook();
    return;
  }
  hook_ = std::move(hook);
}

void CancelToken::cancel() {
  std::function<void()> hook;
  {
    std::lock_guard lock(m_);
    if (canceled_) return;
    canceled_ = true;
    hook = std::move(hook_);
  }
  if (hook) hook();
}

CommandQueue::CommandQueue(std::string name) : name_(std::move(name)) {
  worker_ = std::thread([this] { loop(); });
}

CommandQueue::~CommandQueue() {
  stop();
}

void CommandQueue::stop() {
  {
    std::lock_guard lock(m_);
    stopping_ = true;
  }
  cancel_all();
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

RequestId CommandQueue::enqueue(std::shared_ptr<CancelToken> token,
                                std::function<void(RequestId, bool)> body) {
  RequestId id;
  {
    std::lock_guard lock(m_);
    id = next_id_++;
    jobs_.push_back(Job{id, std::move(token), std::move(body)});
  }
  cv_.notify_one();
  return id;
}

void CommandQueue::post(std::function<void()> fn) {
  enqueue(std::make_shared<CancelToken>(), [fn = std::move(fn)](RequestId, bool) { fn(); });
}

bool CommandQueue::cancel(RequestId id) {
  std::shared_ptr<CancelToken> token;
  {
    std::lock_guard lock(m_);
    if (running_id_ == id && running_token_) {
      token = running_token_;
    } else {
      for (auto& job : jobs_) {
        if (job.id == id) token = job.token;
      }
    }
  }
  if (!token || token->canceled()) return false;
  token->cancel();
  return true;
}

void CommandQueue::cancel_all() {
  std::deque<std::shared_ptr<CancelToken>> tokens;
  {
    std::lock_guard lock(m_);
    for (auto& job : jobs_) tokens.push_back(job.token);
    if (running_token_) tokens.push_back(running_token_);
  }
  for (auto& t : tokens) t->cancel();
}

bool CommandQueue::on_worker_thread() const {
  return std::this_thread::get_id() == worker_.get_id();
}

void CommandQueue::loop() {
  for (;;) {
    Job job;
    bool stopping;
    {
      std::unique_lock lock(m_);
      cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // stopping with nothing left
      job = std::move(jobs_.front());
      jobs_.pop_front();
      running_id_ = job.id;
      running_token_ = job.token;
      stopping = stopping_;
    }
    // While stopping, queued commands still complete (with `canceled`), exactly once.
    job.body(job.id, !stopping);
    {
      std::lock_guard lock(m_);
      running_id_ = 0;
      running_token_.reset();
    }
  }
}

}  // namespace kiosk::hal
