#include "central/config/config.hpp"

#include <algorithm>

namespace kiosk::central::config {

protocol::Result<protocol::SignedConfig> sign_config(const protocol::ConfigDocument& doc,
                                                     const protocol::PrivateKey& office_key) {
  return protocol::sign_document(protocol::canonical_json(doc), office_key);
}

registry::Policy policy(const protocol::ConfigDocument& doc) {
  registry::Policy p;
  p.fees = doc.fees;
  for (auto s : protocol::kAllServices) {
    if (std::find(doc.services_enabled.begin(), doc.services_enabled.end(), s) ==
        doc.services_enabled.end()) {
      p.disabled.push_back(s);
    }
  }
  return p;
}

}  // namespace kiosk::central::config
