#include "protocol/crypto/signature.hpp"

#include <cstdlib>

#include <openssl/rand.h>

#include "protocol/crypto/openssl_handles.hpp"
#include "protocol/encoding/base64.hpp"

namespace kiosk::protocol {

namespace {

// An ECDSA P-256 DER signature is at most 72 bytes; anything much larger is not one of ours.
constexpr std::size_t kMaxSignatureB64 = 512;

Status verify_with(const PublicKey& key, std::string_view data, std::string_view signature_b64) {
  if (signature_b64.size() > kMaxSignatureB64)
    return make_error(Errc::bad_signature, "signature too long");
  auto sig = base64_decode(signature_b64);
  if (!sig) return sig.error();
  if (!key.verify(data, *sig)) return make_error(Errc::bad_signature, "signature does not verify");
  return Done{};
}

}  // namespace

Result<std::string> sign_base64(const PrivateKey& key, std::string_view data) {
  auto sig = key.sign(data);
  if (!sig) return sig.error();
  return base64_encode(*sig);
}

Status verify_base64(const Certificate& signer, std::string_view data,
                     std::string_view signature_b64) {
  auto key = PublicKey::from_certificate(signer.get());
  if (!key) return key.error();
  return verify_with(*key, data, signature_b64);
}

Status verify_base64(const PublicKey& signer, std::string_view data,
                     std::string_view signature_b64) {
  return verify_with(signer, data, signature_b64);
}

Status verify_base64_with_public_key(std::string_view public_key_pem, std::string_view data,
                                     std::string_view signature_b64) {
  auto key = PublicKey::from_pem(public_key_pem);
  if (!key) return key.error();
  return verify_with(*key, data, signature_b64);
}

std::string random_bytes(std::size_t count) {
  std::string out(count, '\0');
  // RAND_bytes only fails when the CSPRNG cannot be seeded: nothing secure can go on.
  if (count > 0 &&
      RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1) {
    std::abort();
  }
  return out;
}

}  // namespace kiosk::protocol
