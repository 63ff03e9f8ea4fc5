#include "central/server/https_server.hpp"

#include <httplib.h>
#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace kiosk::central::server {
namespace {

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};

BIO* mem_bio(const std::string& pem) {
  return BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
}

std::string common_name(X509* cert) {
  X509_NAME* name = X509_get_subject_name(cert);
  const int idx = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
  if (idx < 0) return {};
  ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx));
  unsigned char* utf8 = nullptr;
  const int len = ASN1_STRING_to_UTF8(&utf8, data);
  if (len < 0) return {};
  std::string out(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(len));
  OPENSSL_free(utf8);
  return out;
}

std::string serial_hex(X509* cert) {
  BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
  if (bn == nullptr) return {};
  char* hex = BN_bn2hex(bn);
  std::string out = hex != nullptr ? hex : "";
  OPENSSL_free(hex);
  BN_free(bn);
  // Revocations are stored without leading zeros (pki::normalise_serial); BN_bn2hex pads to
  // whole bytes, so a serial starting with a zero nibble would never match one.
  const auto first = out.find_first_not_of('0');
  return first == std::string::npos ? (out.empty() ? out : "0") : out.substr(first);
}

// The fault `fault_file` asks for: "" (none: no path, or no file), "before" or "after".
std::string injected_fault(const std::filesystem::path& fault_file) {
  if (fault_file.empty()) return "";
  std::ifstream f(fault_file);
  if (!f) return "";
  std::string word;
  f >> word;
  return word == "after" ? "after" : "before";
}

Identity identify(const SSL* ssl) {
  Identity who;
  if (ssl == nullptr) return who;
  X509* cert = SSL_get1_peer_certificate(ssl);
  if (cert == nullptr) return who;
  // The handshake already verified the chain against the office CA (SSL_VERIFY_PEER).
  if (SSL_get_verify_result(ssl) == X509_V_OK) {
    who.id = common_name(cert);
    who.serial_hex = serial_hex(cert);
    if (auto key = protocol::PublicKey::from_certificate(cert)) who.key = *key;
    if (who.id.rfind("admin.", 0) == 0 && who.id.size() > 6) {
      who.kind = Identity::Kind::office_operator;
    } else if (wire::valid_kiosk_id(who.id)) {
      who.kind = Identity::Kind::kiosk;
    }
  }
  X509_free(cert);
  // A verified certificate with an unusable CN stays `none` + id: Api answers 401/403.
  return who;
}

void configure(SSL_CTX& ctx, const HttpsOptions& o) {
  SSL_CTX_set_min_proto_version(&ctx, TLS1_3_VERSION);
  // A kiosk's next connection (after keep_alive_max requests, or an idle close) offers to
  // resume its TLS session. With client certificates OpenSSL refuses that resumption with an
  // internal_error alert unless the sessions carry an id context. A resumed session keeps the
  // certificate verified in its full handshake; revocation is checked on every request (Api).
  static constexpr unsigned char kSessionContext[] = "kiosk-central";
  SSL_CTX_set_session_id_context(&ctx, kSessionContext, sizeof kSessionContext - 1);
  SSL_CTX_set_max_proto_version(&ctx, TLS1_3_VERSION);
  SSL_CTX_set_options(&ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);

  std::unique_ptr<BIO, BioFree> cert_bio(mem_bio(o.server_cert_pem));
  X509* leaf = PEM_read_bio_X509(cert_bio.get(), nullptr, nullptr, nullptr);
  if (leaf == nullptr || SSL_CTX_use_certificate(&ctx, leaf) != 1) {
    X509_free(leaf);
    throw std::runtime_error("server certificate PEM unusable");
  }
  X509_free(leaf);
  while (X509* extra = PEM_read_bio_X509(cert_bio.get(), nullptr, nullptr, nullptr)) {
    SSL_CTX_add_extra_chain_cert(&ctx, extra);  // takes ownership
  }
  std::unique_ptr<BIO, BioFree> key_bio(mem_bio(o.server_key_pem));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr);
  const bool key_ok = key != nullptr && SSL_CTX_use_PrivateKey(&ctx, key) == 1;
  EVP_PKEY_free(key);
  if (!key_ok || SSL_CTX_check_private_key(&ctx) != 1)
    throw std::runtime_error("server key PEM unusable");

  X509_STORE* store = SSL_CTX_get_cert_store(&ctx);
  STACK_OF(X509_NAME)* names = sk_X509_NAME_new_null();
  std::unique_ptr<BIO, BioFree> ca_bio(mem_bio(o.client_ca_pem));
  int cas = 0;
  while (X509* ca = PEM_read_bio_X509(ca_bio.get(), nullptr, nullptr, nullptr)) {
    X509_STORE_add_cert(store, ca);
    sk_X509_NAME_push(names, X509_NAME_dup(X509_get_subject_name(ca)));
    X509_free(ca);
    ++cas;
  }
  if (cas == 0) {
    sk_X509_NAME_pop_free(names, X509_NAME_free);
    throw std::runtime_error("client CA PEM unusable");
  }
  SSL_CTX_set_client_CA_list(&ctx, names);
  // Ask for a certificate, verify it if sent, fail the handshake if it does not verify; a
  // missing one is allowed so that /v1/enrol works (Api answers 401 elsewhere).
  SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER, nullptr);
  SSL_CTX_set_verify_depth(&ctx, 3);
}

std::shared_ptr<spdlog::logger> logger() {
  static auto log = [] {
    auto existing = spdlog::get("central.https");
    return existing ? existing : spdlog::default_logger()->clone("central.https");
  }();
  return log;
}

}  // namespace

struct HttpsServer::Impl {
  Api& api;
  HttpsOptions options;
  std::unique_ptr<httplib::SSLServer> server;
  std::string setup_error;
};

HttpsServer::HttpsServer(Api& api, HttpsOptions options)
    : impl_(std::make_unique<Impl>(Impl{api, std::move(options), nullptr, {}})) {
  Impl& im = *impl_;
  im.server = std::make_unique<httplib::SSLServer>([&im](SSL_CTX& ctx) {
    try {
      configure(ctx, im.options);
      return true;
    } catch (const std::exception& e) {
      im.setup_error = e.what();
      return false;
    }
  });
  if (!im.server->is_valid()) {
    throw std::runtime_error("TLS setup failed: " +
                             (im.setup_error.empty() ? std::string("SSL_CTX") : im.setup_error));
  }
  auto& svr = *im.server;
  svr.set_payload_max_length(im.options.max_body_bytes);
  svr.set_read_timeout(im.options.read_timeout_s, 0);
  svr.set_write_timeout(im.options.write_timeout_s, 0);
  svr.set_keep_alive_max_count(static_cast<std::size_t>(im.options.keep_alive_max));
  svr.set_keep_alive_timeout(5);
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle plus delayed ACK
  // stall every small response by ~40 ms.
  svr.set_tcp_nodelay(true);
  const int threads = std::max(1, im.options.threads);
  svr.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(threads));
  };

  auto handler = [&im](const httplib::Request& req, httplib::Response& res) {
    Request r;
    r.method = req.method;
    r.path = req.path;
    for (const auto& [k, v] : req.params) r.query.emplace(k, v);
    for (const auto& [k, v] : req.headers) {
      std::string name = k;
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      r.headers.emplace(std::move(name), v);
    }
    r.body = req.body;
    r.identity = identify(req.ssl);
    const std::string fault = injected_fault(im.options.fault_file);
    auto answer_fault = [&res] {
      res.status = 503;
      res.set_content(error_response(503, "fault_injected", "injected server fault").body,
                      "application/json");
    };
    if (fault == "before") return answer_fault();
    const Response out = im.api.handle(r);
    if (fault == "after") return answer_fault();
    res.status = out.status;
    if (!out.body.empty()) res.set_content(out.body, "application/json");
  };
  svr.Get(".*", handler);
  svr.Post(".*", handler);
  // Errors cpp-httplib raises itself (413 over the body limit, 404 for other methods, 400).
  svr.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const Response out =
        res.status == 413 ? error_response(413, "payload_too_large", "request body over the limit")
        : res.status == 404 || res.status == 405
            ? error_response(404, "not_found", "no such route")
            : error_response(res.status, "invalid_request", "bad HTTP request");
    res.set_content(out.body, "application/json");
  });
}

HttpsServer::~HttpsServer() {
  stop();
}

int HttpsServer::bind() {
  auto& svr = *impl_->server;
  if (impl_->options.port == 0) {
    port_ = svr.bind_to_any_port(impl_->options.host.c_str());
  } else {
    port_ = svr.bind_to_port(impl_->options.host.c_str(), impl_->options.port) ? impl_->options.port
                                                                               : -1;
  }
  if (port_ <= 0)
    throw std::runtime_error("cannot listen on " + impl_->options.host + ":" +
                             std::to_string(impl_->options.port));
  logger()->info("event=listening host={} port={} tls=1.3 mtls=office_ca", impl_->options.host,
                 port_);
  return port_;
}

void HttpsServer::serve() {
  impl_->server->listen_after_bind();
}

int HttpsServer::start() {
  const int port = bind();
  thread_ = std::thread([this] { serve(); });
  // cpp-httplib's stop() is a no-op until its accept loop runs: wait for it, so a stop() right
  // after start() cannot leave the loop running and the join hanging.
  for (int i = 0; i < 500 && !impl_->server->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return port;
}

void HttpsServer::stop() {
  if (impl_ && impl_->server) impl_->server->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace kiosk::central::server
