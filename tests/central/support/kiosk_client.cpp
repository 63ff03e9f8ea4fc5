#include "tests/central/support/kiosk_client.hpp"

#include <curl/curl.h>

#include <nlohmann/json.hpp>

namespace kiosk::central::testing {
namespace {

std::size_t collect(char* data, std::size_t size, std::size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

struct GlobalInit {
  GlobalInit() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

}  // namespace

std::string error_code(const HttpResponse& r) {
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (!j.is_object() || !j.contains("error") || !j["error"].is_object() ||
      !j["error"].contains("code") || !j["error"]["code"].is_string())
    return "<no error body: " + r.body + ">";
  return j["error"]["code"].get<std::string>();
}

KioskClient::KioskClient(int port, std::string ca_pem, std::string cert_pem, std::string key_pem)
    : port_(port),
      ca_pem_(std::move(ca_pem)),
      cert_pem_(std::move(cert_pem)),
      key_pem_(std::move(key_pem)) {
  static GlobalInit init;
  curl_ = curl_easy_init();
}

KioskClient::~KioskClient() {
  curl_easy_cleanup(static_cast<CURL*>(curl_));
}

HttpResponse KioskClient::get(const std::string& path) {
  return perform("GET", path, nullptr, {});
}

HttpResponse KioskClient::get_with_max_tls12(const std::string& path) {
  return perform("GET", path, nullptr, {}, true);
}

HttpResponse KioskClient::post(const std::string& path, const std::string& body,
                               const std::map<std::string, std::string>& headers) {
  return perform("POST", path, &body, headers);
}

HttpResponse KioskClient::perform(const std::string& method, const std::string& path,
                                  const std::string* body,
                                  const std::map<std::string, std::string>& headers,
                                  bool max_tls12) {
  CURL* c = static_cast<CURL*>(curl_);
  curl_easy_reset(c);
  HttpResponse response;
  const std::string url = "https://127.0.0.1:" + std::to_string(port_) + path;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_SSLVERSION,
                   max_tls12 ? (static_cast<long>(CURL_SSLVERSION_TLSv1_2) |
                                static_cast<long>(CURL_SSLVERSION_MAX_TLSv1_2))
                             : static_cast<long>(CURL_SSLVERSION_TLSv1_3));
  curl_blob ca{const_cast<char*>(ca_pem_.data()), ca_pem_.size(), CURL_BLOB_COPY};
  curl_easy_setopt(c, CURLOPT_CAINFO_BLOB, &ca);
  curl_blob cert{const_cast<char*>(cert_pem_.data()), cert_pem_.size(), CURL_BLOB_COPY};
  curl_blob key{const_cast<char*>(key_pem_.data()), key_pem_.size(), CURL_BLOB_COPY};
  if (!cert_pem_.empty()) {
    curl_easy_setopt(c, CURLOPT_SSLCERT_BLOB, &cert);
    curl_easy_setopt(c, CURLOPT_SSLCERTTYPE, "PEM");
    curl_easy_setopt(c, CURLOPT_SSLKEY_BLOB, &key);
    curl_easy_setopt(c, CURLOPT_SSLKEYTYPE, "PEM");
  }
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &response.body);
  curl_slist* list = nullptr;
  list = curl_slist_append(list, "Content-Type: application/json");
  for (const auto& [k, v] : headers) list = curl_slist_append(list, (k + ": " + v).c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
  if (body != nullptr) {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body->data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
  }
  if (method != "GET" && method != "POST")
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
  const CURLcode rc = curl_easy_perform(c);
  response.curl_code = static_cast<int>(rc);
  if (rc == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  curl_slist_free_all(list);
  return response;
}

}  // namespace kiosk::central::testing
