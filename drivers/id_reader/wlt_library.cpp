#include "drivers/id_reader/wlt_library.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <cstring>

#include "drivers/id_reader/id_reader_codec.hpp"
#include "drivers/id_reader/id_text_block.hpp"
#include "drivers/id_reader/wlt_decoder_unavailable.hpp"

namespace kiosk::drivers {
namespace {

constexpr int kMaxSide = 1024;

hal::DeviceError unavailable(std::string message) {
  return hal::make_error(hal::CompletionCode::unsupported, "wlt_library_unavailable",
                         std::move(message));
}

}  // namespace

hal::Result<std::shared_ptr<WltLibraryDecoder>> WltLibraryDecoder::load(const std::string& path) {
  if (path.empty()) return unavailable("no WLT library configured");
  void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = ::dlerror();
    return unavailable(why != nullptr ? why : "dlopen failed");
  }
  ::dlerror();
  void* symbol = ::dlsym(handle, kWltEntryPoint);
  if (symbol == nullptr) {
    const char* why = ::dlerror();
    const std::string message = why != nullptr ? why : "entry point missing";
    ::dlclose(handle);
    return unavailable(message);
  }
  Entry entry = nullptr;
  static_assert(sizeof(entry) == sizeof(symbol));
  std::memcpy(&entry, &symbol, sizeof(entry));  // POSIX: object pointer to function pointer
  return std::shared_ptr<WltLibraryDecoder>(new WltLibraryDecoder(handle, entry));
}

WltLibraryDecoder::~WltLibraryDecoder() {
  if (handle_ != nullptr) ::dlclose(handle_);
}

hal::Result<hal::RgbImage> WltLibraryDecoder::decode_frame(std::span<const std::uint8_t> frame,
                                                           std::string_view sam_id) const {
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(kMaxSide) * kMaxSide * 3);
  int width = 0;
  int height = 0;
  const std::string sam(sam_id);
  int rc = 0;
  {
    std::lock_guard lock(m_);
    rc = entry_(frame.data(), frame.size(), sam.c_str(), rgb.data(), rgb.size(), &width, &height);
  }
  if (rc != 0) {
    return hal::make_error(hal::CompletionCode::invalidData, "wlt_decode_failed",
                           "the WLT library refused the photo (code " + std::to_string(rc) + ")");
  }
  if (width <= 0 || height <= 0 || width > kMaxSide || height > kMaxSide) {
    return hal::make_error(hal::CompletionCode::invalidData, "wlt_decode_failed",
                           "the WLT library returned an image size out of range");
  }
  hal::RgbImage image(width, height);
  std::copy_n(rgb.begin(), image.pixels.size(), image.pixels.begin());
  return image;
}

hal::Result<hal::RgbImage> WltLibraryDecoder::decode(const std::vector<std::uint8_t>& wlt) const {
  // A read reply frame: text length, photo length, a blank text block, the photo.
  std::vector<std::uint8_t> data{0x01, 0x00, static_cast<std::uint8_t>(wlt.size() >> 8),
                                 static_cast<std::uint8_t>(wlt.size() & 0xFF)};
  for (std::size_t i = 0; i < id_reader::kTextBlockSize; i += 2) {
    data.push_back(' ');
    data.push_back(0x00);
  }
  data.insert(data.end(), wlt.begin(), wlt.end());
  const auto frame = id_reader::build_response(0x90, data);
  std::string sam;
  {
    std::lock_guard lock(m_);
    sam = sam_id_;
  }
  return decode_frame(frame, sam);
}

void WltLibraryDecoder::set_sam_id(std::string sam_id) {
  std::lock_guard lock(m_);
  sam_id_ = std::move(sam_id);
}

std::shared_ptr<const hal::WltDecoder> make_wlt_decoder(const std::string& library_path,
                                                        std::string* load_error) {
  if (!library_path.empty()) {
    auto loaded = WltLibraryDecoder::load(library_path);
    if (loaded.ok()) return std::move(loaded).value();
    if (load_error != nullptr) *load_error = loaded.error().message;
  }
  return std::make_shared<WltDecoderUnavailable>();
}

}  // namespace kiosk::drivers
