#pragma once
// The reference office backends wired into the sync API: enrolment (central/pki), eligibility
// and issuance (central/registry), face matching (central/face), the payment acquirer
// simulator (central/payment) and the signed configuration (central/config). An office plugs
// in its own face platform by passing another face::FaceMatcher, its own acquirer rules with
// another payment::OutcomeTable.
//
// Business dates are Asia/Shanghai calendar days (UTC+8, no DST) of Context::now.
#include <memory>
#include <optional>

#include "central/face/face.hpp"
#include "central/payment/payment.hpp"
#include "central/server/api.hpp"
#include "protocol/crypto/keys.hpp"

namespace kiosk::central::server {

struct DomainOptions {
  protocol::CertifiedKey ca;      // signs kiosk certificates at enrolment
  protocol::CertifiedKey office;  // signs issuance authorisations and configuration documents
  std::shared_ptr<const face::FaceMatcher> matcher;  // default: ReferenceFaceMatcher
  payment::OutcomeTable outcomes = payment::OutcomeTable::default_table();
  int kiosk_cert_days = 730;
};

class DomainServices final : public OfficeServices {
 public:
  explicit DomainServices(DomainOptions options);
  Response enrol(const Context& ctx, const nlohmann::json& request) override;
  Response eligibility(const Context& ctx, const nlohmann::json& request) override;
  Response face_match(const Context& ctx, const nlohmann::json& request) override;
  Response create_payment(const Context& ctx, const nlohmann::json& request,
                          const std::string& key) override;
  Response charge_payment(const Context& ctx, const std::string& order_id,
                          const nlohmann::json& request) override;
  Response get_payment(const Context& ctx, const std::string& order_id) override;
  Response cancel_payment(const Context& ctx, const std::string& order_id,
                          const nlohmann::json& request) override;
  Response refund_payment(const Context& ctx, const std::string& order_id,
                          const nlohmann::json& request) override;
  Response authorise_issuance(const Context& ctx, const nlohmann::json& request) override;
  Response reissue_elicence(const Context& ctx, const nlohmann::json& request) override;
  Response config(const Context& ctx, std::optional<std::int64_t> have) override;

 private:
  DomainOptions options_;
};

// The registry photo (decoded PNG), or nullopt when the registry holds none (or an unreadable one).
std::optional<face::Image> registry_photo(store::Store& store, const std::string& photo_ref);

}  // namespace kiosk::central::server
