#include "firmware/crypto/key_file.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace kiosk::crypto;
namespace fs = std::filesystem;

namespace {
fs::path fresh_dir(const std::string& name) {
  auto dir =
      fs::temp_directory_path() / ("kiosk_crypto_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}
}  // namespace

TEST_CASE("a missing key file is created with 32 random bytes and mode 0600", "[crypto]") {
  auto dir = fresh_dir("create");
  auto path = dir / "data.key";
  auto created = load_or_create_key(path);
  REQUIRE(created);
  CHECK(fs::file_size(path) == 32);
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(*created != DataKey{});

  auto again = load_or_create_key(path);
  REQUIRE(again);
  CHECK(*again == *created);
  auto loaded = load_key(path);
  REQUIRE(loaded);
  CHECK(*loaded == *created);
  fs::remove_all(dir);
}

TEST_CASE("a key file others can read is refused", "[crypto]") {
  auto dir = fresh_dir("perm");
  auto path = dir / "data.key";
  REQUIRE(load_or_create_key(path));
  fs::permissions(path, fs::perms::others_read, fs::perm_options::add);
  auto r = load_key(path);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::insecure_permissions);
  auto r2 = load_or_create_key(path);
  REQUIRE_FALSE(r2);
  CHECK(r2.error().code == Errc::insecure_permissions);
  fs::remove_all(dir);
}

TEST_CASE("a key file of the wrong size is refused", "[crypto]") {
  auto dir = fresh_dir("size");
  auto path = dir / "data.key";
  { std::ofstream(path) << "short"; }
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
  auto r = load_key(path);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::bad_key);
  fs::remove_all(dir);
}

TEST_CASE("a missing key file cannot be loaded", "[crypto]") {
  auto r = load_key("/nonexistent/kiosk/data.key");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::key_file);
}
