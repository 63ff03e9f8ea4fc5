#pragma once
// The HTTPS front of the Api: cpp-httplib's SSLServer with TLS 1.3 only, the office CA as the
// only trust anchor for client certificates, a bounded body size, timeouts and a thread pool.
// A connection without a client certificate is accepted (so that it can enrol); Api refuses
// it on every other route. A client certificate from another CA fails the handshake.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "central/server/api.hpp"

namespace kiosk::central::server {

struct HttpsOptions {
  std::string host = "127.0.0.1";
  int port = 8443;              // 0: any free port (see HttpsServer::port())
  std::string server_cert_pem;  // may hold the chain after the leaf
  std::string server_key_pem;
  std::string client_ca_pem;  // the office CA (one or more certificates)
  std::size_t max_body_bytes = 1024 * 1024;
  int read_timeout_s = 10;
  int write_timeout_s = 10;
  int threads = 8;
  int keep_alive_max = 100;
  // Development and fault campaigns only (`kiosk-central serve --fault-file`): while this file
  // exists, every request is answered 503 "fault_injected": before it is handled when the file
  // says "before" (or is empty), after it is handled (its effect stays, its answer is lost)
  // when it says "after". Empty path: off.
  std::filesystem::path fault_file;
};

class HttpsServer {
 public:
  // Throws std::runtime_error when the certificates or keys cannot be loaded.
  HttpsServer(Api& api, HttpsOptions options);
  ~HttpsServer();
  HttpsServer(const HttpsServer&) = delete;
  HttpsServer& operator=(const HttpsServer&) = delete;

  // Binds the listening socket; returns the port. Throws std::runtime_error on failure.
  int bind();
  // Serves until stop(); blocks. bind() first.
  void serve();
  // bind() + serve() on a background thread.
  int start();
  void stop();
  int port() const { return port_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace kiosk::central::server
