#include "central/pki/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

namespace kiosk::central::pki {

namespace fs = std::filesystem;

namespace {

PkiError io_error(std::string_view what, const fs::path& path) {
  return make_error(
      Errc::io, std::string(what) + " " + path.filename().string() + ": " + std::strerror(errno));
}

}  // namespace

Status write_text_file(const fs::path& path, std::string_view text, bool is_private) {
  const fs::path tmp = path.string() + ".tmp";
  const mode_t mode = is_private ? 0600 : 0644;
  ::unlink(tmp.c_str());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return io_error("create", tmp);
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      auto err = io_error("write", tmp);
      ::close(fd);
      ::unlink(tmp.c_str());
      return err;
    }
    done += static_cast<std::size_t>(n);
  }
  // The umask may have narrowed the mode; set it exactly.
  if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
    auto err = io_error("sync", tmp);
    ::close(fd);
    ::unlink(tmp.c_str());
    return err;
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    auto err = io_error("rename", path);
    ::unlink(tmp.c_str());
    return err;
  }
  return Done{};
}

Result<CertifiedKey> read_certified_key(const fs::path& cert_path, const fs::path& key_path) {
  auto cert = read_certificate(cert_path);
  if (!cert) return from_protocol(cert.error());
  auto key = read_private_key(key_path);
  if (!key) return from_protocol(key.error());
  if (!cert->matches(*key)) {
    return make_error(Errc::invalid_argument, cert_path.filename().string() + " and " +
                                                  key_path.filename().string() + " do not match");
  }
  return CertifiedKey{std::move(cert).value(), std::move(key).value()};
}

std::string dev_kiosk_id(int index) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "kiosk-dev-%03d", index);
  return buf;
}

namespace {

Status write_pair(const fs::path& dir, const std::string& stem, const CertifiedKey& pair,
                  PkiInitReport& report) {
  if (auto s = write_text_file(dir / (stem + ".key"), pair.key.to_pem(), true); !s) return s;
  if (auto s = write_text_file(dir / (stem + ".pem"), pair.cert.to_pem(), false); !s) return s;
  report.written.push_back(stem + ".key");
  report.written.push_back(stem + ".pem");
  return Done{};
}

bool both_exist(const fs::path& dir, const std::string& stem) {
  return fs::exists(dir / (stem + ".pem")) && fs::exists(dir / (stem + ".key"));
}

Status make_dir(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return make_error(Errc::io, "cannot create directory: " + ec.message());
  fs::permissions(dir, fs::perms::owner_all, ec);
  if (ec) return make_error(Errc::io, "cannot set directory mode: " + ec.message());
  return Done{};
}

}  // namespace

Result<PkiInitReport> pki_init(const fs::path& dir, const PkiInitOptions& options) {
  if (options.dev_kiosks < 0 || options.dev_kiosks > 999) {
    return make_error(Errc::invalid_argument, "dev kiosk count must be 0..999");
  }
  if (auto s = make_dir(dir); !s) return s.error();
  PkiInitReport report;

  const bool ca_pem = fs::exists(dir / "ca.pem");
  const bool ca_key = fs::exists(dir / "ca.key");
  std::optional<CertifiedKey> ca;
  if (ca_pem || ca_key) {
    // Never replace a CA: every certificate the office issued chains to it.
    if (!(ca_pem && ca_key))
      return make_error(Errc::invalid_argument,
                        "ca.pem or ca.key is missing; refusing to replace the CA");
    auto existing = read_certified_key(dir / "ca.pem", dir / "ca.key");
    if (!existing) return existing.error();
    ca = std::move(existing).value();
  } else {
    auto created = create_ca(options.ca);
    if (!created) return created.error();
    if (auto s = write_pair(dir, "ca", *created, report); !s) return s.error();
    ca = std::move(created).value();
    report.created_ca = true;
  }

  if (!both_exist(dir, "server")) {
    auto server = create_server_certificate(*ca, options.server);
    if (!server) return server.error();
    if (auto s = write_pair(dir, "server", *server, report); !s) return s.error();
  }
  if (!both_exist(dir, "office")) {
    auto office = create_office_certificate(*ca);
    if (!office) return office.error();
    if (auto s = write_pair(dir, "office", *office, report); !s) return s.error();
  }
  if (options.dev_kiosks > 0) {
    if (auto s = make_dir(dir / "kiosks"); !s) return s.error();
  }
  for (int i = 1; i <= options.dev_kiosks; ++i) {
    const std::string id = dev_kiosk_id(i);
    if (both_exist(dir / "kiosks", id)) continue;
    auto kiosk = create_kiosk_certificate(*ca, id);
    if (!kiosk) return kiosk.error();
    PkiInitReport sub;
    if (auto s = write_pair(dir / "kiosks", id, *kiosk, sub); !s) return s.error();
    for (auto& name : sub.written) report.written.push_back("kiosks/" + name);
  }
  return report;
}

}  // namespace kiosk::central::pki
