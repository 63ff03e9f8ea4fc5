#pragma once
// A fresh directory under /tmp for one test, removed with everything in it when the test ends.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace kiosk::testing {

struct TempDir {
  std::filesystem::path path;

  // /tmp/<prefix>-XXXXXX; `path` stays empty when mkdtemp fails.
  explicit TempDir(std::string_view prefix = "kiosk-test") {
    std::string tmpl = "/tmp/" + std::string(prefix) + "-XXXXXX";
    if (const char* made = ::mkdtemp(tmpl.data())) path = made;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

}  // namespace kiosk::testing
