#pragma once
// The office's signing key and certificate for tests that sign or verify office documents,
// made once per test process by the office's own PKI authority (central/pki).
#include "central/pki/authority.hpp"

namespace kiosk::central::testing {

inline const protocol::CertifiedKey& office_key() {
  static const protocol::CertifiedKey ca = pki::create_ca().value();
  static const protocol::CertifiedKey office = pki::create_office_certificate(ca).value();
  return office;
}

}  // namespace kiosk::central::testing
