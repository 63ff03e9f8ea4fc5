#pragma once
// The office's side of the kiosk configuration (kiosk_central_config): signing a document
// with the office key and the registry policy a document implies. The document, its JSON and
// its verification are the protocol's (protocol/documents/config.hpp): kiosks verify what
// the office signs here.

#include "central/registry/eligibility.hpp"
#include "protocol/crypto/keys.hpp"
#include "protocol/documents/config.hpp"

namespace kiosk::central::config {

// The payload is canonical_json(doc). Errors: crypto.
protocol::Result<protocol::SignedConfig> sign_config(const protocol::ConfigDocument& doc,
                                                     const protocol::PrivateKey& office_key);

// The registry policy this document implies (fees, disabled services).
registry::Policy policy(const protocol::ConfigDocument& doc);

}  // namespace kiosk::central::config
