#include "firmware/rpc/client.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <thread>
#include <utility>

#include "firmware/rpc/unix_socket.hpp"

namespace kiosk::rpc {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

ClientError client_error(ClientErrc code, std::string message) {
  return ClientError{code, std::move(message), {}};
}

}  // namespace

struct Client::Impl {
  using CallResult = Expected<json, ClientError>;

  int fd = -1;
  ClientOptions options;

  std::mutex write_mu;

  std::mutex mu;
  std::condition_variable cv;
  std::map<std::int64_t, std::optional<CallResult>> pending;
  std::int64_t next_id = 1;
  bool connected = true;
  std::optional<ClientError> failure;  // why the connection ended, for later calls

  std::mutex nmu;
  std::condition_variable ncv;
  std::deque<Notification> notifications;
  NotificationHandler handler;
  bool notif_stop = false;

  std::thread reader;
  std::thread notifier;
  std::mutex close_mu;
  bool closed = false;

  // Ends the connection: every waiting call fails with `why`.
  void fail_all(const ClientError& why) {
    {
      std::lock_guard lock(mu);
      if (connected) {
        connected = false;
        failure = why;
      }
      for (auto& [id, slot] : pending) {
        if (!slot) slot = CallResult(why);
      }
    }
    cv.notify_all();
    ::shutdown(fd, SHUT_RDWR);
  }

  void on_line(std::string_view line) {
    auto message = parse_server_message(line);
    if (!message) {
      fail_all(client_error(ClientErrc::invalid_response,
                            "invalid message from kioskd: " + message.error()));
      return;
    }
    if (message->notification) {
      {
        std::lock_guard lock(nmu);
        notifications.push_back(std::move(*message->notification));
      }
      ncv.notify_one();
      return;
    }
    Response& r = *message->response;
    if (!r.id.is_number_integer()) return;  // not one of ours (we only send integer ids)
    std::int64_t id = r.id.get<std::int64_t>();
    {
      std::lock_guard lock(mu);
      auto it = pending.find(id);
      if (it == pending.end() || it->second) return;  // timed out already
      if (r.error) {
        it->second = CallResult(ClientError{ClientErrc::remote, r.error->message, *r.error});
      } else {
        it->second = CallResult(std::move(*r.result));
      }
    }
    cv.notify_all();
  }

  void read_loop() {
    std::string buf;
    char chunk[64 * 1024];
    for (;;) {
      ssize_t n = ::recv(fd, chunk, sizeof(chunk), 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        fail_all(client_error(ClientErrc::disconnected, "kioskd closed the connection"));
        return;
      }
      buf.append(chunk, static_cast<std::size_t>(n));
      std::size_t start = 0;
      for (;;) {
        auto nl = buf.find('\n', start);
        if (nl == std::string::npos) break;
        std::string_view line(buf.data() + start, nl - start);
        if (line.size() > options.max_message_bytes) break;
        if (!line.empty()) on_line(line);
        start = nl + 1;
      }
      buf.erase(0, start);
      if (buf.size() > options.max_message_bytes) {
        fail_all(client_error(ClientErrc::too_large, "kioskd sent a message over the limit"));
        return;
      }
      {
        std::lock_guard lock(mu);
        if (!connected) return;
      }
    }
  }

  void notify_loop() {
    for (;;) {
      Notification n;
      NotificationHandler h;
      {
        std::unique_lock lock(nmu);
        ncv.wait(lock, [&] { return notif_stop || !notifications.empty(); });
        if (notifications.empty()) return;  // stopping and drained
        n = std::move(notifications.front());
        notifications.pop_front();
        h = handler;
      }
      if (h) {
        try {
          h(n.method, n.params);
        } catch (...) {
          // A throwing handler must not take the client down; the notification is dropped.
        }
      }
    }
  }

  // Writes all of `line` before `deadline`. A partial write leaves the stream unusable, so any
  // failure after the first byte closes the connection.
  Expected<Done, ClientError> write_all(const std::string& line, Clock::time_point deadline) {
    std::lock_guard lock(write_mu);
    std::size_t sent = 0;
    while (sent < line.size()) {
      ssize_t n = ::send(fd, line.data() + sent, line.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        sent += static_cast<std::size_t>(n);
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
          auto e = client_error(ClientErrc::timeout, "timed out sending to kioskd");
          if (sent > 0) fail_all(e);
          return e;
        }
        pollfd p{fd, POLLOUT, 0};
        ::poll(&p, 1, static_cast<int>(std::min<std::int64_t>(left.count(), 1000)));
        continue;
      }
      auto e = client_error(ClientErrc::disconnected, "connection to kioskd lost");
      fail_all(e);
      return e;
    }
    return Done{};
  }

  void close() {
    std::lock_guard lock(close_mu);
    if (closed) return;
    closed = true;
    fail_all(client_error(ClientErrc::disconnected, "client closed"));
    if (reader.joinable()) reader.join();
    {
      std::lock_guard l(nmu);
      notif_stop = true;
    }
    ncv.notify_all();
    if (notifier.joinable()) {
      if (notifier.get_id() == std::this_thread::get_id()) {
        notifier.detach();  // close() from the handler: the thread ends after it returns
      } else {
        notifier.join();
      }
    }
    ::close(fd);
  }
};

Client::Client() : impl_(std::make_shared<Impl>()) {}

Client::~Client() {
  close();
}

Expected<std::unique_ptr<Client>, ClientError> Client::connect(const std::filesystem::path& path,
                                                               ClientOptions options) {
  auto fd = connect_unix(path);
  if (!fd) {
    return client_error(ClientErrc::unreachable,
                        "cannot connect to " + path.string() + ": " + fd.error());
  }
  std::unique_ptr<Client> client(new Client());
  auto& impl = client->impl_;
  impl->fd = *fd;
  impl->options = options;
  try {
    impl->reader = std::thread([i = impl] { i->read_loop(); });
    impl->notifier = std::thread([i = impl] { i->notify_loop(); });
  } catch (const std::system_error&) {
    impl->close();
    return client_error(ClientErrc::unreachable, "cannot start client threads");
  }
  return client;
}

Expected<json, ClientError> Client::call(const std::string& method, json params,
                                         std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  std::int64_t id;
  {
    std::lock_guard lock(impl_->mu);
    if (!impl_->connected) {
      return impl_->failure.value_or(client_error(ClientErrc::disconnected, "not connected"));
    }
    id = impl_->next_id++;
  }
  std::string line = encode_line(make_request(method, std::move(params), json(id)));
  if (line.size() - 1 > impl_->options.max_message_bytes) {
    return client_error(ClientErrc::too_large, "request exceeds the 1 MiB limit");
  }
  {
    std::lock_guard lock(impl_->mu);
    impl_->pending.emplace(id, std::nullopt);
  }
  auto forget = [&] {
    std::lock_guard lock(impl_->mu);
    impl_->pending.erase(id);
  };
  if (auto w = impl_->write_all(line, deadline); !w) {
    forget();
    return w.error();
  }
  std::unique_lock lock(impl_->mu);
  impl_->cv.wait_until(lock, deadline, [&] { return impl_->pending.at(id).has_value(); });
  auto node = impl_->pending.extract(id);
  if (!node.mapped()) return client_error(ClientErrc::timeout, "no answer from kioskd in time");
  return std::move(*node.mapped());
}

Expected<Done, ClientError> Client::send_notification(const std::string& method, json params) {
  {
    std::lock_guard lock(impl_->mu);
    if (!impl_->connected) {
      return impl_->failure.value_or(client_error(ClientErrc::disconnected, "not connected"));
    }
  }
  std::string line = encode_line(make_request(method, std::move(params), std::nullopt));
  if (line.size() - 1 > impl_->options.max_message_bytes) {
    return client_error(ClientErrc::too_large, "request exceeds the 1 MiB limit");
  }
  return impl_->write_all(line, Clock::now() + kDefaultCallTimeout);
}

void Client::set_notification_handler(NotificationHandler handler) {
  std::lock_guard lock(impl_->nmu);
  impl_->handler = std::move(handler);
}

bool Client::connected() const {
  std::lock_guard lock(impl_->mu);
  return impl_->connected;
}

void Client::close() {
  impl_->close();
}

ReconnectingClient::ReconnectingClient(std::filesystem::path path, ClientOptions options,
                                       OnConnect on_connect)
    : path_(std::move(path)), options_(options), on_connect_(std::move(on_connect)) {}

Expected<std::shared_ptr<Client>, ClientError> ReconnectingClient::ensure_connected() {
  if (client_ && client_->connected()) return client_;
  client_.reset();
  auto c = Client::connect(path_, options_);
  if (!c) return c.error();
  (*c)->set_notification_handler(handler_);
  if (on_connect_) {
    if (auto r = on_connect_(**c); !r) return r.error();
  }
  client_ = std::move(*c);
  return client_;
}

Expected<json, ClientError> ReconnectingClient::call(const std::string& method, json params,
                                                     std::chrono::milliseconds timeout) {
  std::shared_ptr<Client> c;
  {
    std::lock_guard lock(mu_);
    auto r = ensure_connected();
    if (!r) return r.error();
    c = std::move(*r);
  }
  // The call runs outside mu_ so calls from several threads overlap; a reconnect meanwhile
  // replaces client_ but this call's connection lives until the call returns.
  return c->call(method, std::move(params), timeout);
}

void ReconnectingClient::set_notification_handler(NotificationHandler handler) {
  std::lock_guard lock(mu_);
  handler_ = handler;
  if (client_) client_->set_notification_handler(std::move(handler));
}

Expected<Done, ClientError> ReconnectingClient::wait_connected(Clock::time_point deadline,
                                                               std::chrono::milliseconds interval) {
  for (;;) {
    {
      std::lock_guard lock(mu_);
      auto r = ensure_connected();
      if (r) return Done{};
      if (Clock::now() + interval > deadline) return r.error();
    }
    std::this_thread::sleep_for(interval);
  }
}

void ReconnectingClient::close() {
  std::lock_guard lock(mu_);
  client_.reset();
}

}  // namespace kiosk::rpc
