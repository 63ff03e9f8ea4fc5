#include "tools/kioskhw/kioskhw.hpp"

#include "tools/kioskhw/command_line.hpp"
#include "tools/kioskhw/decode_commands.hpp"
#include "tools/kioskhw/device_commands.hpp"

namespace kiosk::tools {
namespace {

constexpr const char* kUsage = R"(usage: kioskhw COMMAND [--emulate] [--json] [options]

Devices (the real ones, or emulators behind the same drivers with --emulate):
  list                      devices found, with their transport
  status                    status of every device
  selftest                  health check of every device
  read-id [--citizen ID]    read the ID card on the reader (--emulate places a synthetic card)
  capture [--out DIR]       capture a still from the camera into DIR/capture.png
  print-test-card [--sample-licence] [--out DIR]
                            print a test card (or a sample licence); emulators write PNGs to DIR
  print-test-receipt [--sample-licence] [--out DIR]
                            print a test receipt (or a sample licence receipt)

Decoders for captured traffic (binary, or hex text as pasted from usbmon):
  decode-id-frame FILE                 an ID reader reply frame to JSON
  decode-card-job FILE --out card.png  a card-printer command stream to the image it prints
  decode-receipt FILE --out receipt.png  an ESC/POS stream to the receipt image

Exit status: 0 done, 1 the device reported an error, 2 usage, 3 no such device found,
4 found but no permission to open it (install the udev rules, 60-kiosk24.rules).
Long operations (a card print, waiting for an ID card) report progress on stderr.
)";

}  // namespace

int run_kioskhw(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    (args.empty() ? err : out) << kUsage;
    return args.empty() ? 2 : 0;
  }
  auto parsed = parse_command_line(args);
  if (!parsed) {
    err << "kioskhw: " << parsed.error << "\n" << kUsage;
    return 2;
  }
  const CommandLine& cl = *parsed.line;
  if (cl.command == "decode-id-frame") return decode_id_frame(cl, out, err);
  if (cl.command == "decode-card-job") return decode_card_job(cl, out, err);
  if (cl.command == "decode-receipt") return decode_receipt(cl, out, err);
  return run_device_command(cl, out, err);
}

}  // namespace kiosk::tools
