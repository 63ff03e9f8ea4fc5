#include "protocol/crypto/pem_file.hpp"

#include <fstream>
#include <sstream>

namespace kiosk::protocol {

namespace fs = std::filesystem;

namespace {
constexpr std::uintmax_t kMaxPemFileBytes = 1024 * 1024;
}  // namespace

Result<std::string> read_text_file(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec)
    return make_error(Errc::io, "cannot read " + path.filename().string() + ": " + ec.message());
  if (size > kMaxPemFileBytes)
    return make_error(Errc::io, path.filename().string() + " is too large");
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Errc::io, "cannot open " + path.filename().string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Result<Certificate> read_certificate(const fs::path& path) {
  auto text = read_text_file(path);
  if (!text) return text.error();
  return Certificate::from_pem(*text);
}

Result<PrivateKey> read_private_key(const fs::path& path) {
  auto text = read_text_file(path);
  if (!text) return text.error();
  return PrivateKey::from_pem(*text);
}

}  // namespace kiosk::protocol
