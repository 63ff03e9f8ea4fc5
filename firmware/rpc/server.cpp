#include "firmware/rpc/server.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>

namespace kiosk::rpc {
namespace {

using nlohmann::json;

std::shared_ptr<spdlog::logger> logger() {
  static const std::shared_ptr<spdlog::logger> log = [] {
    auto existing = spdlog::get("rpc");
    return existing ? existing : spdlog::default_logger()->clone("rpc");
  }();
  return log;
}

constexpr std::size_t kReadChunk = 64 * 1024;
constexpr std::size_t kMaxReadPerTurn = 4 * kReadChunk;  // fairness between clients

struct Method {
  Handler handler;
  MethodOptions options;
};

// One client. The I/O thread owns fd and inbuf; everything under `mu` is shared with the
// connection's worker thread and with notify().
struct Connection {
  std::uint64_t id = 0;
  int fd = -1;
  PeerCredentials peer;
  std::string inbuf;     // I/O thread only
  std::size_t scan = 0;  // I/O thread only: inbuf bytes already searched for '\n'
  std::thread worker;

  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::string> requests;  // complete lines for the worker
  std::deque<std::string> outq;      // encoded lines to send
  std::size_t out_bytes = 0;
  std::size_t out_offset = 0;  // bytes of outq.front() already sent
  bool subscribed = false;
  bool busy = false;         // the worker is handling a line
  bool read_closed = false;  // peer shut its writing side
  bool close_after_flush = false;
  bool dead = false;  // close now (error, overflow, stop)
  bool worker_done = false;
};

}  // namespace

struct Server::Impl {
  ServerOptions options;
  std::atomic<bool> simulation{false};

  mutable std::shared_mutex methods_mu;
  std::map<std::string, Method, std::less<>> methods;

  mutable std::mutex conns_mu;
  std::vector<std::shared_ptr<Connection>> conns;    // open connections
  std::vector<std::shared_ptr<Connection>> retired;  // closed, worker not yet joined

  std::mutex lifecycle_mu;
  int listen_fd = -1;
  int wake_read = -1;
  int wake_write = -1;
  std::atomic<bool> stopping{false};
  bool running = false;
  std::thread io;
  std::uint64_t next_id = 1;

  explicit Impl(ServerOptions o) : options(std::move(o)) { simulation = options.simulation; }

  void wake() const {
    if (wake_write < 0) return;
    char b = 1;
    [[maybe_unused]] auto n = ::write(wake_write, &b, 1);  // a full pipe already wakes
  }

  // Queues `line` for sending; a client over its budget is marked dead. Caller holds c.mu.
  void enqueue_locked(Connection& c, std::string line) {
    if (c.dead) return;
    if (c.out_bytes + line.size() > options.max_send_queue_bytes) {
      c.dead = true;
      logger()->warn("event=client_dropped connection={} reason=send_queue_full", c.id);
      return;
    }
    c.out_bytes += line.size();
    c.outq.push_back(std::move(line));
  }

  // ---- request handling (worker threads) ----

  json dispatch(const Request& request, Connection& c, bool& respond) {
    respond = request.id.has_value();
    const json id = request.id.value_or(json(nullptr));
    auto fail = [&](const RpcError& e) { return make_error_response(id, e); };

    if (request.method == "events.subscribe" || request.method == "events.unsubscribe") {
      bool on = request.method == "events.subscribe";
      {
        std::lock_guard lock(c.mu);
        c.subscribed = on;
      }
      return make_result_response(id, json{{"subscribed", on}});
    }

    Method method;
    {
      std::shared_lock lock(methods_mu);
      auto it = methods.find(request.method);
      if (it == methods.end()) {
        return fail(
            make_error(codes::method_not_found, reasons::method_not_found, "method not found"));
      }
      method = it->second;
    }
    if (method.options.simulation_only && !simulation.load()) {
      return fail(make_error(codes::method_not_found, reasons::simulation_only,
                             "method exists only in simulation mode"));
    }
    CallContext ctx;
    ctx.connection_id = c.id;
    ctx.peer = c.peer;
    ctx.notification = !respond;
    json params = request.params;
    if (method.options.maintenance) {
      std::optional<std::string> actor;
      if (params.is_object()) {
        auto token = params.find("token");
        if (token != params.end() && token->is_string() && validate_token_safely(*token, actor)) {
          ctx.token = token->get<std::string>();
          ctx.actor = *actor;
          params.erase("token");
        }
      }
      if (!actor) {
        return fail(make_error(codes::maintenance_required, reasons::maintenance_required,
                               "a maintenance session is required"));
      }
    }
    try {
      HandlerResult result = method.handler(params, ctx);
      if (!result) return fail(result.error());
      return make_result_response(id, std::move(result).value());
    } catch (const std::exception&) {
      logger()->error("event=handler_threw method={}", request.method);
    } catch (...) {
      logger()->error("event=handler_threw method={}", request.method);
    }
    return fail(make_error(codes::internal_error, reasons::internal_error, "internal error"));
  }

  bool validate_token_safely(const json& token, std::optional<std::string>& actor) {
    if (!options.validate_token) return false;
    try {
      actor = options.validate_token(token.get<std::string>());
    } catch (...) {
      actor.reset();
    }
    return actor.has_value();
  }

  // The response line for one incoming line, or "" when nothing is to be sent.
  std::string handle_line(std::string_view line, Connection& c) {
    IncomingMessage message = parse_incoming(line);
    json responses = json::array();
    for (const auto& item : message.items) {
      if (item.error) {
        responses.push_back(make_error_response(item.error_id, *item.error));
        continue;
      }
      bool respond = false;
      json response = dispatch(*item.request, c, respond);
      if (respond) responses.push_back(std::move(response));
    }
    if (responses.empty()) return "";
    std::string out = encode_line(message.batch ? responses : responses[0]);
    if (out.size() - 1 > options.max_message_bytes) {
      json id = message.batch ? json(nullptr) : responses[0].value("id", json(nullptr));
      out = encode_line(
          make_error_response(id, make_error(codes::internal_error, reasons::message_too_large,
                                             "response exceeds the message size limit")));
    }
    return out;
  }

  void worker_loop(const std::shared_ptr<Connection>& c) {
    for (;;) {
      std::string line;
      {
        std::unique_lock lock(c->mu);
        c->cv.wait(lock, [&] { return c->dead || !c->requests.empty(); });
        if (c->dead) break;
        line = std::move(c->requests.front());
        c->requests.pop_front();
        c->busy = true;
      }
      std::string response = handle_line(line, *c);
      {
        std::lock_guard lock(c->mu);
        c->busy = false;
        if (!response.empty()) enqueue_locked(*c, std::move(response));
      }
      wake();
    }
    {
      std::lock_guard lock(c->mu);
      c->worker_done = true;
    }
    wake();
  }

  // ---- I/O thread ----

  void accept_all() {
    for (;;) {
      int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR) continue;
        return;  // EAGAIN, or a transient error (EMFILE...) retried on the next poll
      }
      std::size_t open_count;
      {
        std::lock_guard lock(conns_mu);
        open_count = conns.size();
      }
      if (open_count >= options.max_connections) {
        logger()->warn("event=connection_refused reason=too_many_connections");
        ::close(fd);
        continue;
      }
      auto c = std::make_shared<Connection>();
      c->id = next_id++;
      c->fd = fd;
      c->peer = peer_credentials(fd);
      try {
        c->worker = std::thread([this, c] { worker_loop(c); });
      } catch (const std::system_error&) {
        logger()->error("event=connection_refused reason=thread_failed");
        ::close(fd);
        continue;
      }
      logger()->debug("event=connected connection={} uid={} pid={}", c->id, c->peer.uid,
                      c->peer.pid);
      std::lock_guard lock(conns_mu);
      conns.push_back(std::move(c));
    }
  }

  // Moves complete lines from inbuf to the worker; enforces the size limit.
  void split_lines(Connection& c, bool at_eof) {
    std::size_t start = 0;
    std::vector<std::string> lines;
    bool too_large = false;
    for (;;) {
      auto nl = c.inbuf.find('\n', std::max(start, c.scan));
      if (nl == std::string::npos) break;
      std::size_t len = nl - start;
      if (len > 0 && c.inbuf[nl - 1] == '\r') --len;
      if (len > options.max_message_bytes) {
        too_large = true;
        break;
      }
      if (len > 0) lines.emplace_back(c.inbuf, start, len);
      start = nl + 1;
      c.scan = start;
    }
    if (!too_large) {
      c.inbuf.erase(0, start);
      c.scan = c.inbuf.size();
      if (c.inbuf.size() > options.max_message_bytes) too_large = true;
      if (at_eof && !too_large && !c.inbuf.empty()) {
        lines.push_back(std::move(c.inbuf));
        c.inbuf.clear();
        c.scan = 0;
      }
    }
    std::lock_guard lock(c.mu);
    for (auto& l : lines) c.requests.push_back(std::move(l));
    if (!lines.empty()) c.cv.notify_one();
    if (too_large) {
      logger()->warn("event=message_too_large connection={}", c.id);
      c.inbuf.clear();
      c.scan = 0;
      enqueue_locked(c, encode_line(make_error_response(
                            nullptr, make_error(codes::invalid_request, reasons::message_too_large,
                                                "message exceeds the 1 MiB limit"))));
      c.close_after_flush = true;
    }
  }

  void read_from(Connection& c) {
    char buf[kReadChunk];
    std::size_t total = 0;
    bool eof = false;
    while (total < kMaxReadPerTurn) {
      ssize_t n = ::recv(c.fd, buf, sizeof(buf), 0);
      if (n > 0) {
        c.inbuf.append(buf, static_cast<std::size_t>(n));
        total += static_cast<std::size_t>(n);
        // Cap memory even when the peer streams without newlines.
        if (c.inbuf.size() > options.max_message_bytes + kReadChunk) break;
        continue;
      }
      if (n == 0) {
        eof = true;
        break;
      }
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) break;
      std::lock_guard lock(c.mu);
      c.dead = true;
      return;
    }
    split_lines(c, eof);
    if (eof) {
      std::lock_guard lock(c.mu);
      c.read_closed = true;
    }
  }

  void write_to(Connection& c) {
    std::lock_guard lock(c.mu);
    while (!c.outq.empty()) {
      const std::string& front = c.outq.front();
      ssize_t n = ::send(c.fd, front.data() + c.out_offset, front.size() - c.out_offset,
                         MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0) {
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) return;
        c.dead = true;
        return;
      }
      c.out_offset += static_cast<std::size_t>(n);
      if (c.out_offset == front.size()) {
        c.out_bytes -= front.size();
        c.outq.pop_front();
        c.out_offset = 0;
      }
    }
  }

  // True when the connection should be closed now.
  static bool finished(Connection& c) {
    std::lock_guard lock(c.mu);
    if (c.dead) return true;
    if (c.close_after_flush) return c.outq.empty();
    return c.read_closed && c.requests.empty() && !c.busy && c.outq.empty();
  }

  void close_connection(const std::shared_ptr<Connection>& c) {
    {
      std::lock_guard lock(c->mu);
      c->dead = true;
      c->requests.clear();
      c->outq.clear();
      c->out_bytes = 0;
    }
    c->cv.notify_all();
    ::close(c->fd);
    c->fd = -1;
    logger()->debug("event=disconnected connection={}", c->id);
    std::lock_guard lock(conns_mu);
    std::erase(conns, c);
    retired.push_back(c);
  }

  void reap_retired() {
    std::vector<std::shared_ptr<Connection>> done;
    {
      std::lock_guard lock(conns_mu);
      std::erase_if(retired, [&](const std::shared_ptr<Connection>& c) {
        std::lock_guard l(c->mu);
        if (!c->worker_done) return false;
        done.push_back(c);
        return true;
      });
    }
    for (auto& c : done) c->worker.join();
  }

  void io_loop() {
    std::vector<pollfd> fds;
    std::vector<std::shared_ptr<Connection>> snapshot;
    while (!stopping.load()) {
      {
        std::lock_guard lock(conns_mu);
        snapshot = conns;
      }
      fds.clear();
      fds.push_back({wake_read, POLLIN, 0});
      fds.push_back({listen_fd, POLLIN, 0});
      for (auto& c : snapshot) {
        short events = 0;
        std::lock_guard lock(c->mu);
        if (!c->read_closed && !c->close_after_flush && !c->dead &&
            c->requests.size() < options.max_pending_requests) {
          events |= POLLIN;
        }
        if (!c->outq.empty()) events |= POLLOUT;
        // Nothing to wait for on this socket (its worker will wake us): leave it out, or a
        // hung-up peer's POLLHUP would spin the loop.
        fds.push_back({events != 0 ? c->fd : -1, events, 0});
      }
      int rc = ::poll(fds.data(), fds.size(), -1);
      if (rc < 0 && errno != EINTR) {
        logger()->error("event=poll_failed errno={}", errno);
        break;
      }
      if (fds[0].revents & POLLIN) {
        char buf[256];
        while (::read(wake_read, buf, sizeof(buf)) > 0) {
        }
      }
      if (stopping.load()) break;
      if (fds[1].revents & POLLIN) accept_all();
      for (std::size_t i = 0; i < snapshot.size(); ++i) {
        auto& c = *snapshot[i];
        short re = fds[i + 2].revents;
        if (re & (POLLIN | POLLHUP | POLLERR)) {
          bool can_read;
          {
            std::lock_guard lock(c.mu);
            can_read = !c.read_closed && !c.close_after_flush && !c.dead;
          }
          if (can_read && (re & (POLLIN | POLLHUP))) read_from(c);
          if (re & POLLERR) {
            std::lock_guard lock(c.mu);
            c.dead = true;
          }
        }
        // Always try to flush: the worker may have queued since the poll set was built.
        write_to(c);
      }
      for (auto& c : snapshot) {
        if (finished(*c)) close_connection(c);
      }
      reap_retired();
    }
  }
};

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  add_method("api.version", [](const json&, const CallContext&) -> HandlerResult {
    return json{{"version", kApiVersion}};
  });
}

Server::~Server() {
  stop();
}

void Server::add_method(const std::string& name, Handler handler, MethodOptions options) {
  std::unique_lock lock(impl_->methods_mu);
  impl_->methods[name] = Method{std::move(handler), options};
}

Expected<Done, ServerError> Server::start() {
  std::lock_guard lock(impl_->lifecycle_mu);
  if (impl_->running) return ServerError{ServerErrc::already_running, "server already running"};
  auto fd = listen_unix(impl_->options.path, impl_->options.mode);
  if (!fd) return ServerError{ServerErrc::listen_failed, fd.error()};
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_NONBLOCK | O_CLOEXEC) != 0) {
    ::close(*fd);
    ::unlink(impl_->options.path.c_str());
    return ServerError{ServerErrc::thread_failed, "pipe failed"};
  }
  impl_->listen_fd = *fd;
  impl_->wake_read = pipe_fds[0];
  impl_->wake_write = pipe_fds[1];
  impl_->stopping = false;
  try {
    impl_->io = std::thread([impl = impl_.get()] { impl->io_loop(); });
  } catch (const std::system_error&) {
    ::close(impl_->listen_fd);
    ::close(impl_->wake_read);
    ::close(impl_->wake_write);
    impl_->listen_fd = impl_->wake_read = impl_->wake_write = -1;
    ::unlink(impl_->options.path.c_str());
    return ServerError{ServerErrc::thread_failed, "cannot start the I/O thread"};
  }
  impl_->running = true;
  logger()->info("event=listening path={}", impl_->options.path.string());
  return Done{};
}

void Server::stop() {
  std::lock_guard lock(impl_->lifecycle_mu);
  if (!impl_->running) return;
  impl_->stopping = true;
  impl_->wake();
  impl_->io.join();
  std::vector<std::shared_ptr<Connection>> all;
  {
    std::lock_guard l(impl_->conns_mu);
    all = impl_->conns;
  }
  for (auto& c : all) impl_->close_connection(c);
  std::vector<std::shared_ptr<Connection>> retired;
  {
    std::lock_guard l(impl_->conns_mu);
    retired.swap(impl_->retired);
  }
  for (auto& c : retired) c->worker.join();
  ::close(impl_->listen_fd);
  ::close(impl_->wake_read);
  ::close(impl_->wake_write);
  impl_->listen_fd = impl_->wake_read = impl_->wake_write = -1;
  ::unlink(impl_->options.path.c_str());
  impl_->running = false;
  logger()->info("event=stopped path={}", impl_->options.path.string());
}

void Server::notify(const std::string& method, const json& params) {
  std::string line = encode_line(make_request(method, params, std::nullopt));
  if (line.size() - 1 > impl_->options.max_message_bytes) {
    logger()->error("event=notification_too_large method={}", method);
    return;
  }
  {
    std::lock_guard lock(impl_->conns_mu);
    for (auto& c : impl_->conns) {
      std::lock_guard l(c->mu);
      if (c->subscribed) impl_->enqueue_locked(*c, line);
    }
  }
  impl_->wake();
}

void Server::set_simulation(bool enabled) {
  impl_->simulation = enabled;
}
bool Server::simulation() const {
  return impl_->simulation.load();
}

std::size_t Server::connection_count() const {
  std::lock_guard lock(impl_->conns_mu);
  return impl_->conns.size();
}

std::size_t Server::subscriber_count() const {
  std::lock_guard lock(impl_->conns_mu);
  std::size_t n = 0;
  for (auto& c : impl_->conns) {
    std::lock_guard l(c->mu);
    if (c->subscribed && !c->dead) ++n;
  }
  return n;
}

const std::filesystem::path& Server::path() const {
  return impl_->options.path;
}

}  // namespace kiosk::rpc
