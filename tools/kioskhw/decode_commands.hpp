#pragma once
// kioskhw's decoders for captured traffic: reader frames, card jobs and receipts.

#include <ostream>

#include "tools/kioskhw/command_line.hpp"

namespace kiosk::tools {

int decode_id_frame(const CommandLine& cl, std::ostream& out, std::ostream& err);
int decode_card_job(const CommandLine& cl, std::ostream& out, std::ostream& err);
int decode_receipt(const CommandLine& cl, std::ostream& out, std::ostream& err);

}  // namespace kiosk::tools
