#pragma once
// A test PKI built with OpenSSL directly: CAs, a server certificate for 127.0.0.1/localhost and
// kiosk client certificates (ECDSA P-256), all PEM in memory.
#include <string>

namespace kiosk::central::testing {

struct TestCert {
  std::string cert_pem;
  std::string key_pem;
  std::string serial_hex;  // upper case, no leading zeros (as the server compares)
};

TestCert make_ca(const std::string& common_name);
// A leaf signed by `ca`. server=true adds SAN DNS:localhost, IP:127.0.0.1 and serverAuth;
// otherwise clientAuth with CN=common_name.
TestCert issue_cert(const TestCert& ca, const std::string& common_name, bool server = false);

}  // namespace kiosk::central::testing
