/* A stand-in for a vendor WLT library behind the documented entry point
 * (drivers/id_reader/wlt_library.hpp). It checks that it was given a whole read reply frame
 * and a SAM id, and "decodes" the photo into a 102 x 126 grey image whose pixel i is photo
 * byte i mod 1024, so tests can tell that the right bytes arrived. */
#include <stddef.h>
#include <string.h>

int kiosk_wlt_decode(const unsigned char* frame, size_t frame_len, const char* sam_id,
                     unsigned char* rgb, size_t rgb_capacity, int* width, int* height) {
  enum { kPhotoOffset = 14 + 256, kPhotoSize = 1024, kWidth = 102, kHeight = 126 };
  if (frame == NULL || frame_len < kPhotoOffset + kPhotoSize + 1) return 2;
  if (frame[0] != 0xAA || frame[3] != 0x96 || frame[4] != 0x69) return 3;
  if (sam_id == NULL || strchr(sam_id, '-') == NULL) return 4; /* the licence check */
  if (rgb_capacity < (size_t)kWidth * kHeight * 3) return 5;
  const unsigned char* photo = frame + kPhotoOffset;
  for (size_t i = 0; i < (size_t)kWidth * kHeight; ++i) {
    rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = photo[i % kPhotoSize];
  }
  *width = kWidth;
  *height = kHeight;
  return 0;
}
