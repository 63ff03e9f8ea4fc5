#include "protocol/documents/signed_document.hpp"

#include "protocol/crypto/signature.hpp"
#include "protocol/documents/json_reader.hpp"

namespace kiosk::protocol {

nlohmann::json to_json(const SignedDocument& d) {
  return {{"payload", d.payload}, {"signature", d.signature_b64}};
}

Result<SignedDocument> signed_document_from_json(const nlohmann::json& json,
                                                 std::size_t max_payload) {
  JsonReader r(json, {"payload", "signature"}, "signed document");
  SignedDocument d;
  d.payload = r.string("payload", max_payload, false);
  d.signature_b64 = r.string("signature", kMaxSignatureB64, false);
  if (!r.ok()) return r.error();
  return d;
}

Result<SignedDocument> sign_document(std::string payload, const PrivateKey& key) {
  auto sig = sign_base64(key, payload);
  if (!sig) return sig.error();
  return SignedDocument{std::move(payload), std::move(sig).value()};
}

Result<nlohmann::json> verify_document(const SignedDocument& d, const Certificate& signer,
                                       std::size_t max_payload) {
  if (d.payload.size() > max_payload) return make_error(Errc::too_large, "document too large");
  if (auto v = verify_base64(signer, d.payload, d.signature_b64); !v) {
    return make_error(Errc::bad_signature, "office signature: " + v.error().message);
  }
  auto json = nlohmann::json::parse(d.payload, nullptr, false);
  if (json.is_discarded()) return make_error(Errc::invalid_document, "payload is not JSON");
  return json;
}

}  // namespace kiosk::protocol
