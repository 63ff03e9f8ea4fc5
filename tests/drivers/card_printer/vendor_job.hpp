#pragma once
// A monochrome card job byte for byte as the Evolis Windows driver sends it, for the decoder
// tests (codec and `kioskhw decode-card-job`).
//
// Source: the capture test.windows/card-black in github.com/dpavlin/Printer-EVOLIS (a Dualys 3
// printed from the vendor's Windows driver, 2010). Its sequence, kept here exactly:
//   ESC Pr;k CR  ESC Pmi;F;s CR  ESC Pc;k;=;10 CR  ESC Pdt;DU CR  ESC Mr;s CR
//   ESC Ppws;1281755559 CR  ESC Ss CR  ESC Sr CR  ESC Dbc;k;2;83312; <data>  ESC Se;1 CR  NULs
// The data is 1016 lines of a count byte 0x51 (81) and 81 bytes: a black card with a dotted
// border (line 0 0x55..., line 1 0x2A 0xAA..., then 0xDF / 0xBF followed by 0xFF..., the last
// line 0xB5 0x55...). The stored copy of the capture is text-mangled (control bytes lost), so
// whether a CR follows the data cannot be read from it: `cr_after_data` builds either.

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::test {

inline constexpr int kVendorLines = 1016;
inline constexpr int kVendorLineBytes = 81;

// The 81 data bytes of wire line `line` of the fixture.
inline std::vector<std::uint8_t> vendor_line(int line) {
  std::vector<std::uint8_t> bytes(kVendorLineBytes, 0xFF);
  if (line == 0) {
    bytes.assign(kVendorLineBytes, 0x55);
  } else if (line == 1) {
    bytes.assign(kVendorLineBytes, 0xAA);
    bytes[0] = 0x2A;
  } else if (line == kVendorLines - 1) {
    bytes.assign(kVendorLineBytes, 0x55);
    bytes[0] = 0xB5;
  } else {
    bytes[0] = line % 2 == 0 ? 0xDF : 0xBF;
  }
  return bytes;
}

inline std::vector<std::uint8_t> vendor_windows_mono_job(bool cr_after_data) {
  std::string head;
  for (const char* cmd :
       {"Pr;k", "Pmi;F;s", "Pc;k;=;10", "Pdt;DU", "Mr;s", "Ppws;1281755559", "Ss", "Sr"}) {
    head += "\x1b" + std::string(cmd) + "\r";
  }
  head +=
      "\x1b"
      "Dbc;k;2;83312;";
  std::vector<std::uint8_t> out(head.begin(), head.end());
  for (int line = 0; line < kVendorLines; ++line) {
    out.push_back(kVendorLineBytes);
    const auto bytes = vendor_line(line);
    out.insert(out.end(), bytes.begin(), bytes.end());
  }
  if (cr_after_data) out.push_back('\r');
  const std::string tail =
      "\x1b"
      "Se;1\r";
  out.insert(out.end(), tail.begin(), tail.end());
  out.insert(out.end(), 64, 0x00);  // padding after the job
  return out;
}

}  // namespace kiosk::test
