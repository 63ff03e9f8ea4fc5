#pragma once
// The WLT photo decoder of a vendor library, loaded at run time with dlopen.
//
// WLT decoding exists only in closed vendor libraries, each with its own entry point, and
// some of them check the SAM id (a licence) and read the photo from the whole reply frame.
// Kiosk24 calls one documented C entry point; a kiosk installs the vendor's library behind a
// small shim that implements it:
//
//   int kiosk_wlt_decode(const unsigned char* frame, size_t frame_len, const char* sam_id,
//                        unsigned char* rgb, size_t rgb_capacity, int* width, int* height);
//
//   frame      the whole reply frame of the read (30 01 or 30 10): preamble, length, SW1-SW3,
//              the lengths, text, photo (WLT) [, fingerprint], checksum
//   sam_id     the SAM id in its printed form ("05.01-20261128-000000024-000000001")
//   rgb        receives width * height * 3 bytes, rows top to bottom, R G B
//   returns    0 on success (width, height set, typically 102 x 126), any other value is the
//              vendor's error code
//
// The library path is configuration (kioskd: id_reader.wlt_library); it is empty by default,
// and then the kiosk has no decoder: photos are reported unavailable
// (unsupported/"wlt_decoder_unavailable"), never a crash.

#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hal/id_reader.hpp"

namespace kiosk::drivers {

inline constexpr const char* kWltEntryPoint = "kiosk_wlt_decode";

class WltLibraryDecoder final : public hal::WltDecoder {
 public:
  // Loads `path` and finds kWltEntryPoint. Errors: unsupported/"wlt_library_unavailable"
  // (no such file, not a library, no entry point), with dlerror's text.
  static hal::Result<std::shared_ptr<WltLibraryDecoder>> load(const std::string& path);
  ~WltLibraryDecoder() override;
  WltLibraryDecoder(const WltLibraryDecoder&) = delete;
  WltLibraryDecoder& operator=(const WltLibraryDecoder&) = delete;

  // Decodes the photo of a whole reply frame. Calls into the library one at a time (vendor
  // libraries are not known to be thread-safe). Errors: invalidData/"wlt_decode_failed" (the
  // library's error code in the message, or an image size out of range).
  hal::Result<hal::RgbImage> decode_frame(std::span<const std::uint8_t> frame,
                                          std::string_view sam_id) const;
  // hal::WltDecoder: wraps the WLT bytes in a read reply frame with a blank text block and
  // uses the SAM id last given to set_sam_id().
  hal::Result<hal::RgbImage> decode(const std::vector<std::uint8_t>& wlt) const override;
  void set_sam_id(std::string sam_id);

 private:
  using Entry = int (*)(const unsigned char*, std::size_t, const char*, unsigned char*, std::size_t,
                        int*, int*);
  WltLibraryDecoder(void* handle, Entry entry) : handle_(handle), entry_(entry) {}

  void* handle_;
  Entry entry_;
  mutable std::mutex m_;
  std::string sam_id_;
};

// The decoder for a configured library path: the library's when it loads, otherwise
// WltDecoderUnavailable (an empty path, or a library that does not load; `load_error`, if
// given, receives why).
std::shared_ptr<const hal::WltDecoder> make_wlt_decoder(const std::string& library_path,
                                                        std::string* load_error = nullptr);

}  // namespace kiosk::drivers
