#include "firmware/sync/curl_transport.hpp"

#include <curl/curl.h>

#include <mutex>

namespace kiosk::sync::detail {
namespace {

constexpr std::size_t kMaxIdleHandles = 4;

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Sink {
  std::string body;
  std::size_t limit = 0;
  bool too_large = false;
};

std::size_t on_data(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->body.size() + n > sink->limit) {
    sink->too_large = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  sink->body.append(data, n);
  return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* cancel = static_cast<const std::atomic<bool>*>(user);
  return cancel && cancel->load() ? 1 : 0;  // non-zero aborts: CURLE_ABORTED_BY_CALLBACK
}

struct HeaderList {
  curl_slist* list = nullptr;
  ~HeaderList() { curl_slist_free_all(list); }
  bool add(const std::string& line) {
    curl_slist* next = curl_slist_append(list, line.c_str());
    if (!next) return false;
    list = next;
    return true;
  }
};

}  // namespace

CurlTransport::CurlTransport(TransportOptions options) : options_(std::move(options)) {
  global_init();
  while (!options_.base_url.empty() && options_.base_url.back() == '/') {
    options_.base_url.pop_back();
  }
}

CurlTransport::~CurlTransport() {
  for (void* h : idle_) curl_easy_cleanup(static_cast<CURL*>(h));
}

void* CurlTransport::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      void* h = idle_.back();
      idle_.pop_back();
      return h;
    }
  }
  return curl_easy_init();
}

void CurlTransport::release(void* handle) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < kMaxIdleHandles) {
    idle_.push_back(handle);
  } else {
    curl_easy_cleanup(static_cast<CURL*>(handle));
  }
}

Result<HttpReply> CurlTransport::perform(
    const std::string& method, const std::string& path, const std::string& body,
    const std::vector<std::pair<std::string, std::string>>& headers,
    const std::atomic<bool>* cancel, bool fresh) {
  const std::string route = method + " " + path.substr(0, path.find('?'));
  CURL* curl = static_cast<CURL*>(acquire());
  if (!curl) return make_error(Errc::internal, route + ": curl_easy_init failed");
  // Back to the pool whatever happens below; reset keeps the live connection (keep-alive).
  struct Return {
    CurlTransport* self;
    CURL* h;
    ~Return() {
      curl_easy_reset(h);
      self->release(h);
    }
  } give_back{this, curl};

  Sink sink;
  sink.limit = options_.max_response_bytes;
  char error_buffer[CURL_ERROR_SIZE] = {0};
  HeaderList list;
  bool ok = list.add("Accept: application/json") && list.add("Expect:");
  if (method == "POST") ok = ok && list.add("Content-Type: application/json");
  for (const auto& [name, value] : headers) ok = ok && list.add(name + ": " + value);
  if (!ok) return make_error(Errc::internal, route + ": out of memory");

  const std::string url = options_.base_url + path;
  CURLcode rc = CURLE_OK;
  auto set = [&](CURLoption option, auto value) {
    if (rc == CURLE_OK) rc = curl_easy_setopt(curl, option, value);
  };
  set(CURLOPT_URL, url.c_str());
  set(CURLOPT_PROTOCOLS_STR, "https");
  set(CURLOPT_NOSIGNAL, 1L);
  set(CURLOPT_ERRORBUFFER, error_buffer);
  set(CURLOPT_SSLVERSION,
      static_cast<long>(CURL_SSLVERSION_TLSv1_3) | static_cast<long>(CURL_SSLVERSION_MAX_TLSv1_3));
  set(CURLOPT_SSL_VERIFYPEER, 1L);
  set(CURLOPT_SSL_VERIFYHOST, 2L);
  // Only the office CA is a trust anchor: libcurl would otherwise also trust every public CA
  // of its default CA path, so any publicly trusted certificate for central's name would do.
  if (!options_.ca_file.empty()) set(CURLOPT_CAINFO, options_.ca_file.c_str());
  set(CURLOPT_CAPATH, static_cast<const char*>(nullptr));
  if (!options_.pinned_public_key.empty())
    set(CURLOPT_PINNEDPUBLICKEY, options_.pinned_public_key.c_str());
  if (!options_.cert_file.empty()) {
    set(CURLOPT_SSLCERT, options_.cert_file.c_str());
    set(CURLOPT_SSLCERTTYPE, "PEM");
  }
  if (!options_.key_file.empty()) {
    set(CURLOPT_SSLKEY, options_.key_file.c_str());
    set(CURLOPT_SSLKEYTYPE, "PEM");
  }
  set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
  set(CURLOPT_TIMEOUT_MS, static_cast<long>(options_.request_timeout.count()));
  set(CURLOPT_FOLLOWLOCATION, 0L);
  if (fresh) set(CURLOPT_FRESH_CONNECT, 1L);
  set(CURLOPT_HTTPHEADER, list.list);
  set(CURLOPT_WRITEFUNCTION, &on_data);
  set(CURLOPT_WRITEDATA, static_cast<void*>(&sink));
  if (cancel) {
    set(CURLOPT_NOPROGRESS, 0L);
    set(CURLOPT_XFERINFOFUNCTION, &on_progress);
    set(CURLOPT_XFERINFODATA, const_cast<void*>(static_cast<const void*>(cancel)));  // NOLINT
  }
  if (method == "POST") {
    set(CURLOPT_POST, 1L);
    set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    set(CURLOPT_POSTFIELDS, body.c_str());
  } else {
    set(CURLOPT_HTTPGET, 1L);
  }
  if (rc != CURLE_OK) return from_curl_failure(CurlFailure{rc, false, error_buffer, false}, route);

  rc = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  if (rc != CURLE_OK) {
    long new_connections = 0;
    curl_off_t tls_done_us = 0;
    curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, &new_connections);
    curl_easy_getinfo(curl, CURLINFO_APPCONNECT_TIME_T, &tls_done_us);
    const bool closed_after_handshake = !options_.cert_file.empty() && new_connections > 0 &&
                                        tls_done_us > 0 && status == 0 && sink.body.empty();
    return from_curl_failure(CurlFailure{rc, sink.too_large, error_buffer, closed_after_handshake},
                             route);
  }
  return HttpReply{static_cast<int>(status), std::move(sink.body)};
}

}  // namespace kiosk::sync::detail
