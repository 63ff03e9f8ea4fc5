#include "firmware/crypto/aead.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <climits>
#include <memory>

#include "protocol/enum_names.hpp"

namespace kiosk::crypto {
namespace {

struct CtxFree {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using Ctx = std::unique_ptr<EVP_CIPHER_CTX, CtxFree>;

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}
unsigned char* bytes(std::string& s) {
  return reinterpret_cast<unsigned char*>(s.data());
}

Error openssl_error(const char* what) {
  return make_error(Errc::openssl, what);
}

bool fits_int(std::size_t n) {
  return n <= static_cast<std::size_t>(INT_MAX);
}

}  // namespace

constexpr auto kErrcNames = KIOSK_ENUM_NAMES(Errc, bad_key, key_file, insecure_permissions,
                                             authentication_failed, malformed, openssl);

const char* to_string(Errc code) {
  return protocol::name_of(kErrcNames, code).data();
}

Result<Done> random_bytes(std::uint8_t* out, std::size_t size) {
  if (!fits_int(size) || RAND_bytes(out, static_cast<int>(size)) != 1) {
    return openssl_error("random source failed");
  }
  return Done{};
}

std::string step_associated_data(std::string_view txn, std::string_view step) {
  std::string ad;
  ad.reserve(txn.size() + step.size() + 1);
  ad.append(txn).append("\n").append(step);
  return ad;
}

Result<std::string> seal(const DataKey& key, std::string_view plaintext,
                         std::string_view associated_data) {
  if (!fits_int(plaintext.size()) || !fits_int(associated_data.size())) {
    return openssl_error("input too large");
  }
  std::string out(kNonceBytes + plaintext.size() + kTagBytes, '\0');
  auto* nonce = bytes(out);
  if (auto r = random_bytes(nonce, kNonceBytes); !r) return r.error();

  Ctx ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1 ||
      EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), nonce) != 1) {
    return openssl_error("cipher init failed");
  }
  if (!associated_data.empty() &&
      EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(associated_data),
                        static_cast<int>(associated_data.size())) != 1) {
    return openssl_error("associated data failed");
  }
  auto* ct = nonce + kNonceBytes;
  int written = 0;
  if (!plaintext.empty()) {
    if (EVP_EncryptUpdate(ctx.get(), ct, &len, bytes(plaintext),
                          static_cast<int>(plaintext.size())) != 1) {
      return openssl_error("encrypt failed");
    }
    written = len;
  }
  if (EVP_EncryptFinal_ex(ctx.get(), ct + written, &len) != 1) {
    return openssl_error("encrypt final failed");
  }
  written += len;
  if (static_cast<std::size_t>(written) != plaintext.size() ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, ct + written) != 1) {
    return openssl_error("tag failed");
  }
  return out;
}

Result<std::string> open(const DataKey& key, std::string_view sealed,
                         std::string_view associated_data) {
  if (sealed.size() < kNonceBytes + kTagBytes) {
    return make_error(Errc::malformed, "sealed data too short");
  }
  if (!fits_int(sealed.size()) || !fits_int(associated_data.size())) {
    return make_error(Errc::malformed, "sealed data too large");
  }
  const std::size_t ct_size = sealed.size() - kNonceBytes - kTagBytes;
  const auto* nonce = bytes(sealed);
  const auto* ct = nonce + kNonceBytes;
  // EVP_CTRL_GCM_SET_TAG takes a non-const pointer; copy the tag rather than cast away const.
  unsigned char tag[kTagBytes];
  std::copy(ct + ct_size, ct + ct_size + kTagBytes, tag);

  Ctx ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1 ||
      EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), nonce) != 1) {
    return openssl_error("cipher init failed");
  }
  if (!associated_data.empty() &&
      EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(associated_data),
                        static_cast<int>(associated_data.size())) != 1) {
    return openssl_error("associated data failed");
  }
  std::string plain(ct_size, '\0');
  int written = 0;
  if (ct_size > 0) {
    if (EVP_DecryptUpdate(ctx.get(), bytes(plain), &len, ct, static_cast<int>(ct_size)) != 1) {
      return openssl_error("decrypt failed");
    }
    written = len;
  }
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag) != 1) {
    return openssl_error("tag failed");
  }
  if (EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + written, &len) != 1) {
    OPENSSL_cleanse(plain.data(), plain.size());
    return make_error(Errc::authentication_failed, "authentication tag mismatch");
  }
  return plain;
}

}  // namespace kiosk::crypto
