#include "firmware/crypto/key_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "firmware/crypto/wipe.hpp"

namespace kiosk::crypto {
namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

Error file_error(const char* what) {
  return make_error(Errc::key_file, std::string(what) + ": " + std::strerror(errno));
}

Result<Done> fsync_dir(const std::filesystem::path& dir) {
  Fd d(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (d.get() < 0 || ::fsync(d.get()) != 0) return file_error("cannot sync key directory");
  return Done{};
}

}  // namespace

Result<DataKey> load_key(const std::filesystem::path& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) return file_error("cannot open key file");
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return file_error("cannot stat key file");
  if (!S_ISREG(st.st_mode)) return make_error(Errc::key_file, "key file is not a regular file");
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return make_error(Errc::insecure_permissions,
                      "key file is accessible to group or others (need mode 0600)");
  }
  if (st.st_size != static_cast<off_t>(DataKey{}.size())) {
    return make_error(Errc::bad_key, "key file does not hold exactly 32 bytes");
  }
  DataKey key{};
  std::size_t got = 0;
  while (got < key.size()) {
    const ssize_t n = ::read(fd.get(), key.data() + got, key.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      secure_wipe(key);
      return file_error("cannot read key file");
    }
    got += static_cast<std::size_t>(n);
  }
  return key;
}

Result<DataKey> load_or_create_key(const std::filesystem::path& path) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
  if (fd.get() < 0) {
    if (errno == EEXIST) return load_key(path);
    return file_error("cannot create key file");
  }
  DataKey key{};
  if (auto r = random_bytes(key.data(), key.size()); !r) {
    ::unlink(path.c_str());
    return r.error();
  }
  std::size_t put = 0;
  while (put < key.size()) {
    const ssize_t n = ::write(fd.get(), key.data() + put, key.size() - put);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      auto err = file_error("cannot write key file");
      ::unlink(path.c_str());
      secure_wipe(key);
      return err;
    }
    put += static_cast<std::size_t>(n);
  }
  if (::fsync(fd.get()) != 0) {
    auto err = file_error("cannot sync key file");
    ::unlink(path.c_str());
    secure_wipe(key);
    return err;
  }
  if (auto r = fsync_dir(path.parent_path()); !r) {
    secure_wipe(key);
    return r.error();
  }
  return key;
}

}  // namespace kiosk::crypto
