#pragma once
// A kiosk (or an operator) talking HTTPS to the server with libcurl: TLS 1.3, the office CA
// as trust anchor, an optional client certificate, keep-alive between calls. Not thread-safe:
// one client per thread.
#include <map>
#include <string>

namespace kiosk::central::testing {

struct HttpResponse {
  long status = 0;  // 0 when the transfer failed (TLS refused, connection reset)
  int curl_code = 0;
  std::string body;
};

// The API error code of a response ({"error": {"code"}}), or a note saying there was none.
std::string error_code(const HttpResponse& r);

class KioskClient {
 public:
  KioskClient(int port, std::string ca_pem, std::string cert_pem = {}, std::string key_pem = {});
  ~KioskClient();
  KioskClient(const KioskClient&) = delete;
  KioskClient& operator=(const KioskClient&) = delete;

  HttpResponse get(const std::string& path);
  // A GET that offers TLS 1.2 at most (the server must refuse it).
  HttpResponse get_with_max_tls12(const std::string& path);
  HttpResponse post(const std::string& path, const std::string& body,
                    const std::map<std::string, std::string>& headers = {});

 private:
  HttpResponse perform(const std::string& method, const std::string& path, const std::string* body,
                       const std::map<std::string, std::string>& headers, bool max_tls12 = false);
  int port_;
  std::string ca_pem_, cert_pem_, key_pem_;
  void* curl_;
};

}  // namespace kiosk::central::testing
