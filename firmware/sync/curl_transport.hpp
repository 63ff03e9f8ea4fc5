#pragma once
// Internal to kiosk_sync: HTTPS requests over libcurl easy handles with mutual TLS 1.3.
// A small pool of easy handles (reset between uses, so each keeps its live connection for
// keep-alive); thread-safe. Every curl failure becomes a SyncError through from_curl_code().
#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "firmware/sync/errors.hpp"

namespace kiosk::sync::detail {

struct TransportOptions {
  std::string base_url;                      // "https://127.0.0.1:8443" (no trailing slash needed)
  std::string ca_file, cert_file, key_file;  // cert/key empty: no client certificate
  // The office's public key, "sha256//<base64 of the SHA-256 of its DER SubjectPublicKeyInfo>"
  // (several joined with ';' during a key change); empty: the CA alone decides.
  std::string pinned_public_key;
  std::chrono::milliseconds connect_timeout{2000}, request_timeout{5000};
  std::size_t max_response_bytes = 4 * 1024 * 1024;
};

struct HttpReply {
  int status = 0;
  std::string body;
};

class CurlTransport {
 public:
  explicit CurlTransport(TransportOptions options);
  ~CurlTransport();
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  // `path` starts with "/v1/..." and may carry a query. Any HTTP status is a reply; only a
  // transfer failure is an error. A set `cancel` flag aborts the transfer (Errc::cancelled).
  // `fresh`: a new connection, not one kept alive from an earlier call.
  Result<HttpReply> perform(const std::string& method, const std::string& path,
                            const std::string& body,
                            const std::vector<std::pair<std::string, std::string>>& headers,
                            const std::atomic<bool>* cancel = nullptr, bool fresh = false);

 private:
  void* acquire();
  void release(void* handle);

  TransportOptions options_;
  std::mutex mutex_;
  std::vector<void*> idle_;  // CURL* easy handles
};

}  // namespace kiosk::sync::detail
