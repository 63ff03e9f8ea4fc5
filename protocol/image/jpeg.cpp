#include "protocol/image/jpeg.hpp"

#include <cstdio>
// clang-format off
#include <jpeglib.h>
// clang-format on

#include <csetjmp>
#include <cstdlib>

namespace kiosk::protocol {
namespace {

struct JpegErrors {
  jpeg_error_mgr pub;  // first member: libjpeg sees only this
  std::jmp_buf jump;
};

[[noreturn]] void on_jpeg_error(j_common_ptr cinfo) {
  std::longjmp(reinterpret_cast<JpegErrors*>(cinfo->err)->jump, 1);
}
void on_jpeg_output(j_common_ptr /*cinfo*/) {}

struct Encoded {
  unsigned char* data;
  unsigned long size;
};

// No object with a destructor lives in this frame (longjmp).
bool encode(const RgbView* image, int quality, Encoded* out, JpegErrors* errors) {
  jpeg_compress_struct cinfo;
  cinfo.err = jpeg_std_error(&errors->pub);
  errors->pub.error_exit = on_jpeg_error;
  errors->pub.output_message = on_jpeg_output;
  jpeg_create_compress(&cinfo);
  if (setjmp(errors->jump) != 0) {
    jpeg_destroy_compress(&cinfo);
    return false;
  }
  jpeg_mem_dest(&cinfo, &out->data, &out->size);
  cinfo.image_width = static_cast<JDIMENSION>(image->width);
  cinfo.image_height = static_cast<JDIMENSION>(image->height);
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height) {
    // libjpeg's API takes non-const rows; it only reads them.
    JSAMPROW row =
        const_cast<JSAMPLE*>(image->pixels.data() + static_cast<std::size_t>(cinfo.next_scanline) *
                                                        static_cast<std::size_t>(image->width) * 3);
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  return true;
}

}  // namespace

Result<std::vector<std::uint8_t>> encode_jpeg(RgbView image, int quality) {
  if (!image.valid()) return make_error(Errc::invalid_image, "image has no pixels");
  Encoded out{nullptr, 0};
  JpegErrors errors{};
  const bool ok = encode(&image, quality, &out, &errors);
  std::vector<std::uint8_t> bytes;
  if (ok && out.data != nullptr) bytes.assign(out.data, out.data + out.size);
  std::free(out.data);  // jpeg_mem_dest allocates with malloc
  if (!ok) return make_error(Errc::codec, "JPEG encoding failed");
  return bytes;
}

}  // namespace kiosk::protocol
